import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Component, DefineComponent } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/api/problem'
import type { Commission, DistributorApi, DistributorView } from './distributor-api'
import DistributorApp from './DistributorApp.vue'
import { createH5I18n, type H5Locale } from './i18n'
import WithdrawForm from './WithdrawForm.vue'

const none: DistributorView = {
  status: 'none',
  appliedAt: null,
  decidedAt: null,
  code: null,
  shareUrl: null,
  shareQr: null,
  balances: null,
  customers: 0,
  team: 0,
  level1Rate: 10,
  level2Rate: 3,
  minWithdrawal: 1,
  maxWithdrawal: 20000,
  withdrawals: [],
}

const active: DistributorView = {
  ...none,
  status: 'active',
  appliedAt: '2026-11-20T02:00:00Z',
  decidedAt: '2026-11-21T02:00:00Z',
  code: 'K7M2Q9XA',
  shareUrl: 'https://shop.example.cn/home?distributor=K7M2Q9XA',
  shareQr: 'data:image/png;base64,iVBORw0KGgo=',
  balances: { pending: 10, available: 30.5, frozen: 12.5, debt: 0, withdrawn: 100 },
  customers: 4,
  team: 2,
  withdrawals: [
    { id: 3, amount: 12.5, status: 'requested', requestedAt: '2026-11-30T02:00:00Z', paidAt: null },
  ],
}

function commission(id: number, status: Commission['status']): Commission {
  return {
    id,
    level: id % 2 === 0 ? 2 : 1,
    orderNo: `****00${id}`,
    base: 200,
    amount: 20,
    reversed: 0,
    status,
    releaseAt: '2026-12-08T02:00:00Z',
    at: '2026-12-01T02:00:00Z',
  }
}

function api(overrides: Partial<DistributorApi> = {}): DistributorApi {
  return {
    view: vi.fn(async () => active),
    apply: vi.fn(async () => ({
      ...none,
      status: 'pending' as const,
      appliedAt: '2026-12-01T02:00:00Z',
    })),
    commissions: vi.fn(async (cursor?: string | null) =>
      cursor
        ? { items: [commission(1, 'released')], nextCursor: null }
        : { items: [commission(3, 'pending'), commission(2, 'reversed')], nextCursor: 'abc' },
    ),
    withdraw: vi.fn(async (amount: number) => ({
      id: 9,
      amount,
      status: 'requested' as const,
      requestedAt: '2026-12-01T03:00:00Z',
      paidAt: null,
    })),
    ...overrides,
  }
}

const mounted: { unmount: () => void }[] = []
function render(component: Component, props: Record<string, unknown>, locale: H5Locale = 'zh-CN') {
  const wrapper = mount(component as DefineComponent, {
    props,
    attachTo: document.body,
    global: { plugins: [createH5I18n(locale)] },
  })
  mounted.push(wrapper)
  return wrapper
}
const texts = (selector: string) =>
  [...document.querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim())
