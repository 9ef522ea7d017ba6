// Test data shaped like the server's answers about journeys (used by the specs only).
import type {
  CustomerJourney,
  Journey,
  JourneyRun,
  JourneyStats,
  JourneyTemplate,
  StaffTask,
} from '@/modules/journeys/api'
import { materials } from './content'
import { jsonResponse, stubFetch, type Route } from './http'
import { APP, STAFF } from './live-codes'
import { TEMPLATES as COUPON_TEMPLATES } from './loyalty'
import { CUSTOMER_GROUPS } from './mass-sends'
import { EVENT_TYPES, FIELDS, segment, TAG_GROUPS } from './segments'
import { me } from './session'

/**
 * A new customer's week: welcome, wait a day, did they buy within 2 days? If not, a condition on
 * their tags splits them: tagged 高意向 get a call from their staff member, the others a nudge that
 * goes on to the call as well (a jump back into the yes branch).
 */
export function definition(): Record<string, unknown> {
  return {
    trigger: { type: 'event', eventType: 'purchase', where: [] },
    entry: 'once',
    start: 'hello',
    steps: [
      {
        id: 'hello',
        type: 'message',
        name: '欢迎语',
        text: '你好，欢迎！',
        materialIds: [],
        next: 'wait1',
      },
      { id: 'wait1', type: 'wait', duration: 'P1D', next: 'buy' },
      {
        id: 'buy',
        type: 'wait_event',
        eventType: 'purchase',
        timeout: 'P2D',
        next: null,
        elseNext: 'vip',
      },
      {
        id: 'vip',
        type: 'condition',
        name: '高意向？',
        rule: { tags: { any: [3] } },
        next: 'call',
        elseNext: 'nudge',
      },
      { id: 'call', type: 'task', title: '电话回访', dueIn: 'P1D', next: null },
      { id: 'nudge', type: 'tag', add: [7], remove: [], next: 'call' },
    ],
    goal: { eventType: 'purchase', windowDays: 7, exitOnGoal: true },
    exit: { eventType: null, segmentId: null },
    layout: {},
  }
}

export function journey(overrides: Partial<Journey> = {}): Journey {
  return {
    id: 7,
    name: '新客 7 天转化',
    description: '新客欢迎与回访',
    status: 'active',
    version: 2,
    definition: definition(),
    changed: false,
    versions: [
      { version: 1, publishedAt: '2026-11-01T02:00:00Z', publishedBy: '王经理' },
      { version: 2, publishedAt: '2026-11-05T02:00:00Z', publishedBy: '王经理' },
    ],
    createdAt: '2026-10-30T02:00:00Z',
    updatedAt: '2026-11-05T02:00:00Z',
    summary: { entered: 1280, active: 96, converted: 320 },
    webhookSecret: 'whsec_7f3a9c21',
    ...overrides,
  }
}

/** A draft never published, with only a trigger. */
export function draft(overrides: Partial<Journey> = {}): Journey {
  return journey({
    id: 8,
    name: '生日关怀',
    description: null,
    status: 'draft',
    version: null,
    versions: [],
    definition: { trigger: { type: 'date', field: 'birthday', daysBefore: 0, at: '10:00' } },
    summary: { entered: 0, active: 0, converted: 0 },
    ...overrides,
  })
}

export const TEMPLATES: JourneyTemplate[] = [
  {
    key: 'new-customer',
    name: '新客欢迎',
    description: '添加好友后发欢迎语，3 天未下单由员工回访',
    definition: definition(),
  },
  {
    key: 'birthday',
    name: '生日关怀',
    description: '生日前一天发祝福和优惠券',
    definition: { trigger: { type: 'date' }, steps: [{ id: 'a', type: 'message' }] },
  },
]

export function stats(overrides: Partial<JourneyStats> = {}): JourneyStats {
  return {
    totals: {
      entered: 1280,
      active: 40,
      waiting: 56,
      done: 860,
      exited: 300,
      converted: 320,
      failed: 24,
    },
    steps: [
      {
        id: 'hello',
        version: 2,
        type: 'message',
        name: '欢迎语',
        entered: 800,
        waiting: 0,
        done: 790,
        exited: 0,
        failed: 10,
        converted: 12,
        effects: { delivered: 700, submitted: 80, frequency: 10, waiting: 10, mystery: 0 },
      },
      {
        id: 'hello',
        version: 1,
        type: 'message',
        name: '欢迎',
        entered: 480,
        waiting: 0,
        done: 476,
        exited: 0,
        failed: 4,
        converted: 8,
        effects: { delivered: 470 },
      },
      {
        id: 'wait1',
        version: 2,
        type: 'wait',
        name: null,
        entered: 790,
        waiting: 30,
        done: 760,
        exited: 0,
        failed: 0,
        converted: 20,
      },
    ],
    hourly: [
      { at: '2026-11-10T01:00:00Z', entered: 3, converted: 1 },
      { at: '2026-11-10T00:00:00Z', entered: 5, converted: 0 },
    ],
    ...overrides,
  }
}

