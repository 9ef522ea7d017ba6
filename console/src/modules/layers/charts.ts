import { PALETTE } from '@/modules/home/charts'
import type { RfmGrid, RfmScoring, Transitions } from './api'
import type { LayerChartOption } from './echarts'

// Pure option builders and data shaping: the panels translate names and format numbers,
// these only decide what is drawn and how.

/** Colours per layer and level, from the best (or nearest) level to the rest. */
export const LEVEL_COLORS: Record<string, Record<string, string>> = {
  rfm: {
    important_value: '#0f9f7a',
    important_develop: '#2f6fed',
    important_keep: '#e39a12',
    important_retain: '#e5484d',
    general_value: '#6fd1b6',
    general_develop: '#8fb5ff',
    general_keep: '#f5cf7a',
    general_retain: '#f4a3a6',
  },
  lifecycle: { new: '#38bdf8', active: '#17c3a2', silent: '#f5a524', churned: '#a3acb9' },
  growth: {
    super_koc: '#6b5cf6',
    koc: '#2f6fed',
    angel: '#17c3a2',
    seed: '#a3c93a',
    regular: '#c5ccd6',
  },
  circle: { core: '#6b5cf6', influence: '#8fb5ff', outer: '#d5dbe5' },
  intent: { high: '#f0627f', medium: '#f5a524', low: '#8fb5ff', none: '#d5dbe5' },
}
const FALLBACK_COLORS = ['#94a3b8', '#a3a948', '#c084fc', '#fb923c', '#38bdf8']
/** The colour of the "new since" and "gone" nodes of a flow. */
export const OUTSIDE_COLOR = '#cbd5e1'

export function levelColor(layer: string, level: string, index = 0): string {
  return LEVEL_COLORS[layer]?.[level] ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length]!
}

/** Share of `part` in `whole`, 0 when there is no whole. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/** Text for tooltips, which ECharts renders as HTML: names come from the server. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

// ---------- RFM ----------

export type Dimension = 'recency' | 'frequency' | 'monetary'
export const DIMENSIONS: readonly Dimension[] = ['recency', 'frequency', 'monetary']

/**
 * What each score 1..5 (index 0 = score 1) of a dimension means, as ranges without units:
 * recency in days since the last purchase, frequency in orders, monetary in yuan.
 * A score no customer can reach (equal cut points) is "—".
 */
export function scoreRanges(
  scoring: Pick<RfmScoring, Dimension>,
  num: (value: number) => string,
): Record<Dimension, string[]> {
  const range = (from: number, to: number) =>
    to < from ? '—' : to === from ? num(from) : `${num(from)}–${num(to)}`
  const r = scoring.recency
  const f = scoring.frequency
  const m = scoring.monetary
  return {
    // Cut points are for scores 5, 4, 3, 2: "at most r[0] days" scores 5.
    recency: [
      `>${num(r[3]!)}`,
      range(r[2]! + 1, r[3]!),
      range(r[1]! + 1, r[2]!),
      range(r[0]! + 1, r[1]!),
      `≤${num(r[0]!)}`,
    ],
    // Cut points are the least orders for scores 2, 3, 4, 5.
    frequency: [
      `<${num(f[0]!)}`,
      range(f[0]!, f[1]! - 1),
      range(f[1]!, f[2]! - 1),
      range(f[2]!, f[3]! - 1),
      `≥${num(f[3]!)}`,
    ],
    // Amounts are not whole: a range runs up to (not including) the next cut point.
    monetary: [
      `<${num(m[0]!)}`,
      m[1]! <= m[0]! ? '—' : `${num(m[0]!)}–${num(m[1]!)}`,
      m[2]! <= m[1]! ? '—' : `${num(m[1]!)}–${num(m[2]!)}`,
      m[3]! <= m[2]! ? '—' : `${num(m[2]!)}–${num(m[3]!)}`,
      `≥${num(m[3]!)}`,
    ],
  }
}

/** One cell of the recency × frequency grid, by score (1-5). */
export interface HeatCell {
  recency: number
  frequency: number
  count: number
  /** Of them, how many score high on monetary value. */
  high: number
}

