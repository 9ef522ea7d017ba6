import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ProgramView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import { RULES, stubLoyaltyServer } from '@/test/loyalty'
import { settle } from '@/test/settle'
import type { EarningRule, EarningRuleInput } from './api'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="rules"] tbody tr')]
const cell = (row: number, testId: string) =>
  rows()[row]!.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const sent = (calls: Request[], method: string) => calls.filter((c) => c.method === method)
const click = async (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click')
  ;(element as HTMLElement).click()
  await settle()
}
const button = (label: string, scope: ParentNode) =>
  [...scope.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === label)
/** Opens a select in the dialog and picks the option whose text starts with `label`. */
async function pick(field: string, label: string): Promise<string[]> {
  openDialog().querySelector<HTMLElement>(`[data-field="${field}"] .el-select__wrapper`)!.click()
  await settle(0)
  const shown = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
    (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )
  const texts = shown.map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '')
  const option = shown.find((item) => item.textContent?.trim().startsWith(label))
  if (!option) throw new Error(`no option ${label} in ${texts.join(', ')}`)
  option.click()
  await settle(0)
  return texts
}
async function typeNumber(name: string, value: string): Promise<void> {
  const input = openDialog().querySelector<HTMLInputElement>(`[name="${name}"]`)!
  await type(input, value)
  input.dispatchEvent(new Event('change'))
  await settle(0)
}

describe('the earning rules of the membership program', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists the rules: event, points, caps, filter and the campaign window in the tenant’s time', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/program')
    expect(rows()).toHaveLength(2)
    expect(cell(0, 'rule-type')).toBe('签到 check_in')
    expect(cell(0, 'rule-earns')).toBe('10 积分 · 1 成长值')
    expect(cell(0, 'rule-caps')).toBe('每天 10 积分')
    expect(rows()[0]!.textContent).toContain('累计不限')
    expect(cell(1, 'rule-filter')).toBe('rating ≥ 4')
    expect(rows()[1]!.textContent).toContain('累计 500 积分')
    expect(cell(1, 'rule-campaign')).toContain('×2')
    expect(cell(1, 'rule-campaign')).toContain('2026-11-11 00:00 – 2026-11-12 00:00')
  })

  it('adds a rule for an event from the catalog, purchases not offered', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/rules': async (request) =>
        jsonResponse(
          { ...(await request.clone().json()), id: 3, updatedAt: '2026-11-06T02:00:00Z' },
          201,
        ),
    })
    await mountApp('/loyalty/program')
    await click(document.querySelector('[data-testid="add-rule"]'))
    await type(openDialog().querySelector<HTMLInputElement>('[name="name"]'), '分享有礼')
    const offered = await pick('eventType', '分享')
    expect(offered.some((text) => text.includes('purchase'))).toBe(false)
    expect(offered).toContain('签到check_in')
    await typeNumber('points', '5')
    await typeNumber('dailyCap', '15')
    await click(button('保存', openDialog()))
    const body = (await sent(calls, 'POST')[0]!.json()) as EarningRuleInput
    expect(body).toEqual({
      name: '分享有礼',
      eventType: 'share',
      points: 5,
      growth: 0,
      dailyCap: 15,
      totalCap: null,
      active: true,
      filter: null,
      campaign: null,
    })
    expect(rows()).toHaveLength(3)
    expect(cell(2, 'rule-earns')).toBe('5 积分')
  })

  it('changes a campaign rule and sends its window back as it was', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/rules/2': async (request) =>
        jsonResponse({ ...RULES[1], ...(await request.clone().json()) }),
    })
    await mountApp('/loyalty/program')
    await click(rows()[1]!.querySelector('[data-testid="edit-rule"]'))
    expect(openDialog().querySelector<HTMLInputElement>('[name="filterValue"]')!.value).toBe('4')
    await typeNumber('campaignMultiplier', '3')
    await click(button('保存', openDialog()))
    const body = (await sent(calls, 'PUT')[0]!.json()) as EarningRuleInput
    expect(body.campaign).toEqual({
      from: '2026-11-10T16:00:00.000Z',
      to: '2026-11-11T16:00:00.000Z',
      multiplier: 3,
    })
    expect(body.filter).toEqual({ property: 'rating', op: 'gte', value: '4' })
    expect(cell(1, 'rule-campaign')).toContain('×3')
  })

  it('shows the server’s problems on the fields they name', async () => {
    stubLoyaltyServer({
      'POST /api/v1/loyalty/rules': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [
            { field: 'eventType', code: 'loyalty.rule.event-type', message: '请从事件目录中选择' },
            {
              field: 'dailyCap',
              code: 'loyalty.rule.daily-cap',
              message: '上限须在 1 到 1000 之间',
            },
          ],
        }),
    })
    await mountApp('/loyalty/program')
    await click(document.querySelector('[data-testid="add-rule"]'))
    await type(openDialog().querySelector<HTMLInputElement>('[name="name"]'), '签到')
    await pick('eventType', '签到')
    await click(button('保存', openDialog()))
    const errors = [...openDialog().querySelectorAll('.el-form-item__error')].map((e) =>
      e.textContent?.trim(),
    )
    expect(errors).toEqual(['请从事件目录中选择', '上限须在 1 到 1000 之间'])
  })

  it('switches a rule off and removes one after asking', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/rules/1': async (request) =>
        jsonResponse({ ...RULES[0], ...(await request.clone().json()) } as EarningRule),
      'DELETE /api/v1/loyalty/rules/2': () => new Response(null, { status: 204 }),
    })
    await mountApp('/loyalty/program')
    await click(rows()[0]!.querySelector('[data-testid="rule-active"]'))
    const put = (await sent(calls, 'PUT')[0]!.json()) as EarningRuleInput
    expect(put).toMatchObject({ name: '每日签到', active: false, points: 10, dailyCap: 10 })
    await click(rows()[1]!.querySelector('[data-testid="delete-rule"]'))
    const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!
    expect(box.textContent).toContain('删除积分规则「好评有礼」？已经发放的积分不受影响。')
    await click(button('删除', box))
    expect(sent(calls, 'DELETE')).toHaveLength(1)
    expect(rows()).toHaveLength(1)
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/program')
    const section = document.querySelector('[data-testid="rules"]')!.closest('section')!
    expect(section.querySelector('h2')?.textContent).toContain('Earning rules')
    const headers = [...section.querySelectorAll('th')].map((th) => th.textContent).join(' ')
    expect(headers).not.toMatch(/\p{Script=Han}/u)
    expect(cell(1, 'rule-caps')).toBe('60 points a day')
  })
})
