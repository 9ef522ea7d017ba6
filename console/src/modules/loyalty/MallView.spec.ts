import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MallView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole, openDialog, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { mallItem, mallOrder, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = (scope: string) => [
  ...document.querySelectorAll<HTMLElement>(`${scope} .el-table__body tr`),
]
const inRow = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const input = (name: string) => openDialog().querySelector<HTMLInputElement>(`[name="${name}"]`)
async function typeNumber(name: string, value: string): Promise<void> {
  const field = input(name)!
  await type(field, value)
  field.dispatchEvent(new Event('change'))
  await settle(0)
}
async function openOrders(): Promise<void> {
  document.querySelector<HTMLElement>('#tab-orders')!.click()
  await settle()
}
const orderRows = () => rows('.mall-orders')

describe('the points mall', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists the items with their price in points and cash, stock, redeemed and whether on sale', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/mall')
    expect(document.title).toBe('积分商城 · 私域 Siyu')
    expect(
      rows('[data-testid="items"]').map((row) =>
        ['item-name', 'item-price', 'item-stock', 'item-redeemed', 'item-status'].map((id) =>
          inRow(row, id),
        ),
      ),
    ).toEqual([
      ['品牌保温杯', '2,000 积分', '50', '12', '上架中'],
      ['定制帆布袋', '800 积分 + ¥9.90', '50', '12', '上架中'],
    ])
  })

  it('adds an item, checking points and limits before asking the server', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/mall/items': async (request) =>
        jsonResponse(mallItem({ ...(await request.clone().json()), id: 43, redeemed: 0 }), 201),
    })
    await mountApp('/loyalty/mall')
    button('新建商品').click()
    await settle()
    button('保存', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请填写名称')
    expect(openDialog().textContent).toContain('请填写 1 到 10000000 之间的数')
    await type(input('name'), '会员专属雨伞')
    await typeNumber('points', '1500')
    await typeNumber('cash', '5')
    await typeNumber('stock', '30')
    await typeNumber('perMember', '2')
    button('保存', openDialog()).click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toEqual({
      name: '会员专属雨伞',
      description: null,
      points: 1500,
      cash: 5,
      stock: 30,
      perMember: 2,
      active: true,
    })
    expect(inRow(rows('[data-testid="items"]')[0]!, 'item-name')).toBe('会员专属雨伞')
  })

  it('changes an item, taking it off sale', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/mall/items/41': async (request) =>
        jsonResponse(mallItem({ ...(await request.clone().json()) })),
    })
    await mountApp('/loyalty/mall')
    rows('[data-testid="items"]')[0]!
      .querySelector<HTMLElement>('[data-testid="edit-item"]')!
      .click()
    await settle()
    expect(input('name')!.value).toBe('品牌保温杯')
    openDialog().querySelector<HTMLElement>('.el-switch')!.click()
    await settle(0)
    button('保存', openDialog()).click()
    await settle()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(await put.json()).toMatchObject({ name: '品牌保温杯', active: false })
    expect(inRow(rows('[data-testid="items"]')[0]!, 'item-status')).toBe('已下架')
  })

  it('lists the orders by status and ships, delivers and cancels them', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/mall/orders/77/ship': () =>
        jsonResponse(mallOrder({ status: 'shipped' })),
      'POST /api/v1/loyalty/mall/orders/78/deliver': () =>
        jsonResponse(mallOrder({ id: 78, status: 'delivered', customerId: 20002 })),
    })
    await mountApp('/loyalty/mall')
    await openOrders()
    expect(orderRows().map((row) => [inRow(row, 'order-item'), inRow(row, 'send-status')])).toEqual(
      [
        ['品牌保温杯', '待发货'],
        ['品牌保温杯', '已发货'],
      ],
    )
    expect(inRow(orderRows()[0]!, 'order-paid')).toBe('2,000 积分')
    orderRows()[0]!.querySelector<HTMLElement>('[data-testid="ship"]')!.click()
    await settle()
    expect(inRow(orderRows()[0]!, 'send-status')).toBe('已发货')
    orderRows()[1]!.querySelector<HTMLElement>('[data-testid="deliver"]')!.click()
    await settle()
    expect(inRow(orderRows()[1]!, 'send-status')).toBe('已签收')
    await pickRadio('已取消')
    await settle()
    const last = calls.filter((c) => c.url.includes('/mall/orders?')).at(-1)!
    expect(new URL(last.url).searchParams.get('status')).toBe('cancelled')
  })

  it('cancels a placed order only after saying the points come back', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/mall/orders/77/cancel': () =>
        jsonResponse(mallOrder({ status: 'cancelled' })),
    })
    await mountApp('/loyalty/mall')
    await openOrders()
    orderRows()[0]!.querySelector<HTMLElement>('[data-testid="cancel"]')!.click()
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain(
      '取消后 2,000 积分会退还给会员',
    )
    button('取消订单').click()
    await settle()
    expect(calls.some((c) => c.url.endsWith('/77/cancel'))).toBe(true)
    expect(inRow(orderRows()[0]!, 'send-status')).toBe('已取消')
  })

  it('shows the server’s reason when an order can no longer move', async () => {
    stubLoyaltyServer({
      'POST /api/v1/loyalty/mall/orders/77/ship': () =>
        problemResponse(409, { detail: '订单已取消，不能发货' }),
    })
    await mountApp('/loyalty/mall')
    await openOrders()
    orderRows()[0]!.querySelector<HTMLElement>('[data-testid="ship"]')!.click()
    await settle()
    expect(document.querySelector('.el-message--error')?.textContent).toContain(
      '订单已取消，不能发货',
    )
  })

  it('lets operators handle orders but not change items', async () => {
    const operator = ALL_PERMISSIONS.filter((p) => p !== 'loyalty:manage')
    stubLoyaltyServer({}, me({ role: 'operator', permissions: operator }))
    await mountApp('/loyalty/mall')
    expect(document.querySelector('[data-testid="create-item"]')).toBeNull()
    expect(document.querySelector('[data-testid="edit-item"]')).toBeNull()
    await openOrders()
    expect(document.querySelector('[data-testid="ship"]')).not.toBeNull()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/mall')
    expect(document.title).toBe('Points mall · 私域 Siyu')
    expect(inRow(rows('[data-testid="items"]')[1]!, 'item-price')).toBe('800 points + ¥9.90')
    await openOrders()
    expect(inRow(orderRows()[0]!, 'send-status')).toBe('To ship')
  })
})