/** The grid as cells by score: the server's rows and columns run from score 5 down to 1. */
export function rfmCells(grid: Pick<RfmGrid, 'cells' | 'monetaryHigh'>): HeatCell[] {
  const cells: HeatCell[] = []
  grid.cells.forEach((row, r) =>
    row.forEach((count, f) =>
      cells.push({
        recency: 5 - r,
        frequency: 5 - f,
        count,
        high: grid.monetaryHigh[r]?.[f] ?? 0,
      }),
    ),
  )
  return cells
}

export interface HeatmapText {
  /** Axis names, e.g. "购买频次 F" / "最近购买 R". */
  frequencyAxis: string
  recencyAxis: string
  /** Label of each score 1..5 on the axes (index 0 = score 1). */
  frequencyLabels: string[]
  recencyLabels: string[]
  /** A cell's number in the chart. */
  count: (value: number) => string
  /** The tooltip of one cell (HTML). */
  tooltip: (cell: HeatCell) => string
}

/**
 * Buyers by recency (rows, 5 on top) and frequency (columns, 5 on the right): the best customers sit in
 * the top right corner. Darker is more customers.
 */
export function rfmHeatmapOption(
  grid: Pick<RfmGrid, 'cells' | 'monetaryHigh'>,
  text: HeatmapText,
): LayerChartOption {
  const cells = rfmCells(grid)
  const max = Math.max(1, ...cells.map((c) => c.count))
  return {
    grid: { left: 8, right: 8, top: 30, bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }).dataIndex
        const cell = cells[index]
        return cell ? text.tooltip(cell) : ''
      },
    },
    xAxis: {
      type: 'category',
      name: text.frequencyAxis,
      nameLocation: 'middle',
      nameGap: 42,
      nameTextStyle: { color: PALETTE.axis },
      data: [1, 2, 3, 4, 5].map((score) => text.frequencyLabels[score - 1] ?? String(score)),
      splitArea: { show: false },
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text, lineHeight: 16 },
    },
    yAxis: {
      type: 'category',
      // Above the axis, reading rightwards: a rotated name beside the two-line labels would not fit.
      name: text.recencyAxis,
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: PALETTE.axis, align: 'left' },
      data: [1, 2, 3, 4, 5].map((score) => text.recencyLabels[score - 1] ?? String(score)),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text, lineHeight: 16 },
    },
    visualMap: {
      show: false,
      min: 0,
      max,
      inRange: { color: ['#f3f6fc', '#a9c3f7', '#2f6fed', '#1d3f91'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((cell) => ({
          value: [cell.frequency - 1, cell.recency - 1, cell.count],
          label: {
            color: cell.count === 0 ? '#a3acb9' : cell.count > max * 0.45 ? '#fff' : '#1f2937',
          },
        })),
        label: {
          show: true,
          fontSize: 13,
          fontWeight: 600,
          formatter: (params: unknown) => {
            const value = (params as { value: number[] }).value
            return text.count(value[2] ?? 0)
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 6 },
        emphasis: { itemStyle: { borderColor: '#0f1b2d', borderWidth: 1 } },
      },
    ],
  }
}

export interface Bar {
  name: string
  value: number
  color: string
}

/** Counts of each score 5..1 per RFM dimension, side by side. */
export function scoreDistributionOption(
  categories: string[],
  series: { name: string; color: string; values: number[] }[],
  count: (value: number) => string,
): LayerChartOption {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: PALETTE.text },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: countFormatter(count),
    },
    xAxis: {
      type: 'category',
      data: categories,
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.axis },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: PALETTE.axis, formatter: (value: number) => count(value) },
    },
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values,
      barMaxWidth: 18,
      itemStyle: { color: s.color, borderRadius: [3, 3, 0, 0] },
    })),
  }
}

function countFormatter(count: (value: number) => string) {
  return (value: unknown) => (typeof value === 'number' ? count(value) : String(value ?? ''))
}

// ---------- level sizes ----------

/**
 * Level sizes as horizontal bars, the first level on top, each labelled with its count and share
 * (`label` formats both).
 */
