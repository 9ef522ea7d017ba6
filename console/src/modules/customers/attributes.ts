import type { AttributeDefinition, AttributeType, AttributeValue } from './api'

// Mirrors the server's checks (CustomerAttributes) so that most mistakes show before a round trip.
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,39}$/
export const ATTRIBUTE_LABEL_MAX = 40
export const ATTRIBUTE_OPTION_MAX = 40
export const ATTRIBUTE_OPTIONS_MAX = 200
export const ATTRIBUTE_STRING_MAX = 500

export const hasOptions = (type: AttributeType) => type === 'enum' || type === 'multi_enum'

/** The input an attribute gets in a form, by its type. */
export type AttributeInputKind = 'text' | 'number' | 'date' | 'select' | 'multiSelect' | 'yesNo'

export function inputKind(type: AttributeType): AttributeInputKind {
  switch (type) {
    case 'number':
      return 'number'
    case 'date':
      return 'date'
    case 'enum':
      return 'select'
    case 'multi_enum':
      return 'multiSelect'
    case 'boolean':
      return 'yesNo'
    default:
      return 'text'
  }
}

/** What a form input holds: `null` (or '' / []) when nothing is entered. */
export type AttributeFormValue = string | number | boolean | string[] | null

export function emptyFormValue(definition: AttributeDefinition): AttributeFormValue {
  if (definition.type === 'multi_enum') return []
  if (definition.type === 'string') return ''
  return null
}

/** A stored value as the input for its type expects it; a value of the wrong shape is dropped. */
export function toFormValue(
  definition: AttributeDefinition,
  stored: AttributeValue | null | undefined,
): AttributeFormValue {
  if (stored === null || stored === undefined) return emptyFormValue(definition)
  switch (definition.type) {
    case 'multi_enum':
      return Array.isArray(stored) ? stored.map(String) : [String(stored)]
    case 'number': {
      const value = typeof stored === 'number' ? stored : Number(stored)
      return Number.isFinite(value) ? value : null
    }
    case 'boolean':
      return typeof stored === 'boolean' ? stored : null
    case 'string':
      return String(stored)
    default:
      return typeof stored === 'string' ? stored : String(stored)
  }
}

function isEmpty(value: AttributeFormValue | undefined): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  )
}

/** The value to send: trimmed text, and `null` for an empty input (which removes a stored value). */
export function toWriteValue(
  definition: AttributeDefinition,
  value: AttributeFormValue | undefined,
): AttributeValue | null {
  if (value === undefined || isEmpty(value)) return null
  if (definition.type === 'string' && typeof value === 'string') return value.trim()
  return value as AttributeValue
}

export type AttributeProblem = 'required' | 'number' | 'tooLong' | 'option'

/** Why a form value cannot be saved, or null when it can. */
export function attributeProblem(
  definition: AttributeDefinition,
  value: AttributeFormValue | undefined,
): AttributeProblem | null {
  if (isEmpty(value)) return definition.required ? 'required' : null
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'number'
    case 'string':
      return typeof value === 'string' && value.trim().length > ATTRIBUTE_STRING_MAX
        ? 'tooLong'
        : null
    case 'enum':
      return typeof value === 'string' && definition.options.includes(value) ? null : 'option'
    case 'multi_enum':
      return Array.isArray(value) && value.every((v) => definition.options.includes(v))
        ? null
        : 'option'
    default:
      return null
  }
}

function sameValue(a: AttributeValue | null, b: AttributeValue | null): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => v === b[i])
  }
  return a === b
}

/**
 * The `attributes` of a write. Without `stored` (a new customer) only the values entered;
 * with it only what changed, `null` for a value that was cleared, so that an edit never
 * overwrites a value someone else changed meanwhile.
 */
export function attributeChanges(
  definitions: readonly AttributeDefinition[],
  values: Record<string, AttributeFormValue | undefined>,
  stored?: Record<string, AttributeValue>,
): Record<string, AttributeValue | null> {
  const changes: Record<string, AttributeValue | null> = {}
  for (const definition of definitions) {
    const value = toWriteValue(definition, values[definition.key])
    if (!stored) {
      if (value !== null) changes[definition.key] = value
      continue
    }
    const before = toWriteValue(definition, toFormValue(definition, stored[definition.key]))
    if (!sameValue(before, value)) changes[definition.key] = value
  }
  return changes
}

/** Splits pasted text into options: commas (also full-width), semicolons and line breaks. */
export function splitOptions(text: string): string[] {
  return text
    .split(/[,，;；\n\r\t]+/)
    .map((option) => option.trim())
    .filter((option) => option !== '')
}

/** How a stored value reads on the profile: text, or a list of options shown as tags. */
export type AttributeDisplay =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'tags'; values: string[] }

export function attributeDisplay(
  definition: AttributeDefinition,
  stored: AttributeValue | null | undefined,
): AttributeDisplay {
  const value = toFormValue(definition, stored)
  if (isEmpty(value)) return { kind: 'empty' }
  if (Array.isArray(value)) return { kind: 'tags', values: value }
  if (typeof value === 'boolean') return { kind: 'yesNo', value }
  if (typeof value === 'number') return { kind: 'number', value }
  return { kind: 'text', text: String(value) }
}
