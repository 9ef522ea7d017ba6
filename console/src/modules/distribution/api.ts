import { http, type CursorPage } from '@/api/http'
import type { PageLink } from '@/components/page-link'

/** pending: applied, waiting for an operator; active: earns and withdraws; the others do neither. */
export const DISTRIBUTOR_STATUSES = ['pending', 'active', 'rejected', 'suspended'] as const
export type DistributorStatus = (typeof DISTRIBUTOR_STATUSES)[number]

/** requested: waits for review; approved: paid shortly; rejected: back to available; paid: done. */
export const WITHDRAWAL_STATUSES = ['requested', 'approved', 'rejected', 'paid'] as const
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number]

/** What a ledger entry records; each moves one or more balances. */
export const ENTRY_KINDS = [
  'commission',
  'release',
  'cancel',
  'clawback',
  'withdraw',
  'reject',
  'payout',
] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const BALANCES = ['pending', 'available', 'frozen', 'debt', 'withdrawn'] as const
export type BalanceName = (typeof BALANCES)[number]

/** Yuan; each is the sum of its column over the distributor's ledger. */
export type Balances = Record<BalanceName, number>

export interface Settings {
  refundWindowDays: number
  /** Percent of the paid amount. */
  level1Rate: number
  level2Rate: number
  minWithdrawal: number
  /** The brand's page a share link opens, with ?distributor=<code>; null: codes only. */
  shareUrl?: string | null
  /** Who earns on an order that carries a distributor's share code. */
  attribution: Attribution
  updatedBy?: string | null
  updatedAt: string
}

/** binding: only the buyer's binding; binding_first: the binding, else the order's code; order_first: the code. */
export const ATTRIBUTIONS = ['binding', 'binding_first', 'order_first'] as const
export type Attribution = (typeof ATTRIBUTIONS)[number]

export type SettingsInput = Pick<
  Settings,
  'refundWindowDays' | 'level1Rate' | 'level2Rate' | 'minWithdrawal' | 'shareUrl' | 'attribution'
>

export const RATE_SCOPES = ['product', 'category'] as const
export type RateScope = (typeof RATE_SCOPES)[number]

export interface Rate {
  id: number
  scope: RateScope
  /** A SKU or a category. */
  target: string
  level1Rate: number
  level2Rate: number
}

export type RateInput = Omit<Rate, 'id'>

export interface Distributor {
  id: number
  customerId: number
  customerName?: string | null
  code: string
  /** The inviter: level 2 of this distributor's customers' orders. */
  parentId?: number | null
  parentCode?: string | null
  parentName?: string | null
  status: DistributorStatus
  source: 'applied' | 'appointed'
  appliedAt: string
  decidedBy?: string | null
  decidedAt?: string | null
  /** Customers bound to this distributor. */
  customers: number
  /** Distributors this one invited. */
  invited: number
  balances: Balances
}

export interface Entry {
  id: number
  distributorId: number
  kind: EntryKind
  ref: string
  /** 1 or 2 for commission on an order, 0 for withdrawals. */
  level: number
  orderNo?: string | null
  base?: number | null
  pending: number
  available: number
  frozen: number
  debt: number
  withdrawn: number
  at: string
}

export interface Withdrawal {
  id: number
  distributorId: number
  distributorCode: string
  customerName?: string | null
  amount: number
  requestKey: string
  status: WithdrawalStatus
  requestedBy?: string | null
  requestedAt: string
  decidedBy?: string | null
  decidedAt?: string | null
  reason?: string | null
  paidAt?: string | null
  attempts: number
  lastError?: string | null
}

/** yyyy-MM, China time; yuan. */
export interface Month {
  month: string
  earned: number
  released: number
  /** Taken back by refunds: cancelled while held or clawed back after release. */
  reversed: number
}

export interface Summary {
  distributors: number
  active: number
  pendingApplications: number
  boundCustomers: number
  requestedWithdrawals: number
  totals: Balances
  months: Month[]
}

export interface Reconciliation {
  balanced: boolean
  distributors: number
  entries: number
  totals: Balances
  mismatches: { distributorId: number; check: string; expected: number; actual: number }[]
}

const BASE = '/api/v1/distribution'

export const distributionApi = {
  summary: () => http.get<Summary>(`${BASE}/summary`),
  reconciliation: () => http.get<Reconciliation>(`${BASE}/reconciliation`),
  settings: () => http.get<Settings>(`${BASE}/settings`),
  saveSettings: (body: SettingsInput) => http.put<Settings>(`${BASE}/settings`, body),
  rates: () => http.get<Rate[]>(`${BASE}/rates`),
  putRate: (body: RateInput) => http.put<Rate>(`${BASE}/rates`, body),
  deleteRate: (id: number) => http.delete<void>(`${BASE}/rates/${id}`),
  distributors: (status: DistributorStatus | null, cursor: string | null) =>
    http.get<CursorPage<Distributor>>(`${BASE}/distributors`, { status, limit: 20, cursor }),
  distributor: (id: number) => http.get<Distributor>(`${BASE}/distributors/${id}`),
  decide: (id: number, verb: 'approve' | 'reject' | 'suspend' | 'reactivate') =>
    http.post<Distributor>(`${BASE}/distributors/${id}/${verb}`),
  entries: (id: number, cursor: string | null) =>
    http.get<CursorPage<Entry>>(`${BASE}/distributors/${id}/entries`, { limit: 20, cursor }),
  withdrawals: (status: WithdrawalStatus | null, cursor: string | null) =>
    http.get<CursorPage<Withdrawal>>(`${BASE}/withdrawals`, { status, limit: 20, cursor }),
  approve: (id: number) => http.post<Withdrawal>(`${BASE}/withdrawals/${id}/approve`),
  reject: (id: number, reason: string) =>
    http.post<Withdrawal>(`${BASE}/withdrawals/${id}/reject`, { reason }),
  /** A fresh link (30 days) to the customer's own distributor page, with its QR. */
  pageLink: (customerId: number) =>
    http.post<PageLink>(`${BASE}/customers/${customerId}/page-link`, {}),
}
