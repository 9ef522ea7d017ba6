import { http, type CursorPage } from '@/api/http'
import type { FieldError } from '@/api/problem'

/**
 * draft: never published; active: customers enter and move on; paused: entries and steps held
 * (due steps run on resume); stopped: ended, with every run in it.
 */
export const JOURNEY_STATUSES = ['draft', 'active', 'paused', 'stopped'] as const
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number]

export interface JourneyVersion {
  version: number
  publishedAt: string
  /** Who published it: a name, or the account as {id, name}. */
  publishedBy?: string | { id?: number; name?: string | null } | null
}

export interface JourneySummary {
  entered: number
  active: number
  converted: number
}

export interface Journey {
  id: number
  name: string
  description?: string | null
  status: JourneyStatus
  /** The newest published version; null before the first publish. */
  version: number | null
  /** The draft (any JSON the console saved). */
  definition?: unknown
  /** The draft differs from the newest version. */
  changed: boolean
  versions: JourneyVersion[]
  createdBy?: string | null
  createdAt: string
  updatedAt: string
  summary: JourneySummary
  /** The key webhook steps sign their calls with; only for accounts that may change journeys. */
  webhookSecret?: string | null
}

export interface JourneyInput {
  name: string
  description?: string | null
  definition?: unknown
}

export interface JourneyTemplate {
  key: string
  name: string
  description: string
  definition: unknown
}

export const RUN_STATES = ['active', 'waiting', 'done', 'exited', 'failed'] as const
export type RunState = (typeof RUN_STATES)[number]

export interface StatTotals {
  entered: number
  active: number
  waiting: number
  done: number
  exited: number
  converted: number
  failed: number
}

/** How many customers reached a step (of one version) and where they are now. */
export interface StepStats {
  id: string
  /** Null when the figures are of every version together. */
  version?: number | null
  type: string
  name?: string | null
  entered: number
  waiting: number
  done: number
  exited: number
  failed: number
  converted: number
  /**
   * What the step handed on, by outcome: a message step's customers (messaging's statuses, and
   * `waiting` for those not handed over yet), a group message step's `sends` and their groups (by
   * messaging's group statuses), a moment step's `posts`, `staff`, `published` and `customers`, a
   * task step's `tasks`, a webhook step's calls.
   */
  effects?: Record<string, number>
}

export interface HourPoint {
  /** The hour's start, UTC. */
  at: string
  entered: number
  converted: number
}

export interface JourneyStats {
  totals: StatTotals
  steps: StepStats[]
  /** The last 48 hours. */
  hourly: HourPoint[]
}

/** One customer's way through a journey. */
export interface JourneyRun {
  id: number | string
  customerId: number
  customerName?: string | null
  version: number
  /** The step they are at, or ended at. */
  step?: string | null
  state: RunState
  enteredAt: string
  endedAt?: string | null
  convertedAt?: string | null
  /** Why an exited run ended: step (an exit step), segment, event, goal, stopped. */
  exitReason?: string | null
  error?: string | null
}

export interface RunFilter {
  state: RunState | null
  step: string | null
}

/** One step a customer passed, and what came of it. */
export interface PathStep {
  step: string
  type: string
  name?: string | null
  outcome: string
  at: string
  detail?: string | null
}

export interface CustomerJourney {
  journeyId: number
  name: string
  runId: number | string
  version: number
  state: RunState
  /** The step the customer is at, or ended at. */
  step?: string | null
  enteredAt: string
  endedAt?: string | null
  convertedAt?: string | null
  steps: PathStep[]
}

export const TASK_STATUSES = ['open', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** A task a journey's `task` step gave a customer's staff member. */
export interface StaffTask {
  id: number
  title: string
  description?: string | null
  status: TaskStatus
  dueAt?: string | null
  createdAt: string
  doneAt?: string | null
  doneBy?: string | null
  customerId?: number | null
  customerName?: string | null
  /** The WeCom userId of the staff member it is for. */
  userId?: string | null
  journeyId?: number | null
}

/** The list answers a page; an answer that is a bare array is read as the only page. */
function asPage<T>(body: CursorPage<T> | T[]): CursorPage<T> {
  return Array.isArray(body) ? { items: body, nextCursor: null } : body
}

const BASE = '/api/v1/journeys'

export const journeysApi = {
  list: (cursor: string | null, limit = 50) =>
    http.get<CursorPage<Journey> | Journey[]>(BASE, { limit, cursor }).then(asPage),
  get: (id: number, signal?: AbortSignal) => http.get<Journey>(`${BASE}/${id}`, undefined, signal),
  create: (body: JourneyInput | { name: string; template: string }) =>
    http.post<Journey>(BASE, body),
  save: (id: number, body: JourneyInput) => http.put<Journey>(`${BASE}/${id}`, body),
  remove: (id: number) => http.delete(`${BASE}/${id}`),
  /** Checks the saved draft as publishing would. */
  validate: (id: number) => http.post<{ problems: FieldError[] }>(`${BASE}/${id}/validate`),
  publish: (id: number) => http.post<Journey>(`${BASE}/${id}/publish`),
  pause: (id: number) => http.post<Journey>(`${BASE}/${id}/pause`),
  resume: (id: number) => http.post<Journey>(`${BASE}/${id}/resume`),
  stop: (id: number) => http.post<Journey>(`${BASE}/${id}/stop`),
  stats: (id: number, version: number | null, signal?: AbortSignal) =>
    http.get<JourneyStats>(`${BASE}/${id}/stats`, { version }, signal),
  runs: (id: number, filter: RunFilter, cursor: string | null) =>
    http
      .get<CursorPage<JourneyRun> | JourneyRun[]>(`${BASE}/${id}/runs`, {
        state: filter.state,
        step: filter.step,
        limit: 50,
        cursor,
      })
      .then(asPage),
  templates: () => http.get<JourneyTemplate[]>('/api/v1/journey-templates'),
  ofCustomer: (customerId: number, signal?: AbortSignal) =>
    http.get<CustomerJourney[]>(`/api/v1/customers/${customerId}/journeys`, undefined, signal),
}

export const staffTasksApi = {
  list: (status: TaskStatus | null, cursor: string | null) =>
    http
      .get<CursorPage<StaffTask> | StaffTask[]>('/api/v1/staff-tasks', {
        status,
        limit: 50,
        cursor,
      })
      .then(asPage),
  done: (id: number) => http.post<StaffTask | undefined>(`/api/v1/staff-tasks/${id}/done`),
}
