import { http } from '@/api/http'
import type { TenantInfo } from '@/modules/auth/api'

export type Tenant = TenantInfo

export const tenantApi = {
  get: () => http.get<Tenant>('/api/v1/tenant'),
  update: (name: string, timeZone: string) =>
    http.put<Tenant>('/api/v1/tenant', { name, timeZone }),
}
