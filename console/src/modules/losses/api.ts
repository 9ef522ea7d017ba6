import { http } from '@/api/http'

/** lostBy: the customer deleted the staff member, the staff member deleted them, or a handover moved them. */
export type LostBy = 'customer' | 'staff' | 'transfer'

/** A customer's relation with one staff member on WeCom (a customer may be shared by several). */
export interface WeComContact {
  userId: string
  staffName: string
  externalUserId: string
  /** The name of the channel live code the customer came through. */
  channelCode?: string | null
  state?: string | null
  addWay: number
  addedAt: string
  lostAt?: string | null
  lostBy?: LostBy | null
}

export interface LossDay {
  day: string
  byCustomer: number
  byStaff: number
}

export interface StaffLosses {
  userId: string
  name: string
  losses: number
  /** Customers the staff member added in the same days. */
  added: number
  /** losses / added, capped at 1 (1 when nobody was added). */
  lossRate: number
}

export interface CodeLosses {
  codeId: number
  name: string
  losses: number
  added: number
}

export interface LossReport {
  from: string
  to: string
  days: LossDay[]
  staff: StaffLosses[]
  codes: CodeLosses[]
  total: number
  /** How long lost relations had lasted, at the median (days); null without losses. */
  medianDays?: number | null
}

export const LOSS_NOTIFY = ['none', 'staff', 'manager'] as const
export type LossNotify = (typeof LOSS_NOTIFY)[number]

/** Who is told (a WeCom app message) when a customer is lost. */
export interface WeComSettings {
  lossNotify: LossNotify
  /** A staff member's WeCom userid; required for `manager`. */
  lossManagerId?: string | null
}

export const lossesApi = {
  contacts: (customerId: number, signal?: AbortSignal) =>
    http.get<WeComContact[]>(`/api/v1/customers/${customerId}/wecom-contacts`, undefined, signal),
  report: (from: string, to: string, signal?: AbortSignal) =>
    http.get<LossReport>('/api/v1/wecom/losses', { from, to }, signal),
  settings: (signal?: AbortSignal) =>
    http.get<WeComSettings>('/api/v1/wecom/settings', undefined, signal),
  saveSettings: (settings: WeComSettings) =>
    http.put<WeComSettings>('/api/v1/wecom/settings', settings),
}
