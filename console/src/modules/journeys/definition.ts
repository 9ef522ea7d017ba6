/**
 * A journey's definition as the editor keeps it: the JSON of the API (see docs/api.md, Journeys),
 * read defensively (a draft may hold anything that is JSON) and changed in place by the editor's
 * operations below. Fields the editor does not know are kept as they are.
 */
import type { RuleJson } from '@/modules/segments/rule'
import type { MessagePriority } from '@/modules/mass-sends/api'

export const TRIGGER_TYPES = [
  'event',
  'segment_enter',
  'segment_exit',
  'tag_added',
  'tag_removed',
  'date',
  'schedule',
] as const
export type TriggerType = (typeof TRIGGER_TYPES)[number]

/** How an event trigger or a wait_event step compares one property of the event. */
export const WHERE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains'] as const
export type WhereOp = (typeof WHERE_OPS)[number]

export interface WhereClause {
  property: string
  op: WhereOp
  value: string | number | boolean | null
}

export const SCHEDULE_EVERY = ['once', 'day', 'week', 'month'] as const
export type ScheduleEvery = (typeof SCHEDULE_EVERY)[number]

/** Who enters: each type uses some of the fields (the server checks them when publishing). */
export interface Trigger {
  type: TriggerType | string
  segmentId?: number | null
  eventType?: string | null
  where?: WhereClause[]
  tagId?: number | null
  /** date: the profile date it counts from (only `birthday` for now). */
  field?: string
  daysBefore?: number | null
  /** HH:mm in the tenant's time zone. */
  at?: string | null
  every?: ScheduleEvery | string
  /** schedule once: YYYY-MM-DD in the tenant's time zone. */
  date?: string | null
  /** 1 (Monday) … 7 (Sunday). */
  weekdays?: number[]
  monthDays?: number[]
}

export const STEP_TYPES = [
  'message',
  'group_message',
  'moment',
  'wait',
  'wait_until',
  'wait_event',
  'condition',
  'split',
  'tag',
  'attribute',
  'reward',
  'webhook',
  'task',
  'exit',
] as const
export type StepType = (typeof STEP_TYPES)[number]

/** Steps that carry a text and materials, written beside a phone that shows them. */
export const CONTENT_TYPES: readonly string[] = ['message', 'group_message', 'moment']

/** Steps that send a customer one of several ways. */
export const BRANCHING_TYPES: readonly string[] = ['condition', 'wait_event', 'split']

export interface SplitBranch {
  percent: number | null
  next: string | null
}

/**
 * One step. Every step has `id`, `type`, an optional `name` and `next` (null: the journey ends);
 * the other fields belong to some types only. Loose on purpose: a draft is saved as it is.
 */
export interface Step {
  id: string
  type: StepType | string
  name?: string | null
  next?: string | null
  /** wait: ISO-8601, 1 minute to 365 days. */
  duration?: string | null
  /** wait_until: HH:mm in the tenant's time zone, on some weekdays (none: any day). */
  time?: string | null
  weekdays?: number[]
  /** wait_event */
  eventType?: string | null
  where?: WhereClause[]
  timeout?: string | null
  /** wait_event: timed out; condition: the rule is not met. */
  elseNext?: string | null
  /** condition: a segment rule. */
  rule?: RuleJson
  branches?: SplitBranch[]
  /** message, group_message, moment: null (or absent) is the tenant's only WeCom app. */
  appId?: number | null
  /** message, group_message, moment; a moment takes ≤ 9 images, or one video, or one link. */
  text?: string
  materialIds?: number[]
  /** group_message: the customer groups (none: every group of the app). */
  chatIds?: string[]
  /** group_message: the owners who send (none: all); moment: who is asked to post (none: all). */
  staff?: string[]
  /** moment: the customers who see it, by tag (none: every customer of the staff). */
  tagIds?: number[]
  /** low, normal (absent) or high: a message counts against the caps only those of its priority or higher. */
  priority?: MessagePriority
  /** tag */
  add?: number[]
  remove?: number[]
  /** attribute */
  key?: string | null
  value?: unknown
  /** reward */
  kind?: 'points' | 'coupon' | string
  amount?: number | null
  couponId?: string | null
  /** webhook: https only. */
  url?: string | null
  /** task */
  title?: string | null
  description?: string | null
  dueIn?: string | null
}

