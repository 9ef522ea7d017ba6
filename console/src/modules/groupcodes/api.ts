import { http } from '@/api/http'

/** WeCom's cap of members in a customer group. */
export const GROUP_CAPACITY = 200
export const DEFAULT_THRESHOLD = 190
export const MAX_GROUPS = 100
export const ROOM_BASE_NAME_MAX = 40
/** WeCom's limit: a join way names at most this many groups at a time. */
export const WAY_GROUPS = 5

/** A group live code (群活码): one QR over groups filled in order, moving on before one is full. */
export interface GroupCode {
  id: number
  appId: number
  name: string
  state: string
  /** Chat ids in the order they are filled. */
  groups: string[]
  /** Members at which a group is skipped (1–200). */
  threshold: number
  /** A channel live code shown instead while every group is at the threshold. */
  fallbackCodeId?: number | null
  autoCreateRoom: boolean
  roomBaseName?: string | null
  roomBaseId?: number | null
  configId?: string | null
  qrUrl?: string | null
  /** The groups WeCom's join way names now (at most 5). */
  routedTo: string[]
  /** Every group is at the threshold. */
  full: boolean
  /** Full and the fallback code is shown. */
  fallback: boolean
  routeError?: string | null
  createdAt: string
  updatedAt: string
}

export interface GroupCodeTotals {
  joins: number
  leaves: number
  /** Joined through the code and still in the group. */
  active: number
  joinsToday: number
}

export interface GroupCodeView {
  code: GroupCode
  totals: GroupCodeTotals
}

/** Creating (every field but appId optional on PATCH); `clear` empties fields on PATCH. */
export interface GroupCodeInput {
  appId?: number
  name?: string
  groups?: string[]
  threshold?: number
  fallbackCodeId?: number
  autoCreateRoom?: boolean
  roomBaseName?: string
  roomBaseId?: number
  clear?: 'fallbackCodeId'[]
}

export interface GroupCodeDay {
  day: string
  joins: number
  leaves: number
  net: number
}

export interface GroupCodeGroupStats {
  chatId: string
  name: string
  memberCount: number
  joins: number
  leaves: number
  net: number
}

export interface GroupCodeReport {
  from: string
  to: string
  days: GroupCodeDay[]
  groups: GroupCodeGroupStats[]
  totals: GroupCodeTotals
}

const BASE = '/api/v1/wecom/group-codes'

export const groupCodesApi = {
  list: (signal?: AbortSignal) => http.get<GroupCodeView[]>(BASE, undefined, signal),
  get: (id: number, signal?: AbortSignal) =>
    http.get<GroupCodeView>(`${BASE}/${id}`, undefined, signal),
  create: (body: GroupCodeInput) => http.post<GroupCode>(BASE, body),
  update: (id: number, body: GroupCodeInput) => http.patch<GroupCode>(`${BASE}/${id}`, body),
  delete: (id: number) => http.delete(`${BASE}/${id}`),
  stats: (id: number, from: string, to: string, signal?: AbortSignal) =>
    http.get<GroupCodeReport>(`${BASE}/${id}/stats`, { from, to }, signal),
  /** The QR to show: the code's, or the fallback code's while every group is full. */
  qrSrc: (id: number, size = 256, version = '') =>
    `${BASE}/${id}/qr.png?size=${size}${version ? `&v=${encodeURIComponent(version)}` : ''}`,
}
