import type { PageLink } from '@/components/page-link'
import { http, type CursorPage } from '@/api/http'
import type { CampaignMessages, CampaignMessagesInput } from './progressMessages'

/** draft: being prepared, takes nobody yet; active: takes participants and counts invites; ended. */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'ended'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/**
 * points: `amount` points; coupon: the coupon `couponId`; gift: a physical item named `gift`;
 * red_packet: `amount` fen (or a random amount up to `amountMax` fen) to the WeChat balance, from
 * the campaign's budget.
 */
export const REWARD_KINDS = ['points', 'coupon', 'gift', 'red_packet'] as const
export type RewardKind = (typeof REWARD_KINDS)[number]

/** task (任务宝): friends add a staff member; group (社群裂变): friends join a customer group. */
export const CAMPAIGN_KINDS = ['task', 'group'] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]

/**
 * held: added, waiting out the hold period; review: too many at once, an operator decides;
 * counted: a valid invite; rejected: never counts (`reason` says why).
 */
export const INVITE_STATUSES = ['held', 'review', 'counted', 'rejected'] as const
export type InviteStatus = (typeof INVITE_STATUSES)[number]

/** Why an invite did not count, in the order the dashboard lists them. */
export const REJECT_REASONS = [
  'self',
  'loop',
  'existing',
  'deleted',
  'left',
  'inactive',
  'reviewed',
] as const
export type RejectReason = (typeof REJECT_REASONS)[number]

/** A stage of the ladder: reached at `invites` counted invites, it grants its reward once. */
export interface Stage {
  /** 1 … 5 */
  stage: number
  invites: number
  rewardKind: RewardKind
  /** Points for a points reward, fen for a red packet (0 otherwise). */
  amount: number
  /** A random red packet's largest amount in fen; null: a fixed amount. */
  amountMax?: number | null
  couponId: string | null
  gift: string | null
  /** A picture of the gift (http(s) link), if any. */
  giftImage?: string | null
  /** How many can be granted; null: unlimited. */
  stock: number | null
  granted: number
}

/** Participants, and the campaign's invites by status. */
export interface CampaignCounts {
  participants: number
  held: number
  review: number
  counted: number
  rejected: number
}

/** A red-packet budget in fen: remaining = toppedUp − reserved − paid, never below zero. */
export interface Budget {
  toppedUp: number
  /** Granted red packets not yet paid. */
  reserved: number
  paid: number
  remaining: number
}

/**
 * A 任务宝 campaign: customers share their own code and earn stage rewards for friends who add a
 * staff member (task) or join a customer group (group, 社群裂变).
 */
export interface Campaign {
  id: number
  kind: CampaignKind
  name: string
  description: string | null
  appId: number
  /** task: the channel live code each participant's own code is made from. */
  channelCodeId: number | null
  /** group: the group live code each participant's own group code is copied from. */
  groupCodeId?: number | null
  /** The red-packet budget, when the campaign has one. */
  budget?: Budget | null
  status: CampaignStatus
  startsAt: string
  endsAt: string
  /** An invite counts once the friend stayed this many hours. */
  holdHours: number
  /** Only friends who were no customer before count. */
  newOnly: boolean
  /** More invites than this for one participant within a minute go to review; 0: no limit. */
  burstPerMinute: number
  stages: Stage[]
  counts: CampaignCounts
  createdBy: string | null
  createdAt: string
  /** Progress messages; null: the campaign sends none. */
  messages?: CampaignMessages | null
}

export interface StageInput {
  invites: number
  rewardKind: RewardKind
  amount?: number
  amountMax?: number
  couponId?: string
  gift?: string
  giftImage?: string
  /** Left out: unlimited. */
  stock?: number
}

export interface CampaignInput {
  kind: CampaignKind
  name: string
  description?: string
  channelCodeId?: number
  groupCodeId?: number
  /** The red-packet budget in fen. */
  budget?: number
  /** Left out: now. */
  startsAt?: string
  endsAt: string
  holdHours?: number
  newOnly?: boolean
  burstPerMinute?: number
  stages: StageInput[]
  /** Progress messages; left out: none. */
  messages?: CampaignMessagesInput
}

/**
 * A stage's reward for a participant: granted, out of stock when they reached it, or cancelled (a
 * gift that did not ship after all).
 */
