import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Component, DefineComponent } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import type { MallItem, MemberApi, MemberCard, MemberCoupon, Redeemed } from './api'
import { linkToken, newRedemptionId } from './api'
import { tierColours } from './format'
import CouponList from './CouponList.vue'
import { createH5I18n, pickLocale, type H5Locale } from './i18n'
import MallList from './MallList.vue'
import MemberApp from './MemberApp.vue'
import MemberCardView from './MemberCardView.vue'

const card: MemberCard = {
  name: '王芳',
  memberNo: 'M000123',
  tier: 2,
  tierName: '金卡',
  topTier: 3,
  growth: 1500,
  points: 800,
  expiring: { points: 120, at: '2026-12-31T15:00:00Z' },
  nextTier: { level: 3, name: '黑金', minGrowth: 2000, growthNeeded: 500 },
  benefits: { discountPercent: 5, freeShipping: true, birthdayPoints: 200 },
  joinedAt: '2026-01-01T00:00:00Z',
}

const coupon = (id: number, status: MemberCoupon['status'], extra: Partial<MemberCoupon> = {}) =>
  ({
    id,
    code: `C${id}`,
    name: `券 ${id}`,
    kind: 'amount',
    value: 20,
    maxOff: null,
    threshold: 200,
    skus: [],
    status,
    issuedAt: '2026-11-01T00:00:00Z',
    expiresAt: '2026-12-20T00:00:00Z',
    redeemedAt: null,
    ...extra,
  }) satisfies MemberCoupon

const cup: MallItem = {
  id: 7,
  name: '保温杯',
  description: '350ml',
  points: 300,
  cash: 0,
  left: 4,
  perMember: 1,
}

