import type { Metric } from '@/modules/analytics/api'
import { addDays } from '@/utils/time'

/** Yesterday's figures on the home page, in order, each with the analytics page that explains it. */
export const SUMMARY_FIGURES = [
  { key: 'wecomAdds', page: 'analytics-wecom' },
  { key: 'lostCustomers', page: 'analytics-wecom' },
  { key: 'activeCustomers', page: 'analytics-funnel' },
  { key: 'buyers', page: 'analytics-gmv' },
  { key: 'gmv', page: 'analytics-gmv' },
  { key: 'orders', page: 'analytics-funnel' },
] as const

/** Losses that rose by more than this share over the day before need attention. */
export const LOSS_RISE = 0.2

/** How many days, ending yesterday, the WeCom success rates are read over. */
export const RATE_DAYS = 7

/**
 * The days the summary reads: yesterday (complete, unlike today) and the RATE_DAYS days ending
 * yesterday; both are calendar dates in the tenant's zone, `today` included.
 */
export function summaryDays(today: string): { day: string; rateFrom: string } {
  const day = addDays(today, -1)
  return { day, rateFrom: addDays(day, 1 - RATE_DAYS) }
}

/**
 * Whether losses rose by more than LOSS_RISE over the comparison day; losses after a day without
 * any count as a rise. False when either day has no figure.
 */
export function lossesRose(lost: Pick<Metric, 'value' | 'previous'> | undefined): boolean {
  if (!lost || lost.value === null || lost.previous === null) return false
  if (lost.previous === 0) return lost.value > 0
  return (lost.value - lost.previous) / lost.previous > LOSS_RISE
}
