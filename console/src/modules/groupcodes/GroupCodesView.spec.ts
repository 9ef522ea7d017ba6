import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './GroupCodesView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { APP, CHANNEL_CODES, GROUPS, codeView } from '@/test/wecomops'

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/apps': () => jsonResponse([APP]),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/sandbox': () =>
      jsonResponse({ enabled: true, appId: 1, corpId: APP.corpId }),
    'GET /api/v1/wecom/apps/1/groups': () => jsonResponse(GROUPS),
    'GET /api/v1/wecom/channel-codes': () => jsonResponse(CHANNEL_CODES),
    'GET /api/v1/wecom/group-codes': () => jsonResponse([codeView()]),
    ...routes,
  })
}

const card = () => document.querySelector<HTMLElement>('[data-code-id="7"]')!

describe('the group live codes page', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('lists each code with its groups in order, how full they are and which one is current', async () => {
    stubServer()
    const { wrapper } = await mountApp('/wecom-ops/group-codes')
    expect(document.title).toBe('群活码 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('群活码')
    const text = card().textContent ?? ''
    for (const part of [
      '双十一福利群',
      '换群人数 190',
      '兜底活码：李娜 兜底码',
      '累计入群',
      '128',
    ]) {
      expect(text).toContain(part)
    }
    const rows = [...card().querySelectorAll<HTMLElement>('.group-fill')]
    expect(rows.map((r) => r.dataset.state)).toEqual(['full', 'current'])
    expect(rows[0]!.textContent).toContain('195/200 人')
    expect(rows[0]!.textContent).toContain('已满')
    expect(rows[1]!.textContent).toContain('当前进群')
    const bar = rows[1]!.querySelector<HTMLElement>('.group-fill__value')!
    expect(bar.style.width).toBe('21%')
    expect(rows[1]!.querySelector<HTMLElement>('.group-fill__threshold')!.style.left).toBe('95%')
    expect(card().querySelector('[data-testid="code-badge"]')).toBeNull()
    expect(card().querySelector('img')?.getAttribute('src')).toContain('/group-codes/7/qr.png')
  })

  it('marks a code whose groups are all full and that shows the fallback code', async () => {
    stubServer({
      'GET /api/v1/wecom/group-codes': () =>
        jsonResponse([codeView({ full: true, fallback: true, routedTo: [] })]),
    })
    await mountApp('/wecom-ops/group-codes')
    expect(card().querySelector('[data-testid="code-badge"]')?.textContent?.trim()).toBe('兜底活码')
    expect(card().textContent).toContain('扫码的客户会看到兜底活码')
  })

  it('hides creating, editing and deleting without live-codes:write', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'live-codes:write' && p !== 'wecom:manage')
    stubServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/wecom-ops/group-codes')
    const buttons = [...document.querySelectorAll('button')].map((b) => b.textContent?.trim())
    expect(buttons).toContain('数据统计')
    expect(buttons).not.toContain('新建群活码')
    expect(buttons).not.toContain('编辑')
    expect(buttons).not.toContain('删除')
    // the app comes from the sandbox status without wecom:manage
    expect(card().textContent).toContain('双十一福利群')
  })

  it('sends only the changed fields of an edit', async () => {
    const { calls } = stubServer({
      'PATCH /api/v1/wecom/group-codes/7': () => jsonResponse(codeView().code),
    })
    await mountApp('/wecom-ops/group-codes')
    button('编辑', card()).click()
    await settle()
    await type(openDialog().querySelector<HTMLInputElement>('input[name="name"]'), '双十二福利群')
    const down = openDialog().querySelector<HTMLButtonElement>(
      '[data-chat-id="wrA1"] [aria-label="下移"]',
    )
    down!.click()
    await settle(0)
    button('保存', openDialog()).click()
    await settle()
    const patch = calls.find((c) => c.method === 'PATCH')
    expect(await patch?.clone().json()).toEqual({ name: '双十二福利群', groups: ['wrB2', 'wrA1'] })
  })

  it('shows the server’s messages on the group row and the field they are about', async () => {
    stubServer({
      'POST /api/v1/wecom/group-codes': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [
            { field: 'groups[1]', code: 'x', message: '客户群 wrB2 已解散' },
            { field: 'threshold', code: 'x', message: '换群人数须在 1 到 200 之间' },
          ],
        }),
    })
    await mountApp('/wecom-ops/group-codes')
    button('新建群活码').click()
    await settle()
    const dialog = openDialog()
    await type(dialog.querySelector<HTMLInputElement>('input[name="name"]'), '新群码')
    await choose(dialog.querySelector('[data-testid="add-group"]'), '华东门店VIP福利群（195 人）')
    await choose(dialog.querySelector('[data-testid="add-group"]'), '线上客服答疑群（42 人）')
    button('新建', dialog).click()
    await settle()
    const rowErrors = [...dialog.querySelectorAll('[data-testid="group-error"]')]
    expect(rowErrors.map((e) => e.closest('li')?.getAttribute('data-chat-id'))).toEqual(['wrB2'])
    expect(rowErrors[0]!.textContent?.trim()).toBe('客户群 wrB2 已解散')
    const threshold = dialog.querySelector('input[name="threshold"]')!.closest('.el-form-item')!
    expect(threshold.querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
      '换群人数须在 1 到 200 之间',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()
  })
})
