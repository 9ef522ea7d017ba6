/**
 * The segment rule as the builder edits it: a typed tree of groups and conditions, each with an id
 * (for Vue keys and for pointing the server's problems at it), converted to and from the rule JSON
 * of the API.
 *
 * JSON (see docs): {"and": [...]} {"or": [...]} {"not": {...}}, {"attribute", "op", "value" | "values"},
 * {"tags": {"any" | "all" | "none": [ids]}}, {"event": {type, did, lastDays | from / to, atLeast,
 * atMost, where, sum, timing}}.
 */
import type { Op } from './api'

export type DateValue = string | { daysAgo: number }
export type Scalar = string | number | boolean
export type RuleValue = Scalar | DateValue

/** The rule JSON: deliberately loose, the server checks it. */
export type RuleJson = Record<string, unknown>

export type GroupOp = 'and' | 'or'
export type TagMode = 'any' | 'all' | 'none'
export type Timing = 'any' | 'first' | 'last'

interface NodeBase {
  id: string
  /** Wrapped in {"not": …}: customers the node does not select. */
  negated: boolean
}

export interface GroupNode extends NodeBase {
  kind: 'group'
  op: GroupOp
  children: RuleNode[]
}

export interface AttributeNode extends NodeBase {
  kind: 'attribute'
  /** A field key of GET /segments/fields; '' until one is picked. */
  field: string
  op: Op | ''
  /** One for eq/neq/gt…, two for between, any number for in/notIn/all, none for isSet/isNotSet. */
  values: (RuleValue | null)[]
}

export interface TagNode extends NodeBase {
  kind: 'tags'
  mode: TagMode
  tagIds: number[]
}

export type EventWindow =
  | { kind: 'lastDays'; days: number | null }
  | { kind: 'range'; from: DateValue | null; to: DateValue | null }
  | { kind: 'ever' }

export const WHERE_OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte'] as const
export type WhereOp = (typeof WHERE_OPS)[number]
export const SUM_OPS = ['gte', 'gt', 'eq', 'lte', 'lt'] as const
export type SumOp = (typeof SUM_OPS)[number]

export interface PropertyFilter {
  property: string
  op: WhereOp
  values: (string | number)[]
}

export interface PropertySum {
  property: string
  op: SumOp
  value: number | null
}

export interface EventNode extends NodeBase {
  kind: 'event'
  /** An event type name; null for any event. */
  type: string | null
  did: boolean
  window: EventWindow
  /** Null: not limited (at least once). */
  atLeast: number | null
  atMost: number | null
  where: PropertyFilter | null
  sum: PropertySum | null
  timing: Timing
}

export type ConditionNode = AttributeNode | TagNode | EventNode
export type RuleNode = GroupNode | ConditionNode

let counter = 0
export function nextId(): string {
  counter += 1
  return `n${counter}`
}

export function newGroup(op: GroupOp = 'and', children: RuleNode[] = []): GroupNode {
  return { kind: 'group', id: nextId(), negated: false, op, children }
}

export function newAttribute(): AttributeNode {
  return { kind: 'attribute', id: nextId(), negated: false, field: '', op: '', values: [] }
}

export function newTags(): TagNode {
  return { kind: 'tags', id: nextId(), negated: false, mode: 'any', tagIds: [] }
}

export function newEvent(): EventNode {
  return {
    kind: 'event',
    id: nextId(),
    negated: false,
    type: null,
    did: true,
    window: { kind: 'lastDays', days: 30 },
    atLeast: null,
    atMost: null,
    where: null,
    sum: null,
    timing: 'any',
  }
}

/** Operators that take no value, one, two, or a list. */
export function valueArity(op: Op | ''): 'none' | 'one' | 'two' | 'many' {
  switch (op) {
    case 'isSet':
    case 'isNotSet':
    case '':
      return 'none'
    case 'between':
      return 'two'
    case 'in':
    case 'notIn':
    case 'all':
      return 'many'
    default:
      return 'one'
  }
}

