// The member page's API client: the link's token is the only credential (no cookies, no CSRF).
import { h5Json } from './http'

export interface MemberCard {
  name: string | null
  memberNo: string
  tier: number
  tierName: string
  topTier: number
  growth: number
  points: number
  expiring: { points: number; at: string } | null
  nextTier: { level: number; name: string; minGrowth: number; growthNeeded: number } | null
  benefits: { discountPercent: number; freeShipping: boolean; birthdayPoints: number }
  joinedAt: string
  /** The paid membership card: in force (valid) or the last that ended; null: never held one. */
  paidCard?: {
    planName: string
    valid: boolean
    validUntil: string
    benefits: string | null
  } | null
}

export interface PointsEntry {
  id: number
  kind: string
  points: number
  balance: number
  source: string
  reason: string | null
  expiresAt: string | null
  at: string
}

export type CouponStatus = 'available' | 'used' | 'expired'

export interface MemberCoupon {
  id: number
  code: string
  name: string
  kind: 'amount' | 'percent' | string
  value: number
  maxOff: number | null
  threshold: number
  skus: string[]
  status: CouponStatus
  issuedAt: string
  expiresAt: string
  redeemedAt: string | null
}

export interface MallItem {
  id: number
  name: string
  description: string | null
  points: number
  cash: number
  left: number
  perMember: number
}

export interface Redeemed {
  orderId: number
  itemName: string
  points: number
  status: string
  balance: number
}

export interface MemberApi {
  card(): Promise<MemberCard>
  points(): Promise<PointsEntry[]>
  coupons(): Promise<MemberCoupon[]>
  items(): Promise<MallItem[]>
  redeem(itemId: number, redemptionId: string): Promise<Redeemed>
}

const BASE = '/api/h5/v1/member'

export function memberApi(token: string, language: () => string): MemberApi {
  const call = <T>(path: string, init?: RequestInit) =>
    h5Json<T>(BASE + path, token, language(), init)
  return {
    card: () => call<MemberCard>(''),
    points: () => call<PointsEntry[]>('/points'),
    coupons: () => call<MemberCoupon[]>('/coupons'),
    items: () => call<MallItem[]>('/mall/items'),
    redeem: (itemId, redemptionId) =>
      call<Redeemed>('/mall/redemptions', {
        method: 'POST',
        body: JSON.stringify({ itemId, redemptionId }),
      }),
  }
}

/** The link's token: the address's fragment (never sent to servers, never in a Referer). */
export function linkToken(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, '').trim())
}

/**
 * A redemption id, made once per attempt so a double tap or a retry redeems once. `crypto.randomUUID` exists
 * only on HTTPS pages; `getRandomValues` everywhere.
 */
export function newRedemptionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')
}
