// The progress page's API client: the link's token is the only credential; the page's device id goes along so
// the campaign can tell one phone opening many participants' pages.
import { ApiError } from '@/api/problem'
import { h5Fetch, h5Json } from './http'
import { newRedemptionId } from './api'

export type StageStatus = 'locked' | 'reached' | 'granted' | 'out_of_stock' | 'cancelled'
export type FriendStatus = 'held' | 'counted' | 'rejected'
export type GiftStatus = 'awaiting_address' | 'to_ship' | 'shipped' | 'received' | 'cancelled'

export interface StageView {
  stage: number
  invites: number
  rewardKind: 'points' | 'coupon' | 'gift' | 'red_packet'
  amount: number
  gift: string | null
  giftImage: string | null
  status: StageStatus
  /** No stock left for whoever reaches it next. */
  soldOut: boolean
}

export interface Friend {
  /** Masked by the server: the first character and stars; null when the friend has no name. */
  name: string | null
  status: FriendStatus
  at: string
}

export interface GiftAddress {
  recipient: string
  mobile: string
  province: string
  city: string
  district: string
  detail: string
}

export interface Gift {
  id: number
  stage: number
  gift: string
  status: GiftStatus
  address: GiftAddress | null
  carrier: string | null
  trackingNo: string | null
}

export interface Progress {
  campaignId: number
  name: string
  description: string | null
  /** Over: the page only shows gifts still on their way. */
  ended: boolean
  endsAt: string
  /** The server's time when it answered, for the countdown. */
  now: string
  counted: number
  pending: number
  next: { stage: number; invites: number; needed: number } | null
  stages: StageView[]
  friends: Friend[]
  gifts: Gift[]
}

export interface CampaignApi {
  progress(): Promise<Progress>
  /** The poster as a data URL (an image a phone can long-press to save). */
  poster(): Promise<string>
  address(giftId: number, address: GiftAddress): Promise<Gift>
}

export function campaignApi(
  token: string,
  campaignId: number,
  language: () => string,
  device: string,
): CampaignApi {
  const base = `/api/h5/v1/campaign/${campaignId}`
  const headers = { Accept: 'application/json, image/png', 'X-Siyu-Device': device }
  const send = (path: string, init?: RequestInit) =>
    h5Fetch(base + path, token, language(), init, headers)
  const json = <T>(path: string, init?: RequestInit) =>
    h5Json<T>(base + path, token, language(), init, headers)
  return {
    progress: () => json<Progress>(''),
    poster: async () => dataUrl(await (await send('/poster')).blob()),
    address: (giftId, address) =>
      json<Gift>(`/gifts/${giftId}/address`, { method: 'PUT', body: JSON.stringify(address) }),
  }
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new ApiError(0, {}))
    reader.readAsDataURL(blob)
  })
}

/** The campaign the link is for: `?c=<id>` in the address. */
export function campaignIdFrom(search: string): number | null {
  const raw = new URLSearchParams(search).get('c')
  return raw && /^[1-9]\d{0,17}$/.test(raw) ? Number(raw) : null
}

const DEVICE_KEY = 'siyu.device'

/**
 * This browser's device id: made once and kept in localStorage, so the same phone names itself the same on every
 * campaign page it opens. Without storage (private mode) a fresh one each time.
 */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  try {
    const kept = storage?.getItem(DEVICE_KEY)
    if (kept && /^[A-Za-z0-9-]{8,64}$/.test(kept)) return kept
    const made = newRedemptionId()
    storage?.setItem(DEVICE_KEY, made)
    return made
  } catch {
    return newRedemptionId()
  }
}

/** Mainland mobile numbers, as the server checks them: 1, then 3 to 9, then nine digits. */
export function validMobile(raw: string): boolean {
  const digits = raw.replace(/[\s-]/g, '').replace(/^\+86/, '')
  return /^1[3-9]\d{9}$/.test(digits)
}