/** The values an attribute keeps when its operator changes to `op` (as many as still fit). */
export function valuesFor(op: Op | '', values: (RuleValue | null)[]): (RuleValue | null)[] {
  const kept = values.filter((v) => v !== null && v !== '')
  switch (valueArity(op)) {
    case 'none':
      return []
    case 'one':
      return [kept[0] ?? null]
    case 'two':
      return [kept[0] ?? null, kept[1] ?? null]
    case 'many':
      return kept
  }
}

// ---- JSON → model ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function dateValue(value: unknown): DateValue | null {
  if (typeof value === 'string') return value
  if (isRecord(value) && typeof value.daysAgo === 'number') return { daysAgo: value.daysAgo }
  return null
}

function ruleValue(value: unknown): RuleValue | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  return dateValue(value)
}

function attributeFromJson(json: Record<string, unknown>, negated: boolean): AttributeNode {
  const raw = Array.isArray(json.values) ? json.values : 'value' in json ? [json.value] : []
  return {
    kind: 'attribute',
    id: nextId(),
    negated,
    field: typeof json.attribute === 'string' ? json.attribute : '',
    op: typeof json.op === 'string' ? (json.op as Op) : '',
    values: raw.map(ruleValue),
  }
}

function tagsFromJson(json: unknown, negated: boolean): TagNode {
  const node = newTags()
  node.negated = negated
  if (isRecord(json)) {
    for (const mode of ['any', 'all', 'none'] as const) {
      const ids = json[mode]
      if (Array.isArray(ids)) {
        node.mode = mode
        node.tagIds = ids.filter((id): id is number => typeof id === 'number')
        break
      }
    }
  }
  return node
}

function eventFromJson(json: unknown, negated: boolean): EventNode {
  const node = newEvent()
  node.negated = negated
  if (!isRecord(json)) return node
  node.type = typeof json.type === 'string' ? json.type : null
  node.did = json.did !== false
  if (typeof json.lastDays === 'number') node.window = { kind: 'lastDays', days: json.lastDays }
  else if ('from' in json || 'to' in json)
    node.window = { kind: 'range', from: dateValue(json.from), to: dateValue(json.to) }
  else node.window = { kind: 'ever' }
  node.atLeast = typeof json.atLeast === 'number' ? json.atLeast : null
  node.atMost = typeof json.atMost === 'number' ? json.atMost : null
  if (isRecord(json.where)) {
    const w = json.where
    const raw = Array.isArray(w.values) ? w.values : 'value' in w ? [w.value] : []
    node.where = {
      property: typeof w.property === 'string' ? w.property : '',
      op: (typeof w.op === 'string' ? w.op : 'eq') as WhereOp,
      values: raw.filter(
        (v): v is string | number => typeof v === 'string' || typeof v === 'number',
      ),
    }
  }
  if (isRecord(json.sum)) {
    const s = json.sum
    const value = typeof s.value === 'number' ? s.value : Number(s.value)
    node.sum = {
      property: typeof s.property === 'string' ? s.property : '',
      op: (typeof s.op === 'string' ? s.op : 'gte') as SumOp,
      value: Number.isFinite(value) ? value : null,
    }
  }
  node.timing = json.timing === 'first' || json.timing === 'last' ? json.timing : 'any'
  return node
}

function nodeFromJson(json: unknown, negated = false): RuleNode {
  if (!isRecord(json)) return { ...newAttribute(), negated }
  if (Array.isArray(json.and) || Array.isArray(json.or)) {
    const op: GroupOp = Array.isArray(json.and) ? 'and' : 'or'
    const list = (json[op] as unknown[]).map((child) => nodeFromJson(child))
    return { kind: 'group', id: nextId(), negated, op, children: list }
  }
  // Two NOTs cancel out.
  if ('not' in json) return nodeFromJson(json.not, !negated)
  if ('attribute' in json) return attributeFromJson(json, negated)
  if ('tags' in json) return tagsFromJson(json.tags, negated)
  if ('event' in json) return eventFromJson(json.event, negated)
  return { ...newAttribute(), negated }
}

