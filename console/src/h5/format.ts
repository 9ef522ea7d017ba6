// What the member page shows: dates as the member's calendar reads them, tier colours, coupon terms.

/** A day as YYYY-MM-DD in the phone's own zone (members read dates where they are). */
export function day(instant: string): string {
  const d = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The card's colours by tier: silver, gold, then black for the top tiers. */
const TIER_COLOURS = [
  ['#8e9aaf', '#5d6b82'],
  ['#d6a656', '#a8742a'],
  ['#3a3f4b', '#15171c'],
] as const

export function tierColours(tier: number): readonly [string, string] {
  return TIER_COLOURS[Math.min(Math.max(tier, 1), TIER_COLOURS.length) - 1]!
}

/** How far to the next tier, 0 to 100. */
export function progress(needed: number, minGrowth: number): number {
  if (minGrowth <= 0) return 100
  return Math.min(100, Math.max(0, Math.round(((minGrowth - needed) / minGrowth) * 100)))
}

/** A percent-off coupon in Chinese 折: 15 % off is 8.5 折. */
export function fold(percentOff: number): string {
  return String(Math.round(100 - percentOff) / 10)
}
