import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './GroupBuysView.vue'
import './GroupBuyDetailView.vue'
import { setLocale } from '@/i18n'
import { mountApp, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import type { GroupBuy } from './api'

function offer(overrides: Partial<GroupBuy> = {}): GroupBuy {
  return {
    id: 4,
    name: '年货坚果礼盒 阶梯拼团',
    sku: 'NUTS-GIFT-2027',
    productName: '每日坚果礼盒 30 包',
    listPrice: 99,
    tiers: [
      { size: 2, price: 89 },
      { size: 3, price: 79 },
      { size: 5, price: 69 },
    ],
    maxSize: 5,
    teamHours: 24,
    stock: 200,
    held: 6,
    sold: 10,
    startsAt: '2026-11-29T02:00:00Z',
    endsAt: '2026-12-07T02:00:00Z',
    status: 'active',
    teams: { open: 3, succeeded: 3, failed: 0, refunded: 130 },
    ...overrides,
  }
}

function stubServer(routes: Record<string, Route> = {}) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account: me() }),
    'GET /api/v1/group-buys': () =>
      jsonResponse({
        items: [
          offer(),
          offer({
            id: 3,
            name: '夏日冷萃咖啡',
            status: 'ended',
            tiers: [{ size: 2, price: 39.5 }],
          }),
        ],
      }),
    ...routes,
  })
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const inRow = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const button = (text: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === text,
  )!
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!

async function typeNumber(input: HTMLInputElement, value: string): Promise<void> {
  await type(input, value)
  input.dispatchEvent(new Event('change'))
  await settle(0)
}

describe('the 拼团 list', { timeout: 20_000 }, () => {
  const mounted: { unmount: () => void }[] = []
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('shows each offer’s tier prices, stock taken, teams by status, refunds and status', async () => {
    stubServer()
    const { wrapper } = await mountApp('/growth/group-buys')
    mounted.push(wrapper)
    expect(document.title).toBe('拼团活动 · 私域 Siyu')
    const [running, ended] = rows()
    expect(inRow(running!, 'tiers')).toBe('2人 ¥89 / 3人 ¥79 / 5人 ¥69')
    expect(inRow(running!, 'stock')).toBe('16 / 200')
    expect(inRow(running!, 'team-counts')).toBe('3 / 3 / 0')
    expect(inRow(running!, 'refunded')).toBe('¥130.00')
    expect(inRow(running!, 'send-status')).toBe('进行中')
    expect(inRow(ended!, 'tiers')).toBe('2人 ¥39.50')
    expect(inRow(ended!, 'send-status')).toBe('已结束')
    expect(ended!.querySelector('[data-testid="end-group-buy"]')).toBeNull()
  })

  it('ends an offer early only once the operator confirms', async () => {
    const { calls } = stubServer({
      'POST /api/v1/group-buys/4/end': () => jsonResponse(offer({ status: 'ended' })),
    })
    const { wrapper } = await mountApp('/growth/group-buys')
    mounted.push(wrapper)
    const ends = () => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/4/end'))
    rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="end-group-buy"]')!.click()
    await settle()
    expect(messageBox().textContent).toContain('结束「年货坚果礼盒 阶梯拼团」后不能再开团或参团')
    button('取消', messageBox()).click()
    await settle(500)
    expect(ends()).toHaveLength(0)
    rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="end-group-buy"]')!.click()
    await settle()
    button('结束活动', messageBox()).click()
    await settle()
    expect(ends()).toHaveLength(1)
  })

  it('checks the tiers as they are typed and puts the server’s tier messages on their row', async () => {
    const { calls } = stubServer({
      'POST /api/v1/group-buys': () =>
        problemResponse(400, {
          detail: '请求参数有误',
          errors: [{ field: 'tiers[1].size', code: 'x', message: '人数须在 2 到 100 之间且递增' }],
        }),
    })
    const { wrapper } = await mountApp('/growth/group-buys')
    mounted.push(wrapper)
    document.querySelector<HTMLButtonElement>('[data-testid="create-group-buy"]')!.click()
    await settle()
    const dialog = openDialog()
    const field = (name: string) => dialog.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
    await type(field('name'), '面膜三人团')
    await type(field('sku'), 'MASK-01')
    await type(field('productName'), '补水面膜')
    await typeNumber(dialog.querySelector('[data-testid="list-price"] input')!, '99')
    const prices = [
      ...dialog.querySelectorAll<HTMLInputElement>('[data-testid="tier-price"] input'),
    ]
    await typeNumber(prices[0]!, '79')
    await typeNumber(prices[1]!, '89')
    const errors = () =>
      [...dialog.querySelectorAll('[data-testid="tier-price-error"]')].map((e) => e.textContent)
    expect(errors()).toEqual(['', '价格须低于上一档'])
    expect(dialog.querySelector('[data-testid="tier-preview"]')!.textContent).toContain(
      '2人成团 ¥79，省 ¥20',
    )
    await typeNumber(prices[0]!, '89')
    await typeNumber(prices[1]!, '79')
    expect(errors()).toEqual(['', ''])
    await type(field('endsAt'), '2099-01-01 20:00')
    field('endsAt').dispatchEvent(new Event('change'))
    await settle()
    button('创建', dialog).click()
    await settle()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    const sizeErrors = [...dialog.querySelectorAll('[data-testid="tier-size-error"]')]
    expect(sizeErrors.map((e) => e.textContent)).toEqual(['', '人数须在 2 到 100 之间且递增'])
  })
})
