import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ProductsView.vue'
import './OrdersView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { jsonResponse, stubFetch, type Route } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import type { OrderSummary, Product } from './api'

const PRODUCTS: Product[] = [
  {
    id: 1,
    sku: 'HERO-01',
    name: '玻尿酸修护精华 30ml',
    role: 'hero',
    category: '护肤',
    price: 299,
    active: true,
    updatedAt: '2026-11-23T06:00:00Z',
  },
  {
    id: 2,
    sku: 'TRIAL-01',
    name: '水润精华体验装 5ml',
    role: 'lead',
    category: null,
    price: 9.9,
    active: false,
    updatedAt: '2026-11-23T06:00:00Z',
  },
]

const ORDERS: OrderSummary[] = [
  {
    id: 8515,
    orderNo: 'SO-00008515',
    customerId: 19988,
    status: 'partially_refunded',
    totalAmount: 318.8,
    paidAmount: 318.8,
    refundedAmount: 9.9,
    currency: 'CNY',
    store: '线上旗舰店',
    channel: '小程序商城',
    placedAt: '2026-01-02T17:55:45Z',
    paidAt: '2026-01-02T17:57:57Z',
    lines: [
      { sku: 'HERO-01', name: '玻尿酸修护精华 30ml', quantity: 1, unitPrice: 299 },
      { sku: 'TRIAL-01', name: '水润精华体验装 5ml', quantity: 2, unitPrice: 9.9 },
    ],
    payments: [
      { paymentNo: 'PAY-1', amount: 318.8, method: 'wechat', paidAt: '2026-01-02T17:57:57Z' },
    ],
    refunds: [
      { refundNo: 'RF-1', amount: 9.9, reason: '不想要了', refundedAt: '2026-01-03T02:00:00Z' },
    ],
  },
]

function stubServer(extra: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/products': () => jsonResponse({ items: PRODUCTS }),
    'GET /api/v1/products/categories': () => jsonResponse(['护肤', '彩妆']),
    'GET /api/v1/orders': () => jsonResponse({ items: ORDERS }),
    ...extra,
  })
}

const query = (calls: Request[], path: string) =>
  calls
    .filter((c) => c.method === 'GET' && new URL(c.url).pathname === path)
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))

const rows = () => [...document.querySelectorAll('.el-table__body > tbody > tr')]

describe('the product list', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows products with role tags and prices, filtered by role and category', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/commerce/products')
    expect(document.title).toBe('商品 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('商品')
    const [hero, lead] = rows().map((r) => r.textContent ?? '')
    for (const text of ['HERO-01', '玻尿酸修护精华 30ml', '明星品', '护肤', '¥299.00', '在售']) {
      expect(hero).toContain(text)
    }
    for (const text of ['引流品', '¥9.90', '停售']) expect(lead).toContain(text)

    await choose(document.querySelector('.el-select:has(input[aria-label="定位"])'), '贵族')
    await choose(document.querySelector('.el-select:has(input[aria-label="品类"])'), '彩妆')
    await settle()
    expect(query(calls, '/api/v1/products').at(-1)).toEqual({
      role: 'premium',
      category: '彩妆',
      limit: '50',
    })
  })

  it('creates a product and shows the errors of a rejected one', async () => {
    let answer = 0
    const { calls } = stubServer({
      'POST /api/v1/products': () =>
        jsonResponse(
          ++answer === 1
            ? {
                written: 0,
                rejected: 1,
                results: [
                  {
                    index: 0,
                    sku: 'NEW-01',
                    status: 'rejected',
                    errors: [
                      { field: 'products[0].sku', code: 'x', message: '商品编码格式不正确' },
                    ],
                  },
                ],
              }
            : {
                written: 1,
                rejected: 0,
                results: [{ index: 0, sku: 'NEW-01', status: 'created' }],
              },
        ),
    })
    await mountApp('/commerce/products')
    button('新建商品').click()
    await settle()
    const dialog = openDialog()
    await type(dialog.querySelector('input[name="sku"]'), 'NEW-01')
    await type(dialog.querySelector('input[name="name"]'), '新品口红')
    await type(dialog.querySelector('input[name="price"]'), '129.5')
    ;[...dialog.querySelectorAll<HTMLElement>('.el-radio-button')]
      .find((r) => r.textContent?.trim() === '个性化')
      ?.click()
    await settle(0)
    button('新建', dialog).click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')!
    expect(await post.clone().json()).toEqual({
      products: [
        {
          sku: 'NEW-01',
          name: '新品口红',
          role: 'personalised',
          category: null,
          price: 129.5,
          active: true,
        },
      ],
    })
    expect(openDialog().textContent).toContain('商品编码格式不正确')

    button('新建', openDialog()).click()
    await settle()
    expect(document.body.textContent).toContain('商品已保存')
    expect(query(calls, '/api/v1/products')).toHaveLength(2)
  })
})

