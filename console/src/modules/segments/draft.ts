import type { HistoryState, RouteLocationRaw } from 'vue-router'
import type { RuleJson } from './rule'

/**
 * A rule another page hands to the segment editor ("view these customers" in 数据分析): the editor
 * opens with it filled in and counts it live, and nothing is saved until the operator saves.
 */
export interface SegmentDraft {
  name: string
  description?: string
  rule: RuleJson
}

const STATE_KEY = 'segmentDraft'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The new-segment editor with `draft` filled in. The draft travels in the history state rather
 * than the URL: a rule can be long, it stays out of server logs, and a reload keeps it.
 */
export function segmentDraftLocation(draft: SegmentDraft): RouteLocationRaw {
  // A plain copy: the history state is cloned structurally, and Vue proxies cannot be.
  const plain = JSON.parse(JSON.stringify(draft)) as HistoryState
  return { name: 'segment-new', state: { [STATE_KEY]: plain } }
}

/** The draft a history state carries, or null when it carries none (or something else). */
export function readSegmentDraft(state: unknown): SegmentDraft | null {
  const draft = isRecord(state) ? state[STATE_KEY] : undefined
  if (!isRecord(draft) || !isRecord(draft.rule)) return null
  return {
    name: typeof draft.name === 'string' ? draft.name : '',
    description: typeof draft.description === 'string' ? draft.description : undefined,
    rule: draft.rule,
  }
}
