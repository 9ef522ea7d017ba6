import type { Pinia } from 'pinia'
import {
  createRouter,
  createWebHistory,
  type LocationQueryValue,
  type RouteLocationRaw,
  type Router,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'
import { ElMessage } from 'element-plus'
import AppLayout from '@/components/AppLayout.vue'
import { handleError } from '@/api/error-handler'
import { t } from '@/i18n'
import type { Permission } from '@/modules/auth/api'
import { useSessionStore } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean
    /** Required to open the page (all of them when several); the nav hides it too. */
    permission?: Permission | readonly Permission[]
    /** Message key of the page title. */
    title?: string
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/modules/auth/LoginView.vue'),
    meta: { public: true, title: 'auth.login.title' },
  },
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/modules/home/HomeView.vue'),
        meta: { title: 'common.nav.home' },
      },
      {
        path: 'analytics',
        redirect: { name: 'analytics-funnel' },
      },
      {
        path: 'analytics/funnel',
        name: 'analytics-funnel',
        component: () => import('@/modules/analytics/FunnelView.vue'),
        meta: { permission: 'analytics:read', title: 'common.nav.analyticsFunnel' },
      },
      {
        path: 'analytics/cohorts',
        name: 'analytics-cohorts',
        component: () => import('@/modules/analytics/CohortsView.vue'),
        meta: { permission: 'analytics:read', title: 'common.nav.analyticsCohorts' },
      },
      {
        path: 'analytics/gmv',
        name: 'analytics-gmv',
        component: () => import('@/modules/analytics/GmvView.vue'),
        meta: { permission: 'analytics:read', title: 'common.nav.analyticsGmv' },
      },
      {
        path: 'analytics/wecom',
        name: 'analytics-wecom',
        component: () => import('@/modules/analytics/WecomView.vue'),
        meta: { permission: 'analytics:read', title: 'common.nav.analyticsWecom' },
      },
      {
        path: 'analytics/channels',
        name: 'analytics-channels',
        component: () => import('@/modules/analytics/ChannelsView.vue'),
        meta: { permission: 'analytics:read', title: 'common.nav.analyticsChannels' },
      },
      {
        path: 'analytics/flows',
        name: 'analytics-flows',
        component: () => import('@/modules/analytics/FlowsView.vue'),
        // the layer transitions belong to 客户分层, which segments:read opens
        meta: {
          permission: ['analytics:read', 'segments:read'],
          title: 'common.nav.analyticsFlows',
        },
      },
      {
        path: 'analytics/settings',
        name: 'analytics-settings',
        component: () => import('@/modules/analytics/SettingsView.vue'),
        meta: { permission: 'analytics:manage', title: 'common.nav.analyticsSettings' },
      },
      {
        path: 'customers',
        name: 'customers',
        component: () => import('@/modules/customers/CustomersView.vue'),
        meta: { permission: 'customers:read', title: 'common.nav.customerList' },
      },
      {
        path: 'customers/attributes',
        name: 'customer-attributes',
        component: () => import('@/modules/customers/AttributesView.vue'),
        meta: { permission: 'customers:read', title: 'common.nav.customerAttributes' },
      },
      {
        path: 'customers/:id(\\d+)',
        name: 'customer',
        component: () => import('@/modules/customers/CustomerDetailView.vue'),
        meta: { permission: 'customers:read', title: 'common.nav.customerDetail' },
      },
      {
        path: 'audience/tags',
        name: 'tags',
        component: () => import('@/modules/tags/TagsView.vue'),
        meta: { permission: 'tags:read', title: 'common.nav.tags' },
      },
      {
        path: 'audience/segments',
        name: 'segments',
        component: () => import('@/modules/segments/SegmentsView.vue'),
        meta: { permission: 'segments:read', title: 'common.nav.segments' },
      },
      {
        path: 'audience/segments/new',
        name: 'segment-new',
        component: () => import('@/modules/segments/SegmentEditorView.vue'),
        meta: { permission: 'segments:write', title: 'common.nav.segmentEditor' },
      },
      {
        path: 'audience/segments/:id(\\d+)',
        name: 'segment',
        component: () => import('@/modules/segments/SegmentDetailView.vue'),
        meta: { permission: 'segments:read', title: 'common.nav.segmentDetail' },
      },
      {
        path: 'audience/segments/:id(\\d+)/edit',
        name: 'segment-edit',
        component: () => import('@/modules/segments/SegmentEditorView.vue'),
        meta: { permission: 'segments:write', title: 'common.nav.segmentEditor' },
      },
      {
        path: 'audience/layers',
        name: 'layers',
        component: () => import('@/modules/layers/LayersView.vue'),
        meta: { permission: 'segments:read', title: 'common.nav.layers' },
      },
      {
        path: 'acquisition/live-codes',
        name: 'live-codes',
        component: () => import('@/modules/live-codes/LiveCodesView.vue'),
        meta: { permission: 'live-codes:read', title: 'common.nav.liveCodes' },
      },
      {
        path: 'acquisition/live-codes/:id(\\d+)',
        name: 'live-code',
        component: () => import('@/modules/live-codes/LiveCodeStatsView.vue'),
        meta: { permission: 'live-codes:read', title: 'common.nav.liveCodeStats' },
      },
      {
        path: 'acquisition/sandbox',
        name: 'sandbox',
        component: () => import('@/modules/live-codes/SandboxView.vue'),
        meta: { permission: 'live-codes:read', title: 'common.nav.sandbox' },
      },
      {
        path: 'growth/campaigns',
        name: 'campaigns',
        component: () => import('@/modules/growth/CampaignsView.vue'),
        meta: { permission: 'growth:read', title: 'common.nav.campaigns' },
      },
      {
        path: 'growth/campaigns/new',
        name: 'campaign-new',
        component: () => import('@/modules/growth/CampaignEditorView.vue'),
        meta: { permission: 'growth:write', title: 'common.nav.campaignNew' },
      },
      {
        path: 'growth/campaigns/:id(\\d+)',
        name: 'campaign',
        component: () => import('@/modules/growth/CampaignDetailView.vue'),
        meta: { permission: 'growth:read', title: 'common.nav.campaignDetail' },
      },
      {
        path: 'growth/group-buys',
        name: 'group-buys',
        component: () => import('@/modules/group-buys/GroupBuysView.vue'),
        meta: { permission: 'growth:read', title: 'groupBuys.nav.list' },
      },
      {
        path: 'growth/group-buys/:id(\\d+)',
        name: 'group-buy',
        component: () => import('@/modules/group-buys/GroupBuyDetailView.vue'),
        meta: { permission: 'growth:read', title: 'groupBuys.nav.detail' },
      },
      {
        path: 'growth/referrals',
        name: 'referrals',
        component: () => import('@/modules/referrals/ReferralsView.vue'),
        meta: { permission: 'growth:read', title: 'referrals.nav.title' },
      },
      {
        path: 'growth/distribution',
        name: 'distribution',
        component: () => import('@/modules/distribution/DistributionView.vue'),
        meta: { permission: 'growth:read', title: 'distribution.nav.title' },
      },
      {
        path: 'content/materials',
        name: 'materials',
        component: () => import('@/modules/content/MaterialsView.vue'),
        meta: { permission: 'content:read', title: 'common.nav.materials' },
      },
      {
        path: 'content/scripts',
        name: 'scripts',
        component: () => import('@/modules/content/ScriptsView.vue'),
        meta: { permission: 'content:read', title: 'common.nav.scripts' },
      },
      {
        path: 'outreach/mass-sends',
        name: 'mass-sends',
        component: () => import('@/modules/mass-sends/MassSendsView.vue'),
        meta: { permission: 'messaging:read', title: 'common.nav.massSends' },
      },
      {
        path: 'outreach/mass-sends/new',
        name: 'mass-send-new',
        component: () => import('@/modules/mass-sends/MassSendEditorView.vue'),
        meta: { permission: 'messaging:send', title: 'common.nav.massSendNew' },
      },
      {
        path: 'outreach/mass-sends/:id(\\d+)',
        name: 'mass-send',
        component: () => import('@/modules/mass-sends/MassSendDetailView.vue'),
        meta: { permission: 'messaging:read', title: 'common.nav.massSendDetail' },
      },
      {
        path: 'outreach/moments',
        name: 'moments',
        component: () => import('@/modules/moments/MomentsView.vue'),
        meta: { permission: 'messaging:read', title: 'common.nav.moments' },
      },
      {
        path: 'outreach/moments/new',
        name: 'moment-new',
        component: () => import('@/modules/moments/MomentEditorView.vue'),
        meta: { permission: 'messaging:send', title: 'common.nav.momentNew' },
      },
      {
        path: 'outreach/moments/:id(\\d+)',
        name: 'moment',
        component: () => import('@/modules/moments/MomentDetailView.vue'),
        meta: { permission: 'messaging:read', title: 'common.nav.momentDetail' },
      },
      {
        path: 'outreach/settings',
        name: 'sending-rules',
        component: () => import('@/modules/mass-sends/SendingRulesView.vue'),
        meta: { permission: 'messaging:read', title: 'common.nav.sendingRules' },
      },
      {
        path: 'automation/journeys',
        name: 'journeys',
        component: () => import('@/modules/journeys/JourneysView.vue'),
        meta: { permission: 'journeys:read', title: 'common.nav.journeys' },
      },
      {
        path: 'automation/journeys/:id(\\d+)',
        name: 'journey-stats',
        component: () => import('@/modules/journeys/JourneyStatsView.vue'),
        meta: { permission: 'journeys:read', title: 'common.nav.journeyStats' },
      },
      {
        path: 'automation/journeys/:id(\\d+)/edit',
        name: 'journey-edit',
        component: () => import('@/modules/journeys/JourneyEditorView.vue'),
        meta: { permission: 'journeys:read', title: 'common.nav.journeyEditor' },
      },
      {
        path: 'automation/tasks',
        name: 'staff-tasks',
        component: () => import('@/modules/journeys/StaffTasksView.vue'),
        meta: { permission: 'tasks:read', title: 'common.nav.staffTasks' },
      },
      {
        path: 'loyalty/dashboard',
        name: 'loyalty-dashboard',
        component: () => import('@/modules/loyalty/LoyaltyDashboardView.vue'),
        meta: { permission: 'loyalty:read', title: 'common.nav.loyaltyDashboard' },
      },
      {
        path: 'loyalty/members',
        name: 'members',
        component: () => import('@/modules/loyalty/MembersView.vue'),
        meta: { permission: 'loyalty:read', title: 'common.nav.members' },
      },
      {
        path: 'loyalty/members/:id(\\d+)',
        name: 'member',
        component: () => import('@/modules/loyalty/MemberDetailView.vue'),
        meta: { permission: 'loyalty:read', title: 'common.nav.memberDetail' },
      },
      {
        path: 'loyalty/adjustments',
        name: 'adjustments',
        component: () => import('@/modules/loyalty/AdjustmentsView.vue'),
        meta: { permission: 'loyalty:approve', title: 'common.nav.adjustments' },
      },
      {
        path: 'loyalty/coupons',
        name: 'coupon-templates',
        component: () => import('@/modules/loyalty/CouponTemplatesView.vue'),
        meta: { permission: 'loyalty:read', title: 'common.nav.couponTemplates' },
      },
      {
        path: 'loyalty/mall',
        name: 'mall',
        component: () => import('@/modules/loyalty/MallView.vue'),
        meta: { permission: 'loyalty:read', title: 'common.nav.mall' },
      },
      {
        path: 'loyalty/program',
        name: 'loyalty-program',
        component: () => import('@/modules/loyalty/ProgramView.vue'),
        meta: { permission: 'loyalty:manage', title: 'common.nav.loyaltyProgram' },
      },
      {
        path: 'data/events',
        name: 'events',
        component: () => import('@/modules/events/EventsView.vue'),
        meta: { permission: 'events:read', title: 'common.nav.events' },
      },
      {
        path: 'data/imports',
        name: 'imports',
        component: () => import('@/modules/transfer/ImportsView.vue'),
        meta: { permission: 'data:transfer', title: 'common.nav.imports' },
      },
      {
        path: 'data/exports',
        name: 'exports',
        component: () => import('@/modules/transfer/ExportsView.vue'),
        meta: { permission: 'data:transfer', title: 'common.nav.exports' },
      },
      {
        path: 'commerce/products',
        name: 'products',
        component: () => import('@/modules/commerce/ProductsView.vue'),
        meta: { permission: 'commerce:read', title: 'common.nav.products' },
      },
      {
        path: 'commerce/orders',
        name: 'orders',
        component: () => import('@/modules/commerce/OrdersView.vue'),
        meta: { permission: ['commerce:read', 'customers:all'], title: 'common.nav.orders' },
      },
      {
        path: 'wecom-ops/group-codes',
        name: 'group-codes',
        component: () => import('@/modules/groupcodes/GroupCodesView.vue'),
        meta: { permission: 'live-codes:read', title: 'common.nav.groupCodes' },
      },
      {
        path: 'wecom-ops/group-codes/:id(\\d+)',
        name: 'group-code',
        component: () => import('@/modules/groupcodes/GroupCodeStatsView.vue'),
        meta: { permission: 'live-codes:read', title: 'common.nav.groupCodeStats' },
      },
      {
        path: 'wecom-ops/handovers',
        name: 'handovers',
        component: () => import('@/modules/handover/HandoversView.vue'),
        meta: { permission: 'wecom:handover', title: 'common.nav.handovers' },
      },
      {
        path: 'wecom-ops/losses',
        name: 'losses',
        component: () => import('@/modules/losses/LossesView.vue'),
        meta: { permission: 'live-codes:read', title: 'common.nav.losses' },
      },
      {
        path: 'access/accounts',
        name: 'accounts',
        component: () => import('@/modules/accounts/AccountsView.vue'),
        meta: { permission: 'accounts:read', title: 'common.nav.accounts' },
      },
      {
        path: 'access/api-keys',
        name: 'api-keys',
        component: () => import('@/modules/api-keys/ApiKeysView.vue'),
        meta: { permission: 'api-keys:manage', title: 'common.nav.apiKeys' },
      },
      {
        path: 'access/audit',
        name: 'audit',
        component: () => import('@/modules/audit/AuditView.vue'),
        meta: { permission: 'audit:read', title: 'common.nav.audit' },
      },
      {
        path: 'access/tenant',
        name: 'tenant',
        component: () => import('@/modules/tenant/TenantSettingsView.vue'),
        meta: { permission: 'tenant:write', title: 'common.nav.tenant' },
      },
      {
        path: 'access/wecom',
        name: 'wecom',
        component: () => import('@/modules/wecom/WeComView.vue'),
        meta: { permission: 'wecom:manage', title: 'common.nav.wecom' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/components/NotFoundView.vue'),
        meta: { title: 'common.errors.notFoundTitle' },
      },
    ],
  },
]

