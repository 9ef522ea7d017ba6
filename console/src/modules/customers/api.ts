import { http, requestWithStatus, type CursorPage, type QueryValue } from '@/api/http'
import { PAGE_SIZE } from '@/composables/useCursorList'

export const GENDERS = ['male', 'female', 'unknown'] as const
export type Gender = (typeof GENDERS)[number]

/** 0 = not a member; 1–3 the tiers (银卡 / 金卡 / 钻石 by default). */
export const MEMBER_LEVELS = [0, 1, 2, 3] as const

/** In the order an operator most often has them at hand. */
export const IDENTITY_TYPES = [
  'mobile',
  'wecomExternalUserId',
  'unionid',
  'openid',
  'email',
  'memberNo',
  'externalId',
] as const
export type IdentityType = (typeof IDENTITY_TYPES)[number]

export const CONSENT_CHANNELS = ['wecom', 'sms', 'email', 'phone'] as const
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number]

export const ATTRIBUTE_TYPES = [
  'string',
  'number',
  'date',
  'enum',
  'multi_enum',
  'boolean',
] as const
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]

export const MERGE_RULES = ['unionid', 'mobile', 'link'] as const
export type MergeRule = (typeof MERGE_RULES)[number]

export interface City {
  code: number
  name: string
}

export interface Owner {
  id: number
  name: string
}

/** One row of the customer list. `mobile` is always masked (138****8000). */
export interface CustomerSummary {
  id: number
  name: string
  anonymous: boolean
  gender: Gender
  city?: City | null
  mobile?: string | null
  owner?: Owner | null
  sourceChannel?: string | null
  memberLevel: number
  orderCount: number
  gmv: number
  lastActiveAt?: string | null
  createdAt: string
}

export interface Identity {
  type: IdentityType
  /** Masked when the detail says `identitiesMasked`. */
  value: string
  verified: boolean
  /** The profile the identity was first written to (another one than the survivor after a merge). */
  home: number
  addedAt: string
}

export interface MergeRecord {
  id: number
  survivorId: number
  mergedId: number
  rule: MergeRule
  actor: string
  mergedAt: string
  undoneAt?: string | null
  undoneBy?: string | null
}

export interface ConsentState {
  granted: boolean
  at?: string | null
  by?: string | null
}

export type AttributeValue = string | number | boolean | string[]

export interface CustomerTotals {
  orderCount: number
  gmv: number
  firstPurchaseAt?: string | null
  lastPurchaseAt?: string | null
}

export interface CustomerDetail {
  id: number
  /** The id that was asked for; differs from `id` when that profile was merged into this one. */
  requestedId: number
  name: string
  anonymous: boolean
  gender: Gender
  birthday?: string | null
  city?: City | null
  sourceChannel?: string | null
  owner?: Owner | null
  memberLevel: number
  memberSince?: string | null
  attributes: Record<string, AttributeValue>
  consent: Partial<Record<ConsentChannel, ConsentState>>
  identities: Identity[]
  totals: CustomerTotals
  firstSeenAt?: string | null
  lastActiveAt?: string | null
  createdAt: string
  updatedAt?: string | null
  /** This profile and every profile merged into it. */
  members: number[]
  merges: MergeRecord[]
  identitiesMasked: boolean
}

export interface IdentityInput {
  type: IdentityType
  value: string
  verified?: boolean
}

/** A create or update: absent fields stay as they are, `null` clears one. */
export interface CustomerWrite {
  identities?: IdentityInput[]
  name?: string | null
  gender?: Gender | null
  birthday?: string | null
  city?: number | null
  sourceChannel?: string | null
  ownerId?: number | null
  attributes?: Record<string, AttributeValue | null>
  consent?: Partial<Record<ConsentChannel, boolean>>
}

export interface AttributeDefinition {
  key: string
  label: string
  type: AttributeType
  /** Only for enum and multi_enum. */
  options: string[]
  required: boolean
  position: number
}

/** A customer event as the timeline shows it (GET /customers/{id}/events). */
export interface CustomerEvent {
  eventId: string
  type: string
  occurredAt: string
  properties?: Record<string, unknown> | null
  /** The profile it was recorded for: another one than the page's when that one was merged in. */
  customerId: number
}

export interface OrderLine {
  sku: string
  name: string
  quantity: number
  unitPrice: number
}

export interface OrderPayment {
  paymentNo: string
  amount: number
  method?: string | null
  paidAt: string
}

export interface OrderRefund {
  refundNo: string
  amount: number
  reason?: string | null
  refundedAt: string
}

export interface Order {
  orderNo: string
  status: string
  /** ISO 4217; CNY when absent. */
  currency?: string | null
  totalAmount: number
  paidAmount?: number | null
  refundedAmount?: number | null
  store?: string | null
  channel?: string | null
  placedAt: string
  paidAt?: string | null
  lines: OrderLine[]
  payments?: OrderPayment[]
  refunds?: OrderRefund[]
}

const CUSTOMERS = '/api/v1/customers'
const ATTRIBUTES = '/api/v1/customer-attributes'

export const customersApi = {
  list: (query: Record<string, QueryValue>, cursor: string | null) =>
    http.get<CursorPage<CustomerSummary>>(CUSTOMERS, { ...query, limit: PAGE_SIZE, cursor }),
  /** Customers whose name (or identity) holds `q`: the first `limit`, for a picker. */
  search: (q: string, limit: number, signal?: AbortSignal) =>
    http.get<CursorPage<CustomerSummary>>(CUSTOMERS, { q, limit }, signal),
  get: (id: number, signal?: AbortSignal) =>
    http.get<CustomerDetail>(`${CUSTOMERS}/${id}`, undefined, signal),
  /** Creates the customer, or updates the one its identities already belong to. */
  create: async (customer: CustomerWrite) => {
    const { status, body } = await requestWithStatus<CustomerDetail>(CUSTOMERS, {
      method: 'POST',
      body: customer,
    })
    return { customer: body, created: status === 201 }
  },
  update: (id: number, changes: CustomerWrite) =>
    http.patch<CustomerDetail>(`${CUSTOMERS}/${id}`, changes),
  link: (id: number, customerId: number) =>
    http.post<CustomerDetail>(`${CUSTOMERS}/${id}/links`, { customerId }),
  undoMerge: (mergeId: number) => http.post<MergeRecord>(`/api/v1/customer-merges/${mergeId}/undo`),
  events: (id: number, cursor: string | null) =>
    http.get<CursorPage<CustomerEvent>>(`${CUSTOMERS}/${id}/events`, { limit: PAGE_SIZE, cursor }),
  orders: (id: number, cursor: string | null) =>
    http.get<CursorPage<Order>>(`${CUSTOMERS}/${id}/orders`, { limit: 20, cursor }),
  cities: (signal?: AbortSignal) => http.get<City[]>('/api/v1/cities', undefined, signal),
}

export const attributesApi = {
  list: (signal?: AbortSignal) => http.get<AttributeDefinition[]>(ATTRIBUTES, undefined, signal),
  create: (definition: AttributeDefinition) =>
    http.post<AttributeDefinition>(ATTRIBUTES, definition),
  update: (definition: AttributeDefinition) =>
    http.put<AttributeDefinition>(
      `${ATTRIBUTES}/${encodeURIComponent(definition.key)}`,
      definition,
    ),
  remove: (key: string) => http.delete(`${ATTRIBUTES}/${encodeURIComponent(key)}`),
}