export function levelBarOption(
  bars: Bar[],
  label: (value: number, share: number) => string,
): LayerChartOption {
  const total = sum(bars.map((b) => b.value))
  return {
    grid: { left: 8, right: 120, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { dataIndex } = params as { dataIndex: number }
        const bar = bars[dataIndex]
        return bar ? `${escapeHtml(bar.name)}<br/>${label(bar.value, share(bar.value, total))}` : ''
      },
    },
    // The largest level fills the width: bars compare with each other, not with a rounded axis.
    xAxis: { type: 'value', show: false, max: 'dataMax' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.name),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text, fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
        barMaxWidth: 22,
        barMinHeight: 3,
        itemStyle: { borderRadius: 4 },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: (params: unknown) => {
            const { dataIndex } = params as { dataIndex: number }
            const bar = bars[dataIndex]
            return bar ? label(bar.value, share(bar.value, total)) : ''
          },
        },
      },
    ],
  }
}

/**
 * The circles as a pyramid: the core at the apex, the outer layer as the base. Widths follow the
 * order, not the sizes (an outer layer of 95 % would squash the rest); the labels give the sizes.
 */
export function circlePyramidOption(
  bars: Bar[],
  label: (bar: Bar, share: number) => string,
): LayerChartOption {
  const total = sum(bars.map((b) => b.value))
  const steps = Math.max(1, bars.length)
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { dataIndex } = params as { dataIndex: number }
        const bar = bars[dataIndex]
        return bar ? escapeHtml(label(bar, share(bar.value, total))) : ''
      },
    },
    series: [
      {
        type: 'funnel',
        // Ascending by position: a pyramid with the first level (the core) at the apex.
        sort: 'ascending',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        gap: 4,
        min: 0,
        max: steps,
        minSize: '30%',
        maxSize: '100%',
        // The position in the order decides the width; the real size is in `count`.
        data: bars.map((bar, i) => ({
          name: bar.name,
          value: i + 1,
          itemStyle: { color: bar.color, borderColor: '#fff', borderWidth: 1 },
          label: { color: i === 0 ? '#fff' : '#1f2937' },
        })),
        label: {
          show: true,
          position: 'inside',
          fontSize: 13,
          formatter: (params: unknown) => {
            const { dataIndex } = params as { dataIndex: number }
            const bar = bars[dataIndex]
            return bar ? label(bar, share(bar.value, total)) : ''
          },
        },
        labelLine: { show: false },
      },
    ],
  }
}

// ---------- transitions ----------

export interface FlowNames {
  level: (key: string) => string
  color: (key: string, index: number) => string
  /** The node of customers in no level on the first day (new since). */
  entered: string
  /** The node of customers in no level on the second day (gone, e.g. merged or deleted). */
  left: string
}

export interface FlowNode {
  id: string
  name: string
  side: 'from' | 'to'
  color: string
}

export interface Flow {
  source: string
  target: string
  value: number
}

const NONE = '__none'

/**
 * The transition matrix as sankey nodes and links: levels on the first day on the left, on the second
 * on the right; the last row and column ("in no level") become `entered` and `left`. Zero flows are
 * dropped, and with them nodes nobody flows through. `stays` false leaves out customers who kept
 * their level, to show only who moved.
 */
export function flowData(
  transitions: Pick<Transitions, 'levels' | 'matrix'>,
  names: FlowNames,
  stays = true,
): { nodes: FlowNode[]; links: Flow[] } {
  const keys = [...transitions.levels, NONE]
  const n = transitions.levels.length
  const links: Flow[] = []
  transitions.matrix.forEach((row, i) =>
    row.forEach((value, j) => {
      if (!(value > 0) || i > n || j > n) return
      if (i === n && j === n) return
      if (!stays && i === j) return
      links.push({ source: `from:${keys[i]}`, target: `to:${keys[j]}`, value })
    }),
  )
  const used = new Set(links.flatMap((l) => [l.source, l.target]))
  const nodes: FlowNode[] = []
  for (const side of ['from', 'to'] as const) {
    keys.forEach((key, index) => {
      const id = `${side}:${key}`
      if (!used.has(id)) return
      const outside = key === NONE
      nodes.push({
        id,
        name: outside ? (side === 'from' ? names.entered : names.left) : names.level(key),
        side,
        color: outside ? OUTSIDE_COLOR : names.color(key, index),
      })
    })
  }
  return { nodes, links }
}

export interface FlowText {
  count: (value: number) => string
  /** The tooltip of one flow (HTML escaped by the builder for the names). */
  flow: (from: string, to: string, value: number) => string
}

