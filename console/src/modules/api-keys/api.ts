import { http, type CursorPage } from '@/api/http'
import { PAGE_SIZE } from '@/composables/useCursorList'
import type { Role } from '@/modules/auth/api'

export interface ApiKey {
  id: number
  name: string
  /** The first characters of the key (the server may end it with …); the key itself is never listed. */
  prefix: string
  role: Role
  createdAt: string
  createdBy?: string | null
  lastUsedAt?: string | null
  revokedAt?: string | null
}

/** The answer to creating a key: the only time the full key is ever returned. */
export interface CreatedApiKey {
  id: number
  name: string
  prefix: string
  role: Role
  createdAt: string
  key: string
}

export const apiKeysApi = {
  list: (cursor: string | null) =>
    http.get<CursorPage<ApiKey>>('/api/v1/api-keys', { limit: PAGE_SIZE, cursor }),
  create: (name: string, role: Role) =>
    http.post<CreatedApiKey>('/api/v1/api-keys', { name, role }),
  revoke: (id: number) => http.delete(`/api/v1/api-keys/${id}`),
}
