import type { Me, Permission } from '@/modules/auth/api'

export const ALL_PERMISSIONS: Permission[] = [
  'dashboard:read',
  'accounts:read',
  'accounts:write',
  'api-keys:manage',
  'audit:read',
  'tenant:write',
  'events:read',
  'events:write',
  'customers:read',
  'customers:write',
  'customers:pii',
  'customers:all',
  'commerce:read',
  'commerce:write',
  'data:transfer',
  'tags:read',
  'tags:write',
  'tags:manage',
  'segments:read',
  'segments:write',
  'wecom:handover',
  'wecom:manage',
  'live-codes:read',
  'live-codes:write',
  'content:read',
  'content:write',
  'messaging:read',
  'messaging:send',
  'journeys:read',
  'journeys:write',
  'tasks:read',
  'growth:read',
  'growth:write',
]

export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: 1,
    username: 'admin',
    displayName: '王经理',
    role: 'admin',
    permissions: ALL_PERMISSIONS,
    tenant: { id: 't-1', name: '示例品牌', timeZone: 'Asia/Shanghai' },
    ...overrides,
  }
}
