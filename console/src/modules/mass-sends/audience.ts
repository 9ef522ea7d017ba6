import type { Audience, ChatType } from './api'

/** How the operator chooses whom to send to. */
export const AUDIENCE_KINDS = ['segment', 'tags', 'ids'] as const
export type AudienceKind = (typeof AUDIENCE_KINDS)[number]

/** Customers who carry any of the tags, or all of them. */
export type TagMatch = 'any' | 'all'

/**
 * The audience as the form holds it: customers or groups, each kind keeps its input while the
 * operator switches.
 */
export interface AudienceChoice {
  chatType: ChatType
  kind: AudienceKind
  segmentId: number | null
  tagIds: number[]
  tagMatch: TagMatch
  /** Customer ids as pasted: separated by white space, commas or semicolons. */
  idsText: string
  /** Every group of the app, or only `chatIds`. */
  allGroups: boolean
  chatIds: string[]
}

/** WeCom's and Siyu's limit on customers named one by one. */
export const MAX_CUSTOMER_IDS = 10_000
/** Siyu's limit on groups named one by one. */
export const MAX_CHAT_IDS = 10_000

export function emptyAudience(): AudienceChoice {
  return {
    chatType: 'single',
    kind: 'segment',
    segmentId: null,
    tagIds: [],
    tagMatch: 'any',
    idsText: '',
    allGroups: true,
    chatIds: [],
  }
}

/** Customer ids from pasted text, without duplicates in the order given, and what is no id. */
export function parseCustomerIds(text: string): { ids: number[]; invalid: string[] } {
  const ids = new Set<number>()
  const invalid: string[] = []
  for (const part of text.split(/[\s,;，；、]+/)) {
    if (!part) continue
    if (/^\d{1,15}$/.test(part) && Number(part) > 0) ids.add(Number(part))
    else invalid.push(part)
  }
  return { ids: [...ids], invalid }
}

/** The request's audience, or null while the choice is incomplete (nothing picked or pasted). */
export function audienceBody(choice: AudienceChoice): Audience | null {
  if (choice.chatType === 'group') {
    if (choice.allGroups) return {}
    return choice.chatIds.length === 0 || choice.chatIds.length > MAX_CHAT_IDS
      ? null
      : { chatIds: [...choice.chatIds] }
  }
  switch (choice.kind) {
    case 'segment':
      return choice.segmentId == null ? null : { segmentId: choice.segmentId }
    case 'tags':
      return choice.tagIds.length === 0
        ? null
        : { rule: { tags: { [choice.tagMatch]: [...choice.tagIds] } } }
    case 'ids': {
      const { ids, invalid } = parseCustomerIds(choice.idsText)
      return ids.length === 0 || invalid.length > 0 || ids.length > MAX_CUSTOMER_IDS
        ? null
        : { customerIds: ids }
    }
  }
}

/** What the operator must fix before the audience can be sent, as a message key and its values. */
export function audienceProblem(
  choice: AudienceChoice,
): { key: string; values?: Record<string, unknown> } | null {
  if (choice.chatType === 'group') {
    if (choice.allGroups) return null
    if (choice.chatIds.length === 0) return { key: 'groupsRequired' }
    if (choice.chatIds.length > MAX_CHAT_IDS)
      return { key: 'groupsTooMany', values: { n: MAX_CHAT_IDS } }
    return null
  }
  switch (choice.kind) {
    case 'segment':
      return choice.segmentId == null ? { key: 'segmentRequired' } : null
    case 'tags':
      return choice.tagIds.length === 0 ? { key: 'tagsRequired' } : null
    case 'ids': {
      const { ids, invalid } = parseCustomerIds(choice.idsText)
      if (invalid.length > 0)
        return { key: 'idsInvalid', values: { ids: invalid.slice(0, 3).join('、') } }
      if (ids.length === 0) return { key: 'idsRequired' }
      if (ids.length > MAX_CUSTOMER_IDS)
        return { key: 'idsTooMany', values: { n: MAX_CUSTOMER_IDS } }
      return null
    }
  }
}

/** A stored audience read back: which kind, and what it names. */
export type AudienceSummary =
  | { kind: 'segment'; segmentId: number }
  | { kind: 'tags'; match: 'any' | 'all' | 'none'; tagIds: number[] }
  | { kind: 'ids'; count: number }
  | { kind: 'rule' }
  | { kind: 'groups'; count: number }
  | { kind: 'allGroups' }

/**
 * How a stored audience is told: tags rules as tags, any other rule just as a rule; a group send's
 * as its groups, or all of them when it names none.
 */
export function summarizeAudience(audience: Audience): AudienceSummary {
  if ('segmentId' in audience) return { kind: 'segment', segmentId: audience.segmentId }
  if ('customerIds' in audience) return { kind: 'ids', count: audience.customerIds.length }
  if (!('rule' in audience)) {
    return audience.chatIds
      ? { kind: 'groups', count: audience.chatIds.length }
      : { kind: 'allGroups' }
  }
  const tags = audience.rule.tags as Record<string, unknown> | undefined
  const keys = Object.keys(audience.rule)
  if (keys.length === 1 && tags && typeof tags === 'object') {
    for (const match of ['any', 'all', 'none'] as const) {
      const ids = tags[match]
      if (Array.isArray(ids)) return { kind: 'tags', match, tagIds: ids.map(Number) }
    }
  }
  return { kind: 'rule' }
}
