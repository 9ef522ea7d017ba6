import { instantInZone } from '@/utils/time'

/** Whether a send goes out now, or at a time picked in the tenant's zone. */
export type When = 'now' | 'later'

/** The instant a send is asked for, as the server takes it: null for now. */
export const sendAtOf = (when: When, wallTime: string, timeZone: string): string | null =>
  when === 'later' ? instantInZone(wallTime, timeZone) : null

/**
 * Why a picked time will not do, as a key under `massSends.editor`: none was picked, or it has
 * passed. Now is always fine.
 */
export function sendAtProblem(
  when: When,
  wallTime: string,
  timeZone: string,
  now: number = Date.now(),
): 'sendAtRequired' | 'sendAtPast' | null {
  if (when === 'now') return null
  const at = instantInZone(wallTime, timeZone)
  if (!at) return 'sendAtRequired'
  return new Date(at).getTime() <= now ? 'sendAtPast' : null
}
