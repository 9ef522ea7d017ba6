import { http } from '@/api/http'

export const EVENT_TYPES = [
  'view',
  'favorite',
  'add_to_cart',
  'purchase',
  'share',
  'message',
  'refund',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export interface DailyCount {
  /** A calendar date (YYYY-MM-DD) in the tenant's time zone. */
  date: string
  count: number
}

export interface DailyEventCount extends DailyCount {
  type: string
}

export interface Overview {
  days: number
  customers: { total: number; members: number; newInPeriod: number }
  staff: { total: number }
  events: { inPeriod: number }
  dailyNewCustomers: DailyCount[]
  dailyEvents: DailyEventCount[]
  membersByLevel: { level: number; count: number }[]
  /** 1 male, 2 female, 0 unknown. */
  genders: { gender: number; count: number }[]
}

export const PERIODS = [7, 30, 90] as const
export type Period = (typeof PERIODS)[number]

export const dashboardApi = {
  overview: (days: Period, signal?: AbortSignal) =>
    http.get<Overview>('/api/v1/dashboard/overview', { days }, signal),
}