function api(overrides: Partial<MemberApi> = {}): MemberApi {
  return {
    card: vi.fn(async () => card),
    points: vi.fn(async () => []),
    coupons: vi.fn(async () => []),
    items: vi.fn(async () => [cup]),
    redeem: vi.fn(async (): Promise<Redeemed> => ({
      orderId: 1,
      itemName: '保温杯',
      points: 300,
      status: 'placed',
      balance: 500,
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

describe('the member page', () => {
  afterEach(() => mounted.splice(0).forEach((w) => w.unmount()))

  it('speaks ?lang= first, else the browser language, else Chinese', () => {
    expect(pickLocale('?lang=en', ['zh-CN'])).toBe('en')
    expect(pickLocale('', ['en-GB', 'zh-CN'])).toBe('en')
    expect(pickLocale('', ['zh-TW'])).toBe('zh-CN')
    expect(pickLocale('', ['fr-FR', 'de'])).toBe('zh-CN')
  })

  it('reads the token from the fragment and makes a fresh redemption id each time', () => {
    expect(linkToken('#abc.def')).toBe('abc.def')
    const first = newRedemptionId()
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(newRedemptionId()).not.toBe(first)
  })

  it('shows the card with tier, member number, points and the way to the next tier', () => {
    render(MemberCardView, { card })
    expect(text('[data-testid="tier"]')).toBe('金卡')
    expect(text('[data-testid="member-no"]')).toBe('会员号 M000123')
    expect(text('[data-testid="points"]')).toBe('800')
    expect(text('[data-testid="next-tier"]')).toBe('再获得 500 成长值升级为黑金')
    expect(text('[data-testid="expiring"]')).toContain('120 积分将于')
    expect(texts('.card__perk')).toEqual(['9.5 折专享', '包邮', '生日赠 200 积分'])
    const bar = document.querySelector<HTMLElement>('.van-progress__portion')!
    expect(bar.style.width).toBe('75%')
  })

  it('colours the card by the tier’s place in the program: first blue, between silver, top gold', () => {
    expect(tierColours(1, 3)).not.toEqual(tierColours(2, 3))
    expect(tierColours(2, 3)).not.toEqual(tierColours(3, 3))
    expect(tierColours(2, 2)).toEqual(tierColours(3, 3))
    expect(tierColours(1, 2)).toEqual(tierColours(1, 3))
  })

  it('offers to try again when the network failed, not when the link was refused', async () => {
    const { ApiError } = await import('@/api/problem')
    render(MemberApp, {
      api: api({ card: vi.fn(async () => Promise.reject(new ApiError(0, {}))) }),
    })
    await flushPromises()
    expect(text('[data-testid="failure"]')).toContain('加载失败')
    expect(text('[data-testid="failure"] button')).toBe('重试')
  })

  it('shows the paid card’s validity and benefits while it is valid, and that it ended after', () => {
    render(MemberCardView, {
      card: {
        ...card,
        paidCard: {
          planName: '黑金年卡',
          valid: true,
          validUntil: '2027-03-01T04:00:00Z',
          benefits: '全场 95 折',
        },
      },
    })
    expect(text('[data-testid="paid-card-validity"]')).toBe('黑金年卡 · 有效期至 2027-03-01')
    expect(text('[data-testid="paid-card"]')).toContain('全场 95 折')
    mounted.splice(0).forEach((w) => w.unmount())

    render(
      MemberCardView,
      {
        card: {
          ...card,
          paidCard: {
            planName: '黑金年卡',
            valid: false,
            validUntil: '2026-11-20T04:00:00Z',
            benefits: '全场 95 折',
          },
        },
      },
      'en',
    )
    expect(text('[data-testid="paid-card-validity"]')).toBe(
      '黑金年卡 ended on 2026-11-20; renew to get its benefits back',
    )
    expect(text('[data-testid="paid-card"]')).not.toContain('95')
  })

  it('shows no paid card to a member who never held one', () => {
    render(MemberCardView, { card })
    expect(document.querySelector('[data-testid="paid-card"]')).toBeNull()
  })

  it('says so at the top tier, in English when asked', () => {
    render(MemberCardView, { card: { ...card, tier: 3, nextTier: null } }, 'en')
    expect(text('[data-testid="next-tier"]')).toBe('Top tier reached')
    expect(text('[data-testid="member-no"]')).toBe('Member no. M000123')
  })

  it('lists coupons by status with their terms', async () => {
    render(CouponList, {
      coupons: [
        coupon(1, 'available', { skus: ['HERO-1'], kind: 'percent', value: 15, maxOff: 50 }),
        coupon(2, 'used', { redeemedAt: '2026-11-20T00:00:00Z' }),
        coupon(3, 'expired'),
      ],
    })
    await flushPromises()
    expect(document.querySelectorAll('[data-testid="coupon"]')).toHaveLength(1)
    expect(text('[data-testid="coupon"]')).toContain('8.5 折')
    expect(text('[data-testid="coupon"]')).toContain('满 200 元可用')
    expect(text('[data-testid="coupon"]')).toContain('最多减 50 元')
    expect(text('[data-testid="coupon"]')).toContain('限指定商品：HERO-1')
    expect(texts('[role="tab"]')).toEqual(['可使用 1', '已使用 1', '已过期 1'])
    document.querySelectorAll<HTMLElement>('[role="tab"]')[1]!.click()
    await flushPromises()
    expect(document.querySelectorAll('[data-testid="coupon"]')).toHaveLength(1)
    expect(text('[data-testid="coupon"]')).toContain('已使用')
  })

  it('redeems once per attempt however often the confirmation is tapped', async () => {
    const server = api()
    const wrapper = render(MallList, { items: [cup], balance: 800, api: server })
    document.querySelector<HTMLElement>('[data-testid="redeem"]')!.click()
    await flushPromises()
    const submit = document.querySelector<HTMLElement>('[data-testid="redeem-submit"]')!
    submit.click()
    submit.click()
    await flushPromises()
    const ids = vi.mocked(server.redeem).mock.calls.map((call) => call[1])
    expect(ids).toHaveLength(1)
    expect(wrapper.emitted('redeemed')).toEqual([[500]])

    document.querySelector<HTMLElement>('[data-testid="redeem"]')!.click()
    await flushPromises()
    document.querySelector<HTMLElement>('[data-testid="redeem-submit"]')!.click()
    await flushPromises()
    const last = vi.mocked(server.redeem).mock.calls.at(-1)![1]
    expect(last).not.toBe(ids[0])
  })

  it('does not offer what the member cannot afford', () => {
    render(MallList, { items: [cup], balance: 100, api: api() })
    const redeem = document.querySelector<HTMLButtonElement>('[data-testid="redeem"]')!
    expect(redeem.disabled).toBe(true)
    expect(redeem.textContent?.trim()).toBe('积分不足')
  })

  it('shows the refusal of a bad link instead of the page', async () => {
    const { ApiError } = await import('@/api/problem')
    const refused = new ApiError(401, {
      code: 'link.expired',
      detail: '链接已过期，请联系客服获取新链接。',
    })
    render(MemberApp, { api: api({ card: vi.fn(async () => Promise.reject(refused)) }) })
    await flushPromises()
    expect(text('[data-testid="failure"]')).toContain('链接已过期')
    expect(
      document.querySelector('[data-testid="failure"] button'),
      'retrying cannot help',
    ).toBeNull()
    expect(document.querySelector('[data-testid="member-card"]')).toBeNull()
  })

  it('loads the card, points, coupons and mall together', async () => {
    render(MemberApp, { api: api({ coupons: vi.fn(async () => [coupon(1, 'available')]) }) })
    await flushPromises()
    expect(text('[data-testid="tier"]')).toBe('金卡')
    expect(texts('.van-tabs__nav--line [role="tab"]')).toEqual(['积分', '优惠券', '积分商城'])
  })
})
