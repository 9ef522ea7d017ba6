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
