import { http, type CursorPage } from '@/api/http'
import { PAGE_SIZE } from '@/composables/useCursorList'

export interface AuditEvent {
  id: number
  occurredAt: string
  /** Who did it (a username, or an API key's name); absent for the system itself. */
  actor?: string | null
  /** A dotted code such as `account.created`. */
  action: string
  target?: string | null
  /** Key/value facts; may arrive as an object or as its JSON text. */
  detail?: string | Record<string, unknown> | null
}

export const auditApi = {
  list: (cursor: string | null) =>
    http.get<CursorPage<AuditEvent>>('/api/v1/audit-events', { limit: PAGE_SIZE, cursor }),
}
