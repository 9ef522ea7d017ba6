import type { Component } from 'vue'
import { markRaw } from 'vue'
import {
  Aim,
  AlarmClock,
  CameraFilled,
  ChatDotRound,
  ChatDotSquare,
  ChatLineRound,
  ChatLineSquare,
  Coin,
  Collection,
  CreditCard,
  Connection,
  DataAnalysis,
  DataBoard,
  DataLine,
  Document,
  Download,
  Files,
  Filter,
  Finished,
  Goods,
  Grid,
  Guide,
  Histogram,
  Medal,
  Odometer,
  Iphone,
  List,
  Key,
  Lock,
  MagicStick,
  Money,
  Message,
  OfficeBuilding,
  Picture,
  Postcard,
  Present,
  PieChart,
  PriceTag,
  Promotion,
  Setting,
  Share,
  Sort,
  Stamp,
  ShoppingBag,
  ShoppingCartFull,
  Switch,
  Tickets,
  TrendCharts,
  Ticket,
  Upload,
  User,
  UserFilled,
  Wallet,
} from '@element-plus/icons-vue'
import type { Permission } from '@/modules/auth/api'

export interface NavItem {
  path: string
  label: string
  icon: Component
  /** All of them when several. */
  permission: Permission | readonly Permission[]
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
    key: 'analytics',
    label: 'common.nav.analytics',
    icon: markRaw(DataLine),
    items: [
      {
        path: '/analytics/funnel',
        label: 'common.nav.analyticsFunnel',
        icon: markRaw(Filter),
        permission: 'analytics:read',
      },
      {
        path: '/analytics/cohorts',
        label: 'common.nav.analyticsCohorts',
        icon: markRaw(Grid),
        permission: 'analytics:read',
      },
      {
        path: '/analytics/gmv',
        label: 'common.nav.analyticsGmv',
        icon: markRaw(PieChart),
        permission: 'analytics:read',
      },
      {
        path: '/analytics/wecom',
        label: 'common.nav.analyticsWecom',
        icon: markRaw(DataBoard),
        permission: 'analytics:read',
      },
      {
        path: '/analytics/channels',
        label: 'common.nav.analyticsChannels',
        icon: markRaw(Wallet),
        permission: 'analytics:read',
      },
      {
        path: '/analytics/flows',
        label: 'common.nav.analyticsFlows',
        icon: markRaw(Sort),
        permission: ['analytics:read', 'segments:read'],
      },
      {
        path: '/analytics/settings',
        label: 'common.nav.analyticsSettings',
        icon: markRaw(Setting),
        permission: 'analytics:manage',
      },
    ],
  },
  {
    key: 'customers',
    label: 'common.nav.customers',
    icon: markRaw(UserFilled),
    items: [
      {
        path: '/customers',
        label: 'common.nav.customerList',
        icon: markRaw(Postcard),
        permission: 'customers:read',
      },
      {
        path: '/customers/attributes',
        label: 'common.nav.customerAttributes',
        icon: markRaw(Tickets),
        permission: 'customers:read',
      },
    ],
  },
  {
    key: 'audience',
    label: 'common.nav.audience',
    icon: markRaw(Aim),
    items: [
      {
        path: '/audience/tags',
        label: 'common.nav.tags',
        icon: markRaw(PriceTag),
        permission: 'tags:read',
      },
      {
        path: '/audience/segments',
        label: 'common.nav.segments',
        icon: markRaw(Filter),
        permission: 'segments:read',
      },
      {
        path: '/audience/layers',
        label: 'common.nav.layers',
        icon: markRaw(Histogram),
        permission: 'segments:read',
      },
    ],
  },
  {
    key: 'acquisition',
    label: 'common.nav.acquisition',
    icon: markRaw(Promotion),
    items: [
      {
        path: '/acquisition/live-codes',
        label: 'common.nav.liveCodes',
        icon: markRaw(Grid),
        permission: 'live-codes:read',
      },
      {
        path: '/acquisition/sandbox',
        label: 'common.nav.sandbox',
        icon: markRaw(Iphone),
        permission: 'live-codes:read',
      },
    ],
  },
  {
    key: 'growth',
    label: 'common.nav.growth',
    icon: markRaw(Share),
    items: [
      {
        path: '/growth/campaigns',
        label: 'common.nav.campaigns',
        icon: markRaw(Present),
        permission: 'growth:read',
      },
      {
        path: '/growth/group-buys',
        label: 'groupBuys.nav.list',
        icon: markRaw(ShoppingCartFull),
        permission: 'growth:read',
      },
      {
        path: '/growth/referrals',
        label: 'referrals.nav.title',
        icon: markRaw(Connection),
        permission: 'growth:read',
      },
      {
        path: '/growth/distribution',
        label: 'distribution.nav.title',
        icon: markRaw(Money),
        permission: 'growth:read',
      },
    ],
  },
  {
    key: 'content',
    label: 'common.nav.content',
    icon: markRaw(Files),
    items: [
      {
        path: '/content/materials',
        label: 'common.nav.materials',
        icon: markRaw(Picture),
        permission: 'content:read',
      },
      {
        path: '/content/scripts',
        label: 'common.nav.scripts',
        icon: markRaw(ChatLineRound),
        permission: 'content:read',
      },
    ],
  },
  {
    key: 'outreach',
    label: 'common.nav.outreach',
    icon: markRaw(Message),
    items: [
      {
        path: '/outreach/mass-sends',
        label: 'common.nav.massSends',
        icon: markRaw(ChatDotSquare),
        permission: 'messaging:read',
      },
      {
        path: '/outreach/moments',
        label: 'common.nav.moments',
        icon: markRaw(CameraFilled),
        permission: 'messaging:read',
      },
      {
        path: '/outreach/settings',
        label: 'common.nav.sendingRules',
        icon: markRaw(AlarmClock),
        permission: 'messaging:read',
      },
    ],
  },
  {
    key: 'automation',
    label: 'common.nav.automation',
    icon: markRaw(MagicStick),
    items: [
      {
        path: '/automation/journeys',
        label: 'common.nav.journeys',
        icon: markRaw(Guide),
        permission: 'journeys:read',
      },
      {
        path: '/automation/tasks',
        label: 'common.nav.staffTasks',
        icon: markRaw(Finished),
        permission: 'tasks:read',
      },
    ],
  },
  {
    key: 'loyalty',
    label: 'common.nav.loyalty',
    icon: markRaw(Medal),
    items: [
      {
        path: '/loyalty/dashboard',
        label: 'common.nav.loyaltyDashboard',
        icon: markRaw(Odometer),
        permission: 'loyalty:read',
      },
      {
        path: '/loyalty/members',
        label: 'common.nav.members',
        icon: markRaw(CreditCard),
        permission: 'loyalty:read',
      },
      {
        path: '/loyalty/adjustments',
        label: 'common.nav.adjustments',
        icon: markRaw(Stamp),
        permission: 'loyalty:approve',
      },
      {
        path: '/loyalty/coupons',
        label: 'common.nav.couponTemplates',
        icon: markRaw(Ticket),
        permission: 'loyalty:read',
      },
      {
        path: '/loyalty/mall',
        label: 'common.nav.mall',
        icon: markRaw(Coin),
        permission: 'loyalty:read',
      },
      {
        path: '/loyalty/program',
        label: 'common.nav.loyaltyProgram',
        icon: markRaw(Setting),
        permission: 'loyalty:manage',
      },
    ],
  },
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
      {
        path: '/data/imports',
        label: 'common.nav.imports',
        icon: markRaw(Upload),
        permission: 'data:transfer',
      },
      {
        path: '/data/exports',
        label: 'common.nav.exports',
        icon: markRaw(Download),
        permission: 'data:transfer',
      },
    ],
  },
  {
    key: 'commerce',
    label: 'common.nav.commerce',
    icon: markRaw(ShoppingBag),
    items: [
      {
        path: '/commerce/products',
        label: 'common.nav.products',
        icon: markRaw(Goods),
        permission: 'commerce:read',
      },
      {
        path: '/commerce/orders',
        label: 'common.nav.orders',
        icon: markRaw(List),
        permission: ['commerce:read', 'customers:all'],
      },
    ],
  },
  {
    key: 'wecomOps',
    label: 'common.nav.wecomOps',
    icon: markRaw(ChatLineSquare),
    items: [
      {
        path: '/wecom-ops/group-codes',
        label: 'common.nav.groupCodes',
        icon: markRaw(Connection),
        permission: 'live-codes:read',
      },
      {
        path: '/wecom-ops/handovers',
        label: 'common.nav.handovers',
        icon: markRaw(Switch),
        permission: 'wecom:handover',
      },
      {
        path: '/wecom-ops/losses',
        label: 'common.nav.losses',
        icon: markRaw(TrendCharts),
        permission: 'live-codes:read',
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
      {
        path: '/access/wecom',
        label: 'common.nav.wecom',
        icon: markRaw(ChatDotRound),
        permission: 'wecom:manage',
      },
    ],
  },
]

/**
 * The nav entry a page belongs to: its own, or for a page below one (a customer's profile under
 * /customers) the entry with the longest matching path.
 */
export function activeNavPath(path: string): string {
  let best = path === '/' ? '/' : ''
  for (const group of navGroups) {
    for (const item of group.items) {
      const matches = path === item.path || path.startsWith(`${item.path}/`)
      if (matches && item.path.length > best.length) best = item.path
    }
  }
  return best || path
}
