// What the member page shows: dates as the member's calendar reads them, tier colours, coupon terms.

/** A day as YYYY-MM-DD in the phone's own zone (members read dates where they are). */
export function day(instant: string): string {
  const d = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const ENTRY = ['#5b7ba6', '#3d5a80'] as const
const SILVER = ['#a3adbd', '#6b778a'] as const
const GOLD = ['#d6a656', '#a8742a'] as const

/**
 * The card's colours by the tier's place in the program (names are the tenant's own): the top tier gold, the
 * first one blue, one between them silver.
 */
export function tierColours(tier: number, topTier: number): readonly [string, string] {
  if (tier >= topTier) return GOLD
  return tier <= 1 ? ENTRY : SILVER
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
