import type { ChannelCode, CodeReport, CodeWithTotals } from '@/modules/live-codes/api'
import type { WeComApp, WeComStaff } from '@/modules/wecom/api'
import { jsonResponse, stubFetch, type Route } from './http'
import { me } from './session'
import { tagGroups } from './tags'

export const APP: WeComApp = {
  id: 1,
  name: '私域助手',
  corpId: 'ww1234567890abcdef',
  agentId: '1000002',
  token: 'Q3kV9pLm2XwR7tYb4NcZ8hJd5FgS1aEu',
  encodingAesKey: 'k8Vn3Qp7Xr2Lm9Tw4Yb6Zc1Hd5Jf0Gs8Ae3Ru7Ki2Po',
  callbackPath: '/callbacks/wecom/Xy3kP9aQ2mR7tLw5nB8vC1dF',
  apiBaseUrl: 'https://qyapi.weixin.qq.com',
}

export const STAFF: WeComStaff[] = [
  {
    userId: 'zhangsan',
    name: '张三',
    departments: [1],
    contactEnabled: true,
    status: 1,
    customers: 128,
  },
  {
    userId: 'lisi',
    name: '李四',
    departments: [1],
    contactEnabled: true,
    status: 1,
    customers: 96,
  },
  {
    userId: 'wangwu',
    name: '王五',
    departments: [2],
    contactEnabled: true,
    status: 1,
    customers: 41,
  },
  {
    userId: 'zhaoliu',
    name: '赵六',
    departments: [2],
    contactEnabled: false,
    status: 1,
    customers: 0,
  },
]

/** A channel code of app 1: 门店海报, 张三 and 李四 in turn on weekdays, tagged 直播间 (21), with a welcome. */
export function channelCode(overrides: Partial<ChannelCode> = {}): ChannelCode {
  return {
    id: 7,
    appId: 1,
    parentId: null,
    kind: 'channel',
    name: '门店海报',
    store: null,
    sharerCustomerId: null,
    state: 'lc7',
    staff: ['zhangsan', 'lisi'],
    backupStaff: ['wangwu'],
    assignment: 'round_robin',
    dailyCap: 50,
    schedule: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
    skipVerify: true,
    tagIds: [21],
    welcome: {
      text: '{nickname} 你好，我是{staff}',
      attachments: [{ type: 'link', title: '新人礼', url: 'https://example.com/gift' }],
    },
    configId: 'cfg7',
    qrUrl: 'https://wework.qpic.cn/qr7',
    routedTo: ['zhangsan'],
    disabled: false,
    createdAt: '2026-11-01T02:00:00Z',
    updatedAt: '2026-11-01T02:00:00Z',
    ...overrides,
  }
}

export function withTotals(code: ChannelCode, adds = 1284): CodeWithTotals {
  return { code, totals: { adds, losses: 96, active: adds - 96, addsToday: 23 } }
}

export function report(overrides: Partial<CodeReport> = {}): CodeReport {
  return {
    from: '2026-11-01',
    to: '2026-11-03',
    days: [
      { day: '2026-11-01', adds: 5, losses: 1, net: 4 },
      { day: '2026-11-03', adds: 2, losses: 3, net: -1 },
    ],
    staff: [
      { userId: 'lisi', name: '李四', adds: 2, losses: 3, net: -1 },
      { userId: 'zhangsan', name: '张三', adds: 5, losses: 1, net: 4 },
    ],
    totals: { adds: 1284, losses: 96, active: 1188, addsToday: 23 },
    ...overrides,
  }
}

/** The server for the live-code pages: app 1 with its staff, the tags, and `codes`. */
export function stubLiveCodeServer(
  codes: CodeWithTotals[],
  routes: Record<string, Route> = {},
  account = me(),
) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/apps': () => jsonResponse([APP]),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/wecom/sandbox': () =>
      jsonResponse({ enabled: true, appId: 1, corpId: APP.corpId }),
    'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
    'GET /api/v1/wecom/channel-codes': () => jsonResponse(codes),
    'GET /api/v1/wecom/group-codes': () => jsonResponse([]),
    // the sandbox's 员工端: nothing waiting for the staff members the played customers add
    'GET /api/v1/wecom/sandbox/staff/zhangsan/pending-messages': () => jsonResponse([]),
    'GET /api/v1/wecom/sandbox/staff/lisi/pending-messages': () => jsonResponse([]),
    ...routes,
  })
}
