import { http, type CursorPage } from '@/api/http'
import type { Gender } from '@/modules/customers/api'
import type { RuleJson } from './rule'

/** How a field's values compare, and so which operators and which value input fit it. */
export const FIELD_KINDS = [
  'category',
  'textCategory',
  'boolean',
  'number',
  'money',
  'decimal',
  'date',
  'multi',
  'text',
  /** A layering (RFM group, lifecycle stage): its levels, one per customer. */
  'layer',
] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

export const OPS = [
  'eq',
  'neq',
  'in',
  'notIn',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'all',
  'isSet',
  'isNotSet',
] as const
export type Op = (typeof OPS)[number]

/** A value customers carry now, with how many carry it (for fields with few values). */
export interface FieldValue {
  value: string | number | boolean
  label: string
  count: number
}

/** A field a rule can test, labelled by the server in the UI language. */
export interface SegmentField {
  /** `gender`, `gmv`, or `attributes.<key>` for a custom attribute. */
  key: string
  label: string
  kind: FieldKind | string
  ops: Op[]
  values: FieldValue[]
}

/** One of the first members of a rule or a segment. */
export interface MemberRow {
  id: number
  name: string
  gender: Gender | string
  /** A city code (see GET /api/v1/cities). */
  city?: number | null
  memberLevel: number
  orderCount: number
  /** Yuan. */
  gmv: number | string
  lastActiveAt?: string | null
}

export interface Evaluation {
  count: number
  /** Every live customer of the tenant. */
  total: number
  /** Part of the rule was answered by the database rather than the in-memory index. */
  usedSql: boolean
  tookMs: number
  preview: MemberRow[]
}

export interface Segment {
  id: number
  name: string
  description?: string | null
  rule: RuleJson
  /** The tag the segment keeps equal to its members (a "rule tag"). */
  tagId?: number | null
  size?: number | null
  usesSql?: boolean | null
  createdAt: string
  updatedAt?: string | null
  evaluatedAt?: string | null
  createdBy?: { id: number; name: string } | null
}

export interface SegmentWrite {
  name: string
  description?: string
  rule: RuleJson
  tagId?: number | null
}

/** One day of a segment's history. */
export interface SizePoint {
  /** A calendar date in the tenant's time zone. */
  day: string
  size: number
  entered: number
  exited: number
}

export interface TagEveryoneResult {
  customers: number
  added: number
  removed: number
}

const SEGMENTS = '/api/v1/segments'

export const segmentsApi = {
  fields: (signal?: AbortSignal) =>
    http.get<{ fields: SegmentField[] }>(`${SEGMENTS}/fields`, undefined, signal),
  evaluate: (rule: RuleJson, preview: number, signal?: AbortSignal) =>
    http.post<Evaluation>(`${SEGMENTS}/evaluate`, { rule, preview }, { signal }),
  list: () => http.get<Segment[]>(SEGMENTS),
  get: (id: number, signal?: AbortSignal) =>
    http.get<Segment>(`${SEGMENTS}/${id}`, undefined, signal),
  create: (segment: SegmentWrite) => http.post<Segment>(SEGMENTS, segment),
  update: (id: number, segment: SegmentWrite) => http.put<Segment>(`${SEGMENTS}/${id}`, segment),
  remove: (id: number) => http.delete(`${SEGMENTS}/${id}`),
  members: (id: number, cursor: string | null) =>
    http.get<CursorPage<MemberRow>>(`${SEGMENTS}/${id}/members`, { limit: 20, cursor }),
  sizes: (id: number, days: number, signal?: AbortSignal) =>
    http.get<SizePoint[]>(`${SEGMENTS}/${id}/sizes`, { days }, signal),
  tagEveryone: (id: number, change: { add: number[]; remove: number[] }) =>
    http.post<TagEveryoneResult>(`${SEGMENTS}/${id}/tags`, change),
}
