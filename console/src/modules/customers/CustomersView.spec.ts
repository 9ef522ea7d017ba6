import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CustomersView.vue'
import './CustomerDetailView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { ATTRIBUTES, CITIES, detail, summary } from '@/test/customers'
import { jsonResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { tagGroups } from '@/test/tags'

const ROWS = [
  summary(),
  summary({
    id: 20002,
    name: '访客 7f3a',
    anonymous: true,
    gender: 'unknown',
    city: null,
    mobile: null,
    owner: null,
    sourceChannel: null,
    memberLevel: 0,
    orderCount: 0,
    gmv: 0,
    lastActiveAt: null,
  }),
]

// As the directory answers: enabled staff whose name contains q, by name.
const STAFF = [
  { id: 9, displayName: '李店长', role: 'staff' },
  { id: 12, displayName: '李娜', role: 'operator' },
  { id: 1, displayName: '王经理', role: 'admin' },
]

function stubServer(account = me(), extra: Record<string, Route> = {}) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/customers': () => jsonResponse({ items: ROWS, nextCursor: 'next' }),
    'GET /api/v1/cities': () => jsonResponse(CITIES),
    'GET /api/v1/customer-attributes': () => jsonResponse(ATTRIBUTES),
    'GET /api/v1/staff': (request) => {
      const q = new URL(request.url).searchParams.get('q') ?? ''
      return jsonResponse(STAFF.filter((s) => s.displayName.includes(q)))
    },
    'GET /api/v1/customers/20001': () => jsonResponse(detail()),
    ...extra,
  })
}

const listCalls = (calls: Request[]) =>
  calls
    .filter((c) => new URL(c.url).pathname === '/api/v1/customers')
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))

const staffCalls = (calls: Request[]) =>
  calls
    .filter((c) => new URL(c.url).pathname === '/api/v1/staff')
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))

const rows = () => [...document.querySelectorAll('.el-table__body tbody tr')]

const ownerSelect = () =>
  document.querySelector('.filters .el-select:has(input[aria-label="负责人"])')