export interface Goal {
  eventType: string | null
  windowDays: number | null
  exitOnGoal: boolean
}

export interface ExitRule {
  eventType: string | null
  segmentId: number | null
}

export type Entry = 'once' | 'again'

export interface Definition {
  trigger: Trigger | null
  entry: Entry
  start: string | null
  steps: Step[]
  goal: Goal | null
  exit: ExitRule
  /** Ignored by the server; the editor keeps its own state here. */
  layout: Record<string, unknown>
  [other: string]: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const idOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null

/** The definition of a draft as the editor works with it; anything unreadable becomes empty. */
export function normalize(raw: unknown): Definition {
  const source = isRecord(raw) ? raw : {}
  const taken = new Set<string>()
  const steps: Step[] = []
  for (const item of Array.isArray(source.steps) ? source.steps : []) {
    if (!isRecord(item)) continue
    let id = idOrNull(item.id)
    // Two steps with one id cannot both be pointed at; the second gets its own.
    if (id === null || taken.has(id)) id = freshId(taken, String(item.type ?? 'step'))
    taken.add(id)
    steps.push({ ...item, id, type: String(item.type ?? '') } as Step)
  }
  const exit = isRecord(source.exit) ? source.exit : {}
  return {
    ...source,
    trigger: isRecord(source.trigger) ? (source.trigger as unknown as Trigger) : null,
    entry: source.entry === 'again' ? 'again' : 'once',
    start: idOrNull(source.start),
    steps,
    goal: isRecord(source.goal) ? (source.goal as unknown as Goal) : null,
    exit: {
      ...exit,
      eventType: idOrNull(exit.eventType),
      segmentId: typeof exit.segmentId === 'number' ? exit.segmentId : null,
    },
    layout: isRecord(source.layout) ? source.layout : {},
  }
}

export function emptyDefinition(): Definition {
  return normalize({})
}

// ---- triggers ----

/** A trigger of the type with its fields empty or at their usual values. */
export function newTrigger(type: TriggerType | string): Trigger {
  switch (type) {
    case 'segment_enter':
    case 'segment_exit':
      return { type, segmentId: null }
    case 'event':
      return { type, eventType: null, where: [] }
    case 'tag_added':
    case 'tag_removed':
      return { type, tagId: null }
    case 'date':
      return { type, field: 'birthday', daysBefore: 0, at: '10:00' }
    case 'schedule':
      return { type, every: 'day', at: '10:00', segmentId: null }
    default:
      return { type }
  }
}

/** A schedule trigger keeps only the fields of its `every`. */
export function setScheduleEvery(trigger: Trigger, every: ScheduleEvery): void {
  trigger.every = every
  if (every === 'once') trigger.date ??= null
  else delete trigger.date
  if (every === 'week') trigger.weekdays ??= [1]
  else delete trigger.weekdays
  if (every === 'month') trigger.monthDays ??= [1]
  else delete trigger.monthDays
}

// ---- steps ----

export const isBranching = (step: Pick<Step, 'type'>) => BRANCHING_TYPES.includes(step.type)

export const carriesContent = (step: Pick<Step, 'type'>) => CONTENT_TYPES.includes(step.type)

/** Where an edge starts: a step's `next`, `elseNext` or a split's branch; `from: null` is the start. */
export type Slot = 'next' | 'elseNext' | `branches.${number}`

export interface Edge {
  from: string | null
  slot: Slot
}

export const START: Edge = { from: null, slot: 'next' }

export interface Outgoing {
  slot: Slot
  target: string | null
}

/** The ways out of a step, in the order they are drawn. */
export function outgoing(step: Step): Outgoing[] {
  switch (step.type) {
    case 'exit':
      return []
    case 'split':
      return (step.branches ?? []).map((branch, i) => ({
        slot: `branches.${i}` as Slot,
        target: idOrNull(branch?.next),
      }))
    case 'condition':
    case 'wait_event':
      return [
        { slot: 'next', target: idOrNull(step.next) },
        { slot: 'elseNext', target: idOrNull(step.elseNext) },
      ]
    default:
      return [{ slot: 'next', target: idOrNull(step.next) }]
  }
}

export const findStep = (definition: Definition, id: string | null) =>
  id === null ? undefined : definition.steps.find((step) => step.id === id)

export function targetOf(definition: Definition, edge: Edge): string | null {
  if (edge.from === null) return definition.start
  const step = findStep(definition, edge.from)
  if (!step) return null
  return outgoing(step).find((out) => out.slot === edge.slot)?.target ?? null
}

function setSlot(step: Step, slot: Slot, target: string | null): void {
  if (slot === 'next' || slot === 'elseNext') {
    step[slot] = target
    return
  }
  const branch = step.branches?.[Number(slot.slice('branches.'.length))]
  if (branch) branch.next = target
}

export function setTarget(definition: Definition, edge: Edge, target: string | null): void {
  if (edge.from === null) {
    definition.start = target
    return
  }
  const step = findStep(definition, edge.from)
  if (step) setSlot(step, edge.slot, target)
}

/** `message_1`, `wait_2`: the type and the smallest number not taken. */
function freshId(taken: ReadonlySet<string>, type: string): string {
  const base = type.replace(/[^A-Za-z0-9_]/g, '') || 'step'
  for (let n = 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`
}

export function nextStepId(definition: Definition, type: string): string {
  return freshId(new Set(definition.steps.map((step) => step.id)), type)
}

/** A new step of the type whose main way out leads to `next`. */
/** What a new group send or 朋友圈 step starts with: the only app, nothing written, everyone. */
const sharedStep = (id: string, type: StepType, next: string | null): Step => ({
  id,
  type,
  name: '',
  appId: null,
  text: '',
  materialIds: [],
  staff: [],
  next,
})

export function newStep(type: StepType, id: string, next: string | null): Step {
  switch (type) {
    case 'wait':
      return { id, type, name: '', duration: 'P1D', next }
    case 'wait_until':
      return { id, type, name: '', time: '10:00', weekdays: [], next }
    case 'wait_event':
      return {
        id,
        type,
        name: '',
        eventType: null,
        where: [],
        timeout: 'P1D',
        next,
        elseNext: null,
      }
    case 'condition':
      return { id, type, name: '', rule: { and: [] }, next, elseNext: null }
    case 'split':
      return {
        id,
        type,
        name: '',
        branches: [
          { percent: 50, next },
          { percent: 50, next: null },
        ],
      }
    case 'message':
      return { id, type, name: '', text: '', materialIds: [], next }
    case 'group_message':
      return { ...sharedStep(id, type, next), chatIds: [] }
    case 'moment':
      return { ...sharedStep(id, type, next), tagIds: [] }
    case 'tag':
      return { id, type, name: '', add: [], remove: [], next }
    case 'attribute':
      return { id, type, name: '', key: null, value: null, next }
    case 'reward':
      return { id, type, name: '', kind: 'points', amount: 10, couponId: null, next }
    case 'webhook':
      return { id, type, name: '', url: '', next }
    case 'task':
      return { id, type, name: '', title: '', description: '', dueIn: 'P1D', next }
    case 'exit':
      return { id, type, name: '', next: null }
  }
}

/** Changes the app a step goes through: staff and groups picked in another app are not this one's. */
export function setStepApp(step: Step, appId: number | null): void {
  if (appId === (step.appId ?? null)) return
  step.appId = appId
  if (step.staff) step.staff = []
  if (step.chatIds) step.chatIds = []
}

/**
 * Puts a new step on an edge: the edge leads to it, and its main way out (a condition's 是, a
 * wait_event's 发生了, a split's first branch) leads where the edge led. An exit step ends there,
 * so it only goes where nothing follows. Answers the new step, or null when it cannot go there.
 */
export function insertStep(definition: Definition, edge: Edge, type: StepType): Step | null {
  const target = targetOf(definition, edge)
  if (type === 'exit' && target !== null) return null
  const step = newStep(type, nextStepId(definition, type), target)
  // Next to the step it follows, so that the JSON reads in order.
  const after = edge.from === null ? -1 : definition.steps.findIndex((s) => s.id === edge.from)
  definition.steps.splice(after + 1, 0, step)
  setTarget(definition, edge, step.id)
  return step
}

/** Every step the trigger can lead a customer to. */
export function reachable(definition: Definition): Set<string> {
  const ids = new Set(definition.steps.map((step) => step.id))
  const seen = new Set<string>()
  const queue = definition.start !== null ? [definition.start] : []
  while (queue.length > 0) {
    const id = queue.shift()!
    if (seen.has(id) || !ids.has(id)) continue
    seen.add(id)
    for (const out of outgoing(findStep(definition, id)!)) if (out.target) queue.push(out.target)
  }
  return seen
}

/**
 * Takes out the steps that an edit has cut off (they were reachable before it and are not now),
 * with every way that led to them; answers their ids.
 */
function pruneCutOff(definition: Definition, before: ReadonlySet<string>): string[] {
  const after = reachable(definition)
  const cut = definition.steps.filter((s) => before.has(s.id) && !after.has(s.id)).map((s) => s.id)
  if (cut.length === 0) return []
  const gone = new Set(cut)
  definition.steps = definition.steps.filter((step) => !gone.has(step.id))
  for (const step of definition.steps)
    for (const out of outgoing(step))
      if (out.target && gone.has(out.target)) setSlot(step, out.slot, null)
  return cut
}

/** Where a step's customers go once it is gone: its main way out. */
function continuation(step: Step): string | null {
  const target = outgoing(step)[0]?.target ?? null
  return target === step.id ? null : target
}

/** The steps that would go with this one: those only its other ways out lead to. */
export function removalCascade(definition: Definition, id: string): string[] {
  const copy = normalize(JSON.parse(JSON.stringify(definition)))
  return removeStep(copy, id).slice(1)
}

/**
 * Deletes a step: whatever led to it leads to its main way out instead. Steps reachable only
 * through its other ways out (a condition's 否 branch) go with it. Answers the ids deleted, the
 * step's first.
 */
export function removeStep(definition: Definition, id: string): string[] {
  const step = findStep(definition, id)
  if (!step) return []
  const before = reachable(definition)
  const to = continuation(step)
  if (definition.start === id) definition.start = to
  definition.steps = definition.steps.filter((s) => s.id !== id)
  for (const other of definition.steps)
    for (const out of outgoing(other)) if (out.target === id) setSlot(other, out.slot, to)
  const cut = pruneCutOff(definition, before)
  forgetLayout(definition, [id, ...cut])
  return [id, ...cut]
}

/** Adds a split branch that ends the journey; the percentages are the operator's to fix. */
export function addBranch(step: Step): void {
  step.branches = [...(step.branches ?? []), { percent: 0, next: null }]
}

/** Removes a split branch and the steps only it led to; answers their ids. */
export function removeBranch(definition: Definition, step: Step, index: number): string[] {
  const before = reachable(definition)
  step.branches = (step.branches ?? []).filter((_, i) => i !== index)
  const cut = pruneCutOff(definition, before)
  forgetLayout(definition, cut)
  return cut
}

/** Percentages that add up to 100 as evenly as whole numbers allow (the first ones get the rest). */
export function evenPercents(count: number): number[] {
  if (count <= 0) return []
  const base = Math.floor(100 / count)
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0))
}

export function percentTotal(step: Step): number {
  return (step.branches ?? []).reduce((sum, b) => sum + (Number(b.percent) || 0), 0)
}

/** The editor's state about deleted steps has no use any more. */
function forgetLayout(definition: Definition, ids: readonly string[]): void {
  const collapsed = definition.layout.collapsed
  if (Array.isArray(collapsed))
    definition.layout.collapsed = collapsed.filter((id) => !ids.includes(id as string))
}

/** Whether a branching step's branches are folded away in the editor (kept in `layout`). */
export function isCollapsed(definition: Definition, id: string): boolean {
  const collapsed = definition.layout.collapsed
  return Array.isArray(collapsed) && collapsed.includes(id)
}

export function toggleCollapsed(definition: Definition, id: string): void {
  const collapsed = Array.isArray(definition.layout.collapsed)
    ? (definition.layout.collapsed as string[])
    : []
  definition.layout.collapsed = collapsed.includes(id)
    ? collapsed.filter((other) => other !== id)
    : [...collapsed, id]
}

/** The definition as it is saved: a plain copy without Vue's proxies. */
export function toJson(definition: Definition): Record<string, unknown> {
  return JSON.parse(JSON.stringify(definition)) as Record<string, unknown>
}

/** The steps that would go with a split's branch (those only it leads to). */
export function branchCascade(definition: Definition, stepId: string, index: number): string[] {
  const copy = normalize(JSON.parse(JSON.stringify(definition)))
  const step = findStep(copy, stepId)
  return step ? removeBranch(copy, step, index) : []
}
