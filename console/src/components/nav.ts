import type { Component } from 'vue'
import { markRaw } from 'vue'
import {
  Collection,
  DataAnalysis,
  Document,
  Key,
  Lock,
  OfficeBuilding,
  User,
} from '@element-plus/icons-vue'
import type { Permission } from '@/modules/auth/api'

export interface NavItem {
  path: string
  label: string
  icon: Component
  permission: Permission
}

export interface NavGroup {
  /** The submenu's index in ElMenu. */
  key: string
  label: string
  icon: Component
  items: readonly NavItem[]
}

/** The groups below 首页, in menu order; only capabilities that exist are listed. */
export const navGroups: readonly NavGroup[] = [
  {
    key: 'data',
    label: 'common.nav.data',
    icon: markRaw(DataAnalysis),
    items: [
      {
        path: '/data/events',
        label: 'common.nav.events',
        icon: markRaw(Collection),
        permission: 'events:read',
      },
    ],
  },
  {
    key: 'access',
    label: 'common.nav.access',
    icon: markRaw(Lock),
    items: [
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
    ],
  },
]
