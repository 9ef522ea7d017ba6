import { http, type CursorPage } from '@/api/http'

/** Seed 001's kinds of tag group: 跟进状态 / 来源 / 属性 / 产品 / 内容 / 活动. */
export const TAG_KINDS = [
  'followUp',
  'source',
  'attribute',
  'product',
  'content',
  'campaign',
] as const
export type TagKind = (typeof TAG_KINDS)[number]

/** manual: by a person; rule: kept by a segment; import: from a file; api: by a machine client; wecom: synced. */
export type TagSource = 'manual' | 'rule' | 'import' | 'api' | 'wecom'

export interface Tag {
  id: number
  groupId: number
  name: string
  /** A staff member's own tag: only its owner sees and uses it. */
  personal: boolean
  ownerId?: number | null
  /** Set for a rule tag: the segment that keeps it current (it cannot be set by hand). */
  segmentId?: number | null
  customerCount: number
  createdAt: string
}

export interface TagGroup {
  id: number
  name: string
  kind: TagKind
  position: number
  tags: Tag[]
}

export interface Person {
  id: number
  name: string
}

/** A tag one customer carries. */
export interface CustomerTag {
  tagId: number
  name: string
  groupId: number
  groupName: string
  kind: TagKind
  personal: boolean
  source: TagSource
  taggedAt: string
  taggedBy?: Person | null
}

export interface TagHistoryEntry {
  tagId: number
  tagName: string
  groupName: string
  action: 'added' | 'removed'
  source: TagSource
  actor?: Person | null
  at: string
}

export interface TagChange {
  add?: number[]
  remove?: number[]
}

/** How many (customer, tag) pairs changed. */
export interface TagChangeResult {
  added: number
  removed: number
  /** Customer ids the caller may not see (or that do not exist): left unchanged. */
  unknown?: number[]
}

/** The most customers one assignment call takes. */
export const MAX_ASSIGNMENT_CUSTOMERS = 10_000
/** The most tags one assignment call adds (or removes). */
export const MAX_ASSIGNMENT_TAGS = 100

export const tagsApi = {
  groups: () => http.get<TagGroup[]>('/api/v1/tag-groups'),
  createGroup: (group: { name: string; kind: TagKind }) =>
    http.post<TagGroup>('/api/v1/tag-groups', group),
  updateGroup: (id: number, group: { name?: string; kind?: TagKind }) =>
    http.patch<TagGroup>(`/api/v1/tag-groups/${id}`, group),
  deleteGroup: (id: number) => http.delete<void>(`/api/v1/tag-groups/${id}`),
  createTag: (tag: { groupId: number; name: string; personal?: boolean }) =>
    http.post<Tag>('/api/v1/tags', tag),
  updateTag: (id: number, tag: { name?: string; groupId?: number }) =>
    http.patch<Tag>(`/api/v1/tags/${id}`, tag),
  deleteTag: (id: number) => http.delete<void>(`/api/v1/tags/${id}`),
  assign: (customerIds: number[], change: TagChange) =>
    http.post<TagChangeResult>('/api/v1/tags/assignments', { customerIds, ...change }),
  customerTags: (customerId: number) =>
    http.get<CustomerTag[]>(`/api/v1/customers/${customerId}/tags`),
  customerHistory: (customerId: number, cursor?: string) =>
    http.get<CursorPage<TagHistoryEntry>>(`/api/v1/customers/${customerId}/tag-history`, {
      limit: 20,
      cursor,
    }),
}
