import type { Script, ScriptGroup, ScriptInput } from './api'

export const SCRIPT_TITLE_MAX = 64
/** The longest text WeCom sends in one message is 2,048 bytes of UTF-8; we keep to 2,000 characters. */
export const CONTENT_MAX = 2000
/** WeCom sends at most 9 attachments with a message. */
export const MATERIALS_MAX = 9
export const KEYWORD_MAX = 20
export const KEYWORDS_MAX = 10

/** A piece of text, marked when it matches the search. */
export interface TextPart {
  text: string
  hit: boolean
}

/** The text cut around every match of the search (case-insensitive), for highlighting them all. */
export function highlightAll(text: string, query: string): TextPart[] {
  const q = query.trim().toLowerCase()
  if (q === '') return text === '' ? [] : [{ text, hit: false }]
  const parts: TextPart[] = []
  const lower = text.toLowerCase()
  let from = 0
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false })
    parts.push({ text: text.slice(at, at + q.length), hit: true })
    from = at + q.length
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false })
  return parts
}

/** Whether a keyword matches the search (either contains the other), so its tag is marked. */
export function keywordMatches(keyword: string, query: string): boolean {
  const q = query.trim().toLowerCase()
  const k = keyword.toLowerCase()
  return q !== '' && (k.includes(q) || q.includes(k))
}

/** Groups in the order the operators gave them. */
export function sortGroups(groups: readonly ScriptGroup[]): ScriptGroup[] {
  return [...groups].sort((a, b) => a.position - b.position || a.id - b.id)
}

/**
 * Where a group goes when moved one place up (-1) or down (+1): its new place in the list
 * (0 first, as the server takes `position`), or null at either end.
 */
export function movedPosition(
  groups: readonly ScriptGroup[],
  id: number,
  step: -1 | 1,
): number | null {
  const sorted = sortGroups(groups)
  const at = sorted.findIndex((group) => group.id === id)
  const to = at + step
  return at < 0 || to < 0 || to >= sorted.length ? null : to
}

/** What the script dialog edits. */
export interface ScriptDraft {
  groupId: number | null
  title: string
  content: string
  keywords: string[]
  materials: Script['materials']
}

export function emptyScriptDraft(groupId: number | null): ScriptDraft {
  return { groupId, title: '', content: '', keywords: [], materials: [] }
}

export function scriptDraftOf(script: Script): ScriptDraft {
  return {
    groupId: script.groupId,
    title: script.title,
    content: script.content,
    keywords: [...script.keywords],
    materials: [...script.materials],
  }
}

function fieldsOf(draft: ScriptDraft): Required<ScriptInput> {
  return {
    groupId: draft.groupId ?? 0,
    title: draft.title.trim(),
    content: draft.content,
    keywords: [...new Set(draft.keywords.map((k) => k.trim()).filter((k) => k !== ''))],
    materialIds: draft.materials.map((material) => material.id),
  }
}

export function scriptInputOf(draft: ScriptDraft): ScriptInput {
  return fieldsOf(draft)
}

/** Only what changed, so that a change made by someone else meanwhile to another field stays. */
export function scriptChangesOf(draft: ScriptDraft, script: Script): ScriptInput {
  const before = fieldsOf(scriptDraftOf(script))
  const after = fieldsOf(draft)
  const changes: ScriptInput = {}
  for (const field of Object.keys(after) as (keyof ScriptInput)[]) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) {
      ;(changes as Record<string, unknown>)[field] = after[field]
    }
  }
  return changes
}
