import { http } from '@/api/http'

export const HANDOVER_KINDS = ['onjob', 'resigned'] as const
/** onjob: 在职转移 (both still work here); resigned: 离职继承 (the first has left). */
export type HandoverKind = (typeof HANDOVER_KINDS)[number]

export const HANDOVER_STATUSES = ['waiting', 'done', 'refused', 'limit', 'failed'] as const
/** waiting for WeCom (24 h), taken over, refused by the customer, over the 90-day limit, failed. */
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number]

export const MAX_CUSTOMERS = 1000
export const MAX_MESSAGE = 200

export interface HandoverCustomer {
  externalUserId: string
  customerId?: number | null
  name?: string | null
  status: HandoverStatus
  /** WeCom's error code, for `failed` (and 40128 for `limit`). */
  errcode?: number | null
  takeoverAt?: string | null
}

export interface Handover {
  id: number
  appId: number
  kind: HandoverKind
  handoverUserId: string
  takeoverUserId: string
  message?: string | null
  createdBy: string
  createdAt: string
  counts: Partial<Record<HandoverStatus, number>>
  customers: HandoverCustomer[]
}

export interface HandoverInput {
  appId: number
  kind: HandoverKind
  handoverUserId: string
  takeoverUserId: string
  externalUserIds: string[]
  /** 在职转移 only: what the customer is told (≤ 200 characters). */
  message?: string
}

/** A customer of a staff member who left that nobody has taken over yet (离职待分配). */
export interface UnassignedCustomer {
  handoverUserId: string
  externalUserId: string
  dimissionTime: string
  customerId?: number | null
  name?: string | null
}

/** A customer a staff member has on WeCom now: whom an 在职转移 can hand over. */
export interface StaffCustomer {
  externalUserId: string
  customerId: number
  /** The contact's name; empty when WeCom gave none. */
  name: string
  /** When the customer added the staff member (an instant). */
  addedAt: string
  /** The name of the live code they added through; null when not through one. */
  channelCode: string | null
}

const BASE = '/api/v1/wecom/handovers'

export const handoversApi = {
  list: (signal?: AbortSignal) => http.get<Handover[]>(BASE, undefined, signal),
  get: (id: number) => http.get<Handover>(`${BASE}/${id}`),
  start: (body: HandoverInput) => http.post<Handover>(BASE, body),
  refresh: (id: number) => http.post<Handover>(`${BASE}/${id}/refresh`),
  unassigned: (appId: number, signal?: AbortSignal) =>
    http.get<UnassignedCustomer[]>(`/api/v1/wecom/apps/${appId}/unassigned`, undefined, signal),
  /** The staff member's current customers, newest first. */
  customersOf: (appId: number, userId: string, signal?: AbortSignal) =>
    http.get<StaffCustomer[]>(
      `/api/v1/wecom/apps/${appId}/staff/${encodeURIComponent(userId)}/customers`,
      undefined,
      signal,
    ),
}