export interface ParticipantReward {
  stage: number
  status: 'granted' | 'out_of_stock' | 'cancelled' | 'out_of_budget'
  at: string
}

/** A customer taking part, with their own live code (千人千面码) to share. */
export interface Participant {
  id: number
  campaignId: number
  customerId: number
  /** As the profile shows it; null when it is no longer there. */
  customerName: string | null
  codeId: number
  configId: string | null
  qrUrl: string | null
  /** The participant whose code brought them, if one did. */
  invitedBy: number | null
  /** Their invites that counted. */
  counted: number
  joinedAt: string
  rewards: ParticipantReward[]
}

/** A friend who added through a participant's code, and what became of it. */
export interface Invite {
  /** The friend, as a customer. */
  inviteeId: number
  status: InviteStatus
  /** Why it was rejected (a RejectReason) or sent to review (`burst`). */
  reason: string | null
  at: string
  /** When the hold period ends. */
  settlesAt: string
  settledAt: string | null
}

export interface DailyGrowth {
  day: string
  joined: number
  invited: number
  counted: number
}

/** The campaign's live figures. */
export interface CampaignStats {
  participants: number
  invites: number
  counted: number
  held: number
  review: number
  /** Rewards granted. */
  rewarded: number
  /** Stages reached when their stock was gone. */
  outOfStock: number
  /** Friends who were no customer before. */
  newCustomers: number
  /** Counted invites per participant (2 decimals): above 1 the campaign spreads by itself. */
  kFactor: number
  rejected: Record<RejectReason, number>
  /** The last 30 days; days without anything may be left out. */
  daily: DailyGrowth[]
  /** Up to ten participants by counted invites, most first: KOC candidates. */
  topInviters: TopInviter[]
}

/** A participant among those whose invites counted most. */
export interface TopInviter {
  participantId: number
  customerId: number
  /** Empty when the profile has no name. */
  name: string
  counted: number
}

/** An invite waiting for an operator: too many came through one code within a minute. */
export interface ReviewItem {
  inviteeId: number
  participantId: number
  at: string
  reason: string | null
}

/**
 * A physical gift on its way: awaiting the participant's address, to ship, shipped, received; or
 * cancelled before it shipped (its stock given back).
 */
export const GIFT_STATUSES = [
  'awaiting_address',
  'to_ship',
  'shipped',
  'received',
  'cancelled',
] as const
export type GiftStatus = (typeof GIFT_STATUSES)[number]

/** Where a gift goes (mainland China). */
export interface GiftAddress {
  recipient: string
  /** Eleven digits, 13… to 19…. */
  mobile: string
  province: string
  city: string
  district: string
  detail: string
}

export interface GiftShipment {
  carrier: string
  trackingNo: string
}

/** A stage's physical gift for a participant, and how far it got. */
export interface GiftReward {
  id: number
  campaignId: number
  participantId: number
  stage: number
  customerId: number
  customerName: string | null
  gift: string
  status: GiftStatus
  /** Null while awaiting one. */
  address: GiftAddress | null
  carrier: string | null
  trackingNo: string | null
  grantedAt: string
  addressedAt: string | null
  shippedAt: string | null
  receivedAt: string | null
  cancelledAt: string | null
}

/** A red packet a stage granted: reserved from the budget, then paid to the WeChat balance. */
export interface RedPacket {
  id: number
  campaignId: number
  participantId: number
  stage: number
  customerId: number
  customerName: string | null
  /** Fen. */
  amount: number
  status: 'reserved' | 'paid'
  attempts: number
  grantedAt: string
  paidAt: string | null
  /** Why the last payment failed, while it is tried again. */
  lastError: string | null
}

/** A budget ledger entry in fen: a top-up (positive) or a red packet's reservation (negative). */
export interface BudgetEntry {
  id: number
  kind: 'top_up' | 'reserve'
  amount: number
  participantId: number | null
  stage: number | null
  note: string | null
  createdBy: string | null
  at: string
}

export interface BudgetLedger {
  budget: Budget
  /** The latest 200, newest first. */
  entries: BudgetEntry[]
  /** Red packets the budget could not cover (not granted). */
  outOfBudget: number
}

const BASE = '/api/v1/campaigns'

/** The warehouse's list of a campaign's gifts in `status` (CSV, UTF-8 with BOM). */
export const giftExportUrl = (campaignId: number, status: GiftStatus = 'to_ship') =>
  `${BASE}/${campaignId}/rewards/export?status=${status}`

