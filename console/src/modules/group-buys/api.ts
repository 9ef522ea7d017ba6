import { http, type CursorPage } from '@/api/http'

/** scheduled: starts later; active: takes teams and joins; ended: by its end time or ended early. */
export const GROUP_BUY_STATUSES = ['scheduled', 'active', 'ended'] as const
export type GroupBuyStatus = (typeof GROUP_BUY_STATUSES)[number]

/** open: waiting for members until it expires; succeeded: reached the first tier; failed: did not. */
export const TEAM_STATUSES = ['open', 'succeeded', 'failed'] as const
export type TeamStatus = (typeof TEAM_STATUSES)[number]

/** due: to be paid back by the payment provider; done: paid back. */
export const REFUND_STATUSES = ['due', 'done'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

/** From `size` members on, each pays `price` (yuan). */
export interface Tier {
  size: number
  price: number
}

export interface TeamCounts {
  open: number
  succeeded: number
  failed: number
  /** Refunds paid back, in yuan. */
  refunded: number
}

/** A 拼团 offer; several tiers make it a 阶梯拼团. */
export interface GroupBuy {
  id: number
  name: string
  sku: string
  productName: string
  listPrice: number
  /** Sizes rising, prices falling; a team succeeds once it reaches the first size. */
  tiers: Tier[]
  /** A team is full at the last tier's size. */
  maxSize: number
  teamHours: number
  stock: number
  /** Places taken in open teams. */
  held: number
  /** Places in teams that succeeded. */
  sold: number
  startsAt: string
  endsAt: string
  status: GroupBuyStatus
  teams: TeamCounts
}

export interface GroupBuyInput {
  name: string
  sku: string
  productName: string
  listPrice: number
  tiers: Tier[]
  teamHours: number
  stock: number
  startsAt?: string
  endsAt: string
}

export interface Member {
  id: number
  customerId: number
  joinKey: string
  paymentRef: string
  paid: number
  joinedAt: string
  /** What is owed back; absent when nothing is. */
  refund?: number | null
  refundStatus?: RefundStatus | null
  /** The customer's name as the profile shows it now. */
  customerName?: string | null
}

export interface Team {
  id: number
  groupBuyId: number
  leaderId: number
  size: number
  status: TeamStatus
  openedAt: string
  expiresAt: string
  closedAt?: string | null
  /** The price each member pays in the end; absent while open or once failed. */
  price?: number | null
  members: Member[]
}

const BASE = '/api/v1/group-buys'

export const groupBuyApi = {
  list: (cursor: string | null) => http.get<CursorPage<GroupBuy>>(BASE, { limit: 20, cursor }),
  get: (id: number, signal?: AbortSignal) => http.get<GroupBuy>(`${BASE}/${id}`, undefined, signal),
  create: (body: GroupBuyInput) => http.post<GroupBuy>(BASE, body),
  end: (id: number) => http.post<GroupBuy>(`${BASE}/${id}/end`),
  teams: (id: number, status: TeamStatus | null, cursor: string | null, limit = 20) =>
    http.get<CursorPage<Team>>(`${BASE}/${id}/teams`, { status, limit, cursor }),
}
