/**
 * Triggers and steps in words, for the flow chart's nodes: "进入人群「高价值会员」时", "等待 2 天".
 * Pure: the caller passes the translations and the names of events, segments, tags and attributes.
 */
import type { RuleJson } from '@/modules/segments/rule'
import {
  STEP_TYPES,
  TRIGGER_TYPES,
  type ExitRule,
  type Goal,
  type Step,
  type Trigger,
  type WhereClause,
} from './definition'
import { toParts } from './duration'

export interface JourneyLabels {
  t: (key: string, params?: Record<string, unknown>, plural?: number) => string
  event: (type: string) => string
  segment: (id: number) => string
  tag: (id: number) => string
  attribute: (key: string) => string
  /** A segment rule in one line. */
  rule: (rule: RuleJson) => string
  /** Between the items of a list (、 in Chinese). */
  listSeparator: string
}

const TEXT_PREVIEW = 40

export function stepTypeLabel(type: string, labels: Pick<JourneyLabels, 't'>): string {
  return (STEP_TYPES as readonly string[]).includes(type)
    ? labels.t(`journeys.steps.${type}`)
    : labels.t('journeys.steps.unknown', { type })
}

export function triggerTypeLabel(type: string, labels: Pick<JourneyLabels, 't'>): string {
  return (TRIGGER_TYPES as readonly string[]).includes(type)
    ? labels.t(`journeys.triggers.${type}`)
    : labels.t('journeys.triggers.unknown', { type })
}

/** "2 天", "90 分钟"; "…" when there is none to read. */
export function durationText(iso: string | null | undefined, labels: JourneyLabels): string {
  const parts = toParts(iso)
  if (!parts || parts.amount <= 0) return '…'
  return labels.t(`journeys.duration.${parts.unit}`, { n: parts.amount }, parts.amount)
}

/** "每天", or the days in order: "周一、周三". */
export function weekdaysText(days: readonly number[] | undefined, labels: JourneyLabels): string {
  const valid = [...new Set(days ?? [])].filter((d) => d >= 1 && d <= 7).sort()
  if (valid.length === 0 || valid.length === 7) return labels.t('journeys.weekdays.every')
  return valid.map((d) => labels.t(`journeys.weekdays.${d}`)).join(labels.listSeparator)
}

const named = (value: string | null | undefined) => value || '…'
const idName = (id: number | null | undefined, name: (id: number) => string) =>
  typeof id === 'number' ? name(id) : '…'

const whereCount = (where: readonly WhereClause[] | undefined) =>
  (where ?? []).filter((w) => w.property).length

/** Who enters the journey, and when. */
export function triggerText(trigger: Trigger | null, labels: JourneyLabels): string {
  if (!trigger) return labels.t('journeys.flow.noTrigger')
  const t = labels.t
  const at = named(trigger.at)
  switch (trigger.type) {
    case 'event': {
      const event = trigger.eventType ? labels.event(trigger.eventType) : '…'
      const n = whereCount(trigger.where)
      return n > 0
        ? t('journeys.summary.trigger.eventWhere', { event, n }, n)
        : t('journeys.summary.trigger.event', { event })
    }
    case 'segment_enter':
    case 'segment_exit':
      return t(`journeys.summary.trigger.${trigger.type}`, {
        segment: idName(trigger.segmentId, labels.segment),
      })
    case 'tag_added':
    case 'tag_removed':
      return t(`journeys.summary.trigger.${trigger.type}`, {
        tag: idName(trigger.tagId, labels.tag),
      })
    case 'date': {
      const field = trigger.field ?? 'birthday'
      const date =
        field === 'birthday'
          ? t('journeys.summary.birthday')
          : labels.attribute(field.replace(/^attributes\./, ''))
      const n = trigger.daysBefore ?? 0
      return n > 0
        ? t('journeys.summary.trigger.dateBefore', { n, at, date }, n)
        : t('journeys.summary.trigger.dateOn', { at, date })
    }
    case 'schedule': {
      const segment = idName(trigger.segmentId, labels.segment)
      let when: string
      if (trigger.every === 'once')
        when = t('journeys.summary.schedule.once', { date: named(trigger.date), at })
      else if (trigger.every === 'week')
        when = t('journeys.summary.schedule.week', {
          days: weekdaysText(trigger.weekdays, labels),
          at,
        })
      else if (trigger.every === 'month')
        when = t('journeys.summary.schedule.month', {
          days:
            [...(trigger.monthDays ?? [])].sort((a, b) => a - b).join(labels.listSeparator) || '…',
          at,
        })
      else when = t('journeys.summary.schedule.day', { at })
      return t('journeys.summary.trigger.schedule', { when, segment })
    }
    default:
      return triggerTypeLabel(trigger.type, labels)
  }
}

/** A message's or a post's text (the start of it) and materials; null when there is neither. */
function contentText(step: Step, labels: JourneyLabels): string | null {
  const text = (step.text ?? '').trim().replace(/\s+/g, ' ')
  const materials = step.materialIds?.length ?? 0
  const shown = text.length > TEXT_PREVIEW ? `${text.slice(0, TEXT_PREVIEW)}…` : text
  if (!shown && materials === 0) return null
  if (!shown) return labels.t('journeys.summary.materialsOnly', { n: materials }, materials)
  return materials > 0
    ? labels.t('journeys.summary.textAndMaterials', { text: shown, n: materials }, materials)
    : shown
}

