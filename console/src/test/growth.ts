// Test data shaped like the server's answers about 任务宝 campaigns (used by the specs only).
import type {
  BudgetLedger,
  Campaign,
  CampaignStats,
  GiftReward,
  Invite,
  Participant,
  RedPacket,
  ReviewItem,
} from '@/modules/growth/api'
import { jsonResponse, stubFetch, type Route } from './http'
import { channelCode, withTotals } from './live-codes'
import { template, TEMPLATES } from './loyalty'
import { me } from './session'
import { codeView } from './wecomops'

/**
 * Campaign 9, running through 门店海报 (code 7): 3 friends for 100 points (unlimited), 6 for coupon
 * CPN-NEW-50 (12 of 100 granted), 10 for a 品牌保温杯 (all 20 granted).
 */
export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 9,
    kind: 'task',
    name: '老带新 · 邀请好友领好礼',
    description: '双十一期间拉新',
    appId: 1,
    channelCodeId: 7,
    status: 'active',
    startsAt: '2026-11-01T02:00:00Z',
    endsAt: '2026-11-30T15:59:00Z',
    holdHours: 24,
    newOnly: true,
    burstPerMinute: 10,
    stages: [
      {
        stage: 1,
        invites: 3,
        rewardKind: 'points',
        amount: 100,
        couponId: null,
        gift: null,
        stock: null,
        granted: 40,
      },
      {
        stage: 2,
        invites: 6,
        rewardKind: 'coupon',
        amount: 0,
        couponId: 'CPN-NEW-50',
        gift: null,
        stock: 100,
        granted: 12,
      },
      {
        stage: 3,
        invites: 10,
        rewardKind: 'gift',
        amount: 0,
        couponId: null,
        gift: '品牌保温杯',
        stock: 20,
        granted: 20,
      },
    ],
    counts: { participants: 128, held: 30, review: 2, counted: 256, rejected: 41 },
    createdBy: '王经理',
    createdAt: '2026-10-28T08:00:00Z',
    ...overrides,
  }
}

/** Campaign 10: a draft nobody can join yet. */
export function draftCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return campaign({
    id: 10,
    name: '春节裂变预热',
    description: null,
    status: 'draft',
    stages: [{ ...campaign().stages[0]!, granted: 0 }],
    counts: { participants: 0, held: 0, review: 0, counted: 0, rejected: 0 },
    ...overrides,
  })
}

/**
 * Campaign 11, 社群裂变 through group code 7 (双十一福利群): 2 friends in the group for a ¥3.00 red
 * packet, 5 for one of ¥5.00–¥8.88; a ¥1,000.00 budget of which ¥36.00 paid and ¥6.00 reserved.
 */
export function fissionCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return campaign({
    id: 11,
    kind: 'group',
    name: '拉好友进群抢红包',
    description: null,
    channelCodeId: null,
    groupCodeId: 7,
    stages: [
      {
        stage: 1,
        invites: 2,
        rewardKind: 'red_packet',
        amount: 300,
        amountMax: null,
        couponId: null,
        gift: null,
        stock: null,
        granted: 14,
      },
      {
        stage: 2,
        invites: 5,
        rewardKind: 'red_packet',
        amount: 500,
        amountMax: 888,
        couponId: null,
        gift: null,
        stock: 50,
        granted: 1,
      },
    ],
    budget: { toppedUp: 100_000, reserved: 600, paid: 3_600, remaining: 95_800 },
    ...overrides,
  })
}

/** Campaign 11's red packets: one to be paid (its last try failed), one paid. */
export const RED_PACKETS: RedPacket[] = [
  {
    id: 82,
    campaignId: 11,
    participantId: 502,
    stage: 2,
    customerId: 20002,
    customerName: '陈晨',
    amount: 600,
    status: 'reserved',
    attempts: 1,
    grantedAt: '2026-11-10T01:00:00Z',
    paidAt: null,
    lastError: 'SYSTEM_ERROR',
  },
  {
    id: 81,
    campaignId: 11,
    participantId: 501,
    stage: 1,
    customerId: 20001,
    customerName: '林小雨',
    amount: 300,
    status: 'paid',
    attempts: 1,
    grantedAt: '2026-11-09T01:00:00Z',
    paidAt: '2026-11-09T01:00:05Z',
    lastError: null,
  },
]

