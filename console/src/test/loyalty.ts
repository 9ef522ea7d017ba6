// Test data shaped like the server's answers about membership and loyalty (used by the specs only).
import type {
  Adjustment,
  CardPlan,
  CardStats,
  MemberCardPurchase,
  Coupon,
  CouponRule,
  CouponTemplate,
  EarningRule,
  LedgerEntry,
  LoyaltyStats,
  MallItem,
  MallOrder,
  Member,
  MemberSummary,
  Program,
} from '@/modules/loyalty/api'
import type { EventTypeInfo } from '@/modules/events/api'
import { jsonResponse, stubFetch, type Route } from './http'
import { me } from './session'
import { settle } from './settle'

/** 品牌会员俱乐部: 银卡 from 0, 金卡 from 1,000 growth, 黑金 from 5,000. */
export function program(overrides: Partial<Program> = {}): Program {
  return {
    name: '品牌会员俱乐部',
    joinRule: 'free',
    pointsPerYuan: 1,
    growthPerYuan: 1,
    pointsExpiry: 'end_of_next_year',
    pointsExpiryDays: null,
    dailyCap: 5000,
    tiers: [
      {
        level: 1,
        name: '银卡',
        minGrowth: 0,
        multiplier: 1,
        discountPercent: 0,
        freeShipping: false,
        birthdayPoints: 100,
      },
      {
        level: 2,
        name: '金卡',
        minGrowth: 1000,
        multiplier: 1.5,
        discountPercent: 5,
        freeShipping: true,
        birthdayPoints: 300,
      },
      {
        level: 3,
        name: '黑金',
        minGrowth: 5000,
        multiplier: 2,
        discountPercent: 10,
        freeShipping: true,
        birthdayPoints: 1000,
      },
    ],
    updatedAt: '2026-11-01T02:00:00Z',
    ...overrides,
  }
}

export function loyaltyStats(overrides: Partial<LoyaltyStats> = {}): LoyaltyStats {
  return {
    members: 1190,
    byTier: [
      { level: 2, name: '金卡', members: 250 },
      { level: 1, name: '银卡', members: 900 },
      { level: 3, name: '黑金', members: 40 },
    ],
    liability: 256000,
    expiringSoon: 12000,
    last30: { issued: 90000, spent: 30000, expired: 2000 },
    coupons: { issued: 400, redeemed: 100, rate: 0.25 },
    daily: [
      {
        day: '2026-11-01',
        joined: 20,
        issued: 4000,
        spent: 1000,
        expired: 0,
        tiers: { '1': 880, '2': 240, '3': 40 },
      },
      {
        day: '2026-11-02',
        joined: 30,
        issued: 5200,
        spent: 1800,
        expired: 300,
        tiers: { '1': 900, '2': 250, '3': 40 },
      },
    ],
    ...overrides,
  }
}

export function memberSummary(overrides: Partial<MemberSummary> = {}): MemberSummary {
  return {
    customerId: 20001,
    name: '林晓雯',
    memberNo: 'M00020001',
    tier: 2,
    tierName: '金卡',
    growth: 3200,
    points: 1880,
    joinedAt: '2026-03-01T02:00:00Z',
    ...overrides,
  }
}

export const MEMBERS: MemberSummary[] = [
  memberSummary(),
  memberSummary({
    customerId: 20002,
    name: null,
    memberNo: 'M00020002',
    tier: 1,
    tierName: '银卡',
    growth: 120,
    points: 60,
    joinedAt: '2026-10-20T02:00:00Z',
  }),
]

/** 林晓雯 (20001): 金卡, 1,800 growth short of 黑金, 200 points expiring on 11-30. */
export function member(overrides: Partial<Member> = {}): Member {
  return {
    ...memberSummary(),
    expiring: { points: 200, at: '2026-11-30T15:59:59Z' },
    source: 'purchase',
    nextTier: { level: 3, name: '黑金', minGrowth: 5000, growthNeeded: 1800 },
    tiers: [
      { at: '2026-03-01T02:00:00Z', from: null, to: 1, reason: 'join' },
      { at: '2026-06-18T02:00:00Z', from: 1, to: 2, reason: 'upgrade' },
    ],
    benefits: { discountPercent: 5, freeShipping: true, birthdayPoints: 300 },
    referralCode: 'K7Q2ZP4M',
    referredBy: null,
    referrals: 3,
    ...overrides,
  }
}

