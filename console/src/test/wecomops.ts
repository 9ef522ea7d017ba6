// Test data shaped like the server's answers (used by the specs only).
import type { WeComGroup, WeComStaff } from '@/modules/wecomops/api'
import type { GroupCode, GroupCodeReport, GroupCodeView } from '@/modules/groupcodes/api'

export const GROUPS: WeComGroup[] = [
  {
    chatId: 'wrA1',
    name: '华东门店VIP福利群',
    owner: 'zhangwei',
    ownerName: '张伟',
    memberCount: 195,
    customerCount: 190,
    status: 0,
    dismissed: false,
    createdAt: '2026-10-01T02:00:00Z',
    syncedAt: '2026-11-20T02:00:00Z',
  },
  {
    chatId: 'wrB2',
    name: '线上客服答疑群',
    owner: 'lina',
    ownerName: '李娜',
    memberCount: 42,
    customerCount: 40,
    status: 0,
    dismissed: false,
    createdAt: '2026-10-02T02:00:00Z',
    syncedAt: '2026-11-20T02:00:00Z',
  },
]

export function groupCode(overrides: Partial<GroupCode> = {}): GroupCode {
  return {
    id: 7,
    appId: 1,
    name: '双十一福利群',
    state: 'g7',
    groups: ['wrA1', 'wrB2'],
    threshold: 190,
    fallbackCodeId: 5,
    autoCreateRoom: false,
    roomBaseName: null,
    roomBaseId: null,
    configId: 'cfg-7',
    qrUrl: 'https://wework.qpic.cn/g7.png',
    routedTo: ['wrB2'],
    full: false,
    fallback: false,
    routeError: null,
    createdAt: '2026-11-01T02:00:00Z',
    updatedAt: '2026-11-01T02:00:00Z',
    ...overrides,
  }
}

export function codeView(overrides: Partial<GroupCode> = {}): GroupCodeView {
  return {
    code: groupCode(overrides),
    totals: { joins: 128, leaves: 9, active: 119, joinsToday: 6 },
  }
}

export const REPORT: GroupCodeReport = {
  from: '2026-11-18',
  to: '2026-11-20',
  days: [
    { day: '2026-11-18', joins: 10, leaves: 1, net: 9 },
    { day: '2026-11-19', joins: 4, leaves: 6, net: -2 },
    { day: '2026-11-20', joins: 0, leaves: 0, net: 0 },
  ],
  groups: [
    { chatId: 'wrA1', name: '华东门店VIP福利群', memberCount: 195, joins: 12, leaves: 5, net: 7 },
    { chatId: 'wrB2', name: '线上客服答疑群', memberCount: 42, joins: 2, leaves: 2, net: 0 },
  ],
  totals: { joins: 14, leaves: 7, active: 7, joinsToday: 0 },
}

export const APP = {
  id: 1,
  name: '私域助手',
  corpId: 'wwsiyudemo0000001',
  agentId: '1000002',
  token: 'T',
  encodingAesKey: 'K',
  callbackPath: '/callbacks/wecom/x',
  apiBaseUrl: 'https://qyapi.weixin.qq.com',
}

export const STAFF: WeComStaff[] = [
  {
    userId: 'zhangwei',
    name: '张伟',
    departments: [1],
    contactEnabled: true,
    status: 1,
    customers: 12,
  },
  { userId: 'lina', name: '李娜', departments: [1], contactEnabled: true, status: 1, customers: 8 },
  {
    userId: 'zhoujie',
    name: '周杰',
    departments: [2],
    contactEnabled: true,
    status: 5,
    customers: 3,
  },
]

export const CHANNEL_CODES = [{ code: { id: 5, name: '李娜 兜底码' } }]