/** The options of the dropdown that is open. */
const shownOptions = () =>
  [...document.querySelectorAll('.el-select-dropdown__item')]
    .filter((o) => o.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .map((o) => o.textContent?.trim())

describe('the customer list', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows customers with masked mobiles, tags and money, one filter per enum attribute', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/customers')
    expect(document.title).toBe('客户列表 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('客户列表')
    expect(listCalls(calls)).toEqual([{ limit: '50' }])

    const [known, anonymous] = rows().map((r) => r.textContent ?? '')
    for (const text of [
      '林晓雯',
      '#20001',
      '137****1111',
      '女',
      '上海',
      '王经理',
      '企微扫码',
      '金卡会员',
      '¥1,234.50',
      '2026-01-01',
    ]) {
      expect(known).toContain(text)
    }
    expect(anonymous).toContain('匿名')
    expect(anonymous).toContain('未分配')
    expect(anonymous).toContain('非会员')
    expect(wrapper.text()).toContain('加载更多')

    const placeholders = [...document.querySelectorAll('.filters .el-select__placeholder')].map(
      (p) => p.textContent?.trim(),
    )
    expect(placeholders).toContain('肤质')
    expect(placeholders).toContain('偏好门店')
    expect(placeholders).not.toContain('月均预算')
    expect((document.querySelector('input[name="q"]') as HTMLInputElement).placeholder).toBe(
      '姓名 / 手机号 / 客户编号 / 邮箱',
    )
  })

  it('searches and filters on the server, and keeps the filters in the address', async () => {
    const { calls } = stubServer()
    const { router } = await mountApp('/customers?memberLevel=2&attr.store=杭州西湖店')
    expect(listCalls(calls)[0]).toEqual({
      memberLevel: '2',
      'attr.store': '杭州西湖店',
      limit: '50',
    })

    await type(document.querySelector('input[name="q"]'), ' 13700001111 ')
    document
      .querySelector('input[name="q"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    await choose(document.querySelectorAll('.filters .el-select')[0]!, '女')
    await choose(document.querySelectorAll('.filters .el-select')[1]!, '杭州')
    await settle()

    expect(listCalls(calls).at(-1)).toEqual({
      q: '13700001111',
      gender: 'female',
      city: '5',
      memberLevel: '2',
      'attr.store': '杭州西湖店',
      limit: '50',
    })
    expect(router.currentRoute.value.query).toEqual({
      q: '13700001111',
      gender: 'female',
      city: '5',
      memberLevel: '2',
      'attr.store': '杭州西湖店',
    })

    button('重置').click()
    await settle()
    expect(listCalls(calls).at(-1)).toEqual({ limit: '50' })
    expect(router.currentRoute.value.query).toEqual({})

    // the address leads: a link to a filtered list (or the nav entry) sets the filters
    await router.push('/customers?gender=male')
    await settle()
    expect(listCalls(calls).at(-1)).toEqual({ gender: 'male', limit: '50' })
    expect(document.querySelector('.filters .el-select')?.textContent).toContain('男')
  })

  it('offers staff from the directory as owners, the signed-in account first', async () => {
    const { calls } = stubServer()
    await mountApp('/customers')
    ownerSelect()!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle()
    expect(shownOptions()).toEqual(['我（王经理）', '李店长', '李娜'])
    expect(staffCalls(calls)).toEqual([{ limit: '50' }])
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/accounts')).toBe(false)
  })

  it('searches the staff directory as one types, and keeps the chosen owner’s name', async () => {
    const { calls } = stubServer(me(), {
      'GET /api/v1/customers': () =>
        jsonResponse({ items: [summary({ owner: { id: 33, name: '赵主管' } })] }),
    })
    await mountApp('/customers?ownerId=33')
    // Not in the directory's first answer, but named by the customers it owns.
    expect(ownerSelect()?.textContent).toContain('赵主管')

    ownerSelect()!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    await type(ownerSelect()!.querySelector('input'), '李')
    await settle(400)
    expect(staffCalls(calls).at(-1)).toEqual({ q: '李', limit: '50' })
    expect(shownOptions()).toEqual(['李店长', '李娜', '赵主管'])

    await choose(ownerSelect(), '李娜')
    await settle()
    expect(listCalls(calls).at(-1)).toEqual({ ownerId: '12', limit: '50' })
    expect(ownerSelect()?.textContent).toContain('李娜')
  })

  it('has no owner filter for staff who see only their own customers', async () => {
    stubServer(me({ role: 'staff', permissions: ['customers:read', 'commerce:read'] }))
    const { wrapper } = await mountApp('/customers')
    const placeholders = wrapper.findAll('.filters .el-select__placeholder').map((p) => p.text())
    expect(placeholders).not.toContain('负责人')
    expect(wrapper.find('.page-header__description').text()).toContain('你负责的客户')
    expect(wrapper.text()).not.toContain('新建客户')
  })

  it('opens a customer on a click on the row', async () => {
    stubServer()
    const { router, wrapper } = await mountApp('/customers')
    rows()[0]!.querySelector<HTMLElement>('td:nth-child(3) .cell')!.click()
    // The profile page is loaded on first use, which takes a moment in the test runner.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/20001'), {
      timeout: 5000,
    })
    await settle()
    expect(wrapper.find('.customer__name').text()).toBe('林晓雯')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('客户列表')
  })

  it('tags the selected customers in bulk, and takes tags off them', async () => {
    const bodies: { customerIds: number[]; add?: number[]; remove?: number[] }[] = []
    stubServer(me(), {
      'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
      'POST /api/v1/tags/assignments': async (request) => {
        const body = (await request.json()) as (typeof bodies)[number]
        bodies.push(body)
        return jsonResponse(
          body.add
            ? { added: body.customerIds.length, removed: 0, unknown: [] }
            : { added: 0, removed: 1, unknown: [20001] },
        )
      },
    })
    const { router } = await mountApp('/customers')
    expect(document.querySelector('[data-testid="bulk-bar"]')).toBeNull()
    for (const row of rows()) row.querySelector<HTMLElement>('.select-cell .el-checkbox')!.click()
    await settle(0)
    // picking a customer does not open it
    expect(router.currentRoute.value.name).toBe('customers')
    const bar = () => document.querySelector<HTMLElement>('[data-testid="bulk-bar"]')!
    expect(bar().textContent).toContain('已选择 2 位客户')
    expect(
      document.querySelectorAll('.el-table__body .select-cell .el-checkbox.is-checked'),
    ).toHaveLength(2)

    button('批量打标签', bar()).click()
    await settle()
    expect(openDialog().textContent).toContain('为选中的 2 位客户打上这些标签')
    button('打标签', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item__error')?.textContent).toContain(
      '请至少选择一个标签',
    )
    await choose(openDialog().querySelector('.el-select'), '待回访1,234')
    button('打标签', openDialog()).click()
    await settle()
    expect(bodies).toEqual([{ customerIds: [20001, 20002], add: [11] }])
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已为 2 位客户打标签：新打上 2 个',
    )
    // done: the selection is cleared
    expect(document.querySelector('[data-testid="bulk-bar"]')).toBeNull()

    rows()[0]!.querySelector<HTMLElement>('.select-cell .el-checkbox')!.click()
    await settle(0)
    button('批量移除标签', bar()).click()
    await settle()
    await choose(openDialog().querySelector('.el-select'), '直播间42')
    button('移除标签', openDialog()).click()
    await settle()
    expect(bodies.at(-1)).toEqual({ customerIds: [20001], remove: [21] })
    // a customer the account may not see is named in the message
    expect(document.querySelector('.el-message--warning')?.textContent).toContain(
      '已从 1 位客户移除标签：共移除 1 个；另有 1 位客户你无权查看或已不存在，未改动',
    )
  })

  it('selects every loaded customer at once from the header', async () => {
    stubServer()
    await mountApp('/customers')
    document.querySelector<HTMLElement>('.el-table__header .select-cell .el-checkbox')!.click()
    await settle(0)
    expect(document.querySelector('[data-testid="bulk-bar"]')?.textContent).toContain(
      '已选择 2 位客户',
    )
  })

  it('has no selection column for those who may not tag', async () => {
    stubServer(me({ role: 'staff', permissions: ['customers:read', 'tags:read'] }))
    await mountApp('/customers')
    expect(document.querySelector('.select-cell')).toBeNull()
  })

  it('speaks English', async () => {
    stubServer()
    setLocale('en')
    const { wrapper } = await mountApp('/customers')
    expect(wrapper.find('nav').text()).toContain('All customers')
    expect(wrapper.text()).toContain('Gold')
    expect(wrapper.text()).toContain('Anonymous')
    expect(wrapper.text()).toContain('New customer')
  })
})
