import type { TagType } from '@/modules/mass-sends/status'
import type { DistributorStatus, EntryKind, WithdrawalStatus } from './api'

export const DISTRIBUTOR_STATUS_TYPE: Record<DistributorStatus, TagType> = {
  pending: 'warning',
  active: 'success',
  rejected: 'danger',
  suspended: 'info',
}

export const WITHDRAWAL_STATUS_TYPE: Record<WithdrawalStatus, TagType> = {
  requested: 'warning',
  approved: 'primary',
  rejected: 'danger',
  paid: 'success',
}

export const KIND_TYPE: Record<EntryKind, TagType> = {
  commission: 'warning',
  release: 'success',
  cancel: 'info',
  clawback: 'danger',
  withdraw: 'primary',
  reject: 'info',
  payout: 'success',
}

/** Held, released, taken back: the chart's and the figures' colours. */
export const COMMISSION_COLORS = {
  earned: '#f5a524',
  released: '#17c3a2',
  reversed: '#f0627f',
} as const
