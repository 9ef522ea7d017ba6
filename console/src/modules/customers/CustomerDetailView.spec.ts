import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CustomerDetailView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { mountApp, openDialog, type } from '@/test/app'
import { ATTRIBUTES, detail } from '@/test/customers'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'

function stubServer(routes: Record<string, Route> = {}) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account: me() }),
    'GET /api/v1/customer-attributes': () => jsonResponse(ATTRIBUTES),
    'GET /api/v1/customers/20001': () => jsonResponse(detail()),
    'GET /api/v1/customers/20001/wecom-contacts': () => jsonResponse([]),
    ...routes,
  })
}

const paths = (calls: Request[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)

function tab(label: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((t) =>
    t.textContent?.trim().startsWith(label),
  )
  if (!found) throw new Error(`no tab ${label}`)
  return found
}

describe('the customer profile', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the header, the totals and the profile with attributes and consent', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/customers/20001')
    const header = wrapper.find('.customer__header').text()
    for (const text of ['林晓雯', '金卡会员', '#20001', '女', '上海', '王经理', '企微扫码']) {
      expect(header).toContain(text)
    }
    const kpis = wrapper.findAll('.kpi').map((k) => k.text())
    expect(kpis[0]).toContain('3')
    expect(kpis[0]).toContain('含 1 份合并资料')
    expect(kpis[1]).toContain('¥4,369.80')
    expect(kpis[2]).toContain('2026-02-01')
    expect(kpis[3]).toContain('2026-09-19')

    const attributes = wrapper.find('[data-testid="customer-attributes"]').text()
    expect(attributes).toContain('肤质')
    expect(attributes).toContain('干性')
    expect(attributes).toContain('800')
    expect(wrapper.findAll('.consent')[0]!.text()).toContain('已授权')
    expect(wrapper.findAll('.consent')[1]!.text()).toContain('未记录')
    // the timeline and the orders load when their tab is opened, not before
    expect(paths(calls).filter((p) => p.includes('/events') || p.includes('/orders'))).toEqual([])
  })

  it('follows a merged customer to the one it was merged into', async () => {
    const { calls } = stubServer({
      'GET /api/v1/customers/20002': () => jsonResponse(detail({ requestedId: 20002 })),
    })
    const { wrapper, router } = await mountApp('/customers/20002?tab=merges')
    expect(router.currentRoute.value.fullPath).toBe('/customers/20001?tab=merges')
    expect(wrapper.find('[data-testid="merged-notice"]').text()).toContain(
      '你打开的客户 #20002 已合并到客户 #20001',
    )
    const profiles = paths(calls).filter(
      (p) => p.startsWith('GET /api/v1/customers/') && !p.endsWith('/wecom-contacts'),
    )
    expect(profiles).toEqual(['GET /api/v1/customers/20002'])
  })

  it('lists identities with their verification and the merged profile they came from', async () => {
    stubServer()
    const { wrapper } = await mountApp('/customers/20001?tab=identities')
    const rows = wrapper.findAll('.identities .el-table__body tbody tr').map((r) => r.text())
    expect(rows[0]).toContain('手机号')
    expect(rows[0]).toContain('13700001111')
    expect(rows[0]).toContain('已验证')
    expect(rows[0]).toContain('本客户')
    expect(rows[1]).toContain('微信 UnionID')
    expect(rows[1]).toContain('未验证')
    expect(rows[1]).toContain('#20002（已合并）')
  })

  it('adds an identity and says which customers it merged in', async () => {
    const merged = detail({ members: [20001, 20002, 20004] })
    const { calls } = stubServer({
      'PATCH /api/v1/customers/20001': () => jsonResponse(merged),
    })
    const { wrapper } = await mountApp('/customers/20001?tab=identities')
    button('添加身份').click()
    await settle()
    await type(openDialog().querySelector('input[name="identityValue"]'), '13900001234')
    openDialog().querySelector<HTMLElement>('.el-checkbox')!.click()
    button('保存', openDialog()).click()
    await settle()
    expect(await calls.at(-1)!.json()).toEqual({
      identities: [{ type: 'mobile', value: '13900001234', verified: true }],
    })
    expect(document.querySelector('.el-message')?.textContent).toContain(
      '已添加身份，并自动合并了客户 #20004',
    )
    expect(wrapper.find('.kpi').text()).toContain('含 2 份合并资料')
  })

  it('explains in place why an identity cannot be added', async () => {
    const conflict =
      '这些身份属于不同的客户（[20001, 20009]），且没有 unionid 或已验证手机号把他们连起来；请在客户详情中手动关联。'
    stubServer({
      'PATCH /api/v1/customers/20001': () =>
        problemResponse(409, { code: 'customer.identity.conflict', detail: conflict }),
    })
    await mountApp('/customers/20001?tab=identities')
    button('添加身份').click()
    await settle()
    await type(openDialog().querySelector('input[name="identityValue"]'), '13900001234')
    button('保存', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('[data-testid="customer-conflict"]')?.textContent).toContain(
      conflict,
    )
    expect(document.querySelector('.el-message')).toBeNull()
  })

  it('undoes a merge only after confirmation, then shows the customer as it is now', async () => {
    const { calls } = stubServer({
      'POST /api/v1/customer-merges/7/undo': () =>
        jsonResponse({
          ...detail().merges[0],
          undoneAt: '2026-11-30T00:00:00Z',
          undoneBy: 'admin',
        }),
    })
    const { wrapper } = await mountApp('/customers/20001?tab=merges')
    const row = wrapper.find('.merges .el-table__body tbody tr').text()
    expect(row).toContain('同一 unionid')
    expect(row).toContain('#20002')
    expect(row).toContain('生效中')

    button('撤销合并', document.querySelector('.merges')!).click()
    await settle()
    const box = document.querySelector<HTMLElement>('.el-message-box')!
    expect(box.textContent).toContain('客户 #20002 将恢复为独立客户')
    expect(paths(calls)).not.toContain('POST /api/v1/customer-merges/7/undo')
    button('撤销合并', box).click()
    await settle()
    expect(paths(calls)).toContain('POST /api/v1/customer-merges/7/undo')
    expect(paths(calls).filter((p) => p === 'GET /api/v1/customers/20001')).toHaveLength(2)
  })

  it('links another customer after a look-up, and explains a refused merge in place', async () => {
    const conflict =
      '不能合并客户 [20001, 20003]：合并后同一人会有两个不同的 unionid、企业微信 ID 或已验证手机号。'
    const { calls } = stubServer({
      'GET /api/v1/customers/20003': () =>
        jsonResponse(
          detail({ id: 20003, requestedId: 20003, name: '林小雯（门店）', members: [20003] }),
        ),
      'GET /api/v1/customers/404': () => problemResponse(404, { detail: '找不到' }),
      'POST /api/v1/customers/20001/links': () =>
        problemResponse(409, { code: 'customer.merge.conflict', detail: conflict }),
    })
    await mountApp('/customers/20001?tab=merges')
    button('关联客户').click()
    await settle()
    const number = openDialog().querySelector<HTMLInputElement>('input[name="linkCustomerId"]')

    await type(number, '20001')
    button('查找', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('这就是当前客户')

    await type(number, '404')
    button('查找', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('没有找到客户 #404')
    expect(button('确认关联', openDialog()).disabled).toBe(true)

    await type(number, '20003')
    button('查找', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('[data-testid="link-preview"]')?.textContent).toContain(
      '林小雯（门店）',
    )
    button('确认关联', openDialog()).click()
    await settle()
    const link = calls.find((c) => c.url.endsWith('/links'))!
    expect(await link.json()).toEqual({ customerId: 20003 })
    expect(openDialog().querySelector('[data-testid="customer-conflict"]')?.textContent).toContain(
      conflict,
    )
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('says so when the customer does not exist', async () => {
    stubServer({
      'GET /api/v1/customers/99999': () =>
        problemResponse(404, { detail: '找不到customer（99,999）。' }),
    })
    const { wrapper } = await mountApp('/customers/99999')
    expect(wrapper.text()).toContain('客户不存在')
    expect(wrapper.text()).toContain('返回客户列表')
    expect(document.querySelector('.el-message')).toBeNull()
  })

  it('loads the timeline when its tab is opened', async () => {
    const { calls } = stubServer({
      'GET /api/v1/customers/20001/events': () =>
        problemResponse(404, { detail: '没有这个接口地址。' }),
    })
    const { router } = await mountApp('/customers/20001')
    tab('动态').click()
    await settle()
    expect(router.currentRoute.value.query.tab).toBe('timeline')
    expect(paths(calls)).toContain('GET /api/v1/customers/20001/events')
    expect(document.querySelector('[data-testid="customer-timeline"]')?.textContent).toContain(
      '暂无动态',
    )
  })

  it('speaks English', async () => {
    stubServer()
    setLocale('en')
    const { wrapper } = await mountApp('/customers/20001?tab=merges')
    expect(wrapper.text()).toContain('Same unionid')
    expect(wrapper.text()).toContain('Undo merge')
    expect(wrapper.text()).toContain('Edit profile')
  })
})
