// A level's rule (the segment rule JSON) as a sentence an operator can read.

/** The words the sentence is made of: the panel passes translations and the server's field names. */
export interface RuleWords {
  /** A message of `layers.describe`, e.g. ('withinDays', {field, n}). */
  say: (key: string, params?: Record<string, unknown>) => string
  /** The name of a rule field (`orderCount` → 订单数), as GET /segments/fields names it. */
  field: (key: string) => string
  /** The name of a value of a field (`layers.lifecycle` `active` → 活跃), or the value itself. */
  value: (field: string, value: unknown) => string
  /** The name of an event type (`share` → 分享). */
  eventType: (type: string) => string
  number: (value: number) => string
}

type Json = Record<string, unknown>

const SYMBOLS: Record<string, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function daysAgo(value: unknown): number | null {
  return isObject(value) && typeof value.daysAgo === 'number' ? value.daysAgo : null
}

function plain(value: unknown, words: RuleWords): string {
  if (typeof value === 'number') return words.number(value)
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return words.number(Number(value))
  if (typeof value === 'string') return value
  const ago = daysAgo(value)
  if (ago !== null) return words.say('lastDays', { n: ago })
  return JSON.stringify(value)
}

function valuesOf(node: Json): unknown[] {
  if (Array.isArray(node.values)) return node.values
  return 'value' in node ? [node.value] : []
}

function attribute(node: Json, words: RuleWords): string {
  const key = String(node.attribute)
  const field = words.field(key)
  const op = String(node.op ?? '')
  if (op === 'isSet') return words.say('isSet', { field })
  if (op === 'isNotSet') return words.say('isNotSet', { field })
  const values = valuesOf(node)
  const shown = () =>
    values.map((v) => words.value(key, v) || plain(v, words)).join(words.say('listSeparator'))
  const first = values[0]
  const ago = daysAgo(first)
  if (ago !== null && values.length === 1) {
    // A date "N days ago": on or after it is "within the last N days".
    if (op === 'gte' || op === 'gt') return words.say('withinDays', { field, n: ago })
    if (op === 'lte' || op === 'lt') return words.say('beforeDays', { field, n: ago })
    if (op === 'eq') return words.say('daysAgo', { field, n: ago })
  }
  if (op === 'between' && values.length === 2) {
    return words.say('between', {
      field,
      from: plain(values[0], words),
      to: plain(values[1], words),
    })
  }
  if (op === 'in' || (op === 'eq' && key.startsWith('layers.')))
    return words.say('in', { field, values: shown() })
  if (op === 'notIn' || (op === 'neq' && key.startsWith('layers.'))) {
    return words.say('notIn', { field, values: shown() })
  }
  if (op === 'contains') return words.say('contains', { field, values: shown() })
  if (op === 'all') return words.say('all', { field, values: shown() })
  const symbol = SYMBOLS[op] ?? op
  const value = values.length === 1 ? words.value(key, first) || plain(first, words) : shown()
  // Comparison signs read the same in every language.
  return `${field} ${symbol} ${value}`
}

function tags(node: unknown, words: RuleWords): string {
  if (!isObject(node)) return JSON.stringify(node)
  const [mode, ids] = Object.entries(node)[0] ?? ['any', []]
  const list = (Array.isArray(ids) ? ids : [])
    .map((id) => `#${id}`)
    .join(words.say('listSeparator'))
  const key = mode === 'all' ? 'tagsAll' : mode === 'none' ? 'tagsNone' : 'tagsAny'
  return words.say(key, { values: list })
}

function event(node: unknown, words: RuleWords): string {
  if (!isObject(node)) return JSON.stringify(node)
  const type = typeof node.type === 'string' ? words.eventType(node.type) : words.say('anyEvent')
  let window: string
  if (typeof node.lastDays === 'number') window = words.say('lastDays', { n: node.lastDays })
  else if (node.from !== undefined || node.to !== undefined) {
    window = words.say('dateRange', {
      from: node.from === undefined ? '…' : plain(node.from, words),
      to: node.to === undefined ? '…' : plain(node.to, words),
    })
  } else window = words.say('ever')

  const atLeast = typeof node.atLeast === 'number' ? node.atLeast : 1
  const atMost = typeof node.atMost === 'number' ? node.atMost : null
  let text: string
  if (node.did === false) text = words.say('didNot', { window, type })
  else if (atMost !== null && atLeast > 1) {
    text = words.say('countRange', { window, type, from: atLeast, to: atMost })
  } else if (atMost !== null) text = words.say('atMost', { window, type, n: atMost })
  else if (atLeast > 1) text = words.say('atLeast', { window, type, n: atLeast })
  else text = words.say('did', { window, type })

  if (isObject(node.where)) {
    const where = node.where
    text = words.say('where', {
      event: text,
      property: String(where.property ?? ''),
      op: SYMBOLS[String(where.op)] ?? String(where.op ?? ''),
      value: valuesOf(where)
        .map((v) => plain(v, words))
        .join(words.say('listSeparator')),
    })
  }
  if (isObject(node.sum)) {
    text = words.say('sum', {
      event: text,
      property: String(node.sum.property ?? ''),
      op: SYMBOLS[String(node.sum.op)] ?? String(node.sum.op ?? ''),
      value: plain(node.sum.value, words),
    })
  }
  if (node.timing === 'first') text = words.say('timingFirst', { event: text })
  if (node.timing === 'last') text = words.say('timingLast', { event: text })
  return text
}

function describe(rule: unknown, words: RuleWords, nested: boolean): string {
  if (!isObject(rule)) return JSON.stringify(rule)
  for (const group of ['and', 'or'] as const) {
    if (Array.isArray(rule[group])) {
      const parts = (rule[group] as unknown[]).map((r) => describe(r, words, true))
      const text = parts.join(words.say(group))
      return nested && parts.length > 1 ? words.say('group', { rule: text }) : text
    }
  }
  if ('not' in rule) return words.say('not', { rule: describe(rule.not, words, false) })
  if ('attribute' in rule) return attribute(rule, words)
  if ('tags' in rule) return tags(rule.tags, words)
  if ('event' in rule) return event(rule.event, words)
  return JSON.stringify(rule)
}

/** The rule as a sentence; `rest` for a level without a rule (everyone else). */
export function describeRule(rule: unknown, words: RuleWords, rest: string): string {
  if (rule === null || rule === undefined) return rest
  const text = describe(rule, words, false)
  // A sentence starts with a capital where the language has them ("interaction events…").
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A rule as the text an operator edits: pretty JSON, or empty for "everyone else". */
export function ruleText(rule: unknown): string {
  return rule === null || rule === undefined ? '' : JSON.stringify(rule, null, 2)
}

export type ParsedRule =
  | { ok: true; rule: Json | null }
  | { ok: false; reason: 'syntax'; message: string }
  | { ok: false; reason: 'notObject' }

/** Reads an edited rule: empty is "everyone else", anything else must be a JSON object. */
export function parseRuleText(text: string): ParsedRule {
  if (text.trim() === '') return { ok: true, rule: null }
  try {
    const value: unknown = JSON.parse(text)
    if (!isObject(value)) return { ok: false, reason: 'notObject' }
    return { ok: true, rule: value }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'syntax', message }
  }
}

/**
 * The level a server problem is about: `levels[2].rule.and[0].op` → 2. Null for problems about
 * the levels as a whole (`levels`).
 */
export function problemLevel(field: string): number | null {
  const match = /^levels\[(\d+)\]/.exec(field)
  return match ? Number(match[1]) : null
}
