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
import type { WeComGroup } from '@/modules/wecomops/api'
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
    chatType: 'single',
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

/** The app's customer groups: 张三 owns two, 李四 one and one dismissed since. */
export const CUSTOMER_GROUPS: WeComGroup[] = [
  {
    chatId: 'wrVip1',
    name: '会员福利一群',
    owner: 'zhangsan',
    ownerName: '张三',
    memberCount: 186,
    customerCount: 180,
    status: 0,
    dismissed: false,
    syncedAt: '2026-11-09T02:00:00Z',
  },
  {
    chatId: 'wrVip2',
    name: '会员福利二群',
    owner: 'zhangsan',
    ownerName: '张三',
    memberCount: 152,
    customerCount: 149,
    status: 0,
    dismissed: false,
    syncedAt: '2026-11-09T02:00:00Z',
  },
  {
    chatId: 'wrHelp3',
    name: '售后答疑群',
    owner: 'lisi',
    ownerName: '李四',
    memberCount: 64,
    customerCount: 60,
    status: 0,
    dismissed: false,
    syncedAt: '2026-11-09T02:00:00Z',
  },
  {
    chatId: 'wrOld4',
    name: '国庆活动群',
    owner: 'lisi',
    ownerName: '李四',
    memberCount: 0,
    customerCount: 0,
    status: 0,
    dismissed: true,
    syncedAt: '2026-11-09T02:00:00Z',
  },
]

/**
 * Send 43 to four groups: 张三 sent to his two (one dismissed by then), 李四 has yet to send to
 * his, and one group's owner had left when it was planned.
 */
export function groupSend(overrides: Partial<MassSend> = {}): MassSend {
  return massSend({
    id: 43,
    name: '双十一群公告',
    chatType: 'group',
    audience: { chatIds: ['wrVip1', 'wrVip2', 'wrHelp3', 'wrGone5'] },
    text: '双十一活动今晚 8 点开始，群内专享券请提前领取',
    recipients: { delivered: 1, dismissed: 1, submitted: 1, no_owner: 1 },
    ...overrides,
  })
}

export function groupDetail(send: Partial<MassSend> = {}): MassSendDetail {
  return {
    send: groupSend(send),
    staff: [
      share({ recipients: 2, delivered: 1, failed: 1 }),
      share({
        userId: 'lisi',
        name: '李四',
        status: 'submitted',
        recipients: 1,
        delivered: 0,
        failed: 0,
        staffSentAt: null,
      }),
    ],
  }
}

export const GROUP_RECIPIENTS: Recipient[] = [
  {
    chatId: 'wrVip1',
    name: '会员福利一群',
    userId: 'zhangsan',
    status: 'delivered',
    updatedAt: '2026-11-10T02:31:00Z',
  },
  {
    chatId: 'wrVip2',
    name: '会员福利二群',
    userId: 'zhangsan',
    status: 'dismissed',
    updatedAt: '2026-11-10T02:31:00Z',
  },
  {
    chatId: 'wrHelp3',
    name: '售后答疑群',
    userId: 'lisi',
    status: 'submitted',
    updatedAt: '2026-11-10T02:00:03Z',
  },
  {
    chatId: 'wrGone5',
    name: null,
    userId: 'wangwu',
    status: 'no_owner',
    updatedAt: '2026-11-10T02:00:01Z',
  },
]

/** All groups but one: 张三's two, 李四's one; one whose owner left, one over WeCom's quota. */
export const GROUP_PREVIEW: Preview = {
  audience: 5,
  reachable: 3,
  held: { no_owner: 1, quota: 1 },
  staff: [
    { userId: 'zhangsan', name: '张三', customers: 2 },
    { userId: 'lisi', name: '李四', customers: 1 },
  ],
}

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
  dedupeDays: 7,
  staffTasksPerDay: 0,
  tasksPerMinute: 0,
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

/**
 * A signed-in admin, the app, its staff and groups, tags, segments and the messaging endpoints;
 * send 42 goes to customers, 43 to groups.
 */
export function stubMassSendServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/wecom/apps/1/groups': () => jsonResponse(CUSTOMER_GROUPS),
    'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
    'GET /api/v1/segments': () => jsonResponse(SEGMENTS),
    'GET /api/v1/segments/5': () => jsonResponse(SEGMENTS[0]),
    'GET /api/v1/messaging/settings': () => jsonResponse(RULES),
    'GET /api/v1/mass-sends': () => jsonResponse({ items: [massSend()], nextCursor: null }),
    'GET /api/v1/mass-sends/42': () => jsonResponse(detail()),
    'GET /api/v1/mass-sends/42/recipients': () =>
      jsonResponse({ items: RECIPIENTS, nextCursor: null }),
    'GET /api/v1/mass-sends/43': () => jsonResponse(groupDetail()),
    'GET /api/v1/mass-sends/43/recipients': () =>
      jsonResponse({ items: GROUP_RECIPIENTS, nextCursor: null }),
    'POST /api/v1/mass-sends/preview': () => jsonResponse(PREVIEW),
    'GET /api/v1/materials': () => jsonResponse({ items: materials(), nextCursor: null }),
    'GET /api/v1/materials/1': () => jsonResponse(materials()[0]),
    'GET /api/v1/materials/2': () => jsonResponse(materials()[1]),
    ...routes,
  })
}
