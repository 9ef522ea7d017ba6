import { ApiError } from '@/api/problem'
import { t, i18n } from '@/i18n'

const PREFIX = 'loyalty.'

/**
 * The console's own words for one of the contract's refusals (`loyalty.adjustment.own` …), or null
 * for any other failure: those keep the server's localized detail.
 */
export function loyaltyRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.code?.startsWith(PREFIX)) return null
  const key = `loyalty.errors.${error.code.slice(PREFIX.length)}`
  return i18n.global.te(key) ? t(key) : null
}

/**
 * The server's field errors on a program's tiers, by index and field: `tiers[1].minGrowth` on the
 * second tier's minimum growth. What is about no single tier field stays out.
 */
export function tierErrors(
  errors: readonly { field: string; message: string }[],
): Record<string, string> {
  const placed: Record<string, string> = {}
  for (const error of errors) {
    const tier = /^tiers\[(\d+)\]\.(\w+)$/.exec(error.field)
    if (tier) placed[`${tier[1]}.${tier[2]}`] ??= error.message
  }
  return placed
}
