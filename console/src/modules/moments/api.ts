import { http, type CursorPage } from '@/api/http'

/**
 * scheduled: waiting for its time; creating: being handed to WeCom; created: WeCom made the task
 * and staff publish it from their WeCom; failed: WeCom refused it (`error` says why); cancelled.
 */
export const MOMENT_STATUSES = ['scheduled', 'creating', 'created', 'failed', 'cancelled'] as const
export type MomentStatus = (typeof MOMENT_STATUSES)[number]

/** A 客户朋友圈 task: a post staff members are asked to publish to their customers' 朋友圈. */
export interface Moment {
  id: number
  appId: number
  name: string
  text: string
  materialIds: number[]
  /** WeCom userIds asked to publish it; empty: every staff member who serves customers. */
  staff: string[]
  /** Siyu ids of WeCom corp tags; empty: each staff member's customers all see it. */
  tagIds: number[]
  sendAt: string | null
  status: MomentStatus
  error: string | null
  /** WeCom's id of the post, once it made the task. */
  momentId: string | null
  createdBy: string | null
  createdAt: string
  counts: {
    /** Staff members asked to publish it. */
    staff: number
    /** Of them, those who did. */
    published: number
    /** Customers who can see it. */
    customers: number
  }
}

/** One staff member asked to publish a post: whether they did, and how many customers see it. */
export interface MomentStaff {
  userId: string
  name: string
  published: boolean
  publishedAt: string | null
  /** Their customers who can see it. */
  customers: number
}

export interface MomentDetail {
  moment: Moment
  staff: MomentStaff[]
}

export interface MomentInput {
  appId: number
  name: string
  text: string
  materialIds: number[]
  staff: string[]
  tagIds: number[]
  /** Null: now. */
  sendAt: string | null
}

const BASE = '/api/v1/moments'

export const momentsApi = {
  list: (cursor: string | null) => http.get<CursorPage<Moment>>(BASE, { limit: 20, cursor }),
  get: (id: number, signal?: AbortSignal) =>
    http.get<MomentDetail>(`${BASE}/${id}`, undefined, signal),
  create: (body: MomentInput) => http.post<Moment>(BASE, body),
  cancel: (id: number) => http.post<Moment>(`${BASE}/${id}/cancel`),
}
