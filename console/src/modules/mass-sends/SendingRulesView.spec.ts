import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './SendingRulesView.vue'
import { setLocale } from '@/i18n'
import { mountApp, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { RULES, stubMassSendServer } from '@/test/mass-sends'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const card = (name: string) => document.querySelector<HTMLElement>(`[data-testid="${name}"]`)!
const put = (calls: Request[]) => calls.filter((c) => c.method === 'PUT').at(-1)

function stubRules(routes = {}, account = me()) {
  return stubMassSendServer(
    {
      'PUT /api/v1/messaging/settings': async (request: Request) =>
        jsonResponse(await request.clone().json()),
      ...routes,
    },
    account,
  )
}

describe('the sending rules', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('explain each rule, and show the tenant’s quiet hours, caps and WeCom rule', async () => {
    stubRules()
    const { wrapper } = await mountApp('/outreach/settings')
    expect(document.title).toBe('发送规则 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('发送规则')
    expect(card('quiet-hours').textContent).toContain('保留到时段结束')
    expect(card('quiet-hours').textContent).toContain('跨夜：21:00 到次日 08:00')
    expect(card('caps').textContent).toContain('0 表示不限')
    expect(card('quota').textContent).toContain(
      '企业微信管理后台 → 客户联系 → 群发助手 → 设置群发规则',
    )
    const capDay = card('caps').querySelector<HTMLInputElement>(
      '[name="capDay"] input, input[name="capDay"]',
    )
    expect(capDay?.value).toBe('1')
    const checked = card('quota').querySelector('.el-radio.is-checked')
    expect(checked?.textContent?.trim()).toBe('每位客户每月最多收到当月天数条（企业微信默认）')
  })

  it('saves quiet hours turned off as 00:00–00:00, with the other rules unchanged', async () => {
    const { calls } = stubRules()
    await mountApp('/outreach/settings')
    expect(card('quiet-hours').querySelector('[data-testid="quiet-from"] input')).not.toBeNull()
    card('quiet-on').click()
    await settle(0)
    expect(card('quiet-hours').querySelector('[data-testid="quiet-from"]')).toBeNull()
    const quota = [...card('quota').querySelectorAll<HTMLElement>('.el-radio')].find((r) =>
      r.textContent?.includes('每天最多收到 1 条'),
    )
    quota!.querySelector('input')!.click()
    button('保存').click()
    await settle()
    expect(await put(calls)?.clone().json()).toEqual({
      ...RULES,
      quietFrom: '00:00',
      quietTo: '00:00',
      massQuota: '1-per-day',
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('发送规则已保存')
  })

  it('set how long the same content waits, and how many tasks a staff member and the company get', async () => {
    const { calls } = stubRules()
    await mountApp('/outreach/settings')
    const pace = card('pace')
    expect(pace.textContent).toContain('不论来自群发还是旅程')
    const input = (name: string) => pace.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
    expect(input('dedupeDays').value).toBe('7')
    expect(pace.textContent).toContain('天内只发一次')
    await type(input('staffTasksPerDay'), '5')
    input('staffTasksPerDay').dispatchEvent(new Event('change'))
    await type(input('dedupeDays'), '0')
    input('dedupeDays').dispatchEvent(new Event('change'))
    await settle(0)
    expect(pace.textContent).toContain('不去重')
    button('保存').click()
    await settle()
    expect(await put(calls)?.clone().json()).toEqual({
      ...RULES,
      dedupeDays: 0,
      staffTasksPerDay: 5,
    })
  })

  it('offers the usual night again when quiet hours are turned back on', async () => {
    const { calls } = stubRules({
      'GET /api/v1/messaging/settings': () =>
        jsonResponse({ ...RULES, quietFrom: '00:00', quietTo: '00:00' }),
    })
    await mountApp('/outreach/settings')
    expect(card('quiet-hours').querySelector('[data-testid="quiet-from"]')).toBeNull()
    card('quiet-on').click()
    await settle(0)
    const from = card('quiet-hours').querySelector<HTMLInputElement>(
      '[data-testid="quiet-from"] input',
    )
    expect(from?.value).toBe('21:00')
    button('保存').click()
    await settle()
    expect(await put(calls)?.clone().json()).toMatchObject({ quietFrom: '21:00', quietTo: '08:00' })
  })

  it('shows the server’s messages on the rules they are about', async () => {
    stubRules({
      'PUT /api/v1/messaging/settings': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [{ field: 'capWeek', code: 'messaging.cap', message: '须在 0 到 700 之间' }],
        }),
    })
    await mountApp('/outreach/settings')
    button('保存').click()
    await settle()
    expect(card('caps').querySelectorAll('.el-form-item__error')[0]?.textContent?.trim()).toBe(
      '须在 0 到 700 之间',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('can only be read without messaging:send', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubRules({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/outreach/settings')
    expect(card('sending-rules').textContent).toContain('修改需要发起群发的权限')
    expect(document.querySelector('[data-testid="save-rules"]')).toBeNull()
    expect(card('quota').querySelector('input')?.disabled).toBe(true)
  })

  it('speaks English', async () => {
    setLocale('en')
    stubRules()
    await mountApp('/outreach/settings')
    expect(document.querySelector('.page-header__title')?.textContent).toBe('Sending rules')
    expect(card('quota').textContent).toContain('At most 1 a day per customer')
  })
})
