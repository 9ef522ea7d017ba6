import { http } from '@/api/http'

/** How a code spreads its adds over its staff. */
export const ASSIGNMENTS = ['round_robin', 'least_loaded', 'all'] as const
export type Assignment = (typeof ASSIGNMENTS)[number]

/** channel: made by an operator; store: 门店活码, made from a channel code; personal: 千人千面码. */
export type CodeKind = 'channel' | 'store' | 'personal'

export const ATTACHMENT_TYPES = ['image', 'link', 'miniprogram'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

/**
 * One attachment of a welcome message: image (picUrl), link (title, url, picUrl, description) or
 * miniprogram (title, appId, page, picMediaId). The server leaves out what a type does not use.
 */
export interface Attachment {
  type: AttachmentType
  title?: string | null
  url?: string | null
  picUrl?: string | null
  description?: string | null
  appId?: string | null
  page?: string | null
  picMediaId?: string | null
}

/** What a new customer receives: text with {nickname} and {staff} filled in, and attachments. */
export interface Welcome {
  text: string
  attachments: Attachment[]
}

/** Working hours: weekdays 1 (Monday) … 7 (Sunday), from and to as HH:mm (to < from runs overnight). */
export interface Schedule {
  days: number[]
  from: string
  to: string
}

/** A channel live code (渠道活码): a WeCom 联系我 QR code Siyu routes, tags and greets for. */
export interface ChannelCode {
  id: number
  appId: number
  parentId: number | null
  kind: CodeKind
  name: string
  /** The store of a store code. */
  store: string | null
  sharerCustomerId: number | null
  state: string
  /** WeCom userIds of the staff who receive the adds. */
  staff: string[]
  /** Who receives them outside working hours, or when everyone reached the daily cap. */
  backupStaff: string[]
  assignment: Assignment
  /** Adds per staff member per day; null for no cap. */
  dailyCap: number | null
  schedule: Schedule | null
  skipVerify: boolean
  /** Tags put on every customer who adds through the code. */
  tagIds: number[]
  welcome: Welcome | null
  configId: string | null
  qrUrl: string | null
  /** Whom the code points at right now (当前接待). */
  routedTo: string[]
  disabled: boolean
  createdAt: string
  updatedAt: string
}

/** What a code brought, over its whole life. */
export interface CodeTotals {
  adds: number
  losses: number
  /** Customers still there (留存). */
  active: number
  addsToday: number
}

/** The customer who shares a personal code (千人千面码). */
export interface Sharer {
  id: number
  name: string
}

export interface CodeWithTotals {
  code: ChannelCode
  totals: CodeTotals
  /** For a personal code: who shares it; null (or absent) for the other kinds. */
  sharer?: Sharer | null
}

/** The settings an operator chooses; all of them when creating a code. */
export interface CodeInput {
  appId: number
  name: string
  staff: string[]
  backupStaff: string[]
  assignment: Assignment
  dailyCap: number | null
  schedule: Schedule | null
  skipVerify: boolean
  tagIds: number[]
  welcome: Welcome | null
}

/** Optional settings an update removes. */
export type Clearable = 'dailyCap' | 'schedule' | 'welcome'

/** A change: only what changed, and `clear` for optional settings that were removed. */
export type CodeUpdate = Partial<Omit<CodeInput, 'appId'>> & { clear?: Clearable[] }

export interface DayStats {
  day: string
  adds: number
  losses: number
  net: number
}

export interface StaffStats {
  userId: string
  name: string
  adds: number
  losses: number
  net: number
}

export interface CodeReport {
  from: string
  to: string
  days: DayStats[]
  staff: StaffStats[]
  totals: CodeTotals
}

export interface StoreInput {
  store: string
  staff: string[]
}

/** The longest period the statistics cover. */
export const MAX_REPORT_DAYS = 366

/** The code's QR image (PNG) as served by Siyu, `size` pixels wide. */
export const qrImageUrl = (id: number, size = 256) =>
  `/api/v1/wecom/channel-codes/${id}/qr.png?size=${size}`
/** A poster (PNG) with the code's QR on it. */
export const posterUrl = (id: number) => `/api/v1/wecom/channel-codes/${id}/poster.png`

const BASE = '/api/v1/wecom/channel-codes'

export const liveCodesApi = {
  list: (parentId?: number, signal?: AbortSignal) =>
    http.get<CodeWithTotals[]>(BASE, { parentId }, signal),
  get: (id: number, signal?: AbortSignal) =>
    http.get<CodeWithTotals>(`${BASE}/${id}`, undefined, signal),
  create: (body: CodeInput) => http.post<ChannelCode>(BASE, body),
  update: (id: number, body: CodeUpdate) => http.patch<ChannelCode>(`${BASE}/${id}`, body),
  remove: (id: number) => http.delete(`${BASE}/${id}`),
  stats: (id: number, from: string, to: string, signal?: AbortSignal) =>
    http.get<CodeReport>(`${BASE}/${id}/stats`, { from, to }, signal),
  createStores: (id: number, stores: StoreInput[]) =>
    http.post<ChannelCode[]>(`${BASE}/${id}/stores`, { stores }),
  /** 千人千面码: the code `customerId` shares, made on the first ask and the same one after. */
  personal: (id: number, customerId: number) =>
    http.post<ChannelCode>(`${BASE}/${id}/personal`, { customerId }),
}

// ---- the sandbox: the operator plays a WeChat user against the WeCom simulator ----

export type Gender = 'male' | 'female' | 'unknown'

export interface SandboxStatus {
  enabled: boolean
  appId: number | null
  corpId: string | null
}

export interface Scanned {
  externalUserId: string
  userId: string
  staffName: string
  welcomeCode: string | null
}

/** A WeChat user who scanned a group live code and joined one of its groups. */
export interface GroupJoined {
  externalUserId: string
  chatId: string
  groupName: string
}

export interface ChatMessage {
  at: string
  from: 'staff' | 'system' | 'customer'
  text: string | null
  attachments: Attachment[]
}

export interface Chat {
  /** The customer Siyu made of the WeChat user; null until the add has been processed. */
  customerId: number | null
  customerName: string
  /** Null until the simulator knows whom the customer added. */
  staff: { userId: string; name: string } | null
  messages: ChatMessage[]
}

const SANDBOX = '/api/v1/wecom/sandbox'

export const sandboxApi = {
  status: (signal?: AbortSignal) => http.get<SandboxStatus>(SANDBOX, undefined, signal),
  scan: (codeId: number, customer: { name: string; gender: Gender }) =>
    http.post<Scanned>(`${SANDBOX}/scan`, { codeId, customer }),
  /** 群活码: the customer scans group code `groupCodeId` and joins the group it points at now. */
  groupScan: (groupCodeId: number, customer: { name: string; gender: Gender }) =>
    http.post<GroupJoined>(`${SANDBOX}/group-scan`, { groupCodeId, customer }),
  chat: (externalUserId: string) =>
    http.get<Chat>(`${SANDBOX}/chats/${encodeURIComponent(externalUserId)}`),
  deleteStaff: (externalUserId: string, userId: string) =>
    http.post<void>(`${SANDBOX}/customers/${encodeURIComponent(externalUserId)}/delete-staff`, {
      userId,
    }),
}