export const LEDGER: LedgerEntry[] = [
  {
    id: 905,
    kind: 'adjust',
    points: 500,
    balance: 1880,
    source: 'manual',
    ref: null,
    reason: '客诉补偿',
    actor: '李运营',
    approver: '王经理',
    expiresAt: null,
    at: '2026-11-05T02:00:00Z',
  },
  {
    id: 904,
    kind: 'spend',
    points: -300,
    balance: 1380,
    source: 'mall',
    ref: 'MO-77',
    reason: null,
    actor: null,
    approver: null,
    expiresAt: null,
    at: '2026-11-04T02:00:00Z',
  },
  {
    id: 903,
    kind: 'reverse',
    points: -120,
    balance: 1680,
    source: 'refund',
    ref: 'SO-1002',
    reason: null,
    actor: null,
    approver: null,
    expiresAt: null,
    at: '2026-11-03T02:00:00Z',
    shortfall: 20,
  },
  {
    id: 902,
    kind: 'earn',
    points: 1800,
    balance: 1800,
    source: 'purchase',
    ref: 'SO-1001',
    reason: null,
    actor: null,
    approver: null,
    expiresAt: '2027-12-31T15:59:59Z',
    at: '2026-11-01T02:00:00Z',
  },
]

export const COUPONS: Coupon[] = [
  {
    id: 71,
    code: 'C-7F3K',
    templateId: 3,
    templateCode: 'NEW-20',
    name: '新人满 100 减 20',
    kind: 'amount',
    value: 20,
    maxOff: null,
    threshold: 100,
    status: 'redeemed',
    issuedAt: '2026-10-01T02:00:00Z',
    expiresAt: '2026-10-31T15:59:59Z',
    redeemedAt: '2026-10-10T02:00:00Z',
    orderNo: 'SO-0901',
    discount: 20,
  },
  {
    id: 72,
    code: 'C-8H2M',
    templateId: 4,
    templateCode: 'VIP-15',
    name: '金卡 85 折',
    kind: 'percent',
    value: 15,
    maxOff: 50,
    threshold: 0,
    status: 'issued',
    issuedAt: '2026-11-01T02:00:00Z',
    expiresAt: '2026-12-01T15:59:59Z',
    redeemedAt: null,
    orderNo: null,
    discount: null,
  },
]

export function adjustment(overrides: Partial<Adjustment> = {}): Adjustment {
  return {
    id: 31,
    customerId: 20001,
    customerName: '林晓雯',
    points: 500,
    reason: '客诉补偿',
    status: 'pending',
    requestedBy: '李运营',
    decidedBy: null,
    at: '2026-11-05T01:00:00Z',
    decidedAt: null,
    ...overrides,
  }
}

export function template(overrides: Partial<CouponTemplate> = {}): CouponTemplate {
  return {
    id: 3,
    code: 'NEW-20',
    name: '新人满 100 减 20',
    kind: 'amount',
    value: 20,
    maxOff: null,
    threshold: 100,
    skus: [],
    validDays: 30,
    validFrom: null,
    validUntil: null,
    perCustomer: 1,
    stock: 1000,
    active: true,
    issued: 400,
    redeemed: 100,
    ...overrides,
  }
}

export const TEMPLATES: CouponTemplate[] = [
  template(),
  template({
    id: 4,
    code: 'VIP-15',
    name: '金卡 85 折',
    kind: 'percent',
    value: 15,
    maxOff: 50,
    threshold: 0,
    skus: ['SKU-1', 'SKU-2'],
    validDays: null,
    validFrom: '2026-11-01T00:00:00+08:00',
    validUntil: '2026-12-31T23:59:59+08:00',
    perCustomer: 2,
    stock: null,
    issued: 0,
    redeemed: 0,
  }),
  template({ id: 5, code: 'OLD-5', name: '旧版满减', active: false, issued: 10, redeemed: 1 }),
]

