import {
  HELD_STATUSES,
  heldStatuses,
  type ChatType,
  type HeldStatus,
  type MassSend,
  type MassSendDetail,
  type RecipientStatus,
  type SendStatus,
  type ShareStatus,
  type StaffShare,
} from './api'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const SEND_STATUS_TYPE: Record<SendStatus, TagType> = {
  scheduled: 'primary',
  sending: 'warning',
  sent: 'success',
  cancelled: 'info',
  failed: 'danger',
}

export const SHARE_STATUS_TYPE: Record<ShareStatus, TagType> = {
  pending: 'info',
  submitted: 'warning',
  sent: 'success',
  failed: 'danger',
  cancelled: 'info',
}

/** The customers of a send in the few outcomes an operator follows. */
export const OUTCOMES = ['delivered', 'waiting', 'held', 'failed', 'cancelled'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const OUTCOME_COLORS: Record<Outcome, string> = {
  delivered: '#17c3a2',
  waiting: '#2f6fed',
  held: '#f5a524',
  failed: '#f0627f',
  cancelled: '#c0c6d0',
}

export const OUTCOME_OF: Record<RecipientStatus, Outcome> = {
  planned: 'waiting',
  submitted: 'waiting',
  delivered: 'delivered',
  not_friend: 'failed',
  dismissed: 'failed',
  over_quota: 'failed',
  unsent: 'failed',
  failed: 'failed',
  cancelled: 'cancelled',
  no_contact: 'held',
  opted_out: 'held',
  frequency: 'held',
  same_content: 'held',
  no_owner: 'held',
  quota: 'held',
  duplicate: 'held',
}

export const RECIPIENT_STATUS_TYPE: Record<Outcome, TagType> = {
  delivered: 'success',
  waiting: 'primary',
  held: 'warning',
  failed: 'danger',
  cancelled: 'info',
}

/** A status the server may add later counts where it most likely belongs: still under way. */
export const outcomeOf = (status: string): Outcome =>
  OUTCOME_OF[status as RecipientStatus] ?? 'waiting'

export const isHeld = (status: string): status is HeldStatus =>
  (HELD_STATUSES as readonly string[]).includes(status)

/** Where a status is told in words: a group's status speaks of the group and its owner. */
export const recipientLabelKey = (chatType: ChatType, status: string) =>
  `massSends.${chatType === 'group' ? 'groupRecipient' : 'recipient'}.${status}`

const count = (recipients: MassSend['recipients'], statuses: readonly string[]) =>
  statuses.reduce((sum, status) => sum + (recipients[status] ?? 0), 0)

export interface OutcomePart {
  outcome: Outcome
  count: number
}

/** The send's customers by outcome, in a fixed order, only outcomes that have any; and the total. */
export function outcomeParts(recipients: MassSend['recipients']): {
  parts: OutcomePart[]
  total: number
} {
  const totals = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]))
  for (const [status, n] of Object.entries(recipients)) {
    const outcome = outcomeOf(status)
    totals.set(outcome, totals.get(outcome)! + (n ?? 0))
  }
  const parts = OUTCOMES.map((outcome) => ({ outcome, count: totals.get(outcome)! })).filter(
    (part) => part.count > 0,
  )
  return { parts, total: parts.reduce((sum, part) => sum + part.count, 0) }
}

/** A staff member's share as outcomes: delivered, not reached, and the rest still waiting. */
export function shareParts(share: StaffShare): { parts: OutcomePart[]; total: number } {
  const waiting = Math.max(0, share.recipients - share.delivered - share.failed)
  const parts: OutcomePart[] = [
    { outcome: 'delivered', count: share.delivered },
    { outcome: share.status === 'cancelled' ? 'cancelled' : 'waiting', count: waiting },
    { outcome: 'failed', count: share.failed },
  ]
  return { parts: parts.filter((p) => p.count > 0), total: share.recipients }
}

/** How far a send got, stage by stage, and why customers (or groups) were held back. */
export interface Funnel {
  /** Every customer (group) the audience named when the send was planned. */
  audience: number
  /** Handed to WeCom as a staff member's task. */
  handed: number
  /** Their staff member sent it (WeCom answered for them). */
  staffSent: number
  delivered: number
  held: { reason: HeldStatus; count: number }[]
}

/** Once the staff member sent: delivered, or WeCom's reason it was not (dismissed: a group's). */
const STAFF_SENT = ['delivered', 'not_friend', 'dismissed', 'over_quota', 'unsent']

export function funnel(recipients: MassSend['recipients'], chatType: ChatType = 'single'): Funnel {
  return {
    audience: Object.values(recipients).reduce<number>((sum, n) => sum + (n ?? 0), 0),
    handed: count(recipients, ['submitted', ...STAFF_SENT]),
    staffSent: count(recipients, STAFF_SENT),
    delivered: count(recipients, ['delivered']),
    held: heldStatuses(chatType)
      .map((reason) => ({ reason, count: recipients[reason] ?? 0 }))
      .filter((h) => h.count > 0),
  }
}

export const FAST_REFRESH_MS = 3000
export const SLOW_REFRESH_MS = 10_000
export const IDLE_REFRESH_MS = 60_000
/** A scheduled send this close to its time is watched closely. */
const SOON_MS = 2 * 60_000

/** How soon to look again at something due at `sendAt`: closely when it is near, else now and then. */
export const scheduledRefresh = (sendAt: string, now: number = Date.now()) =>
  new Date(sendAt).getTime() - now < SOON_MS ? FAST_REFRESH_MS : IDLE_REFRESH_MS

/**
 * How soon the detail page asks again, or null when nothing will change: quickly while the send is
 * being planned and handed over (or about to be), slowly while staff have yet to send their share,
 * now and then while it waits for a time further off.
 */
export function refreshInterval(detail: MassSendDetail, now: number = Date.now()): number | null {
  const { send, staff } = detail
  if (send.status === 'sending') return FAST_REFRESH_MS
  if (send.status === 'scheduled') return scheduledRefresh(send.sendAt, now)
  if (send.status === 'sent' && staff.some((share) => share.status === 'submitted')) {
    return SLOW_REFRESH_MS
  }
  return null
}

/** Staff who have not sent their share yet, and may be reminded. */
export const waitingStaff = (staff: readonly StaffShare[]) =>
  staff.filter((share) => share.status === 'submitted' && !share.staffSentAt)

/** Not yet begun, under way, or handed over while some staff have not sent their share yet. */
export const canCancel = (send: Pick<MassSend, 'status'>, staff: readonly StaffShare[] = []) =>
  send.status === 'scheduled' ||
  send.status === 'sending' ||
  (send.status === 'sent' && waitingStaff(staff).length > 0)
