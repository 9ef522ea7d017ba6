// Test data shaped like the server's answers about 企业群发 (used by the specs only).
import type {
  MassSend,
  MassSendDetail,
  PendingMessage,
  Preview,
  Recipient,
  SendingRules,
  StaffShare,
} from '@/modules/mass-sends/api'
import type { Segment } from '@/modules/segments/api'
import { materials } from './content'
import { jsonResponse, stubFetch, type Route } from './http'
import { APP, STAFF } from './live-codes'
import { me } from './session'
import { tagGroups } from './tags'

/** A send of app 1 to the customers tagged 直播间 (21), handed to WeCom, 李四's share still waiting. */
export function massSend(overrides: Partial<MassSend> = {}): MassSend {
  return {
    id: 42,
    appId: 1,
    name: '双十一会员福利',
    audience: { rule: { tags: { any: [21] } } },
    staff: [],
    text: '双十一会员专享：全场满 300 减 50，点击领取 👉',
    materialIds: [],
    sendAt: '2026-11-10T02:00:00Z',
    status: 'sent',
    error: null,
    createdBy: '王经理',
    createdAt: '2026-11-09T08:00:00Z',
    plannedAt: '2026-11-10T02:00:01Z',
    finishedAt: '2026-11-10T02:00:05Z',
    recipients: { delivered: 30, submitted: 8, frequency: 3, no_contact: 1, not_friend: 2 },
    ...overrides,
  }
}

export function share(overrides: Partial<StaffShare> = {}): StaffShare {
  return {
    userId: 'zhangsan',
    name: '张三',
    parts: 1,
    status: 'sent',
    recipients: 32,
    delivered: 30,
    failed: 2,
    submittedAt: '2026-11-10T02:00:03Z',
    staffSentAt: '2026-11-10T02:30:00Z',
    reminders: 0,
    error: null,
    ...overrides,
  }
}

export function detail(
  send: Partial<MassSend> = {},
  staff: StaffShare[] = [
    share(),
    share({
      userId: 'lisi',
      name: '李四',
      status: 'submitted',
      recipients: 8,
      delivered: 0,
      failed: 0,
      staffSentAt: null,
      reminders: 1,
    }),
  ],
): MassSendDetail {
  return { send: massSend(send), staff }
}

export const RECIPIENTS: Recipient[] = [
  {
    customerId: 20007,
    userId: 'zhangsan',
    externalUserId: 'wmA',
    status: 'delivered',
    updatedAt: '2026-11-10T02:31:00Z',
  },
  {
    customerId: 20005,
    userId: 'lisi',
    externalUserId: 'wmB',
    status: 'submitted',
    updatedAt: '2026-11-10T02:00:03Z',
  },
  {
    customerId: 20003,
    userId: 'zhangsan',
    externalUserId: 'wmC',
    status: 'frequency',
    updatedAt: '2026-11-10T02:00:01Z',
  },
]

export const PREVIEW: Preview = {
  audience: 42,
  reachable: 38,
  held: { no_contact: 1, frequency: 3 },
  staff: [
    { userId: 'zhangsan', name: '张三', customers: 30 },
    { userId: 'lisi', name: '李四', customers: 8 },
  ],
}

export const RULES: SendingRules = {
  quietFrom: '21:00',
  quietTo: '08:00',
  capDay: 1,
  capWeek: 3,
  massQuota: 'days-in-month',
}

export const SEGMENTS: Segment[] = [
  {
    id: 5,
    name: '高价值会员',
    rule: { attribute: 'memberLevel', op: 'gte', value: 3 },
    size: 1280,
    createdAt: '2026-11-01T02:00:00Z',
  },
]

export const PENDING: PendingMessage[] = [
  {
    msgid: 'msgA1',
    createTime: '2026-11-10T02:00:03Z',
    text: '双十一会员专享：全场满 300 减 50',
    attachments: 1,
    recipients: 8,
    reminders: 1,
  },
]

/** A signed-in admin, the app, its staff, tags, segments and the messaging endpoints. */
export function stubMassSendServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
    'GET /api/v1/segments': () => jsonResponse(SEGMENTS),
    'GET /api/v1/segments/5': () => jsonResponse(SEGMENTS[0]),
    'GET /api/v1/messaging/settings': () => jsonResponse(RULES),
    'GET /api/v1/mass-sends': () => jsonResponse({ items: [massSend()], nextCursor: null }),
    'GET /api/v1/mass-sends/42': () => jsonResponse(detail()),
    'GET /api/v1/mass-sends/42/recipients': () =>
      jsonResponse({ items: RECIPIENTS, nextCursor: null }),
    'POST /api/v1/mass-sends/preview': () => jsonResponse(PREVIEW),
    'GET /api/v1/materials': () => jsonResponse({ items: materials(), nextCursor: null }),
    'GET /api/v1/materials/1': () => jsonResponse(materials()[0]),
    'GET /api/v1/materials/2': () => jsonResponse(materials()[1]),
    ...routes,
  })
}
