import { http, type CursorPage } from '@/api/http'

// Membership and loyalty (会员): the program, members, their points and coupons, the mall.
// Money is yuan with two decimals; points and growth are whole numbers.

/**
 * free: anyone may join; purchase: a customer joins on their first paid order; paid_card: a customer
 * joins by buying a paid membership card (付费会员卡), and only card holders earn.
 */
export const JOIN_RULES = ['free', 'purchase', 'paid_card'] as const
export type JoinRule = (typeof JOIN_RULES)[number]

/** When earned points lapse: at the end of the year after, some days after earning, or never. */
export const EXPIRY_RULES = ['end_of_next_year', 'days', 'never'] as const
export type ExpiryRule = (typeof EXPIRY_RULES)[number]

/** How a customer became a member. */
export const MEMBER_SOURCES = [
  'free',
  'purchase',
  'card',
  'api',
  'journey',
  'campaign',
  'import',
] as const
export type MemberSource = (typeof MEMBER_SOURCES)[number]

/** downgrade: a refund took growth back; downgrade-review: the daily review of a growth window. */
export const TIER_REASONS = ['join', 'upgrade', 'downgrade', 'downgrade-review'] as const
export type TierReason = (typeof TIER_REASONS)[number]

export const ENTRY_KINDS = ['earn', 'spend', 'expire', 'reverse', 'adjust'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const ENTRY_SOURCES = [
  'purchase',
  'refund',
  'journey',
  'campaign',
  'mall',
  'shop',
  'manual',
  'expiry',
  'referral',
  'birthday',
  'rule',
] as const
export type EntrySource = (typeof ENTRY_SOURCES)[number]

export const ADJUSTMENT_STATUSES = ['pending', 'applied', 'rejected'] as const
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number]

/** amount: `value` yuan off; percent: `value` percent off, at most `maxOff` yuan. */
export const COUPON_KINDS = ['amount', 'percent'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]

export const COUPON_STATUSES = ['issued', 'redeemed', 'expired'] as const
export type CouponStatus = (typeof COUPON_STATUSES)[number]