/** The builder's tree for a rule: always a group at the top (a lone condition gets one). */
export function fromJson(json: unknown): GroupNode {
  const node = nodeFromJson(json)
  return node.kind === 'group' ? node : newGroup('and', [node])
}

// ---- model → JSON ----

/** Whether a condition says everything the server needs (the live count leaves out the others). */
export function isComplete(node: ConditionNode): boolean {
  switch (node.kind) {
    case 'attribute': {
      if (!node.field || !node.op) return false
      const filled = node.values.filter((v) => v !== null && v !== '')
      switch (valueArity(node.op)) {
        case 'none':
          return true
        case 'one':
          return filled.length === 1
        case 'two':
          return filled.length === 2 && node.values.length === 2
        case 'many':
          return filled.length > 0
      }
      return false
    }
    case 'tags':
      return node.tagIds.length > 0
    case 'event': {
      const w = node.window
      if (w.kind === 'lastDays' && (w.days === null || !(w.days >= 1))) return false
      if (w.kind === 'range' && w.from === null && w.to === null) return false
      if (node.where && (!node.where.property.trim() || node.where.values.length === 0))
        return false
      if (node.sum && (!node.sum.property.trim() || node.sum.value === null)) return false
      return true
    }
  }
}

function attributeJson(node: AttributeNode): RuleJson {
  const json: RuleJson = { attribute: node.field, op: node.op }
  const values = node.values.filter((v): v is RuleValue => v !== null && v !== '')
  switch (valueArity(node.op)) {
    case 'one':
      json.value = values[0]
      break
    case 'two':
    case 'many':
      json.values = values
      break
  }
  return json
}

function eventJson(node: EventNode): RuleJson {
  const event: RuleJson = {}
  if (node.type) event.type = node.type
  if (!node.did) event.did = false
  const w = node.window
  if (w.kind === 'lastDays') event.lastDays = w.days
  else if (w.kind === 'range') {
    if (w.from !== null) event.from = w.from
    if (w.to !== null) event.to = w.to
  }
  if (node.atLeast !== null) event.atLeast = node.atLeast
  if (node.atMost !== null) event.atMost = node.atMost
  if (node.where) {
    const { property, op, values } = node.where
    event.where =
      op === 'in' ? { property, op, values: [...values] } : { property, op, value: values[0] }
  }
  if (node.sum) event.sum = { property: node.sum.property, op: node.sum.op, value: node.sum.value }
  if (node.timing !== 'any') event.timing = node.timing
  return { event }
}

export interface Compiled {
  /** Null when nothing is left (an empty rule, or only unfinished conditions when those are left out). */
  json: RuleJson | null
  /** The JSON path of every node sent (`rule.and[1]`, and `rule.and[1].not` inside a NOT) → its id. */
  paths: Map<string, string>
}

/**
 * The rule JSON for the tree. With `onlyComplete`, unfinished conditions and the groups left empty
 * are left out (for the live count while the operator is still typing); the paths always describe
 * the JSON produced, so the server's problems find their node.
 */
export function compile(root: GroupNode, options: { onlyComplete?: boolean } = {}): Compiled {
  const paths = new Map<string, string>()

  function visit(node: RuleNode, path: string): RuleJson | null {
    const inner = node.negated ? `${path}.not` : path
    let json: RuleJson | null
    if (node.kind === 'group') {
      const children: RuleJson[] = []
      for (const child of node.children) {
        const childJson = visit(child, `${inner}.${node.op}[${children.length}]`)
        if (childJson) children.push(childJson)
      }
      if (children.length === 0 && options.onlyComplete) return null
      json = { [node.op]: children }
    } else {
      if (options.onlyComplete && !isComplete(node)) return null
      json =
        node.kind === 'attribute'
          ? attributeJson(node)
          : node.kind === 'tags'
            ? { tags: { [node.mode]: [...node.tagIds] } }
            : eventJson(node)
    }
    paths.set(path, node.id)
    if (node.negated) paths.set(inner, node.id)
    return node.negated ? { not: json } : json
  }

  // A node registers its path only once it is kept, so dropped ones leave none behind.
  return { json: visit(root, 'rule'), paths }
}

