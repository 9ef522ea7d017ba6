import { http } from '@/api/http'
import { wecomApi } from '@/modules/wecom/api'

/** Whether a WeCom simulator is configured, and the app connected to it (readable with live-codes:read). */
export interface WeComSandbox {
  enabled: boolean
  appId?: number | null
  corpId?: string | null
}

/** WeCom's member status: 1 active, 2 disabled, 4 not activated, 5 left the corp. */
export const STAFF_LEFT = 5

/** A staff member of the corp as last synced, with how many customers they have now. */
export interface WeComStaff {
  userId: string
  name: string
  departments: number[]
  contactEnabled: boolean
  status: number
  customers: number
}

/** Staff who can have customers: customer contact (客户联系) enabled, and not left. */
export const servesCustomers = (member: Pick<WeComStaff, 'contactEnabled' | 'status'>) =>
  member.contactEnabled && member.status !== STAFF_LEFT

/** A customer group (客户群) of the corp as last synced. */
export interface WeComGroup {
  chatId: string
  name: string
  owner?: string | null
  ownerName: string
  memberCount: number
  customerCount: number
  status: number
  dismissed: boolean
  createdAt?: string | null
  syncedAt: string
}

/** A channel live code (渠道活码) as other pages pick it: only what they show. */
export interface ChannelCodeOption {
  code: { id: number; name: string }
}

/** The app a page works on: an id and a name to show in a select. */
export interface AppOption {
  id: number
  name: string
}

export const directoryApi = {
  sandbox: (signal?: AbortSignal) =>
    http.get<WeComSandbox>('/api/v1/wecom/sandbox', undefined, signal),
  apps: (signal?: AbortSignal) => wecomApi.options(signal),
  staff: (appId: number, signal?: AbortSignal) =>
    http.get<WeComStaff[]>(`/api/v1/wecom/apps/${appId}/staff`, undefined, signal),
  groups: (appId: number, signal?: AbortSignal) =>
    http.get<WeComGroup[]>(`/api/v1/wecom/apps/${appId}/groups`, undefined, signal),
  channelCodes: (signal?: AbortSignal) =>
    http.get<ChannelCodeOption[]>('/api/v1/wecom/channel-codes', undefined, signal),
}
