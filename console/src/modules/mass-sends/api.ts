import { http, type CursorPage } from '@/api/http'
import type { RuleJson } from '@/modules/segments/rule'

/**
 * scheduled: waiting for its time; sending: planned, staff shares being handed to WeCom; sent: every
 * share handed over (or refused); cancelled; failed: no share could be handed over.
 */
export const SEND_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const
export type SendStatus = (typeof SEND_STATUSES)[number]

/** Customers not sent to, and why: decided by Siyu when the send is planned. */
export const HELD_STATUSES = ['no_contact', 'opted_out', 'frequency', 'quota', 'duplicate'] as const
export type HeldStatus = (typeof HELD_STATUSES)[number]

/**
 * What became of one customer of a send: planned (being handed to WeCom), submitted (waiting for
 * the staff member to send), delivered, not_friend / over_quota / unsent (WeCom's answers once the
 * staff member sent), failed (WeCom refused the share), cancelled, or held back.
 */
export const RECIPIENT_STATUSES = [
  'planned',
  'submitted',
  'delivered',
  'not_friend',
  'over_quota',
  'unsent',
  'failed',
  'cancelled',
  ...HELD_STATUSES,
] as const
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number]

/** Exactly one of a saved segment, a segment rule or up to 10,000 customer ids. */
export type Audience = { segmentId: number } | { rule: RuleJson } | { customerIds: number[] }

export interface MassSend {
  id: number
  appId: number
  name: string
  audience: Audience
  /** WeCom userIds who send; empty: whoever each customer added most recently. */
  staff: string[]
  text: string
  materialIds: number[]
  sendAt: string
  status: SendStatus
  error?: string | null
  createdBy?: string | null
  createdAt: string
  plannedAt?: string | null
  finishedAt?: string | null
  /** Customers by status (only the statuses that have any). */
  recipients: Partial<Record<RecipientStatus | string, number>>
}

/** pending: not handed to WeCom yet; submitted: waiting for the staff member to send it. */
export const SHARE_STATUSES = ['pending', 'submitted', 'sent', 'failed', 'cancelled'] as const
export type ShareStatus = (typeof SHARE_STATUSES)[number]

/** One staff member's share of a send: the WeCom task(s) made for them and what came of them. */
export interface StaffShare {
  userId: string
  name: string
  parts: number
  status: ShareStatus
  recipients: number
  delivered: number
  failed: number
  submittedAt?: string | null
  staffSentAt?: string | null
  reminders: number
  error?: string | null
}

export interface MassSendDetail {
  send: MassSend
  staff: StaffShare[]
}

export interface Recipient {
  customerId: number
  userId?: string | null
  externalUserId?: string | null
  status: RecipientStatus
  updatedAt: string
}

export interface MassSendInput {
  appId: number
  name: string
  audience: Audience
  staff: string[]
  text: string
  materialIds: number[]
  /** Null: now. */
  sendAt: string | null
}

export interface PreviewStaff {
  userId: string
  name: string
  customers: number
}

/** Who an audience reaches now, through whom, and who would be held back and why. */
export interface Preview {
  audience: number
  reachable: number
  held: Partial<Record<HeldStatus, number>>
  staff: PreviewStaff[]
}

export interface RemindResult {
  reminded: number
  refused: number
}

/** WeCom's 群发 rules (客户联系 → 群发助手 → 设置群发规则); days-in-month is WeCom's default. */
export const MASS_QUOTAS = ['days-in-month', '7-per-week', '1-per-day', '4-per-month'] as const
export type MassQuota = (typeof MASS_QUOTAS)[number]

/** The tenant's sending rules; quiet hours as HH:mm in the tenant's zone (equal: none), caps 0: none. */
export interface SendingRules {
  quietFrom: string
  quietTo: string
  capDay: number
  capWeek: number
  massQuota: MassQuota
}

/** A 企业群发 task the simulated staff member has not confirmed yet (the sandbox's 员工端). */
export interface PendingMessage {
  msgid: string
  createTime: string
  text?: string | null
  /** How many attachments. */
  attachments: number
  /** How many customers. */
  recipients: number
  reminders: number
}

const BASE = '/api/v1/mass-sends'

export const massSendsApi = {
  list: (cursor: string | null) => http.get<CursorPage<MassSend>>(BASE, { limit: 20, cursor }),
  get: (id: number, signal?: AbortSignal) =>
    http.get<MassSendDetail>(`${BASE}/${id}`, undefined, signal),
  recipients: (id: number, status: RecipientStatus | null, cursor: string | null) =>
    http.get<CursorPage<Recipient>>(`${BASE}/${id}/recipients`, { status, cursor, limit: 50 }),
  create: (body: MassSendInput) => http.post<MassSend>(BASE, body),
  preview: (body: Pick<MassSendInput, 'appId' | 'audience' | 'staff'>, signal?: AbortSignal) =>
    http.post<Preview>(`${BASE}/preview`, body, { signal }),
  cancel: (id: number) => http.post<MassSend>(`${BASE}/${id}/cancel`),
  remind: (id: number) => http.post<RemindResult>(`${BASE}/${id}/remind`),
}

export const sendingRulesApi = {
  get: () => http.get<SendingRules>('/api/v1/messaging/settings'),
  save: (rules: SendingRules) => http.put<SendingRules>('/api/v1/messaging/settings', rules),
}

const SANDBOX_STAFF = '/api/v1/wecom/sandbox/staff'

export const sandboxStaffApi = {
  pending: (userId: string) =>
    http.get<PendingMessage[]>(`${SANDBOX_STAFF}/${encodeURIComponent(userId)}/pending-messages`),
  send: (userId: string, msgid: string) =>
    http.post<void>(
      `${SANDBOX_STAFF}/${encodeURIComponent(userId)}/pending-messages/${encodeURIComponent(msgid)}/send`,
    ),
}