export const LEDGER: BudgetLedger = {
  budget: fissionCampaign().budget!,
  entries: [
    {
      id: 2,
      kind: 'reserve',
      amount: -600,
      participantId: 502,
      stage: 2,
      note: null,
      createdBy: null,
      at: '2026-11-10T01:00:00Z',
    },
    {
      id: 1,
      kind: 'top_up',
      amount: 100_000,
      participantId: null,
      stage: null,
      note: null,
      createdBy: '王经理',
      at: '2026-10-28T08:00:00Z',
    },
  ],
  outOfBudget: 3,
}

export function stats(overrides: Partial<CampaignStats> = {}): CampaignStats {
  return {
    participants: 128,
    invites: 329,
    counted: 256,
    held: 30,
    review: 2,
    rewarded: 72,
    outOfStock: 5,
    newCustomers: 240,
    kFactor: 2,
    rejected: { self: 3, loop: 2, existing: 25, deleted: 8, left: 0, inactive: 1, reviewed: 2 },
    daily: [
      { day: '2026-11-01', joined: 20, invited: 45, counted: 30 },
      { day: '2026-11-02', joined: 35, invited: 90, counted: 70 },
    ],
    topInviters: [
      { participantId: 501, customerId: 20001, name: '郑超宇', counted: 24 },
      { participantId: 502, customerId: 20002, name: '', counted: 12 },
    ],
    ...overrides,
  }
}

export function participant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: 501,
    campaignId: 9,
    customerId: 20001,
    customerName: null,
    codeId: 71,
    configId: 'cfg-p501',
    qrUrl: 'https://wework.qpic.cn/qr-p501',
    invitedBy: null,
    counted: 12,
    joinedAt: '2026-11-01T03:00:00Z',
    rewards: [
      { stage: 1, status: 'granted', at: '2026-11-02T03:00:00Z' },
      { stage: 2, status: 'granted', at: '2026-11-03T03:00:00Z' },
      { stage: 3, status: 'out_of_stock', at: '2026-11-05T03:00:00Z' },
    ],
    ...overrides,
  }
}

/** 林晓雯 (20001) joined directly; 20002 came through her code and reached no stage yet. */
export const PARTICIPANTS: Participant[] = [
  participant(),
  participant({
    id: 502,
    customerId: 20002,
    codeId: 72,
    invitedBy: 501,
    counted: 2,
    rewards: [],
    joinedAt: '2026-11-02T04:00:00Z',
  }),
]

/** 20001's invites: one counted, one holding, one an existing customer, one in review. */
export const INVITES: Invite[] = [
  {
    inviteeId: 30001,
    status: 'counted',
    reason: null,
    at: '2026-11-01T04:00:00Z',
    settlesAt: '2026-11-02T04:00:00Z',
    settledAt: '2026-11-02T04:05:00Z',
  },
  {
    inviteeId: 30002,
    status: 'held',
    reason: null,
    at: '2026-11-10T02:00:00Z',
    settlesAt: '2026-11-11T02:00:00Z',
    settledAt: null,
  },
  {
    inviteeId: 30003,
    status: 'rejected',
    reason: 'existing',
    at: '2026-11-03T02:00:00Z',
    settlesAt: '2026-11-03T02:00:00Z',
    settledAt: '2026-11-03T02:00:00Z',
  },
  {
    inviteeId: 30004,
    status: 'review',
    reason: 'burst',
    at: '2026-11-10T02:30:00Z',
    settlesAt: '2026-11-11T02:30:00Z',
    settledAt: null,
  },
]

/** Two invites in review: one through 20001's code, one through a participant not loaded. */
export const REVIEW: ReviewItem[] = [
  { inviteeId: 30004, participantId: 501, at: '2026-11-10T02:30:00Z', reason: 'burst' },
  { inviteeId: 30005, participantId: 999, at: '2026-11-10T02:31:00Z', reason: 'burst' },
]

/** Channel code 7 (门店海报), a disabled channel code, and a store code made from code 7. */
export const CODES = [
  withTotals(channelCode()),
  withTotals(channelCode({ id: 8, name: '旧版海报', state: 'lc8', disabled: true })),
  withTotals(channelCode({ id: 12, kind: 'store', parentId: 7, name: '门店海报 · 静安店' })),
]

