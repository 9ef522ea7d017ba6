import type { Funnel, Metric, MetricKind, Rule, WecomRate } from './api'

/** Number formatting in the UI language (useFormat's), so these functions stay pure. */
export interface Formatters {
  number: (value: number) => string
  money: (value: number) => string
  percent: (value: number) => string
}

/** Figures where less is better: they turn red when they rise. */
const LOWER_IS_BETTER = new Set(['cac', 'silentCustomers', 'lostCustomers'])
/** Figures that are neither good nor bad when they move (what was spent is a decision). */
const NEUTRAL = new Set(['spend'])

/** The funnel's steps: one headline count per stage, from visitors to customers who share. */
export const FUNNEL_STEPS = [
  'landingUv',
  'wecomAdds',
  'firstInteractions',
  'buyers',
  'sharers',
] as const

/** Differences smaller than this are rounding noise ("unchanged"). */
const EPSILON = 1e-9

/** A figure as operators read it: counts whole, ratios as %, money in yuan, other numbers to 2 places. */
export function formatMetric(
  value: number | null | undefined,
  kind: MetricKind | string,
  format: Formatters,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  switch (kind) {
    case 'count':
      return format.number(Math.round(value))
    case 'ratio':
      return format.percent(value)
    case 'money':
      return format.money(value)
    default:
      return format.number(Math.round(value * 100) / 100)
  }
}

export type Direction = 'up' | 'down' | 'flat'
export type Tone = 'good' | 'bad' | 'neutral'

export interface Change {
  direction: Direction
  /** Whether the move is good news (green), bad news (red) or neither (grey). */
  tone: Tone
  /** Signed text: relative change ("+9.1%"); for ratios the difference in percentage points. */
  text: string
}

function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text
}

/**
 * How a figure moved against the comparison period. Ratios move by percentage points (45% → 48% is
 * "+3 points", not "+6.7%"); other figures by their relative change, or by the difference itself when
 * the comparison period had nothing. Null when either period has no value.
 */
export function metricChange(
  metric: Pick<Metric, 'key' | 'kind' | 'value' | 'previous'>,
  format: Formatters & { points: (value: string) => string },
): Change | null {
  const { value, previous } = metric
  if (value === null || previous === null || value === undefined || previous === undefined)
    return null
  const delta = value - previous
  const direction: Direction = Math.abs(delta) < EPSILON ? 'flat' : delta > 0 ? 'up' : 'down'
  let tone: Tone = 'neutral'
  if (direction !== 'flat' && !NEUTRAL.has(metric.key)) {
    const better = LOWER_IS_BETTER.has(metric.key) ? direction === 'down' : direction === 'up'
    tone = better ? 'good' : 'bad'
  }
  let text: string
  if (direction === 'flat') text = format.percent(0)
  else if (metric.kind === 'ratio') {
    const points = Math.round(Math.abs(delta) * 1000) / 10
    text = signed(delta, format.points(points.toFixed(1)))
  } else if (previous !== 0) text = signed(delta, format.percent(Math.abs(delta / previous)))
  else text = signed(delta, formatMetric(Math.abs(delta), metric.kind, format))
  return { direction, tone, text }
}

/** Every metric of the funnel by key (the first one when a key appears twice). */
export function metricsByKey(funnel: Funnel): Map<string, Metric> {
  const byKey = new Map<string, Metric>()
  for (const stage of funnel.stages)
    for (const metric of stage.metrics) if (!byKey.has(metric.key)) byKey.set(metric.key, metric)
  return byKey
}

export interface FunnelStep {
  key: string
  value: number
  previous: number | null
  rule: Rule | null
}

/** The funnel's headline counts in step order; steps the server did not send are left out. */
export function funnelSteps(funnel: Funnel): FunnelStep[] {
  const byKey = metricsByKey(funnel)
  return FUNNEL_STEPS.flatMap((key) => {
    const metric = byKey.get(key)
    return metric
      ? [{ key, value: metric.value ?? 0, previous: metric.previous, rule: metric.rule }]
      : []
  })
}

/** A ratio as a percentage number for CSV cells (0.45678 → 45.68); null stays empty. */
export function percentNumber(ratio: number | null | undefined): number | null {
  return ratio === null || ratio === undefined ? null : Math.round(ratio * 10000) / 100
}

/** Whether a WeCom rate is flagged below its baseline; a rate the server could not compute is not. */
export function isBelowBaseline(rate: Pick<WecomRate, 'value' | 'below'>): boolean {
  return rate.below && rate.value !== null
}