describe('the order list', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('lists orders with their customer and status, filtered by status', async () => {
    const { calls } = stubServer()
    await mountApp('/commerce/orders')
    expect(document.title).toBe('订单 · 私域 Siyu')
    const row = rows()[0]!
    for (const text of [
      'SO-00008515',
      '#19988',
      '部分退款',
      '¥318.80',
      '线上旗舰店',
      '小程序商城',
    ]) {
      expect(row.textContent).toContain(text)
    }
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/customers/19988')

    ;[...document.querySelectorAll<HTMLElement>('.el-radio-button')]
      .find((r) => r.textContent?.trim() === '已退款')
      ?.click()
    await settle()
    expect(query(calls, '/api/v1/orders').at(-1)).toEqual({ status: 'refunded', limit: '50' })
  })

  it('opens an order in a drawer with its lines, payments, refunds and what is left', async () => {
    const current = { ...ORDERS[0]!, store: '杭州西湖店' }
    const { calls } = stubServer({
      'GET /api/v1/orders/SO-00008515': () => jsonResponse(current),
    })
    await mountApp('/commerce/orders')
    rows()[0]!.querySelector<HTMLElement>('td:nth-child(3) .cell')!.click()
    await settle()
    expect(query(calls, '/api/v1/orders/SO-00008515')).toHaveLength(1)
    const drawer = document.querySelector('.order-drawer')?.textContent ?? ''
    for (const text of [
      '订单 SO-00008515',
      '部分退款',
      '#19988',
      '杭州西湖店',
      '水润精华体验装 5ml',
      '¥19.80',
      'PAY-1',
      '微信支付',
      'RF-1',
      '不想要了',
      '可退',
      '¥308.90',
      '退款',
    ]) {
      expect(drawer).toContain(text)
    }
    expect(drawer).not.toContain('记录付款')
    expect(document.querySelector('.order-drawer a')?.getAttribute('href')).toBe('/customers/19988')
  })

  it('refunds from the drawer and shows the new status in the list', async () => {
    const refunded = {
      ...ORDERS[0]!,
      status: 'refunded',
      refundedAmount: 318.8,
      refunds: [
        ...ORDERS[0]!.refunds!,
        { refundNo: 'X', amount: 308.9, reason: null, refundedAt: '2026-11-23T06:00:00Z' },
      ],
    }
    let sentNo = ''
    stubServer({
      'GET /api/v1/orders/SO-00008515': () => jsonResponse(ORDERS[0]),
      'POST /api/v1/orders/SO-00008515/refunds': async (request) => {
        sentNo = ((await request.json()) as { refundNo: string }).refundNo
        return jsonResponse({
          ...refunded,
          refunds: refunded.refunds.map((r) =>
            r.refundNo === 'X' ? { ...r, refundNo: sentNo } : r,
          ),
        })
      },
    })
    await mountApp('/commerce/orders')
    rows()[0]!.querySelector<HTMLElement>('td:nth-child(3) .cell')!.click()
    await settle()
    button('退款', document.querySelector<HTMLElement>('.order-drawer')!).click()
    await settle()
    button('确认退款', openDialog()).click()
    await settle()
    expect(sentNo).toMatch(/^SO-00008515-RF-/)
    expect(document.querySelector('.el-message')?.textContent).toContain('已退款 ¥308.90')
    expect(rows()[0]!.textContent).toContain('已退款')
    const drawer = document.querySelector('.order-drawer')?.textContent ?? ''
    expect(drawer).toContain(sentNo)
    expect(() => button('退款', document.querySelector<HTMLElement>('.order-drawer')!)).toThrow()
  })

  it('shows orders without payment and refund actions to those who may not write', async () => {
    stubServer(
      { 'GET /api/v1/orders/SO-00008515': () => jsonResponse(ORDERS[0]) },
      me({ permissions: ALL_PERMISSIONS.filter((p) => p !== 'commerce:write') }),
    )
    setLocale('en')
    await mountApp('/commerce/orders')
    rows()[0]!.querySelector<HTMLElement>('td:nth-child(3) .cell')!.click()
    await settle()
    const drawer = document.querySelector<HTMLElement>('.order-drawer')!
    expect(drawer.textContent).toContain('Order SO-00008515')
    expect(drawer.textContent).toContain('Partly refunded')
    expect(drawer.textContent).toContain('WeChat Pay')
    expect(() => button('Refund', drawer)).toThrow()
  })

  it('needs the permission to see every customer, in the nav too', async () => {
    stubServer({}, me({ permissions: ALL_PERMISSIONS.filter((p) => p !== 'customers:all') }))
    const { router } = await mountApp('/commerce/orders')
    expect(router.currentRoute.value.name).toBe('home')
    const items = [...document.querySelectorAll('nav .el-menu-item')].map((i) =>
      i.textContent?.trim(),
    )
    expect(items).toContain('商品')
    expect(items).not.toContain('订单')
  })
})
