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
}