const text = (selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim()
const click = (testid: string) =>
  document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!.click()

function type(testid: string, value: string): void {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
}

describe('the distributor page', () => {
  afterEach(() => mounted.splice(0).forEach((w) => w.unmount()))

  it('lets a customer who is not a distributor apply with an inviter code and then shows it pending', async () => {
    const server = api({ view: vi.fn(async () => none) })
    render(DistributorApp, { api: server })
    await flushPromises()
    expect(text('[data-testid="apply"]')).toContain('实付金额 10% 的佣金')
    type('apply-inviter', ' K7M2Q9XA ')
    click('apply-submit')
    await flushPromises()
    expect(server.apply).toHaveBeenCalledWith('K7M2Q9XA')
    expect(document.querySelector('[data-testid="apply"]')).toBeNull()
    expect(text('[data-testid="distributor-state"]')).toContain('审核中')
    expect(text('[data-testid="distributor-state"]')).toContain('申请时间')
  })

  it('shows the server’s word under the inviter code it refused', async () => {
    const refused = new ApiError(400, {
      detail: '请求有误',
      errors: [
        {
          field: 'inviterCode',
          code: 'growth.distribution.code',
          message: '找不到生效中的分销员推广码 NOPE。',
        },
      ],
    })
    render(DistributorApp, {
      api: api({
        view: vi.fn(async () => none),
        apply: vi.fn(async () => Promise.reject(refused)),
      }),
    })
    await flushPromises()
    type('apply-inviter', 'NOPE')
    click('apply-submit')
    await flushPromises()
    expect(text('[data-testid="apply-inviter"] .van-field__error-message')).toBe(
      '找不到生效中的分销员推广码 NOPE。',
    )
  })

  it('shows a rejected or suspended distributor that state and no figures', async () => {
    render(DistributorApp, {
      api: api({ view: vi.fn(async () => ({ ...none, status: 'suspended' as const })) }),
    })
    await flushPromises()
    expect(text('[data-testid="distributor-state"]')).toContain('已暂停')
    expect(document.querySelector('[data-testid="balances"]')).toBeNull()
    expect(document.querySelector('[data-testid="withdraw"]')).toBeNull()
  })

  it('shows an active distributor their code, share link and QR, balances, team and commissions page by page', async () => {
    const server = api()
    render(DistributorApp, { api: server })
    await flushPromises()
    expect(text('[data-testid="share-code"]')).toBe('K7M2Q9XA')
    expect(text('[data-testid="share-url"]')).toBe(
      'https://shop.example.cn/home?distributor=K7M2Q9XA',
    )
    expect(document.querySelector<HTMLImageElement>('[data-testid="share-qr"]')!.src).toContain(
      'data:image/png',
    )
    expect(text('[data-testid="balance-available"]')).toBe('¥30.50')
    expect(text('[data-testid="balance-pending"]')).toBe('10.00')
    expect(text('[data-testid="balance-frozen"]')).toBe('12.50')
    expect(text('[data-testid="balance-withdrawn"]')).toBe('100.00')
    expect(text('[data-testid="team-customers"]')).toBe('4')
    expect(text('[data-testid="team-size"]')).toBe('2')
    expect(texts('[data-testid="withdrawal"] .van-tag')).toEqual(['审核中'])
    expect(texts('[data-testid="commission"] .van-tag')).toEqual(['待结算', '已退款'])
    expect(texts('.commission__level')).toEqual(['直推', '团队'])
    click('commissions-more')
    await flushPromises()
    expect(server.commissions).toHaveBeenLastCalledWith('abc')
    expect(texts('[data-testid="commission"] .van-tag')).toEqual(['待结算', '已退款', '已结算'])
    expect(document.querySelector('[data-testid="commissions-more"]')).toBeNull()
  })

  it('sends one request key per attempt: a retry keeps it, a new amount or a finished withdrawal makes a new one', async () => {
    let fail = true
    const withdraw = vi.fn(async (amount: number) => {
      if (fail) throw new ApiError(0, {})
      return { id: 9, amount, status: 'requested' as const, requestedAt: '', paidAt: null }
    })
    const wrapper = render(WithdrawForm, {
      api: api({ withdraw }),
      available: 30.5,
      minWithdrawal: 1,
      maxWithdrawal: 20000,
    })
    type('withdraw-amount', '12.5')
    click('withdraw-submit')
    await flushPromises()
    fail = false
    click('withdraw-submit')
    await flushPromises()
    expect(withdraw).toHaveBeenCalledTimes(2)
    const [first, retry] = withdraw.mock.calls as unknown as [number, string][]
    expect(retry![1]).toBe(first![1])
    expect(retry![0]).toBe(12.5)
    expect(wrapper.emitted('withdrawn')).toHaveLength(1)

    type('withdraw-amount', '3')
    click('withdraw-submit')
    await flushPromises()
    const third = (withdraw.mock.calls as unknown as [number, string][])[2]!
    expect(third[1]).not.toBe(first![1])
    expect(third[1]).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses amounts outside the rules before sending and shows the server’s word otherwise', async () => {
    const refused = new ApiError(409, {
      detail: '可提现余额只有 30.50 元。',
      errors: [
        {
          field: 'amount',
          code: 'growth.distribution.insufficient',
          message: '可提现余额只有 30.50 元。',
        },
      ],
    })
    const withdraw = vi.fn(async () => Promise.reject(refused))
    render(WithdrawForm, {
      api: api({ withdraw }),
      available: 30.5,
      minWithdrawal: 1,
      maxWithdrawal: 20000,
    })
    type('withdraw-amount', '0.5')
    click('withdraw-submit')
    await flushPromises()
    expect(text('[data-testid="withdraw-amount"] .van-field__error-message')).toBe(
      '提现金额须在 1.00 到 20000.00 元之间',
    )
    type('withdraw-amount', '31')
    click('withdraw-submit')
    await flushPromises()
    expect(text('[data-testid="withdraw-amount"] .van-field__error-message')).toBe(
      '可提现余额只有 30.50 元',
    )
    expect(withdraw).not.toHaveBeenCalled()
    type('withdraw-amount', '30')
    click('withdraw-submit')
    await flushPromises()
    expect(withdraw).toHaveBeenCalledTimes(1)
    expect(text('[data-testid="withdraw-amount"] .van-field__error-message')).toBe(
      '可提现余额只有 30.50 元。',
    )
  })

  it('shows a clear refusal for a forged link and retry only when the network failed', async () => {
    const forged = new ApiError(401, { code: 'link.invalid', detail: 'The link is not valid.' })
    render(DistributorApp, { api: api({ view: vi.fn(async () => Promise.reject(forged)) }) }, 'en')
    await flushPromises()
    expect(text('[data-testid="refusal-title"]')).toBe('Link not usable')
    expect(document.querySelector('[data-testid="refusal"] button')).toBeNull()
    mounted.splice(0).forEach((w) => w.unmount())

    render(DistributorApp, { api: null })
    await flushPromises()
    expect(text('[data-testid="refusal-detail"]')).toBe('请通过商家发送的分销中心链接打开')
    mounted.splice(0).forEach((w) => w.unmount())

    render(DistributorApp, {
      api: api({ view: vi.fn(async () => Promise.reject(new ApiError(0, {}))) }),
    })
    await flushPromises()
    expect(text('[data-testid="refusal"] button')).toBe('重试')
  })
})
