import { http, type CursorPage } from '@/api/http'
import type { RuleJson } from '@/modules/segments/rule'

/**
 * scheduled: waiting for its time; sending: planned, staff shares being handed to WeCom; sent: every
 * share handed over (or refused); cancelled; failed: no share could be handed over.
 */
export const SEND_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const
export type SendStatus = (typeof SEND_STATUSES)[number]

/** Whom a send goes to: customers, each in a chat with a staff member, or customer groups (客户群). */
export const CHAT_TYPES = ['single', 'group'] as const
export type ChatType = (typeof CHAT_TYPES)[number]

/** Customers not sent to, and why: decided by Siyu when the send is planned. */
export const HELD_STATUSES = [
  'no_contact',
  'opted_out',
  'frequency',
  'quota',
  'same_content',
  'duplicate',
] as const

/**
 * Groups not sent to, and why: no_owner (the owner left or the group is being handed over), quota
 * (WeCom would refuse the group another mass message this period), duplicate.
 */
export const GROUP_HELD_STATUSES = ['no_owner', 'quota', 'duplicate'] as const
export type HeldStatus = (typeof HELD_STATUSES)[number] | (typeof GROUP_HELD_STATUSES)[number]

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

/**
 * What became of one group of a group send: as for a customer, except that where a customer may no
 * longer be a contact, a group may have been dismissed (gone when its owner sent).
 */
export const GROUP_RECIPIENT_STATUSES = [
  'planned',
  'submitted',
  'delivered',
  'dismissed',
  'over_quota',
  'unsent',
  'failed',
  'cancelled',
  ...GROUP_HELD_STATUSES,
] as const
export type RecipientStatus =
  (typeof RECIPIENT_STATUSES)[number] | (typeof GROUP_RECIPIENT_STATUSES)[number]

export const recipientStatuses = (chatType: ChatType) =>
  chatType === 'group' ? GROUP_RECIPIENT_STATUSES : RECIPIENT_STATUSES
export const heldStatuses = (chatType: ChatType) =>
  chatType === 'group' ? GROUP_HELD_STATUSES : HELD_STATUSES

/** Exactly one of a saved segment, a segment rule or up to 10,000 customer ids. */
export type CustomerAudience =
  { segmentId: number } | { rule: RuleJson } | { customerIds: number[] }

/** Up to 10,000 groups by chat id, or none named: every group of the app. */
export type GroupAudience = { chatIds?: string[] }

export type Audience = CustomerAudience | GroupAudience

export interface MassSend {
  id: number
  appId: number
  name: string
  chatType: ChatType
  /** Absent from servers before priorities: normal. */
  priority?: MessagePriority
  audience: Audience
  /**
   * WeCom userIds who send; empty: whoever each customer added most recently. For a group send the
   * owners whose groups get it; empty: every owner.
   */
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
  /** Customers (groups, for a group send) by status, only the statuses that have any. */
  recipients: Partial<Record<RecipientStatus | string, number>>
}

/** pending: not handed to WeCom yet; submitted: waiting for the staff member to send it. */
export const SHARE_STATUSES = ['pending', 'submitted', 'sent', 'failed', 'cancelled'] as const
export type ShareStatus = (typeof SHARE_STATUSES)[number]

/**
 * One staff member's share of a send: the WeCom task(s) made for them and what came of them. For a
 * group send the share of a group owner, counted in groups.
 */
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

export interface CustomerRecipient {
  customerId: number
  userId?: string | null
  externalUserId?: string | null
  status: RecipientStatus
  updatedAt: string
}

/** One group of a group send: its name as last synced, and its owner who sends. */
export interface GroupRecipient {
  chatId: string
  name?: string | null
  userId?: string | null
  status: RecipientStatus
  updatedAt: string
}

export type Recipient = CustomerRecipient | GroupRecipient

/** A message counts against the tenant's caps only messages of its priority or higher. */
export const MESSAGE_PRIORITIES = ['low', 'normal', 'high'] as const
export type MessagePriority = (typeof MESSAGE_PRIORITIES)[number]

export interface MassSendInput {
  appId: number
  name: string
  chatType: ChatType
  audience: Audience
  staff: string[]
  text: string
  materialIds: number[]
  /** Null: now. */
  sendAt: string | null
  /** Customer sends only; absent: normal. */
  priority?: MessagePriority
}

export interface PreviewStaff {
  userId: string
  name: string
  /** Groups, for a group send. */
  customers: number
}

/**
 * Who an audience reaches now, through whom, and who would be held back and why; for a group send
 * the same counted in groups, each owner with their groups.
 */
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
  /** The same content reaches a customer once in this many days, whatever sends it (0: off). */
  dedupeDays: number
  /** WeCom tasks a staff member is handed a day; more wait for the next day (0: no limit). */
  staffTasksPerDay: number
  /** WeCom tasks the tenant hands over a minute (0: no limit). */
  tasksPerMinute: number
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
  preview: (
    body: Pick<MassSendInput, 'appId' | 'chatType' | 'audience' | 'staff'>,
    signal?: AbortSignal,
  ) => http.post<Preview>(`${BASE}/preview`, body, { signal }),
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