/** The coupon templates a stage can give: the membership fixtures and campaign 9's CPN-NEW-50. */
export const COUPON_TEMPLATES = [
  template({ id: 6, code: 'CPN-NEW-50', name: '邀请礼满 200 减 50', value: 50, threshold: 200 }),
  ...TEMPLATES,
]

/** Campaign 9's stage-3 thermos for a participant: awaiting an address unless overridden. */
export function gift(overrides: Partial<GiftReward> = {}): GiftReward {
  return {
    id: 71,
    campaignId: 9,
    participantId: 501,
    stage: 3,
    customerId: 20001,
    customerName: '林小雨',
    gift: '品牌保温杯',
    status: 'awaiting_address',
    address: null,
    carrier: null,
    trackingNo: null,
    grantedAt: '2026-11-12T02:00:00Z',
    addressedAt: null,
    shippedAt: null,
    receivedAt: null,
    cancelledAt: null,
    ...overrides,
  }
}

export const ADDRESS = {
  recipient: '王芳',
  mobile: '13812345678',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '张杨路 500 号 12 楼',
}

/** Three gifts: one awaiting its address, one to ship, one shipped. */
export const GIFTS: GiftReward[] = [
  gift(),
  gift({
    id: 72,
    participantId: 502,
    customerId: 20002,
    customerName: '陈晨',
    status: 'to_ship',
    address: ADDRESS,
  }),
  gift({
    id: 73,
    participantId: 503,
    customerId: 20003,
    customerName: '周杰',
    status: 'shipped',
    address: {
      ...ADDRESS,
      recipient: '周杰',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
    },
    carrier: '顺丰速运',
    trackingNo: 'SF1400000001',
  }),
]

/**
 * A signed-in admin, the live codes, the coupon templates and campaign 9 with its figures,
 * participants and review.
 */
export function stubGrowthServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/channel-codes': () => jsonResponse(CODES),
    'GET /api/v1/wecom/channel-codes/7': () => jsonResponse(CODES[0]),
    'GET /api/v1/loyalty/coupon-templates': () => jsonResponse(COUPON_TEMPLATES),
    'GET /api/v1/campaigns': () =>
      jsonResponse({ items: [campaign(), draftCampaign()], nextCursor: null }),
    'GET /api/v1/campaigns/9': () => jsonResponse(campaign()),
    'GET /api/v1/campaigns/9/stats': () => jsonResponse(stats()),
    'GET /api/v1/campaigns/9/review': () => jsonResponse(REVIEW),
    'GET /api/v1/campaigns/9/participants': () =>
      jsonResponse({ items: PARTICIPANTS, nextCursor: null }),
    'GET /api/v1/campaigns/9/participants/501/invites': () => jsonResponse(INVITES),
    'GET /api/v1/campaigns/9/messages/sent': () => jsonResponse([]),
    'GET /api/v1/campaigns/11/messages/sent': () => jsonResponse([]),
    'GET /api/v1/campaigns/10': () => jsonResponse(draftCampaign()),
    'GET /api/v1/campaigns/9/rewards': () => jsonResponse({ items: GIFTS, nextCursor: null }),
    'GET /api/v1/campaigns/9/repeats': () =>
      jsonResponse({ maxParticipantsPerDevice: 0, maxParticipantsPerIp: 0 }),
    'GET /api/v1/campaigns/10/repeats': () =>
      jsonResponse({ maxParticipantsPerDevice: 0, maxParticipantsPerIp: 0 }),
    'GET /api/v1/wecom/group-codes': () => jsonResponse([codeView()]),
    'GET /api/v1/campaigns/11': () => jsonResponse(fissionCampaign()),
    'GET /api/v1/campaigns/11/stats': () => jsonResponse(stats()),
    'GET /api/v1/campaigns/11/review': () => jsonResponse([]),
    'GET /api/v1/campaigns/11/participants': () =>
      jsonResponse({ items: PARTICIPANTS, nextCursor: null }),
    'GET /api/v1/campaigns/11/budget': () => jsonResponse(LEDGER),
    'GET /api/v1/campaigns/11/red-packets': () =>
      jsonResponse({ items: RED_PACKETS, nextCursor: null }),
    ...routes,
  })
}
