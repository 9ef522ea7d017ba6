import type { Tier } from './api'

export const MAX_TIERS = 3
/** Exclusive coupons a tier may name, as the server allows. */
export const MAX_TIER_COUPONS = 5
export const MAX_TIER_NAME = 20
export const TIER_FIELDS = [
  'name',
  'minGrowth',
  'multiplier',
  'discountPercent',
  'freeShipping',
  'birthdayPoints',
  'keepGrowth',
] as const
export type TierField = (typeof TIER_FIELDS)[number]

/** The limits of a tier's numbers, as the server checks them. */
export const TIER_RANGES = {
  minGrowth: [0, 100_000_000],
  multiplier: [1, 10],
  discountPercent: [0, 50],
  birthdayPoints: [0, 100_000],
} as const

/** A message key under `loyalty.program.problems`, with its values. */
export interface TierProblem {
  key: string
  values?: Record<string, number>
}

/**
 * What is wrong with one field of tier `index`, or null, as the server would say it: a name of up
 * to 20, level 1 from 0 growth, each next level from more growth than the one before, and numbers
 * within their limits; a keep threshold, when given, from 0 to the tier's own threshold.
 */
export function tierProblem(
  tiers: readonly Tier[],
  index: number,
  field: TierField,
): TierProblem | null {
  const tier = tiers[index]
  if (!tier) return null
  if (field === 'name') {
    if (!tier.name.trim()) return { key: 'nameRequired' }
    if ([...tier.name.trim()].length > MAX_TIER_NAME)
      return { key: 'nameTooLong', values: { max: MAX_TIER_NAME } }
    return null
  }
  if (field === 'freeShipping') return null
  if (field === 'keepGrowth') {
    const keep = tier.keepGrowth
    if (keep === null || keep === undefined) return null
    return keep < 0 || keep > (tier.minGrowth ?? 0)
      ? { key: 'keepRange', values: { max: tier.minGrowth ?? 0 } }
      : null
  }
  const value = tier[field] as number | null
  if (value === null || value === undefined) return { key: 'required' }
  const [min, max] = TIER_RANGES[field]
  if (field === 'minGrowth') {
    if (index === 0 && value !== 0) return { key: 'firstAtZero' }
    const before = index > 0 ? (tiers[index - 1]!.minGrowth ?? 0) : -1
    if (index > 0 && value <= before) return { key: 'rising', values: { min: before } }
  }
  if (value < min || value > max) return { key: 'range', values: { min, max } }
  return null
}

/** Every problem of the tiers, by `index.field`. */
export function tierProblems(tiers: readonly Tier[]): Record<string, TierProblem> {
  const problems: Record<string, TierProblem> = {}
  tiers.forEach((_, index) => {
    for (const field of TIER_FIELDS) {
      const problem = tierProblem(tiers, index, field)
      if (problem) problems[`${index}.${field}`] = problem
    }
  })
  return problems
}

/** A tier after the last: more growth, more points, a little more discount. */
export function nextTier(tiers: readonly Tier[]): Tier {
  const last = tiers.at(-1)
  return {
    level: tiers.length + 1,
    name: '',
    minGrowth: last ? Math.max(1000, last.minGrowth * 2) : 0,
    multiplier: last ? Math.min(10, last.multiplier + 0.5) : 1,
    discountPercent: last ? Math.min(50, last.discountPercent + 5) : 0,
    freeShipping: last?.freeShipping ?? false,
    birthdayPoints: last?.birthdayPoints ?? 0,
    keepGrowth: null,
    coupons: [],
  }
}

/** The server's field names for a tier's fields, for its messages (`tiers[1].minGrowth`). */
export const tierErrorFields = (count: number) =>
  Array.from({ length: count }, (_, index) => [
    ...TIER_FIELDS.map((field) => `tiers[${index}].${field}`),
    `tiers[${index}].coupons`,
    ...Array.from(
      { length: MAX_TIER_COUPONS },
      (_, at) => `tiers[${index}].coupons[${at}].templateCode`,
    ),
  ]).flat()

/**
 * What is wrong with tier `index`'s coupons, or null: a coupon not chosen yet, or one chosen
 * twice (the server takes each template once per tier).
 */
export function tierCouponProblem(tiers: readonly Tier[], index: number): string | null {
  const codes = (tiers[index]?.coupons ?? []).map((coupon) => coupon.templateCode.trim())
  if (codes.some((code) => !code)) return 'required'
  return new Set(codes).size < codes.length ? 'duplicate' : null
}