/** Only same-app paths: a crafted ?redirect= must not send the user to another site. */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value
  if (typeof path === 'string' && path.startsWith('/') && !path.startsWith('//')) return path
  return '/'
}

export function loginLocation(intended: string): RouteLocationRaw {
  return intended === '/' ? { name: 'login' } : { name: 'login', query: { redirect: intended } }
}

export function installGuards(router: Router, pinia: Pinia): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia)
    try {
      await session.ensureLoaded()
    } catch (error) {
      // Server unreachable: show why, and treat the visitor as signed out.
      handleError(error)
    }
    if (to.meta.public) return session.authenticated ? safeRedirect(to.query.redirect) : true
    if (!session.authenticated) return loginLocation(to.fullPath)
    if (to.meta.permission && !session.canAll(to.meta.permission)) {
      ElMessage({ type: 'warning', message: t('common.errors.pageForbidden'), grouping: true })
      return { name: 'home' }
    }
    return true
  })
}

/** What happens when any API call answers 401: the session ended (expired, logged out elsewhere). */
export function onSessionLost(router: Router, pinia: Pinia): void {
  const session = useSessionStore(pinia)
  const wasSignedIn = session.authenticated
  session.clear()
  const current = router.currentRoute.value
  if (current.meta.public) return
  if (wasSignedIn) {
    ElMessage({ type: 'warning', message: t('auth.sessionExpired'), grouping: true })
  }
  void router.replace(loginLocation(current.fullPath))
}

export function createAppRouter(options: { pinia: Pinia; history?: RouterHistory }): Router {
  const router = createRouter({
    history: options.history ?? createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
  installGuards(router, options.pinia)
  return router
}
