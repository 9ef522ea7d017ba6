import type { Component } from 'vue'
import { markRaw } from 'vue'
import { Document, Key, OfficeBuilding, User } from '@element-plus/icons-vue'
import type { Permission } from '@/modules/auth/api'

export interface NavItem {
  path: string
  label: string
  icon: Component
  permission: Permission
}

/** The "账号与权限" group; only capabilities that exist are listed. */
export const accessNav: readonly NavItem[] = [
  {
    path: '/access/accounts',
    label: 'common.nav.accounts',
    icon: markRaw(User),
    permission: 'accounts:read',
  },
  {
    path: '/access/api-keys',
    label: 'common.nav.apiKeys',
    icon: markRaw(Key),
    permission: 'api-keys:manage',
  },
  {
    path: '/access/audit',
    label: 'common.nav.audit',
    icon: markRaw(Document),
    permission: 'audit:read',
  },
  {
    path: '/access/tenant',
    label: 'common.nav.tenant',
    icon: markRaw(OfficeBuilding),
    permission: 'tenant:write',
  },
]
