import { http } from '@/api/http'

/** The longest range the server reports on. */
export const MAX_DAYS = 366

/** Definitions in docs/metrics.md, "Referrals across campaigns". */
export interface ReferralFigures {
  /** Distinct customers who joined a campaign in the range. */
  customers: number
  /** Participations that began in the range (a customer in two campaigns counts twice). */
  participants: number
  /** Campaign invites made in the range that counted. */
  counted: number
  memberReferrals: number
  /** counted / participants. */
  kFactor: number
  /** Median hours from a participant joining to someone they invited joining; null when nobody did. */
  cycleHours: number | null
  /** The deepest generation of the cross-campaign forest. */
  maxDepth: number
}

export interface Generation {
  depth: number
  participants: number
  /** Participants of this generation per participant of the one before; null for depth 0. */
  ratio: number | null
}

export interface CampaignFigures {
  id: number
  name: string
  status: 'draft' | 'active' | 'ended'
  participants: number
  counted: number
  kFactor: number
  cycleHours: number | null
  maxDepth: number
  generations: Generation[]
}

export interface Inviter {
  customerId: number
  name: string
  /** Counted campaign invites plus member referrals in the range. */
  invites: number
  campaignInvites: number
  memberReferrals: number
  /** Campaigns joined in the range. */
  campaigns: number
  /** Generations below them in the cross-campaign forest. */
  chain: number
  /** Marked 「KOC 候选」 (by all-time invites). */
  koc: boolean
}

export interface GraphNode {
  customerId: number
  name: string
  invites: number
  depth: number
  koc: boolean
  /** One of the top inviters. */
  top: boolean
}

export interface GraphEdge {
  from: number
  to: number
  /** null for a member referral. */
  campaignId: number | null
  at: string
}

export interface ReferralView {
  from: string
  to: string
  figures: ReferralFigures
  campaigns: CampaignFigures[]
  depths: { depth: number; customers: number }[]
  inviters: Inviter[]
  graph: { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }
}

export interface KocSettings {
  threshold: number
  tagId: number | null
  candidates: number
}

const BASE = '/api/v1/growth/referrals'

export const referralApi = {
  view: (from: string, to: string, signal?: AbortSignal) =>
    http.get<ReferralView>(BASE, { from, to, top: 20, graph: 6 }, signal),
  koc: () => http.get<KocSettings>(`${BASE}/koc`),
  setThreshold: (threshold: number) => http.put<KocSettings>(`${BASE}/koc`, { threshold }),
}