export function mallItem(overrides: Partial<MallItem> = {}): MallItem {
  return {
    id: 41,
    name: '品牌保温杯',
    description: '500ml 不锈钢',
    points: 2000,
    cash: 0,
    stock: 50,
    perMember: 1,
    active: true,
    redeemed: 12,
    ...overrides,
  }
}

export function mallOrder(overrides: Partial<MallOrder> = {}): MallOrder {
  return {
    id: 77,
    itemId: 41,
    itemName: '品牌保温杯',
    customerId: 20001,
    customerName: '林晓雯',
    points: 2000,
    cash: 0,
    status: 'placed',
    at: '2026-11-04T02:00:00Z',
    ...overrides,
  }
}

/** 每日签到 10 points (10 a day), and 好评有礼 20 for a rating of 4 or more, ×2 on 双11. */
export const RULES: EarningRule[] = [
  {
    id: 1,
    name: '每日签到',
    eventType: 'check_in',
    points: 10,
    growth: 1,
    filter: null,
    dailyCap: 10,
    totalCap: null,
    active: true,
    campaign: null,
    updatedAt: '2026-11-01T02:00:00Z',
  },
  {
    id: 2,
    name: '好评有礼',
    eventType: 'review',
    points: 20,
    growth: 0,
    filter: { property: 'rating', op: 'gte', value: '4' },
    dailyCap: 60,
    totalCap: 500,
    active: true,
    campaign: { from: '2026-11-10T16:00:00Z', to: '2026-11-11T16:00:00Z', multiplier: 2 },
    updatedAt: '2026-11-01T02:00:00Z',
  },
]

const eventType = (name: string, displayName: string, code: number): EventTypeInfo => ({
  name,
  code,
  builtIn: true,
  displayName,
  properties: [],
  last30Days: 0,
  daily: [],
})

/** The catalog's types a rule can pick from, and purchase (which it cannot). */
export const RULE_EVENT_TYPES: EventTypeInfo[] = [
  eventType('purchase', '购买', 3),
  {
    ...eventType('share', '分享', 4),
    properties: [{ name: 'channel', kind: 'string', required: false, values: ['moments', 'chat'] }],
  },
  eventType('check_in', '签到', 11),
  {
    ...eventType('review', '评价', 12),
    properties: [
      { name: 'rating', kind: 'integer', required: true, values: [] },
      { name: 'productId', kind: 'string', required: false, maxLength: 64, values: [] },
    ],
  },
]

/** A coupon rule with a filter and no total, and one with a total. */
export const COUPON_RULES: CouponRule[] = [
  {
    id: 1,
    name: '五星好评送券',
    templateCode: 'NEW-20',
    eventType: 'review',
    filter: { property: 'rating', op: 'gte', value: '5' },
    perCustomer: 3,
    totalLimit: null,
    active: true,
    issued: 42,
    updatedAt: '2026-11-20T02:00:00Z',
  },
  {
    id: 2,
    name: '签到送券',
    templateCode: 'VIP-15',
    eventType: 'check_in',
    filter: null,
    perCustomer: 1,
    totalLimit: 500,
    active: false,
    issued: 500,
    updatedAt: '2026-11-21T02:00:00Z',
  },
]

