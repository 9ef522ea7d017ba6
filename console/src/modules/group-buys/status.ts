import type { TagType } from '@/modules/mass-sends/status'
import type { GroupBuyStatus, RefundStatus, TeamStatus } from './api'

export const GROUP_BUY_STATUS_TYPE: Record<GroupBuyStatus, TagType> = {
  scheduled: 'info',
  active: 'success',
  ended: 'primary',
}

export const TEAM_STATUS_TYPE: Record<TeamStatus, TagType> = {
  open: 'warning',
  succeeded: 'success',
  failed: 'danger',
}

export const REFUND_STATUS_TYPE: Record<RefundStatus, TagType> = {
  due: 'warning',
  done: 'success',
}

export const TEAM_COLORS: Record<TeamStatus, string> = {
  open: '#f5a524',
  succeeded: '#17c3a2',
  failed: '#f0627f',
}