export const RUNS: JourneyRun[] = [
  {
    id: 901,
    customerId: 20001,
    customerName: '林晓雯',
    version: 2,
    step: 'buy',
    state: 'waiting',
    enteredAt: '2026-11-09T02:00:00Z',
    endedAt: null,
    convertedAt: null,
    error: null,
  },
  {
    id: 902,
    customerId: 20005,
    customerName: '肖宇霞',
    version: 1,
    step: 'call',
    state: 'failed',
    exitReason: 'failed',
    enteredAt: '2026-11-02T02:00:00Z',
    endedAt: '2026-11-04T02:00:00Z',
    convertedAt: null,
    error: '员工已离职',
  },
]

export const CUSTOMER_JOURNEYS: CustomerJourney[] = [
  {
    journeyId: 7,
    name: '新客 7 天转化',
    runId: 901,
    version: 2,
    state: 'done',
    enteredAt: '2026-11-09T02:00:00Z',
    endedAt: '2026-11-10T04:00:00Z',
    convertedAt: '2026-11-10T04:00:00Z',
    steps: [
      {
        step: 'hello',
        type: 'message',
        name: '欢迎语',
        outcome: 'sent',
        at: '2026-11-09T02:00:05Z',
        detail: '由 李娜 发送',
      },
      { step: 'wait1', type: 'wait', outcome: 'done', at: '2026-11-10T02:00:05Z' },
      { step: 'buy', type: 'wait_event', outcome: 'event', at: '2026-11-10T04:00:00Z' },
    ],
  },
  {
    journeyId: 9,
    name: '沉默唤醒',
    runId: 850,
    version: 1,
    state: 'exited',
    enteredAt: '2026-10-01T02:00:00Z',
    endedAt: '2026-10-02T02:00:00Z',
    steps: [
      {
        step: 'ab',
        type: 'split',
        name: 'A/B 文案',
        outcome: 'branch-1',
        at: '2026-10-01T02:00:00Z',
      },
      { step: 'x', type: 'webhook', outcome: 'mystery', at: '2026-10-01T02:00:00Z' },
    ],
  },
]

export function task(overrides: Partial<StaffTask> = {}): StaffTask {
  return {
    id: 31,
    title: '电话回访',
    description: '问问是否收到货',
    status: 'open',
    dueAt: '2026-11-11T02:00:00Z',
    createdAt: '2026-11-10T02:00:00Z',
    doneAt: null,
    doneBy: null,
    customerId: 20001,
    customerName: '林晓雯',
    userId: 'lina',
    journeyId: 7,
    ...overrides,
  }
}

/**
 * A signed-in admin, the catalogs the editor names things from, the WeCom app with its staff and
 * groups (group send and 朋友圈 steps pick from them) and the journey endpoints.
 */
export function stubJourneyServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/segments/fields': () => jsonResponse({ fields: FIELDS }),
    'GET /api/v1/event-types': () => jsonResponse(EVENT_TYPES),
    'GET /api/v1/tag-groups': () => jsonResponse(TAG_GROUPS),
    'GET /api/v1/cities': () => jsonResponse([]),
    'GET /api/v1/staff': () => jsonResponse([]),
    'GET /api/v1/segments': () => jsonResponse([segment()]),
    'GET /api/v1/customer-attributes': () => jsonResponse([]),
    'GET /api/v1/materials': () => jsonResponse({ items: materials(), nextCursor: null }),
    'GET /api/v1/materials/1': () => jsonResponse(materials()[0]),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/wecom/apps/1/groups': () => jsonResponse(CUSTOMER_GROUPS),
    'GET /api/v1/journeys': () => jsonResponse({ items: [journey(), draft()], nextCursor: null }),
    'GET /api/v1/journeys/7': () => jsonResponse(journey()),
    'GET /api/v1/journeys/8': () => jsonResponse(draft()),
    'GET /api/v1/journeys/7/stats': () => jsonResponse(stats()),
    'GET /api/v1/journeys/7/runs': () => jsonResponse({ items: RUNS, nextCursor: null }),
    'GET /api/v1/journey-templates': () => jsonResponse(TEMPLATES),
    'GET /api/v1/staff-tasks': () => jsonResponse({ items: [task()], nextCursor: null }),
    'GET /api/v1/loyalty/coupon-templates': () => jsonResponse(COUPON_TEMPLATES),
    ...routes,
  })
}
