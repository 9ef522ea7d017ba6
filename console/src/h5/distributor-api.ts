// The distributor page's API client: the link's token is the only credential (no cookies, no CSRF).
import { h5Json } from './http'

export type DistributorStatus = 'none' | 'pending' | 'rejected' | 'suspended' | 'active'

/** Yuan, as the ledger has them. */
export interface DistributorBalances {
  pending: number
  available: number
  frozen: number
  debt: number
  withdrawn: number
}

export type WithdrawalStatus = 'requested' | 'approved' | 'rejected' | 'paid'

export interface DistributorWithdrawal {
  id: number
  amount: number
  status: WithdrawalStatus
  requestedAt: string
  paidAt: string | null
}

export interface DistributorView {
  status: DistributorStatus
  appliedAt: string | null
  decidedAt: string | null
  /** The code, share link and figures only when active. */
  code: string | null
  /** The brand's page with ?distributor=<code>; null when the program has none. */
  shareUrl: string | null
  /** The share link's QR as a PNG data URL. */
  shareQr: string | null
  balances: DistributorBalances | null
  /** Customers bound to them. */
  customers: number
  /** Distributors they invited (their level-2 team). */
  team: number
  /** Percent of what was paid. */
  level1Rate: number
  level2Rate: number
  minWithdrawal: number
  maxWithdrawal: number
  withdrawals: DistributorWithdrawal[]
}

export type CommissionStatus = 'pending' | 'released' | 'reversed'

export interface Commission {
  id: number
  level: number
  /** Masked by the server: the last four characters. */
  orderNo: string
  base: number | null
  amount: number
  reversed: number
  status: CommissionStatus
  releaseAt: string | null
  at: string
}

export interface CommissionPage {
  items: Commission[]
  nextCursor?: string | null
}

export interface DistributorApi {
  view(): Promise<DistributorView>
  apply(inviterCode: string | null): Promise<DistributorView>
  commissions(cursor?: string | null): Promise<CommissionPage>
  withdraw(amount: number, requestKey: string): Promise<DistributorWithdrawal>
}

const BASE = '/api/h5/v1/distributor'
export const COMMISSION_PAGE = 20

export function distributorApi(token: string, language: () => string): DistributorApi {
  const call = <T>(path: string, init?: RequestInit) =>
    h5Json<T>(BASE + path, token, language(), init)
  return {
    view: () => call<DistributorView>(''),
    apply: (inviterCode) =>
      call<DistributorView>('/application', {
        method: 'POST',
        body: JSON.stringify({ inviterCode }),
      }),
    commissions: (cursor) =>
      call<CommissionPage>(
        `/commissions?limit=${COMMISSION_PAGE}` +
          (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
      ),
    withdraw: (amount, requestKey) =>
      call<DistributorWithdrawal>('/withdrawals', {
        method: 'POST',
        body: JSON.stringify({ amount, requestKey }),
      }),
  }
}

/** Yuan with two decimals, as the ledger keeps them. */
export function yuan(value: number): string {
  return value.toFixed(2)
}
