import { http, type CursorPage } from '@/api/http'
import { PAGE_SIZE } from '@/composables/useCursorList'
import type { Role } from '@/modules/auth/api'

export interface Account {
  id: number
  username: string
  displayName: string
  role: Role
  enabled: boolean
  locked: boolean
  /** Absent (or null) until the first login. */
  lastLoginAt?: string | null
  createdAt: string
}

export interface NewAccount {
  username: string
  displayName: string
  role: Role
  password: string
  /** Optional work mobile and email: an account agreeing with the WeCom directory is linked to that member. */
  mobile?: string
  email?: string
}

/** A WeCom staff member and the account linked to it (null: none); source auto (agreed) or admin. */
export interface WecomLink {
  userId: string
  name: string
  removed: boolean
  accountId: number | null
  source: 'auto' | 'admin' | null
}

export interface AccountChanges {
  displayName?: string
  role?: Role
  enabled?: boolean
}

export const accountsApi = {
  list: (cursor: string | null) =>
    http.get<CursorPage<Account>>('/api/v1/accounts', { limit: PAGE_SIZE, cursor }),
  create: (account: NewAccount) => http.post<Account>('/api/v1/accounts', account),
  update: (id: number, changes: AccountChanges) =>
    http.patch<Account>(`/api/v1/accounts/${id}`, changes),
  unlock: (id: number) => http.post<void>(`/api/v1/accounts/${id}/unlock`),
  wecomLinks: () => http.get<WecomLink[]>('/api/v1/wecom/staff-links'),
  /** Links the account to a WeCom staff member, or unlinks it (null); audit-logged. */
  linkWecom: (id: number, userId: string | null) =>
    http.put<{ link: WecomLink | null }>(`/api/v1/accounts/${id}/wecom-user`, { userId }),
}

/** An enabled account a customer can be assigned to. */
export interface StaffEntry {
  id: number
  displayName: string
  role: Role
}

export const staffApi = {
  /**
   * Enabled staff whose name or username contains `q` (all when empty), by name. Needs only
   * customers:read, unlike the account list.
   */
  directory: (q: string, limit: number, signal?: AbortSignal) =>
    http.get<StaffEntry[]>('/api/v1/staff', { q: q.trim(), limit }, signal),
}
