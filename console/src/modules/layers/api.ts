import { http } from '@/api/http'

/** A rule in the segment rule language (JSON); the console only shows and passes it on. */
export type Rule = Record<string, unknown>

export interface LayerLevel {
  key: string
  /** Null: everyone not in an earlier level. */
  rule: Rule | null
  count: number
}

export interface Layer {
  key: string
  /** Lifecycle, growth, circle and intent: the tenant may give the levels its own rules. */
  editable: boolean
  /** The tenant's own rules are in force (not the built-in ones). */
  customized: boolean
  levels: LayerLevel[]
}

export const RFM_GROUPS = [
  'important_value',
  'important_develop',
  'important_keep',
  'important_retain',
  'general_value',
  'general_develop',
  'general_keep',
  'general_retain',
] as const
export type RfmGroup = (typeof RFM_GROUPS)[number]

export type ScoringMode = 'QUINTILES' | 'THRESHOLDS'

export interface RfmScoring {
  mode: ScoringMode
  /** Most days since the last purchase for scores 5, 4, 3, 2 (ascending). */
  recency: number[]
  /** Fewest orders for scores 2, 3, 4, 5. */
  frequency: number[]
  /** Least GMV in yuan for scores 2, 3, 4, 5. */
  monetary: number[]
  /** From this score on (2-5) a dimension counts as "high". */
  highFrom: number
  computedAt?: string | null
}

export interface RfmGrid {
  scoring: RfmScoring
  groups: { key: string; count: number }[]
  /** Buyers by recency score (row, 5 first) and frequency score (column, 5 first). */
  cells: number[][]
  /** Of each cell, how many score high on monetary value. */
  monetaryHigh: number[][]
  buyers: number
  total: number
  tookMs: number
}

export interface ScoringBody {
  mode: 'quintiles' | 'thresholds'
  recency: number[]
  frequency: number[]
  monetary: number[]
  highFrom: number
}

export interface Transitions {
  layer: string
  from: string
  to: string
  levels: string[]
  /** (n+1)×(n+1): rows the level on `from`, columns on `to`; the last of each: in no level. */
  matrix: number[][]
  /** The days with a snapshot, oldest first. */
  days: string[]
}

export interface FieldValue {
  value: unknown
  label: string
  count: number
}

export interface SegmentField {
  key: string
  label: string
  kind: string
  ops: string[]
  values: FieldValue[]
}

export interface CreatedSegment {
  id: number
  name: string
}

export const EDITABLE_LAYERS = ['lifecycle', 'growth', 'circle', 'intent'] as const
export type EditableLayer = (typeof EDITABLE_LAYERS)[number]

export const layersApi = {
  list: (signal?: AbortSignal) => http.get<Layer[]>('/api/v1/layers', undefined, signal),
  /** The rule fields in the UI language; layers are the `layers.<key>` entries, with level names. */
  fields: (signal?: AbortSignal) =>
    http.get<{ fields: SegmentField[] }>('/api/v1/segments/fields', undefined, signal),
  rfm: (signal?: AbortSignal) => http.get<RfmGrid>('/api/v1/layers/rfm/grid', undefined, signal),
  updateScoring: (body: ScoringBody) => http.put<RfmScoring>('/api/v1/layers/rfm/scoring', body),
  updateLevels: (key: string, levels: { key: string; rule: Rule | null }[]) =>
    http.put<Layer>(`/api/v1/layers/${encodeURIComponent(key)}`, { levels }),
  reset: (key: string) => http.delete(`/api/v1/layers/${encodeURIComponent(key)}`),
  transitions: (key: string, from?: string, to?: string, signal?: AbortSignal) =>
    http.get<Transitions>(
      `/api/v1/layers/${encodeURIComponent(key)}/transitions`,
      { from, to },
      signal,
    ),
  createSegment: (body: { name: string; description?: string; rule: Rule }) =>
    http.post<CreatedSegment>('/api/v1/segments', body),
}

/** The rule that selects one level of a layer, as a saved segment uses it. */
export function levelRule(layer: string, level: string): Rule {
  return { attribute: `layers.${layer}`, op: 'eq', value: level }
}