/** A signed-in admin and the whole program: members, 20001's details, coupons, the mall. */
export function stubLoyaltyServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/loyalty/program': () => jsonResponse(program()),
    'GET /api/v1/loyalty/stats': () => jsonResponse(loyaltyStats()),
    'GET /api/v1/loyalty/rules': () => jsonResponse(RULES),
    'GET /api/v1/event-types': () => jsonResponse(RULE_EVENT_TYPES),
    'GET /api/v1/loyalty/members': () => jsonResponse({ items: MEMBERS, nextCursor: null }),
    'GET /api/v1/loyalty/members/20001': () => jsonResponse(member()),
    'GET /api/v1/loyalty/members/20001/points': () =>
      jsonResponse({ items: LEDGER, nextCursor: null }),
    'GET /api/v1/loyalty/members/20001/coupons': () => jsonResponse(COUPONS),
    'GET /api/v1/loyalty/adjustments': () => jsonResponse([adjustment()]),
    'GET /api/v1/loyalty/coupon-templates': () => jsonResponse(TEMPLATES),
    'GET /api/v1/loyalty/coupon-rules': () => jsonResponse(COUPON_RULES),
    'GET /api/v1/loyalty/mall/items': () =>
      jsonResponse([mallItem(), mallItem({ id: 42, name: '定制帆布袋', points: 800, cash: 9.9 })]),
    'GET /api/v1/loyalty/mall/orders': () =>
      jsonResponse({
        items: [mallOrder(), mallOrder({ id: 78, status: 'shipped', customerId: 20002 })],
        nextCursor: null,
      }),
    'GET /api/v1/segments': () => jsonResponse([{ id: 5, name: '近 30 天活跃老会员', size: 320 }]),
    'GET /api/v1/loyalty/cards/plans': () => jsonResponse([cardPlan()]),
    'GET /api/v1/loyalty/cards/stats': () => jsonResponse(cardStats()),
    'GET /api/v1/loyalty/members/20001/cards': () => jsonResponse(CARD_PURCHASES),
    ...routes,
  })
}

/** The options of the select open now (every select keeps its dropdown in the body). */
export const shownOptions = () =>
  [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
    (item) =>
      item.style.display !== 'none' &&
      item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )

/** Opens a coupon template select (it reads the templates again) and picks the one with this code. */
export async function pickCoupon(select: Element | null, code: string): Promise<void> {
  const wrapper = select?.querySelector<HTMLElement>('.el-select__wrapper')
  if (!wrapper) throw new Error('no coupon select')
  wrapper.click()
  await settle()
  const option = shownOptions().find((item) => item.querySelector(`[data-code="${code}"]`))
  if (!option) throw new Error(`no coupon ${code}`)
  option.click()
  await settle()
}

/** 黑金年卡: 199 yuan for 12 months, holders at least 金卡 (level 2). */
export function cardPlan(overrides: Partial<CardPlan> = {}): CardPlan {
  return {
    id: 7,
    name: '黑金年卡',
    price: 199,
    validity: 12,
    validityUnit: 'months',
    floorTier: 2,
    benefits: '全场 95 折，每月一张免邮券',
    active: true,
    sold: 128,
    updatedAt: '2026-11-20T02:00:00Z',
    ...overrides,
  }
}

/** A first year, then a renewal bought before it ended. */
export const CARD_PURCHASES: MemberCardPurchase[] = [
  {
    id: 302,
    customerId: 20001,
    planId: 7,
    planName: '黑金年卡',
    purchaseKey: 'SHOP-CARD-302',
    amount: 179,
    renewal: true,
    validFrom: '2026-12-15T04:00:00Z',
    validUntil: '2027-12-15T04:00:00Z',
    status: 'active',
    boughtAt: '2026-11-28T06:30:00Z',
    endedAt: null,
  },
  {
    id: 301,
    customerId: 20001,
    planId: 7,
    planName: '黑金年卡',
    purchaseKey: 'SHOP-CARD-301',
    amount: 199,
    renewal: false,
    validFrom: '2025-12-15T04:00:00Z',
    validUntil: '2026-12-15T04:00:00Z',
    status: 'active',
    boughtAt: '2025-12-15T04:00:00Z',
    endedAt: null,
  },
]

/** Twelve months up to 2026-12: sales from September. */
export function cardStats(overrides: Partial<CardStats> = {}): CardStats {
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = i < 1 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`
    const sold = i >= 9 ? (i - 8) * 10 : 0
    return { month, sold, renewals: i === 11 ? 4 : 0, revenue: sold * 199, refunded: 0 }
  })
  return { active: 58, endingSoon: 6, revenue: 11940, months, ...overrides }
}
