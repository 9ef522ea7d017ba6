import type { EventTypeInfo } from '@/modules/events/api'
import type {
  Evaluation,
  MemberRow,
  Segment,
  SegmentField,
  SizePoint,
} from '@/modules/segments/api'
import type { TagGroup } from '@/modules/tags/api'
import { CITIES } from './customers'
import { jsonResponse, problemResponse, stubFetch, type Route } from './http'
import { me } from './session'

const NUMBER_OPS: SegmentField['ops'] = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'isSet',
  'isNotSet',
]
const CATEGORY_OPS: SegmentField['ops'] = ['eq', 'neq', 'in', 'notIn', 'isSet', 'isNotSet']

/** GET /api/v1/segments/fields as the server answers in Chinese (a few of the fields). */
export const FIELDS: SegmentField[] = [
  {
    key: 'gender',
    label: '性别',
    kind: 'category',
    ops: CATEGORY_OPS,
    values: [
      { value: 'male', label: '男', count: 10022 },
      { value: 'female', label: '女', count: 9978 },
    ],
  },
  {
    key: 'city',
    label: '城市',
    kind: 'category',
    ops: CATEGORY_OPS,
    values: [{ value: 1, label: '上海', count: 88 }],
  },
  {
    key: 'ownerId',
    label: '归属员工',
    kind: 'category',
    ops: CATEGORY_OPS,
    values: [{ value: 9, label: '9', count: 571 }],
  },
  { key: 'memberSince', label: '入会日期', kind: 'date', ops: NUMBER_OPS, values: [] },
  { key: 'orderCount', label: '订单数', kind: 'number', ops: NUMBER_OPS, values: [] },
  { key: 'gmv', label: '累计消费（元）', kind: 'money', ops: NUMBER_OPS, values: [] },
  {
    key: 'name',
    label: '姓名',
    kind: 'text',
    ops: ['eq', 'neq', 'contains', 'isSet', 'isNotSet'],
    values: [],
  },
  {
    key: 'attributes.skinType',
    label: '肤质',
    kind: 'multi',
    ops: ['in', 'notIn', 'all', 'isSet', 'isNotSet'],
    values: [{ value: '敏感', label: '敏感', count: 5284 }],
  },
  {
    key: 'layers.lifecycle',
    label: '生命周期',
    kind: 'layer',
    ops: ['eq', 'in', 'neq', 'notIn'],
    values: [
      { value: 'new', label: '新客', count: 838 },
      { value: 'active', label: '活跃', count: 11006 },
    ],
  },
]

const eventType = (name: string, displayName: string, code: number): EventTypeInfo => ({
  name,
  code,
  builtIn: true,
  displayName,
  properties: [],
  last30Days: 0,
  daily: [],
})

export const EVENT_TYPES: EventTypeInfo[] = [
  eventType('view', '浏览', 0),
  eventType('favorite', '收藏', 1),
  {
    ...eventType('purchase', '购买', 3),
    properties: [
      { name: 'amount', kind: 'number', required: true, values: [] },
      { name: 'channel', kind: 'string', required: false, values: ['live', 'store'] },
    ],
  },
]

export const TAG_GROUPS: TagGroup[] = [
  {
    id: 1,
    name: '跟进状态',
    kind: 'followUp',
    position: 1,
    tags: [
      {
        id: 3,
        groupId: 1,
        name: '高意向',
        personal: false,
        customerCount: 120,
        createdAt: '2026-11-01T00:00:00Z',
      },
      {
        id: 7,
        groupId: 1,
        name: '已流失',
        personal: false,
        customerCount: 40,
        createdAt: '2026-11-01T00:00:00Z',
      },
      {
        id: 9,
        groupId: 1,
        name: '女性会员',
        personal: false,
        segmentId: 5,
        customerCount: 5624,
        createdAt: '2026-11-01T00:00:00Z',
      },
    ],
  },
]

export function member(overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    id: 20001,
    name: '林晓雯',
    gender: 'female',
    city: 1,
    memberLevel: 2,
    orderCount: 3,
    gmv: 1234.5,
    lastActiveAt: '2026-11-20T02:00:00Z',
    ...overrides,
  }
}

export function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    count: 5624,
    total: 20000,
    usedSql: false,
    tookMs: 7.9,
    preview: [member(), member({ id: 20005, name: '肖宇霞', city: 0, gmv: 776 })],
    ...overrides,
  }
}

export function segment(overrides: Partial<Segment> = {}): Segment {
  return {
    id: 5,
    name: '近 30 天收藏的女性',
    description: '给女性会员推送新品',
    rule: {
      and: [
        { attribute: 'gender', op: 'eq', value: 'female' },
        { event: { type: 'favorite', lastDays: 30 } },
      ],
    },
    tagId: 9,
    size: 5624,
    usesSql: false,
    createdAt: '2026-11-01T02:00:00Z',
    updatedAt: '2026-11-28T02:00:00Z',
    evaluatedAt: '2026-11-29T18:00:00Z',
    createdBy: { id: 1, name: '王经理' },
    ...overrides,
  }
}

export const SIZES: SizePoint[] = [
  { day: '2026-11-27', size: 5500, entered: 0, exited: 0 },
  { day: '2026-11-28', size: 5600, entered: 130, exited: 30 },
  { day: '2026-11-29', size: 5624, entered: 40, exited: 16 },
]

/** The server for the segment pages; `extra` adds or replaces routes. */
export function stubSegmentServer(extra: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/segments/fields': () => jsonResponse({ fields: FIELDS }),
    'GET /api/v1/event-types': () => jsonResponse(EVENT_TYPES),
    'GET /api/v1/tag-groups': () => jsonResponse(TAG_GROUPS),
    'GET /api/v1/cities': () => jsonResponse(CITIES),
    'GET /api/v1/staff': () => jsonResponse([{ id: 9, displayName: '李店长', role: 'staff' }]),
    'POST /api/v1/segments/evaluate': () => jsonResponse(evaluation()),
    'GET /api/v1/segments': () => jsonResponse([segment()]),
    'GET /api/v1/segments/5': () => jsonResponse(segment()),
    'GET /api/v1/segments/5/sizes': () => jsonResponse(SIZES),
    'GET /api/v1/segments/5/members': () => jsonResponse({ items: [member()], nextCursor: 'next' }),
    'GET /api/v1/segments/404': () => problemResponse(404, { detail: '人群不存在' }),
    ...extra,
  })
}

/** The JSON bodies of the calls to one method and path. */
export async function bodies(calls: Request[], method: string, path: string): Promise<unknown[]> {
  const found = calls.filter((c) => c.method === method && new URL(c.url).pathname === path)
  return Promise.all(found.map((c) => c.clone().json() as Promise<unknown>))
}