/** The part of a condition a problem is about, to mark that input. */
export type ErrorPart =
  | 'node'
  | 'field'
  | 'op'
  | 'value'
  | 'tags'
  | 'type'
  | 'window'
  | 'count'
  | 'where'
  | 'sum'
  | 'timing'

export interface NodeError {
  nodeId: string
  part: ErrorPart
  message: string
}

function partOf(rest: string): ErrorPart {
  const key = /^\.(?:event\.|tags\.)?([A-Za-z]+)/.exec(rest)?.[1]
  if (rest.startsWith('.tags')) return 'tags'
  switch (key) {
    case 'attribute':
      return 'field'
    case 'op':
      return 'op'
    case 'value':
    case 'values':
      return 'value'
    case 'type':
      return 'type'
    case 'lastDays':
    case 'from':
    case 'to':
      return 'window'
    case 'atLeast':
    case 'atMost':
      return 'count'
    case 'where':
      return 'where'
    case 'sum':
      return 'sum'
    case 'timing':
      return 'timing'
    default:
      return 'node'
  }
}

/**
 * The node a problem's field (`rule.and[1].op`, `rule.or[0].not.event.lastDays`) is about: the one
 * with the longest path that the field starts with, and what part of it. Null for other fields.
 */
export function nodeForPath(paths: Map<string, string>, field: string): NodeError | null {
  let best: string | null = null
  for (const path of paths.keys()) {
    if (!field.startsWith(path)) continue
    const next = field.charAt(path.length)
    if (next !== '' && next !== '.' && next !== '[') continue
    if (best === null || path.length > best.length) best = path
  }
  if (best === null) return null
  let rest = field.slice(best.length)
  if (rest.startsWith('.not')) rest = rest.slice(4)
  return { nodeId: paths.get(best)!, part: partOf(rest), message: '' }
}

/** The server's problems placed on their nodes; the ones no node takes are returned apart. */
export function placeErrors(
  paths: Map<string, string>,
  errors: readonly { field: string; message: string }[],
): { byNode: Map<string, NodeError[]>; other: string[] } {
  const byNode = new Map<string, NodeError[]>()
  const other: string[] = []
  for (const error of errors) {
    const found = error.field.startsWith('rule') ? nodeForPath(paths, error.field) : null
    if (!found) {
      other.push(error.message)
      continue
    }
    const list = byNode.get(found.nodeId) ?? []
    list.push({ ...found, message: error.message })
    byNode.set(found.nodeId, list)
  }
  return { byNode, other }
}

/** Every node of the tree, depth first. */
export function* walk(node: RuleNode): Generator<RuleNode> {
  yield node
  if (node.kind === 'group') for (const child of node.children) yield* walk(child)
}

/** How many conditions (not groups) the tree has. */
export function conditionCount(root: GroupNode): number {
  let n = 0
  for (const node of walk(root)) if (node.kind !== 'group') n++
  return n
}

/** The group holding `id` and its index there, or null for the root or an unknown id. */
export function findParent(
  root: GroupNode,
  id: string,
): { parent: GroupNode; index: number } | null {
  for (const node of walk(root)) {
    if (node.kind !== 'group') continue
    const index = node.children.findIndex((child) => child.id === id)
    if (index >= 0) return { parent: node, index }
  }
  return null
}

/** How deep a node sits (the root is 1), as the server counts it: a NOT adds a level. */
export function depthOf(root: GroupNode, id: string): number {
  function search(node: RuleNode, depth: number): number {
    const own = depth + (node.negated ? 1 : 0)
    if (node.id === id) return own
    if (node.kind === 'group') {
      for (const child of node.children) {
        const found = search(child, own + 1)
        if (found > 0) return found
      }
    }
    return 0
  }
  return search(root, 1)
}

export const MAX_DEPTH = 8
export const MAX_CONDITIONS = 200