/** placed → shipped → delivered; a placed order may be cancelled (its points come back). */
export const ORDER_STATUSES = ['placed', 'shipped', 'delivered', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** The error codes of the contract, each with words in both languages (loyalty.errors.*). */
export const ERROR_CODES = [
  'loyalty.adjustment.own',
  'loyalty.points.insufficient',
  'loyalty.coupon.used',
  'loyalty.coupon.expired',
  'loyalty.coupon.foreign',
  'loyalty.coupon.threshold',
  'loyalty.coupon.scope',
  'loyalty.mall.out-of-stock',
  'loyalty.mall.limit',
  'loyalty.mall.inactive',
] as const

export interface Tier {
  /** 1, 2, 3 in order. */
  level: number
  name: string
  /** The growth a member needs for it; level 1: 0. */
  minGrowth: number
  /** Points earned ×, 1–10. */
  multiplier: number
  /** Member price: percent off, 0–50. */
  discountPercent: number
  freeShipping: boolean
  birthdayPoints: number
  /**
   * With a growth window: the growth within it a member needs to stay in this tier at the daily
   * review, at most `minGrowth`; null (or absent): `minGrowth`.
   */
  keepGrowth?: number | null
  /**
   * Exclusive coupons (0–5, each template once): issued on reaching the tier, and a `monthly` one
   * again each month while in it; once per member, tier and period.
   */
  coupons?: TierCoupon[]
}

export interface TierCoupon {
  templateCode: string
  monthly: boolean
}

/** Growth counts over a member's whole life, or over the last some months (as text, "12"). */
export const LIFETIME = 'lifetime'
/** The month counts the console offers; the server takes 1 to 36. */
export const WINDOW_MONTHS = [3, 6, 12, 18, 24, 36] as const

export interface Program {
  name: string
  joinRule: JoinRule
  pointsPerYuan: number
  growthPerYuan: number
  pointsExpiry: ExpiryRule
  /** With `days`. */
  pointsExpiryDays: number | null
  /** Points a member can earn from rules in a day; null: no cap. */
  dailyCap: number | null
  /** What a referrer earns on a referred member's first paid order (0: none). */
  referralPoints?: number | null
  /**
   * `lifetime` (tiers follow growth at once, up and down) or a number of months as text: growth
   * earned within them counts, tiers move up at once and down only at the daily review.
   */
  growthWindow?: string
  /** Points a member receives on the anniversary of joining (0: none). */
  anniversaryPoints?: number | null
  /** The code of the coupon template a member receives then; null: none. */
  anniversaryCoupon?: string | null
  tiers: Tier[]
  updatedAt?: string | null
}

export type ProgramInput = Omit<Program, 'updatedAt'>

/** How a rule's filter compares the event's property with its value. */
export const FILTER_OPS = ['gte', 'lte', 'eq'] as const
export type FilterOp = (typeof FILTER_OPS)[number]

/**
 * Points (and growth) for each event of a type from the event catalog (签到, 评价, 分享 …), at most
 * `dailyCap` points a member a day and `totalCap` in all; the tier multiplier applies, and the
 * campaign's inside its window. Purchases earn by the program's rate instead.
 */
export interface EarningRule {
  id: number
  name: string
  eventType: string
  points: number
  growth: number
  /** Only events whose property passes earn; null: every event of the type. */
  filter: { property: string; op: FilterOp; value: string } | null
  dailyCap: number
  totalCap: number | null
  active: boolean
  /** Events that happen from `from` until `to` earn `multiplier` times (e.g. 双11 ×2). */
  campaign: { from: string; to: string; multiplier: number } | null
  updatedAt: string
}

export type EarningRuleInput = Omit<EarningRule, 'id' | 'updatedAt'>

/**
 * A coupon template (by code) issued to a member for each event of a type from the event catalog
 * that passes the filter: once per event, at most `perCustomer` per member and `totalLimit` in all.
 */
export interface CouponRule {
  id: number
  name: string
  templateCode: string
  eventType: string
  filter: { property: string; op: FilterOp; value: string } | null
  perCustomer: number
  /** null: no limit. */
  totalLimit: number | null
  active: boolean
  /** Coupons the rule has issued. */
  issued: number
  updatedAt: string
}

export type CouponRuleInput = Omit<CouponRule, 'id' | 'issued' | 'updatedAt'>

export interface MemberSummary {
  customerId: number
  name: string | null
  memberNo: string
  tier: number
  tierName: string
  growth: number
  points: number
  joinedAt: string
}

export interface TierMove {
  at: string
  /** Null (or 0) on joining. */
  from: number | null
  to: number
  reason: TierReason
}

export interface Member extends MemberSummary {
  /** The soonest points to expire within 30 days. */
  expiring: { points: number; at: string } | null
  source: MemberSource
  nextTier: { level: number; name: string; minGrowth: number; growthNeeded: number } | null
  tiers: TierMove[]
  benefits: { discountPercent: number; freeShipping: boolean; birthdayPoints: number }
  /** The member's invite code, and whom they came through. */
  referralCode?: string
  referredBy?: number | null
  /** Members who joined with their code. */
  referrals?: number
  /** The paid membership card: in force (valid) or the last one that ended; null: never held one. */
  card?: MemberPaidCard | null
}

/** A card in force: its plan and when the card ends (renewals counted); ended: when it ended. */
export interface MemberPaidCard {
  planId: number
  planName: string
  valid: boolean
  validUntil: string
  floorTier: number | null
  benefits: string | null
}

export const VALIDITY_UNITS = ['days', 'months'] as const
export type ValidityUnit = (typeof VALIDITY_UNITS)[number]

/** A paid membership card plan (付费会员卡). */
export interface CardPlan {
  id: number
  name: string
  /** Yuan. */
  price: number
  validity: number
  validityUnit: ValidityUnit
  /** The tier a holder is at least in while the card is valid; null: none. */
  floorTier: number | null
  benefits: string | null
  active: boolean
  /** Cards sold and not refunded. */
  sold: number
  updatedAt: string
}

export type CardPlanInput = Omit<CardPlan, 'id' | 'sold' | 'updatedAt'>

export const CARD_STATUSES = ['active', 'expired', 'refunded'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]

/** One purchase: the period it added to the member's card. */
export interface MemberCardPurchase {
  id: number
  customerId: number
  planId: number
  planName: string
  purchaseKey: string
  amount: number
  renewal: boolean
  validFrom: string
  validUntil: string
  status: CardStatus
  boughtAt: string
  endedAt: string | null
}

export interface CardMonth {
  /** 2026-12 */
  month: string
  sold: number
  renewals: number
  /** Yuan, refunded cards left out. */
  revenue: number
  refunded: number
}

export interface CardStats {
  /** Members whose card is valid now. */
  active: number
  /** Of them, those whose card ends within 30 days. */
  endingSoon: number
  /** Yuan over the 12 months. */
  revenue: number
  /** The last 12 months, oldest first. */
  months: CardMonth[]
}

export interface LedgerEntry {
  id: number
  kind: EntryKind
  /** Signed: negative for spend, expire and deductions. */
  points: number
  /** The balance after the entry. */
  balance: number
  source: EntrySource
  ref: string | null
  reason: string | null
  actor: string | null
  approver: string | null
  /** For earned points. */
  expiresAt: string | null
  at: string
  /** What a refund could not take back (already spent, no other points). */
  shortfall?: number | null
}

export interface Adjustment {
  id: number
  customerId: number
  customerName: string | null
  points: number
  reason: string
  status: AdjustmentStatus
  requestedBy: string
  decidedBy: string | null
  at: string
  decidedAt: string | null
}

export interface CouponTemplate {
  id: number
  code: string
  name: string
  kind: CouponKind
  value: number
  maxOff: number | null
  threshold: number
  skus: string[]
  validDays: number | null
  validFrom: string | null
  validUntil: string | null
  perCustomer: number
  /** Null: unlimited. */
  stock: number | null
  active: boolean
  issued: number
  redeemed: number
}

export type CouponTemplateInput = Omit<CouponTemplate, 'id' | 'issued' | 'redeemed'>

export type IssueInput = ({ customerIds: number[] } | { segmentId: number }) & { key: string }

export interface IssueResult {
  issued: number
  skipped: { limit: number; stock: number }
}

export interface Coupon {
  id: number
  code: string
  templateId: number
  templateCode: string
  name: string
  kind: CouponKind
  value: number
  maxOff: number | null
  threshold: number
  status: CouponStatus
  issuedAt: string
  expiresAt: string | null
  redeemedAt: string | null
  orderNo: string | null
  discount: number | null
}

export interface MallItem {
  id: number
  name: string
  description: string | null
  points: number
  cash: number
  stock: number
  perMember: number
  active: boolean
  redeemed: number
}

export type MallItemInput = Omit<MallItem, 'id' | 'redeemed'>

export interface MallOrder {
  id: number
  itemId: number
  itemName: string
  customerId: number
  customerName: string | null
  points: number
  cash: number
  status: OrderStatus
  at: string
}

export interface DailyLoyalty {
  day: string
  joined: number
  issued: number
  spent: number
  expired: number
  /** Members per tier level at the end of the day. */
  tiers: Record<string, number>
}

export interface LoyaltyStats {
  members: number
  byTier: { level: number; name: string; members: number }[]
  /** Points outstanding. */
  liability: number
  /** Points expiring within 30 days. */
  expiringSoon: number
  last30: { issued: number; spent: number; expired: number }
  /** `rate`: redeemed / issued, 0–1. */
  coupons: { issued: number; redeemed: number; rate: number }
  daily: DailyLoyalty[]
}

const BASE = '/api/v1/loyalty'
const PAGE = 20

/** A link to a member's own H5 page, valid until `expiresAt`; `qr` is a PNG data URL. */
export interface MemberPageLink {
  url: string
  expiresAt: string
  qr: string
}

export const loyaltyApi = {
  program: (signal?: AbortSignal) => http.get<Program>(`${BASE}/program`, undefined, signal),
  saveProgram: (body: ProgramInput) => http.put<Program>(`${BASE}/program`, body),
  stats: (signal?: AbortSignal) => http.get<LoyaltyStats>(`${BASE}/stats`, undefined, signal),

  rules: (signal?: AbortSignal) => http.get<EarningRule[]>(`${BASE}/rules`, undefined, signal),
  createRule: (body: EarningRuleInput) => http.post<EarningRule>(`${BASE}/rules`, body),
  updateRule: (id: number, body: EarningRuleInput) =>
    http.put<EarningRule>(`${BASE}/rules/${id}`, body),
  deleteRule: (id: number) => http.delete<void>(`${BASE}/rules/${id}`),
  couponRules: (signal?: AbortSignal) =>
    http.get<CouponRule[]>(`${BASE}/coupon-rules`, undefined, signal),
  createCouponRule: (body: CouponRuleInput) => http.post<CouponRule>(`${BASE}/coupon-rules`, body),
  updateCouponRule: (id: number, body: CouponRuleInput) =>
    http.put<CouponRule>(`${BASE}/coupon-rules/${id}`, body),
  deleteCouponRule: (id: number) => http.delete<void>(`${BASE}/coupon-rules/${id}`),

  members: (filters: { q?: string; tier?: number | null }, cursor: string | null) =>
    http.get<CursorPage<MemberSummary>>(`${BASE}/members`, {
      q: filters.q,
      tier: filters.tier,
      cursor,
      limit: PAGE,
    }),
  /** Makes a customer a member; a member already answers the same member. */
  join: (customerId: number) => http.post<MemberSummary>(`${BASE}/members`, { customerId }),
  member: (customerId: number, signal?: AbortSignal) =>
    http.get<Member>(`${BASE}/members/${customerId}`, undefined, signal),
  ledger: (customerId: number, cursor: string | null) =>
    http.get<CursorPage<LedgerEntry>>(`${BASE}/members/${customerId}/points`, {
      cursor,
      limit: PAGE,
    }),
  coupons: (customerId: number) => http.get<Coupon[]>(`${BASE}/members/${customerId}/coupons`),
  memberCards: (customerId: number) =>
    http.get<MemberCardPurchase[]>(`${BASE}/members/${customerId}/cards`),
  cardPlans: (signal?: AbortSignal) =>
    http.get<CardPlan[]>(`${BASE}/cards/plans`, undefined, signal),
  createCardPlan: (body: CardPlanInput) => http.post<CardPlan>(`${BASE}/cards/plans`, body),
  updateCardPlan: (id: number, body: CardPlanInput) =>
    http.put<CardPlan>(`${BASE}/cards/plans/${id}`, body),
  deleteCardPlan: (id: number) => http.delete<void>(`${BASE}/cards/plans/${id}`),
  cardStats: (signal?: AbortSignal) =>
    http.get<CardStats>(`${BASE}/cards/stats`, undefined, signal),
  pageLink: (customerId: number) =>
    http.post<MemberPageLink>(`${BASE}/members/${customerId}/page-link`, {}),

  requestAdjustment: (customerId: number, body: { points: number; reason: string }) =>
    http.post<Adjustment>(`${BASE}/members/${customerId}/adjustments`, body),
  adjustments: (status: AdjustmentStatus) =>
    http.get<Adjustment[]>(`${BASE}/adjustments`, { status }),
  approve: (id: number) => http.post<Adjustment>(`${BASE}/adjustments/${id}/approve`),
  reject: (id: number) => http.post<Adjustment>(`${BASE}/adjustments/${id}/reject`),

  templates: () => http.get<CouponTemplate[]>(`${BASE}/coupon-templates`),
  createTemplate: (body: CouponTemplateInput) =>
    http.post<CouponTemplate>(`${BASE}/coupon-templates`, body),
  updateTemplate: (id: number, body: CouponTemplateInput) =>
    http.put<CouponTemplate>(`${BASE}/coupon-templates/${id}`, body),
  issue: (templateId: number, body: IssueInput) =>
    http.post<IssueResult>(`${BASE}/coupon-templates/${templateId}/issue`, body),

  items: () => http.get<MallItem[]>(`${BASE}/mall/items`),
  createItem: (body: MallItemInput) => http.post<MallItem>(`${BASE}/mall/items`, body),
  updateItem: (id: number, body: MallItemInput) =>
    http.put<MallItem>(`${BASE}/mall/items/${id}`, body),
  orders: (status: OrderStatus | null, cursor: string | null) =>
    http.get<CursorPage<MallOrder>>(`${BASE}/mall/orders`, { status, cursor, limit: PAGE }),
  moveOrder: (id: number, action: 'ship' | 'deliver' | 'cancel') =>
    http.post<MallOrder>(`${BASE}/mall/orders/${id}/${action}`),
}

/** A fresh idempotency key for one issue (the same key issues nothing again). */
export const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`
