/**
 * Durations of waits, timeouts and task deadlines: ISO-8601 in the definition (`PT30M`, `PT2H`,
 * `P3D`), a number and a unit (分钟 / 小时 / 天) in the form.
 */

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const
export type DurationUnit = (typeof DURATION_UNITS)[number]

export interface DurationParts {
  amount: number
  unit: DurationUnit
}

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 }

/** The server's bounds for a wait: 1 minute to 365 days. */
export const MIN_MINUTES = 1
export const MAX_MINUTES = 365 * 1440

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/** How many minutes an ISO-8601 duration is (weeks, days, hours, minutes, seconds); null if it is none. */
export function durationMinutes(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null
  const match = ISO.exec(iso.trim().toUpperCase())
  if (!match || iso.trim().length <= 1 || /T$/.test(iso.trim())) return null
  const [, w, d, h, m, s] = match
  return (
    Number(w ?? 0) * 7 * 1440 +
    Number(d ?? 0) * 1440 +
    Number(h ?? 0) * 60 +
    Number(m ?? 0) +
    Number(s ?? 0) / 60
  )
}

/** The duration in the largest unit that counts it in whole numbers (90 minutes stay minutes). */
export function toParts(iso: string | null | undefined): DurationParts | null {
  const minutes = durationMinutes(iso)
  if (minutes === null) return null
  if (minutes > 0 && minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' }
  if (minutes > 0 && minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' }
  return { amount: Math.round(minutes), unit: 'minutes' }
}

/** The ISO-8601 form of a number of minutes, hours or days; null without a whole number > 0. */
export function toIso(parts: {
  amount: number | null | undefined
  unit: DurationUnit
}): string | null {
  const { amount, unit } = parts
  if (amount === null || amount === undefined || !Number.isInteger(amount) || amount <= 0)
    return null
  switch (unit) {
    case 'minutes':
      return `PT${amount}M`
    case 'hours':
      return `PT${amount}H`
    case 'days':
      return `P${amount}D`
  }
}

export type DurationProblem = 'required' | 'tooShort' | 'tooLong'

/** What is wrong with a wait's duration as the server sees it, or null. */
export function durationProblem(iso: string | null | undefined): DurationProblem | null {
  const minutes = durationMinutes(iso)
  if (minutes === null) return 'required'
  if (minutes < MIN_MINUTES) return 'tooShort'
  if (minutes > MAX_MINUTES) return 'tooLong'
  return null
}

export const unitMinutes = (unit: DurationUnit) => MINUTES[unit]
