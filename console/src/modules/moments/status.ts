import {
  FAST_REFRESH_MS,
  SLOW_REFRESH_MS,
  scheduledRefresh,
  type TagType,
} from '@/modules/mass-sends/status'
import type { Moment, MomentDetail, MomentStatus } from './api'

export const MOMENT_STATUS_TYPE: Record<MomentStatus, TagType> = {
  scheduled: 'primary',
  creating: 'warning',
  created: 'success',
  failed: 'danger',
  cancelled: 'info',
}

/**
 * Staff asked who have not published the post yet: those the detail lists as not published, or
 * what the counts say when the list is not there yet.
 */
export function unpublished(detail: MomentDetail): number {
  const { counts } = detail.moment
  const listed = detail.staff.filter((member) => !member.published).length
  return Math.max(listed, counts.staff - counts.published)
}

/** Made in WeCom, and either not yet read whom WeCom asked or some have not published it. */
const waitingForStaff = (detail: MomentDetail) =>
  detail.moment.status === 'created' &&
  (detail.moment.counts.staff === 0 || unpublished(detail) > 0)

/**
 * How soon the detail page asks again, or null when nothing will change: quickly while the post is
 * handed to WeCom (or about to be), now and then while it waits for a time further off, slowly while
 * staff have yet to publish it.
 */
export function refreshInterval(detail: MomentDetail, now: number = Date.now()): number | null {
  const { moment } = detail
  if (moment.status === 'creating') return FAST_REFRESH_MS
  if (moment.status === 'scheduled') {
    return moment.sendAt ? scheduledRefresh(moment.sendAt, now) : FAST_REFRESH_MS
  }
  if (waitingForStaff(detail)) return SLOW_REFRESH_MS
  return null
}

/** Not handed over yet, being handed over, or made while some staff have not published it. */
export const canCancel = (detail: MomentDetail) =>
  detail.moment.status === 'scheduled' ||
  detail.moment.status === 'creating' ||
  waitingForStaff(detail)

/** Whether the list can tell how many staff published it: once WeCom knows whom it asked. */
export const hasStaffCounts = (moment: Pick<Moment, 'status' | 'counts'>) =>
  moment.counts.staff > 0 || moment.status === 'created'
