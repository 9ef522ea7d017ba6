import type { TagType } from '@/modules/mass-sends/status'
import type { CampaignStatus, InviteStatus, RejectReason } from './api'

export const CAMPAIGN_STATUS_TYPE: Record<CampaignStatus, TagType> = {
  draft: 'info',
  active: 'success',
  ended: 'primary',
}

export const INVITE_STATUS_TYPE: Record<InviteStatus, TagType> = {
  held: 'primary',
  review: 'warning',
  counted: 'success',
  rejected: 'danger',
}

/** Each reason an invite did not count in its own shade, so the chart can tell them apart. */
export const REASON_COLORS: Record<RejectReason, string> = {
  self: '#f5a524',
  loop: '#e07b39',
  existing: '#a3acb9',
  deleted: '#f0627f',
  left: '#d9480f',
  inactive: '#c0c6d0',
  reviewed: '#9b7bf7',
}

/** How often the page of a running campaign asks again. */
export const REFRESH_MS = 10_000