/**
 * Participants one device (the progress page's own id plus the browser) or one client address may open their
 * progress page for; those beyond have their invites reviewed (reason `device` or `ip`). 0: no limit.
 */
export interface RepeatRule {
  maxParticipantsPerDevice: number
  maxParticipantsPerIp: number
}

/** The participant's personalised poster (PNG) with their own code on it. */
export const posterUrl = (campaignId: number, participantId: number) =>
  `${BASE}/${campaignId}/participants/${participantId}/poster`

export const growthApi = {
  list: (cursor: string | null) => http.get<CursorPage<Campaign>>(BASE, { limit: 20, cursor }),
  get: (id: number, signal?: AbortSignal) => http.get<Campaign>(`${BASE}/${id}`, undefined, signal),
  create: (body: CampaignInput) => http.post<Campaign>(BASE, body),
  start: (id: number) => http.post<Campaign>(`${BASE}/${id}/start`),
  end: (id: number) => http.post<Campaign>(`${BASE}/${id}/end`),
  stats: (id: number, signal?: AbortSignal) =>
    http.get<CampaignStats>(`${BASE}/${id}/stats`, undefined, signal),
  participants: (id: number, cursor: string | null) =>
    http.get<CursorPage<Participant>>(`${BASE}/${id}/participants`, { limit: 20, cursor }),
  /** Joins a customer; joining again answers the same participant. */
  join: (id: number, customerId: number) =>
    http.post<Participant>(`${BASE}/${id}/participants`, { customerId }),
  invites: (id: number, participantId: number, signal?: AbortSignal) =>
    http.get<Invite[]>(`${BASE}/${id}/participants/${participantId}/invites`, undefined, signal),
  review: (id: number, signal?: AbortSignal) =>
    http.get<ReviewItem[]>(`${BASE}/${id}/review`, undefined, signal),
  approve: (id: number, inviteeId: number) =>
    http.post<void>(`${BASE}/${id}/invites/${inviteeId}/approve`),
  reject: (id: number, inviteeId: number) =>
    http.post<void>(`${BASE}/${id}/invites/${inviteeId}/reject`),
  /** Physical gifts, newest first; only those in `status` when given. */
  gifts: (id: number, status: GiftStatus | null, cursor: string | null) =>
    http.get<CursorPage<GiftReward>>(`${BASE}/${id}/rewards`, { limit: 20, status, cursor }),
  /** Writes the gift's address (again, while it has not shipped): it is then to ship. */
  address: (id: number, rewardId: number, address: GiftAddress) =>
    http.put<GiftReward>(`${BASE}/${id}/rewards/${rewardId}/address`, address),
  ship: (id: number, rewardId: number, shipment: GiftShipment) =>
    http.post<GiftReward>(`${BASE}/${id}/rewards/${rewardId}/ship`, shipment),
  receive: (id: number, rewardId: number) =>
    http.post<GiftReward>(`${BASE}/${id}/rewards/${rewardId}/receive`),
  /** Cancels a gift that has not shipped; its stage gets the stock back. */
  cancelGift: (id: number, rewardId: number) =>
    http.post<GiftReward>(`${BASE}/${id}/rewards/${rewardId}/cancel`),
  /** A fresh link (and QR) to the participant's own progress page (H5). */
  pageLink: (id: number, participantId: number) =>
    http.post<PageLink>(`${BASE}/${id}/participants/${participantId}/page-link`, {}),
  repeats: (id: number, signal?: AbortSignal) =>
    http.get<RepeatRule>(`${BASE}/${id}/repeats`, undefined, signal),
  changeRepeats: (id: number, rule: RepeatRule) =>
    http.put<RepeatRule>(`${BASE}/${id}/repeats`, rule),
  budget: (id: number, signal?: AbortSignal) =>
    http.get<BudgetLedger>(`${BASE}/${id}/budget`, undefined, signal),
  /** Adds `amount` fen to the budget; answers the budget after it. */
  topUp: (id: number, amount: number, note?: string) =>
    http.post<Budget>(`${BASE}/${id}/budget/top-ups`, { amount, ...(note ? { note } : {}) }),
  redPackets: (id: number, cursor: string | null) =>
    http.get<CursorPage<RedPacket>>(`${BASE}/${id}/red-packets`, { limit: 20, cursor }),
}
