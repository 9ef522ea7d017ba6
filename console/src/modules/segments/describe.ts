/**
 * A rule in words, for the detail page and the list: "性别 = 女 且 最近 30 天 做过 收藏".
 * Pure: the caller passes the translations and the labels of fields, values, tags and events.
 */
import type { FieldKind, Op } from './api'
import type {
  AttributeNode,
  DateValue,
  EventNode,
  GroupNode,
  RuleNode,
  RuleValue,
  TagNode,
} from './rule'

export interface SummaryLabels {
  t: (key: string, params?: Record<string, unknown>) => string
  /** The field's label and kind, or undefined for a field the catalog no longer has. */
  field: (key: string) => { label: string; kind: FieldKind | string } | undefined
  /** A category value's label (女, 上海, 王经理); the value itself when unknown. */
  value: (field: string, value: RuleValue) => string
  tag: (id: number) => string
  event: (type: string) => string
  money: (value: number) => string
  /** The separator of a list of values (、 in Chinese). */
  listSeparator: string
}

const SYMBOLS: Partial<Record<Op, string>> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
}

export function dateText(value: DateValue | null, labels: SummaryLabels): string {
  if (value === null) return '…'
  if (typeof value === 'string') return value
  return value.daysAgo === 0
    ? labels.t('segments.summary.today')
    : labels.t('segments.summary.daysAgo', { n: value.daysAgo })
}

function opText(op: Op, kind: string, labels: SummaryLabels): string {
  if (kind === 'date' && op !== 'isSet' && op !== 'isNotSet')
    return labels.t(`segments.attribute.dateOps.${op}`)
  if (kind === 'multi' && (op === 'in' || op === 'all' || op === 'notIn'))
    return labels.t(`segments.attribute.multiOps.${op}`)
  return SYMBOLS[op] ?? labels.t(`segments.attribute.ops.${op}`)
}

function valueText(
  node: AttributeNode,
  kind: string,
  value: RuleValue | null,
  labels: SummaryLabels,
) {
  if (value === null || value === '') return '…'
  if (kind === 'date') return dateText(value as DateValue, labels)
  if (kind === 'money') return labels.money(Number(value))
  if (kind === 'boolean')
    return labels.t(
      value === true || value === 'true' ? 'segments.attribute.yes' : 'segments.attribute.no',
    )
  if (kind === 'text') return `“${String(value)}”`
  return labels.value(node.field, value)
}

function attributeText(node: AttributeNode, labels: SummaryLabels): string {
  const field = labels.field(node.field)
  const name = field?.label ?? node.field
  if (!node.op) return name || '…'
  const kind = field?.kind ?? 'text'
  const op = opText(node.op, kind, labels)
  if (node.op === 'isSet' || node.op === 'isNotSet') return `${name} ${op}`
  if (node.op === 'between') {
    const [a = null, b = null] = node.values
    const range = labels.t('segments.summary.between', {
      a: valueText(node, kind, a, labels),
      b: valueText(node, kind, b, labels),
    })
    return `${name} ${op} ${range}`
  }
  const values = node.values.map((v) => valueText(node, kind, v, labels)).join(labels.listSeparator)
  return `${name} ${op} ${values || '…'}`
}

function tagsText(node: TagNode, labels: SummaryLabels): string {
  return labels.t('segments.summary.tags', {
    mode: labels.t(`segments.tags.modes.${node.mode}`),
    tags: node.tagIds.map(labels.tag).join(labels.listSeparator) || '…',
  })
}

function eventText(node: EventNode, labels: SummaryLabels): string {
  const t = labels.t
  const parts: string[] = []
  const w = node.window
  if (w.kind === 'lastDays') parts.push(t('segments.summary.lastDays', { n: w.days ?? '…' }))
  else if (w.kind === 'range') {
    if (w.from !== null && w.to !== null)
      parts.push(
        t('segments.summary.range', { from: dateText(w.from, labels), to: dateText(w.to, labels) }),
      )
    else if (w.from !== null)
      parts.push(t('segments.summary.from', { date: dateText(w.from, labels) }))
    else if (w.to !== null) parts.push(t('segments.summary.to', { date: dateText(w.to, labels) }))
  }
  if (node.timing !== 'any') parts.push(t(`segments.summary.${node.timing}`))
  parts.push(t(node.did ? 'segments.summary.did' : 'segments.summary.didNot'))
  parts.push(node.type ? labels.event(node.type) : t('segments.summary.anyEvent'))
  if (node.atLeast !== null && node.atLeast > 1)
    parts.push(t('segments.summary.atLeast', { n: node.atLeast }))
  if (node.atMost !== null) parts.push(t('segments.summary.atMost', { n: node.atMost }))
  const details: string[] = []
  if (node.where) {
    const op = SYMBOLS[node.where.op] ?? t(`segments.attribute.ops.${node.where.op}`)
    details.push(`${node.where.property} ${op} ${node.where.values.join(labels.listSeparator)}`)
  }
  if (node.sum) {
    details.push(
      t('segments.summary.sum', {
        property: node.sum.property,
        op: SYMBOLS[node.sum.op] ?? node.sum.op,
        value: node.sum.value ?? '…',
      }),
    )
  }
  const text = parts.join(' ')
  return details.length
    ? t('segments.summary.details', { text, details: details.join(labels.listSeparator) })
    : text
}

/** One node in words; a nested group in brackets. */
export function describeNode(node: RuleNode, labels: SummaryLabels, nested = false): string {
  let text: string
  switch (node.kind) {
    case 'group': {
      const joiner = labels.t(`segments.summary.${node.op}`)
      text = node.children.map((child) => describeNode(child, labels, true)).join(joiner)
      if (node.children.length === 0) text = labels.t('segments.summary.empty')
      else if (nested && !node.negated && node.children.length > 1)
        text = labels.t('segments.summary.group', { text })
      break
    }
    case 'attribute':
      text = attributeText(node, labels)
      break
    case 'tags':
      text = tagsText(node, labels)
      break
    case 'event':
      text = eventText(node, labels)
      break
  }
  return node.negated ? labels.t('segments.summary.not', { text }) : text
}

/** The whole rule in one line. */
export function describeRule(root: GroupNode, labels: SummaryLabels): string {
  return describeNode(root, labels)
}
