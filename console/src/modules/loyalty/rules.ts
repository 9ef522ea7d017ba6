import { formatDateTime, instantInZone } from '@/utils/time'
import type { EarningRule, EarningRuleInput, FilterOp } from './api'

export const MAX_RULE_NAME = 30
export const MAX_RULE_POINTS = 100_000
export const MAX_DAILY_CAP = 10_000_000

/** How a rule's property filter compares, as the table shows it: the same signs in every language. */
export const OP_SIGNS: Record<FilterOp, string> = { gte: '≥', lte: '≤', eq: '=' }

/**
 * Types a rule cannot earn on, as the server refuses them: purchases earn by the program's rate
 * (refunds take it back), and loyalty's own events would feed on themselves.
 */
export const NOT_EARNING = [
  'purchase',
  'refund',
  'points_expiring',
  'tier_change',
  'tier_drop_warning',
  'member_anniversary',
  'card_expiring',
]

/** The rule form: the filter and the campaign switched on or off, the window in the tenant's zone. */
export type RuleDraft = {
  name: string
  eventType: string
  points: number | null
  growth: number
  dailyCap: number | null
  totalCap: number | null
  active: boolean
  filtered: boolean
  filterProperty: string
  filterOp: FilterOp
  filterValue: string
  campaigned: boolean
  /** [from, to] as "YYYY-MM-DD HH:mm:ss" in the tenant's zone, or empty. */
  campaignRange: string[]
  campaignMultiplier: number
}

export function ruleDraft(rule: EarningRule | null, timeZone: string): RuleDraft {
  const wall = (iso: string) => formatDateTime(iso, timeZone, { seconds: true })
  return {
    name: rule?.name ?? '',
    eventType: rule?.eventType ?? '',
    points: rule?.points ?? 10,
    growth: rule?.growth ?? 0,
    dailyCap: rule?.dailyCap ?? 10,
    totalCap: rule?.totalCap ?? null,
    active: rule?.active ?? true,
    filtered: !!rule?.filter,
    filterProperty: rule?.filter?.property ?? '',
    filterOp: rule?.filter?.op ?? 'gte',
    filterValue: rule?.filter?.value ?? '',
    campaigned: !!rule?.campaign,
    campaignRange: rule?.campaign ? [wall(rule.campaign.from), wall(rule.campaign.to)] : [],
    campaignMultiplier: rule?.campaign?.multiplier ?? 2,
  }
}

/** The rule as the server takes it: no filter or campaign unless switched on. */
export function ruleInput(draft: RuleDraft, timeZone: string): EarningRuleInput {
  const [from, to] = draft.campaignRange
  return {
    name: draft.name.trim(),
    eventType: draft.eventType,
    points: draft.points ?? 0,
    growth: draft.growth,
    dailyCap: draft.dailyCap ?? 0,
    totalCap: draft.totalCap,
    active: draft.active,
    filter: draft.filtered
      ? { property: draft.filterProperty, op: draft.filterOp, value: draft.filterValue.trim() }
      : null,
    campaign:
      draft.campaigned && from && to
        ? {
            from: instantInZone(from, timeZone) ?? from,
            to: instantInZone(to, timeZone) ?? to,
            multiplier: draft.campaignMultiplier,
          }
        : null,
  }
}

/** Whether a campaign is on now, ahead or over, for the table. */
export function campaignState(
  campaign: EarningRule['campaign'],
  now: Date = new Date(),
): 'running' | 'upcoming' | 'ended' | null {
  if (!campaign) return null
  if (now < new Date(campaign.from)) return 'upcoming'
  return now < new Date(campaign.to) ? 'running' : 'ended'
}
