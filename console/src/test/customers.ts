import type { AttributeDefinition, CustomerDetail, CustomerSummary } from '@/modules/customers/api'

export function summary(overrides: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    id: 20001,
    name: '林晓雯',
    anonymous: false,
    gender: 'female',
    city: { code: 1, name: '上海' },
    mobile: '137****1111',
    owner: { id: 1, name: '王经理' },
    sourceChannel: '企微扫码',
    memberLevel: 2,
    orderCount: 3,
    gmv: 1234.5,
    lastActiveAt: '2026-11-20T02:00:00Z',
    createdAt: '2026-01-01T02:00:00Z',
    ...overrides,
  }
}

export function detail(overrides: Partial<CustomerDetail> = {}): CustomerDetail {
  return {
    id: 20001,
    requestedId: 20001,
    name: '林晓雯',
    anonymous: false,
    gender: 'female',
    birthday: '1992-03-08',
    city: { code: 1, name: '上海' },
    sourceChannel: '企微扫码',
    owner: { id: 1, name: '王经理' },
    memberLevel: 2,
    memberSince: '2025-08-19',
    attributes: { skinType: ['干性', '敏感'], budget: 800 },
    consent: { wecom: { granted: true, at: '2026-11-01T02:00:00Z', by: 'admin' } },
    identities: [
      {
        type: 'mobile',
        value: '13700001111',
        verified: true,
        home: 20001,
        addedAt: '2026-01-01T02:00:00Z',
      },
      {
        type: 'unionid',
        value: 'oXyZ1a2B3c4D5e6F',
        verified: false,
        home: 20002,
        addedAt: '2026-02-01T02:00:00Z',
      },
    ],
    totals: {
      orderCount: 3,
      gmv: 4369.8,
      firstPurchaseAt: '2026-02-01T00:00:00Z',
      lastPurchaseAt: '2026-09-19T13:16:00Z',
    },
    firstSeenAt: '2026-01-01T02:00:00Z',
    lastActiveAt: '2026-11-20T02:00:00Z',
    createdAt: '2026-01-01T02:00:00Z',
    updatedAt: null,
    members: [20001, 20002],
    merges: [
      {
        id: 7,
        survivorId: 20001,
        mergedId: 20002,
        rule: 'unionid',
        actor: 'admin',
        mergedAt: '2026-02-01T02:00:00Z',
      },
    ],
    identitiesMasked: false,
    ...overrides,
  }
}

export const ATTRIBUTES: AttributeDefinition[] = [
  {
    key: 'skinType',
    label: '肤质',
    type: 'multi_enum',
    options: ['干性', '油性', '敏感'],
    required: false,
    position: 1,
  },
  {
    key: 'store',
    label: '偏好门店',
    type: 'enum',
    options: ['上海静安店', '杭州西湖店'],
    required: true,
    position: 2,
  },
  { key: 'budget', label: '月均预算', type: 'number', options: [], required: false, position: 3 },
]

export const CITIES = [
  { code: 0, name: '北京' },
  { code: 1, name: '上海' },
  { code: 5, name: '杭州' },
]
