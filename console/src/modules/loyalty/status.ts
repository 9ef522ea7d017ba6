import type { TagType } from '@/modules/mass-sends/status'
import type { AdjustmentStatus, CardStatus, CouponStatus, EntryKind, OrderStatus } from './api'

/** Points coming in are green, going out red or grey, a person's hand orange. */
export const ENTRY_KIND_TYPE: Record<EntryKind, TagType> = {
  earn: 'success',
  spend: 'primary',
  expire: 'info',
  reverse: 'danger',
  adjust: 'warning',
}

export const ADJUSTMENT_STATUS_TYPE: Record<AdjustmentStatus, TagType> = {
  pending: 'warning',
  applied: 'success',
  rejected: 'info',
}

export const COUPON_STATUS_TYPE: Record<CouponStatus, TagType> = {
  issued: 'primary',
  redeemed: 'success',
  expired: 'info',
}

export const ORDER_STATUS_TYPE: Record<OrderStatus, TagType> = {
  placed: 'warning',
  shipped: 'primary',
  delivered: 'success',
  cancelled: 'info',
}

/** Tier levels 1–3 in the shades the home dashboard gives member levels. */
export const TIER_TAG_TYPE: Record<number, TagType> = { 1: 'info', 2: 'warning', 3: 'primary' }

export const CARD_STATUS_TYPE: Record<CardStatus, TagType> = {
  active: 'success',
  expired: 'info',
  refunded: 'danger',
}
