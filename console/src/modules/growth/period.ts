import { instantInZone } from '@/utils/time'

/** Whether a campaign starts as soon as it is started, or at a time picked in the tenant's zone. */
export type Start = 'now' | 'later'

/** The longest a campaign may run. */
export const MAX_DAYS = 366
const DAY_MS = 86_400_000

/** A campaign's period as the server takes it: no startsAt for now. */
export function periodOf(
  start: Start,
  startsAt: string,
  endsAt: string,
  timeZone: string,
): { startsAt?: string; endsAt: string | null } {
  const from = start === 'later' ? instantInZone(startsAt, timeZone) : null
  const to = instantInZone(endsAt, timeZone)
  return from ? { startsAt: from, endsAt: to } : { endsAt: to }
}

/** Why the picked start will not do, as a key under `growth.editor`. */
export function startProblem(
  start: Start,
  startsAt: string,
  timeZone: string,
): 'startsAtRequired' | null {
  if (start === 'now') return null
  return instantInZone(startsAt, timeZone) ? null : 'startsAtRequired'
}

/**
 * Why the picked end will not do, as a key under `growth.editor`: none picked, passed, not after
 * the start, or more than MAX_DAYS after it.
 */
export function endProblem(
  start: Start,
  startsAt: string,
  endsAt: string,
  timeZone: string,
  now: number = Date.now(),
): 'endsAtRequired' | 'endsAtPast' | 'endsAtBeforeStart' | 'endsAtTooFar' | null {
  const end = instantInZone(endsAt, timeZone)
  if (!end) return 'endsAtRequired'
  const to = new Date(end).getTime()
  if (to <= now) return 'endsAtPast'
  const picked = start === 'later' ? instantInZone(startsAt, timeZone) : null
  const from = picked ? new Date(picked).getTime() : now
  if (to <= from) return 'endsAtBeforeStart'
  if (to - from > MAX_DAYS * DAY_MS) return 'endsAtTooFar'
  return null
}