/** Customers moving between levels from one day (left) to another (right). */
export function sankeyOption(
  transitions: Pick<Transitions, 'levels' | 'matrix'>,
  names: FlowNames,
  text: FlowText,
  stays = true,
): LayerChartOption {
  const { nodes, links } = flowData(transitions, names, stays)
  const byId = new Map(nodes.map((node) => [node.id, node]))
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as {
          dataType?: string
          data: { source?: string; target?: string; value?: number }
          name: string
          value: number
        }
        if (p.dataType === 'edge') {
          const from = byId.get(p.data.source ?? '')?.name ?? ''
          const to = byId.get(p.data.target ?? '')?.name ?? ''
          return text.flow(escapeHtml(from), escapeHtml(to), p.data.value ?? 0)
        }
        return `${escapeHtml(p.name)}：${text.count(p.value)}`
      },
    },
    series: [
      {
        type: 'sankey',
        left: 120,
        right: 120,
        top: 12,
        bottom: 12,
        nodeWidth: 14,
        nodeGap: 12,
        nodeAlign: 'justify',
        layoutIterations: 0,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        data: nodes.map((node) => ({
          id: node.id,
          name: node.name,
          depth: node.side === 'from' ? 0 : 1,
          itemStyle: { color: node.color, borderWidth: 0 },
          label: { position: node.side === 'from' ? 'left' : 'right' },
        })),
        links: links.map((link) => ({ ...link })),
        lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
        label: {
          color: PALETTE.text,
          fontSize: 12,
          formatter: (params: unknown) => {
            const p = params as { name: string; value: number }
            return `${p.name}  ${text.count(p.value)}`
          },
        },
      },
    ],
  }
}

export interface TransitionRow {
  /** The level on the first day; null: customers who were in no level then (new since). */
  key: string | null
  cells: number[]
  /** Everyone in this row: the level's size on the first day (or how many are new). */
  total: number
}

export interface TransitionTable {
  /** Level keys of the columns, then null: in no level on the second day (gone). */
  columns: (string | null)[]
  rows: TransitionRow[]
  /** Per column: the level's size on the second day (or how many are gone). */
  columnTotals: number[]
  total: number
  /** The largest number of customers who kept their level, and who moved (for shading). */
  maxStay: number
  maxMove: number
}

/** The matrix with row and column totals, as the table of who went where. */
export function transitionTable(
  transitions: Pick<Transitions, 'levels' | 'matrix'>,
): TransitionTable {
  const n = transitions.levels.length
  const columns: (string | null)[] = [...transitions.levels, null]
  const rows: TransitionRow[] = columns.map((key, i) => {
    const cells = columns.map((_, j) => transitions.matrix[i]?.[j] ?? 0)
    return { key, cells, total: sum(cells) }
  })
  const columnTotals = columns.map((_, j) => sum(rows.map((row) => row.cells[j] ?? 0)))
  let maxStay = 0
  let maxMove = 0
  rows.forEach((row, i) =>
    row.cells.forEach((value, j) => {
      if (i === j && i < n) maxStay = Math.max(maxStay, value)
      else maxMove = Math.max(maxMove, value)
    }),
  )
  return { columns, rows, columnTotals, total: sum(columnTotals), maxStay, maxMove }
}

/** Level sizes on the first and second day of a transition, with how many came and went. */
export function levelChanges(transitions: Pick<Transitions, 'levels' | 'matrix'>) {
  const table = transitionTable(transitions)
  return transitions.levels.map((key, i) => {
    const before = table.rows[i]?.total ?? 0
    const after = table.columnTotals[i] ?? 0
    const stayed = table.rows[i]?.cells[i] ?? 0
    return { key, before, after, entered: after - stayed, exited: before - stayed }
  })
}

/** Whether each RFM group is high on recency, frequency and monetary value. */
export const RFM_HIGH: Record<string, [boolean, boolean, boolean]> = {
  important_value: [true, true, true],
  important_develop: [true, false, true],
  important_keep: [false, true, true],
  important_retain: [false, false, true],
  general_value: [true, true, false],
  general_develop: [true, false, false],
  general_keep: [false, true, false],
  general_retain: [false, false, false],
}

export const DIMENSION_COLORS: Record<Dimension, string> = {
  recency: '#2f6fed',
  frequency: '#17c3a2',
  monetary: '#f5a524',
}
