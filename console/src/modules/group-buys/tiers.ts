import type { Tier } from './api'

/** The most tiers an offer may have, and the largest team. */
export const MAX_TIERS = 5
export const MAX_SIZE = 100
export const MAX_PRICE = 1_000_000

/** A tier as the editor holds it: blank until the operator types. */
export interface TierDraft {
  size: number | null
  price: number | null
}

/** Why a tier's size or price will not do, as a key under `groupBuys.tiers.problems`. */
export type TierProblem =
  | 'sizeRequired'
  | 'sizeRange'
  | 'sizeOrder'
  | 'priceRequired'
  | 'priceRange'
  | 'priceOrder'
  | 'priceList'

export interface TierProblems {
  size?: TierProblem
  price?: TierProblem
}

const isCents = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6

/**
 * The same checks the server makes, row by row: sizes from 2 to 100 and rising, prices above 0 in
 * cents, falling, and below the list price (when one is given).
 */
export function tierProblems(
  tiers: readonly TierDraft[],
  listPrice: number | null,
): TierProblems[] {
  return tiers.map((tier, i) => {
    const before = i > 0 ? tiers[i - 1] : undefined
    const problems: TierProblems = {}
    if (tier.size === null) problems.size = 'sizeRequired'
    else if (!Number.isInteger(tier.size) || tier.size < 2 || tier.size > MAX_SIZE)
      problems.size = 'sizeRange'
    else if (before?.size != null && tier.size <= before.size) problems.size = 'sizeOrder'
    if (tier.price === null) problems.price = 'priceRequired'
    else if (tier.price <= 0 || tier.price > MAX_PRICE || !isCents(tier.price))
      problems.price = 'priceRange'
    else if (before?.price != null && tier.price >= before.price) problems.price = 'priceOrder'
    else if (listPrice !== null && listPrice > 0 && tier.price >= listPrice)
      problems.price = 'priceList'
    return problems
  })
}

export const hasTierProblems = (problems: readonly TierProblems[]) =>
  problems.some((p) => p.size !== undefined || p.price !== undefined)

/** The next row the editor adds: one more member and one yuan less than the last, or blank. */
export function nextTier(tiers: readonly TierDraft[]): TierDraft {
  const last = tiers[tiers.length - 1]
  if (!last || last.size === null) return { size: tiers.length === 0 ? 2 : null, price: null }
  return {
    size: Math.min(last.size + 1, MAX_SIZE),
    price: last.price !== null && last.price > 1 ? last.price - 1 : null,
  }
}

/** The tiers for the server, once every row is filled in. */
export const tierInput = (tiers: readonly TierDraft[]): Tier[] =>
  tiers.map((tier) => ({ size: tier.size ?? 0, price: tier.price ?? 0 }))

/** An amount in yuan as customers read it: "¥89", "¥79.90" (no ".00" on whole yuan). */
export function priceText(value: number, locale: string): string {
  const whole = Number.isInteger(value)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value)
}

/**
 * The tiers on one line, "2人 ¥89 / 3人 ¥79 / 5人 ¥69": `label` says one tier in the UI language.
 */
export function tierLine(
  tiers: readonly Tier[],
  label: (size: number, price: string) => string,
  locale: string,
): string {
  return tiers.map((tier) => label(tier.size, priceText(Number(tier.price), locale))).join(' / ')
}

/** Places taken (held in open teams and sold) as a share of the stock, 0 to 100. */
export function stockPercent(held: number, sold: number, stock: number): number {
  if (stock <= 0) return 0
  return Math.min(100, Math.round(((held + sold) / stock) * 1000) / 10)
}

/** Succeeded teams of those that closed, 0 to 1; null before any closed. */
export function successRate(succeeded: number, failed: number): number | null {
  const closed = succeeded + failed
  return closed === 0 ? null : succeeded / closed
}

/** How long an open team has left, in whole minutes (0 once it is up). */
export const minutesLeft = (expiresAt: string, now: number = Date.now()) =>
  Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 60_000))
