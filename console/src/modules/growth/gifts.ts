// Physical gifts on their way: what the address form checks, and what an operator may do next.
import type { GiftAddress, GiftReward, GiftStatus } from './api'

/** Mainland mobile numbers: 1, then 3 to 9, then nine digits (as the server checks them). */
export const MOBILE = /^1[3-9]\d{9}$/

/** The number without spaces, hyphens or a +86 in front. */
export function normalMobile(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '')
  return digits.startsWith('+86') ? digits.slice(3) : digits
}

export const MAX_RECIPIENT = 20
export const MAX_REGION = 20
export const MAX_DETAIL = 120
export const MAX_CARRIER = 30
export const TRACKING = /^[A-Za-z0-9-]{4,40}$/

/** Carriers offered in the ship dialog; any other may be typed. */
export const CARRIERS = ['顺丰速运', '京东物流', '中通快递', '圆通速递', '韵达快递', 'EMS'] as const

/** The address on one line, as a label reads it: 王芳 138****5678 · 上海市上海市浦东新区 张杨路 500 号. */
export function addressLine(address: GiftAddress): string {
  const region =
    address.province === address.city
      ? `${address.city}${address.district}`
      : `${address.province}${address.city}${address.district}`
  return `${region} ${address.detail}`
}

/** The mobile number with its middle four hidden, for lists on a shared screen. */
export const maskedMobile = (mobile: string) =>
  mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : mobile

export type GiftAction = 'address' | 'ship' | 'receive' | 'cancel'

const ACTIONS: Record<GiftStatus, GiftAction[]> = {
  awaiting_address: ['address', 'cancel'],
  to_ship: ['ship', 'address', 'cancel'],
  shipped: ['receive'],
  received: [],
  cancelled: [],
}

/** What an operator may do with the gift now, the usual next step first. */
export const giftActions = (gift: Pick<GiftReward, 'status'>): GiftAction[] => ACTIONS[gift.status]

/** Tag colours of the statuses: waiting on someone is a warning, done is success. */
export const GIFT_STATUS_TYPE: Record<GiftStatus, 'warning' | 'primary' | 'success' | 'info'> = {
  awaiting_address: 'warning',
  to_ship: 'primary',
  shipped: 'primary',
  received: 'success',
  cancelled: 'info',
}
