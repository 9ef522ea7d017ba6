import {
  ATTRIBUTE_TYPES,
  GENDERS,
  IDENTITY_TYPES,
  MERGE_RULES,
  type IdentityType,
  type MergeRecord,
} from './api'

/** Message keys for values the server sends as codes; an unknown code gets null and is shown as is. */

export function mergeRuleKey(rule: string): string | null {
  return (MERGE_RULES as readonly string[]).includes(rule) ? `customers.merges.rules.${rule}` : null
}

// Element Plus renders table cells once with an empty row; the guards keep that from asking for
// keys like `customers.genders.undefined`.
export function genderKey(gender: string | undefined): string | null {
  return gender && (GENDERS as readonly string[]).includes(gender)
    ? `customers.genders.${gender}`
    : null
}

export function attributeTypeKey(type: string | undefined): string | null {
  return type && (ATTRIBUTE_TYPES as readonly string[]).includes(type)
    ? `customers.attributeTypes.${type}`
    : null
}

export function identityTypeKey(type: string): string | null {
  return (IDENTITY_TYPES as readonly string[]).includes(type)
    ? `customers.identityTypes.${type}`
    : null
}

const LEVEL_NAMES = ['none', 'silver', 'gold', 'diamond'] as const

/** The message key of a member level (0 = not a member), and a parameter for levels beyond. */
export function memberLevelKey(level: number): string {
  const name = LEVEL_NAMES[level]
  return name ? `customers.levels.${name}` : 'customers.levels.other'
}

/** Tag colours for member levels: none grey, then silver, gold and diamond. */
export function memberLevelTag(level: number): 'info' | 'primary' | 'warning' | 'danger' {
  if (level <= 0) return 'info'
  if (level === 1) return 'primary'
  if (level === 2) return 'warning'
  return 'danger'
}

/** True when the server masked the value (138****8000, l***@example.com, wmA***xyz). */
export function isMasked(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.includes('***')
}

/** Ids qualified by their app or system ("corpId:externalUserId") show the two parts apart. */
const QUALIFIED: readonly IdentityType[] = ['wecomExternalUserId', 'openid', 'externalId']

export interface IdentityDisplay {
  /** The corp, app or system the id belongs to. */
  qualifier: string | null
  value: string
  masked: boolean
}

export function identityDisplay(type: string, value: string): IdentityDisplay {
  const masked = isMasked(value)
  if ((QUALIFIED as readonly string[]).includes(type)) {
    const colon = value.indexOf(':')
    if (colon > 0 && colon < value.length - 1) {
      return { qualifier: value.slice(0, colon), value: value.slice(colon + 1), masked }
    }
  }
  return { qualifier: null, value, masked }
}

/** Merges that are still in effect, newest first. */
export function activeMerges(merges: readonly MergeRecord[]): MergeRecord[] {
  return merges.filter((m) => !m.undoneAt)
}

/** Newest first, whatever order the server used. */
export function mergesNewestFirst(merges: readonly MergeRecord[]): MergeRecord[] {
  return [...merges].sort((a, b) => b.mergedAt.localeCompare(a.mergedAt) || b.id - a.id)
}

/** The first character of a name for an avatar; anonymous visitors have none worth showing. */
export function avatarText(name: string, anonymous: boolean): string {
  if (anonymous) return '?'
  const first = [...name.trim()][0]
  return first ? first.toUpperCase() : '?'
}

// Avatar colours, picked by customer number so one customer always has the same one.
const AVATAR_COLORS = ['#2f6fed', '#17a2b8', '#9b7bf7', '#e8a317', '#f0627f', '#17c3a2', '#5b8ff9']

export function avatarColor(id: number): string {
  return AVATAR_COLORS[Math.abs(id) % AVATAR_COLORS.length] ?? '#2f6fed'
}
