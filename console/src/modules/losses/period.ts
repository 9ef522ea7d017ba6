import { addDays } from '@/utils/time'

/** The periods the WeCom statistics pages offer, in days ending today. */
export const PERIODS = [7, 30, 90] as const
export type Period = (typeof PERIODS)[number]

/** The first and last day (inclusive) of `days` days ending `today`. */
export function periodRange(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, 1 - days), to: today }
}