/** "全部客户群：…", "3 个客户群：…". */
function groupMessageText(step: Step, labels: JourneyLabels): string {
  const content = contentText(step, labels)
  if (content === null) return labels.t('journeys.summary.messageEmpty')
  const n = step.chatIds?.length ?? 0
  const groups =
    n > 0
      ? labels.t('journeys.summary.someGroups', { n }, n)
      : labels.t('journeys.summary.allGroups')
  return labels.t('journeys.summary.groupMessage', { groups, content })
}

/** The post, and whom it is shown to when not every customer. */
function momentText(step: Step, labels: JourneyLabels): string {
  const content = contentText(step, labels)
  if (content === null) return labels.t('journeys.summary.momentEmpty')
  const tags = (step.tagIds ?? []).map(labels.tag).join(labels.listSeparator)
  return tags ? labels.t('journeys.summary.momentTagged', { content, tags }) : content
}

function tagText(step: Step, labels: JourneyLabels): string {
  const names = (ids: number[] | undefined) =>
    (ids ?? []).map(labels.tag).join(labels.listSeparator)
  const add = names(step.add)
  const remove = names(step.remove)
  if (add && remove) return labels.t('journeys.summary.tagBoth', { add, remove })
  if (add) return labels.t('journeys.summary.tagAdd', { tags: add })
  if (remove) return labels.t('journeys.summary.tagRemove', { tags: remove })
  return labels.t('journeys.summary.tagEmpty')
}

function valueText(value: unknown, labels: JourneyLabels): string {
  if (value === null || value === undefined || value === '') return '…'
  if (Array.isArray(value)) return value.join(labels.listSeparator)
  if (typeof value === 'boolean') return labels.t(`common.boolean.${value}`)
  return String(value)
}

/** What a step does, in one line. */
export function stepText(step: Step, labels: JourneyLabels): string {
  const t = labels.t
  switch (step.type) {
    case 'message':
      return contentText(step, labels) ?? t('journeys.summary.messageEmpty')
    case 'group_message':
      return groupMessageText(step, labels)
    case 'moment':
      return momentText(step, labels)
    case 'wait':
      return t('journeys.summary.wait', { duration: durationText(step.duration, labels) })
    case 'wait_until':
      return t('journeys.summary.waitUntil', {
        days: weekdaysText(step.weekdays, labels),
        time: named(step.time),
      })
    case 'wait_event':
      return t('journeys.summary.waitEvent', {
        event: step.eventType ? labels.event(step.eventType) : '…',
        duration: durationText(step.timeout, labels),
      })
    case 'condition':
      return step.rule ? labels.rule(step.rule) : '…'
    case 'split':
      return (step.branches ?? []).map((b) => `${b.percent ?? '…'}%`).join(' / ')
    case 'tag':
      return tagText(step, labels)
    case 'attribute':
      return t('journeys.summary.attribute', {
        attribute: step.key ? labels.attribute(step.key) : '…',
        value: valueText(step.value, labels),
      })
    case 'reward':
      return step.kind === 'coupon'
        ? t('journeys.summary.coupon', { coupon: named(step.couponId), n: step.amount ?? '…' })
        : t('journeys.summary.points', { n: step.amount ?? '…' }, step.amount ?? 2)
    case 'webhook':
      return named(step.url)
    case 'task':
      return t('journeys.summary.task', {
        title: named(step.title),
        duration: durationText(step.dueIn, labels),
      })
    case 'exit':
      return t('journeys.summary.exit')
    default:
      return ''
  }
}

/** The step's own name, or what its type is called. */
export function stepName(step: Step, labels: Pick<JourneyLabels, 't'>): string {
  return step.name?.trim() || stepTypeLabel(step.type, labels)
}

/** The conversion goal in words, or that there is none. */
export function goalText(goal: Goal | null, labels: JourneyLabels): string {
  if (!goal) return labels.t('journeys.summary.noGoal')
  const text = labels.t(
    'journeys.summary.goal',
    { n: goal.windowDays ?? '…', event: goal.eventType ? labels.event(goal.eventType) : '…' },
    goal.windowDays ?? 2,
  )
  return goal.exitOnGoal ? labels.t('journeys.summary.goalExits', { text }) : text
}

/** When a customer leaves early, or that nothing makes them. */
export function exitText(exit: ExitRule, labels: JourneyLabels): string {
  const parts: string[] = []
  if (exit.eventType)
    parts.push(labels.t('journeys.summary.exitEvent', { event: labels.event(exit.eventType) }))
  if (exit.segmentId !== null)
    parts.push(
      labels.t('journeys.summary.exitSegment', { segment: labels.segment(exit.segmentId) }),
    )
  return parts.length
    ? parts.join(labels.t('journeys.summary.or'))
    : labels.t('journeys.summary.noExit')
}
