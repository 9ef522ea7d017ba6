import { PALETTE } from '@/modules/home/charts'
import type { Transitions } from '@/modules/layers/api'
import { escapeHtml, flowData, type FlowNames } from '@/modules/layers/charts'
import type {
  AssetRow,
  ChannelRow,
  Cohort,
  GmvFactor,
  GmvRow,
  StaffKpi,
  TrendMetric,
  TrialProduct,
  TrendPoint,
  WecomDay,
} from './api'
import { GMV_FACTORS } from './api'
import type { AnalyticsChartOption } from './echarts'

// Pure option builders and data shaping: the pages translate names and format numbers,
// these only decide what is drawn and how.

export const COLORS = {
  primary: PALETTE.primary,
  previous: '#a3acb9',
  good: '#17a37a',
  bad: '#e5484d',
  total: PALETTE.primary,
  spend: '#f5a524',
  gmv: PALETTE.primary,
  chats: '#9b7bf7',
}

/** Funnel steps from wide to narrow, in one hue. */
export const FUNNEL_COLORS = ['#2f6fed', '#4c8dff', '#6fa6ff', '#94bdff', '#b9d3ff']

const legend = {
  top: 0,
  left: 0,
  icon: 'roundRect',
  itemWidth: 10,
  itemHeight: 10,
  textStyle: { color: PALETTE.text },
}

const valueAxis = {
  type: 'value' as const,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}

function categoryAxis(data: string[], boundaryGap = true) {
  return {
    type: 'category' as const,
    data,
    boundaryGap,
    axisLine: { lineStyle: { color: PALETTE.grid } },
    axisTick: { show: false },
    axisLabel: { color: PALETTE.axis, hideOverlap: true },
  }
}

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }

/** Month and day of a date, for axes ("11-01"). */
export const shortDate = (date: string) => date.slice(5)

// ---------- AARRR funnel ----------

export interface StepRates {
  /** Share of the step before (null for the first step, or when the step before is 0). */
  ofPrevious: number | null
  /** Share of the first step. */
  ofFirst: number | null
}

/** How much of the step before, and of the first step, each step keeps. */
export function stepRates(values: readonly number[]): StepRates[] {
  const first = values[0] ?? 0
  return values.map((value, i) => {
    const before = i > 0 ? values[i - 1]! : 0
    return {
      ofPrevious: i > 0 && before > 0 ? value / before : null,
      ofFirst: first > 0 ? value / first : null,
    }
  })
}

export interface FunnelText {
  count: (value: number) => string
  percent: (value: number) => string
  /** The tooltip of a step (names already HTML-escaped). */
  tooltip: (name: string, value: number, rates: StepRates) => string
}

/** The stages' headline counts as a funnel, widest (landing page visitors) on top, in step order. */
export function funnelOption(
  steps: readonly { name: string; value: number }[],
  text: FunnelText,
): AnalyticsChartOption {
  const rates = stepRates(steps.map((s) => s.value))
  const max = Math.max(1, ...steps.map((s) => s.value))
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { dataIndex } = params as { dataIndex: number }
        const step = steps[dataIndex]
        return step ? text.tooltip(escapeHtml(step.name), step.value, rates[dataIndex]!) : ''
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '4%',
        width: '60%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '8%',
        maxSize: '100%',
        gap: 3,
        // Outside on the right: the narrow steps at the bottom have no room inside.
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: (params: unknown) => {
            const { name, value, dataIndex } = params as {
              name: string
              value: number
              dataIndex: number
            }
            const kept = rates[dataIndex]?.ofPrevious
            const share = kept === null || kept === undefined ? '' : `  ${text.percent(kept)}`
            return `${name}  ${text.count(value)}${share}`
          },
        },
        labelLine: { show: true, length: 12, lineStyle: { color: PALETTE.grid } },
        itemStyle: { borderWidth: 0 },
        data: steps.map((step, i) => ({
          name: step.name,
          value: step.value,
          itemStyle: { color: FUNNEL_COLORS[i % FUNNEL_COLORS.length] },
        })),
      },
    ],
  }
}

// ---------- trends ----------

export interface TrendNames {
  current: string
  previous: string
  /** A value on the axis and in the tooltip. */
  value: (value: number) => string
}

/**
 * One figure over the period (solid) and over the comparison period (dashed), point by point: the
 * comparison period has as many points, each shown at the place of its counterpart.
 */
export function trendOption(
  points: readonly TrendPoint[],
  previous: readonly TrendPoint[],
  metric: TrendMetric,
  names: TrendNames,
): AnalyticsChartOption {
  const dates = points.map((p) => p.date)
  const before = points.map((_, i) => previous[i]?.[metric] ?? null)
  return {
    grid,
    legend,
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number; seriesIndex: number; marker: string }[]
        const index = list[0]?.dataIndex ?? 0
        return list
          .map((item) => {
            const point = item.seriesIndex === 0 ? points[index] : previous[index]
            const value = point?.[metric]
            const label = item.seriesIndex === 0 ? names.current : names.previous
            return `${item.marker}${label} ${point?.date ?? ''}：${value === undefined ? '—' : names.value(value)}`
          })
          .join('<br/>')
      },
    },
    xAxis: { ...categoryAxis(dates.map(shortDate), false) },
    yAxis: { ...valueAxis, axisLabel: { color: PALETTE.axis, formatter: names.value } },
    series: [
      {
        type: 'line',
        name: names.current,
        data: points.map((p) => p[metric]),
        smooth: true,
        showSymbol: points.length <= 31,
        symbolSize: 5,
        lineStyle: { width: 2.5 },
        itemStyle: { color: COLORS.primary },
        areaStyle: { opacity: 0.08 },
      },
      {
        type: 'line',
        name: names.previous,
        data: before,
        smooth: true,
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed' },
        itemStyle: { color: COLORS.previous },
      },
    ],
  }
}

// ---------- cohorts ----------

/** How many periods the widest cohort reaches (its periods 0…n-1). */
export function periodCount(cohorts: readonly Cohort[]): number {
  let n = 0
  for (const cohort of cohorts) for (const p of cohort.periods) n = Math.max(n, p.period + 1)
  return n
}

/** One heatmap cell: the period (column), the cohort (row), its rate and how many were active. */
export type HeatCell = [period: number, row: number, rate: number, active: number]

/** The cohorts' retention as cells, oldest cohort in row 0; periods not reached yet have no cell. */
export function cohortCells(cohorts: readonly Cohort[]): HeatCell[] {
  return cohorts.flatMap((cohort, row) =>
    cohort.periods.map((p): HeatCell => [p.period, row, p.rate, p.active]),
  )
}

export interface HeatmapText {
  period: (n: number) => string
  percent: (rate: number) => string
  /** The tooltip of a cell (the row label already HTML-escaped). */
  tooltip: (row: string, period: string, rate: number, active: number) => string
}

/** Cohorts as rows (oldest on top) and periods as columns, the rate as colour and label. */
export function heatmapOption(
  cohorts: readonly Cohort[],
  rowLabels: readonly string[],
  text: HeatmapText,
): AnalyticsChartOption {
  const periods = Array.from({ length: periodCount(cohorts) }, (_, i) => text.period(i))
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 44, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { value } = params as { value: HeatCell }
        const [period, row, rate, active] = value
        return text.tooltip(escapeHtml(rowLabels[row] ?? ''), periods[period] ?? '', rate, active)
      },
    },
    xAxis: {
      type: 'category',
      data: periods,
      position: 'top',
      splitArea: { show: false },
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.axis },
    },
    yAxis: {
      type: 'category',
      data: [...rowLabels],
      inverse: true,
      // Row labels are clickable too: a click there opens the row's customers.
      triggerEvent: true,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text },
    },
    visualMap: {
      // the cells are [period, row, rate, active]: colour by the rate, not the last value
      dimension: 2,
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      text: [text.percent(1), text.percent(0)],
      textStyle: { color: PALETTE.axis },
      inRange: { color: ['#eef4ff', '#8fb5ff', '#2f6fed', '#173f9c'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cohortCells(cohorts),
        label: {
          show: true,
          fontSize: 11,
          formatter: (params: unknown) => text.percent((params as { value: HeatCell }).value[2]),
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: PALETTE.text, borderWidth: 1 } },
      },
    ],
  }
}

/** The cohort a click on the heatmap means: a cell's row, or a row label's position. */
export function clickedCohort(params: unknown, rowLabels: readonly string[]): number | null {
  const p = params as { componentType?: string; value?: unknown; data?: unknown }
  if (p.componentType === 'series' && Array.isArray(p.value)) return Number(p.value[1])
  if (p.componentType === 'yAxis' && typeof p.value === 'string') {
    const index = rowLabels.indexOf(p.value)
    return index >= 0 ? index : null
  }
  return null
}

/**
 * The average retention curve, weighted by cohort size: per period, everyone active in it over
 * everyone in the cohorts that have reached it.
 */
export function averageCurve(cohorts: readonly Cohort[]): (number | null)[] {
  return Array.from({ length: periodCount(cohorts) }, (_, k) => {
    let active = 0
    let size = 0
    for (const cohort of cohorts) {
      const p = cohort.periods.find((entry) => entry.period === k)
      if (!p) continue
      active += p.active
      size += cohort.size
    }
    return size > 0 ? active / size : null
  })
}

export interface Curve {
  name: string
  data: (number | null)[]
}

/** One line per cohort (its periods so far). */
export function cohortCurves(cohorts: readonly Cohort[], names: readonly string[]): Curve[] {
  const n = periodCount(cohorts)
  return cohorts.map((cohort, i) => {
    const data: (number | null)[] = Array.from({ length: n }, () => null)
    for (const p of cohort.periods) data[p.period] = p.rate
    return { name: names[i] ?? cohort.start, data }
  })
}

/** Retention curves: periods along, rate up (0–100 %). */
export function curvesOption(
  curves: readonly Curve[],
  periods: readonly string[],
  percent: (rate: number) => string,
): AnalyticsChartOption {
  return {
    grid: { ...grid, top: curves.length > 1 ? 48 : 16 },
    legend: curves.length > 1 ? { ...legend, type: 'scroll' } : undefined,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v == null ? '—' : percent(Number(v))),
    },
    xAxis: categoryAxis([...periods], false),
    yAxis: { ...valueAxis, min: 0, max: 1, axisLabel: { color: PALETTE.axis, formatter: percent } },
    series: curves.map((curve, i) => ({
      type: 'line' as const,
      name: curve.name,
      data: curve.data,
      smooth: true,
      connectNulls: false,
      symbolSize: 5,
      lineStyle: { width: curves.length > 1 ? 1.5 : 2.5 },
      itemStyle: curves.length > 1 ? undefined : { color: COLORS.primary },
      areaStyle: curves.length > 1 || i > 0 ? undefined : { opacity: 0.08 },
    })),
  }
}

// ---------- GMV ----------

export type WaterfallKey = 'previous' | GmvFactor | 'unexplained' | 'current'

export interface WaterfallStep {
  key: WaterfallKey
  /** The running GMV before and after the step (0 → GMV for the two totals). */
  start: number
  end: number
  total: boolean
}

/** Money is in yuan with 2 decimals: smaller differences are rounding. */
const CENT = 0.005

/**
 * From the previous GMV through each factor's contribution to the current GMV. A factor the server
 * could not attribute (null: zero in a period) is left out; what is then not explained by the others
 * is one step of its own, so the bars always end at the current GMV.
 */
export function waterfallSteps(row: Pick<GmvRow, 'current' | 'previous' | 'contributions'>) {
  const steps: WaterfallStep[] = [{ key: 'previous', start: 0, end: row.previous.gmv, total: true }]
  let running = row.previous.gmv
  for (const factor of GMV_FACTORS) {
    const contribution = row.contributions[factor]
    if (contribution === null || contribution === undefined) continue
    steps.push({ key: factor, start: running, end: running + contribution, total: false })
    running += contribution
  }
  const rest = row.current.gmv - running
  if (Math.abs(rest) >= CENT)
    steps.push({ key: 'unexplained', start: running, end: row.current.gmv, total: false })
  steps.push({ key: 'current', start: 0, end: row.current.gmv, total: true })
  return steps
}

/** The change of a step (for the totals: their value). */
export const stepDelta = (step: WaterfallStep) => (step.total ? step.end : step.end - step.start)

/**
 * The invisible base and the visible bar of each step, stacked: ECharts stacks positive and negative
 * values apart, so a bar that crosses zero is drawn as its part above and its part below the axis.
 */
export function waterfallBars(steps: readonly WaterfallStep[]) {
  return steps.map((step) => {
    const low = Math.min(step.start, step.end)
    const high = Math.max(step.start, step.end)
    if (low >= 0) return { base: low, bar: high - low, below: 0 }
    if (high <= 0) return { base: high, bar: low - high, below: 0 }
    return { base: 0, bar: high, below: low }
  })
}

export interface WaterfallText {
  name: (key: WaterfallKey) => string
  money: (value: number) => string
}

export function stepColor(step: WaterfallStep): string {
  if (step.total) return COLORS.total
  return step.end >= step.start ? COLORS.good : COLORS.bad
}

export function waterfallOption(
  steps: readonly WaterfallStep[],
  text: WaterfallText,
): AnalyticsChartOption {
  const bars = waterfallBars(steps)
  const signedMoney = (v: number) => (v > 0 ? `+${text.money(v)}` : text.money(v))
  const labelOf = (i: number) => {
    const step = steps[i]!
    return step.total ? text.money(step.end) : signedMoney(stepDelta(step))
  }
  const colored = (value: number, i: number) => ({
    value,
    itemStyle: { color: stepColor(steps[i]!) },
  })
  return {
    grid: { ...grid, top: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0
        const step = steps[index]
        return step ? `${escapeHtml(text.name(step.key))}：${labelOf(index)}` : ''
      },
    },
    xAxis: categoryAxis(steps.map((s) => text.name(s.key))),
    // Axis formatters get (value, index): pass on only the value.
    yAxis: {
      ...valueAxis,
      axisLabel: { color: PALETTE.axis, formatter: (v: number) => text.money(v) },
    },
    series: [
      {
        type: 'bar',
        name: 'base',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent', borderColor: 'transparent' },
        emphasis: { disabled: true },
        data: bars.map((b) => b.base),
      },
      {
        type: 'bar',
        name: 'change',
        stack: 'waterfall',
        barMaxWidth: 48,
        label: {
          show: true,
          position: 'top',
          color: PALETTE.text,
          formatter: (params: unknown) => labelOf((params as { dataIndex: number }).dataIndex),
        },
        data: bars.map((b, i) => colored(b.bar, i)),
      },
      {
        type: 'bar',
        name: 'below',
        stack: 'waterfall',
        barMaxWidth: 48,
        data: bars.map((b, i) => colored(b.below, i)),
      },
    ],
  }
}

// ---------- the user asset table ----------

export interface AssetNames {
  added: string
  lost: string
  closing: string
  /** A level's name, for the per-level bars. */
  level: (key: string) => string
  count: (value: number) => string
}

/** The periods of the rows, oldest first. */
export function assetPeriods(rows: readonly AssetRow[]): string[] {
  return [...new Set(rows.map((r) => r.start))].sort()
}

/**
 * Added (up) and lost (down) per period as stacked bars, by level when the rows are per level, and
 * the customers at the end as a line on its own axis (it is an order of magnitude larger).
 */
export function assetsOption(
  rows: readonly AssetRow[],
  levels: readonly string[],
  names: AssetNames,
  levelColor: (key: string, index: number) => string,
): AnalyticsChartOption {
  const periods = assetPeriods(rows)
  const totals = rows.filter((r) => r.level === null)
  const perLevel = levels.length > 0 && rows.some((r) => r.level !== null)
  const sumOf = (start: string, pick: (r: AssetRow) => number) => {
    const total = totals.find((r) => r.start === start)
    if (total) return pick(total)
    return rows.filter((r) => r.start === start).reduce((s, r) => s + pick(r), 0)
  }
  const bar = (name: string, data: number[], color: string) => ({
    type: 'bar' as const,
    name,
    stack: 'flow',
    data,
    barMaxWidth: 28,
    itemStyle: { color },
    emphasis: { focus: 'series' as const },
  })
  const flows = perLevel
    ? levels.flatMap((level, i) => {
        const of = (start: string) => rows.find((r) => r.start === start && r.level === level)
        return [
          bar(
            `${names.level(level)} · ${names.added}`,
            periods.map((p) => of(p)?.added ?? 0),
            levelColor(level, i),
          ),
          bar(
            `${names.level(level)} · ${names.lost}`,
            periods.map((p) => 0 - (of(p)?.lost ?? 0)),
            levelColor(level, i),
          ),
        ]
      })
    : [
        bar(
          names.added,
          periods.map((p) => sumOf(p, (r) => r.added)),
          COLORS.good,
        ),
        bar(
          names.lost,
          periods.map((p) => 0 - sumOf(p, (r) => r.lost)),
          COLORS.bad,
        ),
      ]
  return {
    grid: { ...grid, top: perLevel ? 56 : 36 },
    legend: { ...legend, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => names.count(Math.abs(Number(v))),
    },
    xAxis: categoryAxis(periods),
    yAxis: [
      { ...valueAxis, axisLabel: { color: PALETTE.axis, formatter: names.count } },
      {
        ...valueAxis,
        splitLine: { show: false },
        axisLabel: { color: PALETTE.axis, formatter: names.count },
      },
    ],
    series: [
      ...flows,
      {
        type: 'line',
        name: names.closing,
        yAxisIndex: 1,
        data: periods.map((p) => sumOf(p, (r) => r.closing)),
        smooth: true,
        symbolSize: 6,
        lineStyle: { width: 2.5 },
        itemStyle: { color: COLORS.primary },
      },
    ],
  }
}

// ---------- WeCom ----------

export interface GaugeRate {
  name: string
  value: number | null
  baseline: number
  below: boolean
}

/**
 * The three success rates as gauges side by side: the band below the baseline red, above it green,
 * the rate's arc in the colour of the side it is on.
 */
export function gaugesOption(
  rates: readonly GaugeRate[],
  text: { percent: (v: number) => string; baseline: (v: string) => string },
): AnalyticsChartOption {
  const width = 100 / Math.max(1, rates.length)
  return {
    series: rates.map((rate, i) => ({
      type: 'gauge' as const,
      center: [`${width * i + width / 2}%`, '58%'],
      radius: '78%',
      min: 0,
      max: 1,
      startAngle: 200,
      endAngle: -20,
      splitNumber: 4,
      progress: {
        show: true,
        width: 10,
        itemStyle: { color: rate.below ? COLORS.bad : COLORS.good },
      },
      axisLine: {
        lineStyle: {
          width: 10,
          color: [
            [Math.min(1, Math.max(0, rate.baseline)), '#fde2e1'],
            [1, '#d5f2e8'],
          ] as [number, string][],
        },
      },
      pointer: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      anchor: { show: false },
      title: { offsetCenter: [0, '66%'], fontSize: 12, lineHeight: 18, color: PALETTE.text },
      detail: {
        offsetCenter: [0, '8%'],
        fontSize: 22,
        fontWeight: 600,
        color: rate.below ? COLORS.bad : PALETTE.text,
        formatter: () => (rate.value === null ? '—' : text.percent(rate.value)),
      },
      data: [
        {
          value: rate.value ?? 0,
          name: `${rate.name}\n${text.baseline(text.percent(rate.baseline))}`,
        },
      ],
    })),
  }
}

/** Staff by new customers per day, most first (top `limit`). */
export function staffBarOption(
  staff: readonly StaffKpi[],
  name: string,
  value: (v: number) => string,
  limit = 20,
): AnalyticsChartOption {
  const top = [...staff].sort((a, b) => b.dailyNew - a.dailyNew).slice(0, limit)
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => value(Number(v)),
    },
    xAxis: { ...valueAxis },
    yAxis: { ...categoryAxis(top.map((s) => s.name)), inverse: true },
    series: [
      {
        type: 'bar',
        name,
        data: top.map((s) => s.dailyNew),
        barMaxWidth: 18,
        itemStyle: { color: COLORS.primary, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: (params: unknown) => value(Number((params as { value: number }).value)),
        },
      },
    ],
  }
}

/** New and lost customers per day as bars, chats as a line on its own axis. */
export function wecomDaysOption(
  days: readonly WecomDay[],
  names: { newCustomers: string; lostCustomers: string; chats: string },
): AnalyticsChartOption {
  return {
    grid,
    legend,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(days.map((d) => shortDate(d.date))),
    yAxis: [
      { ...valueAxis, minInterval: 1 },
      { ...valueAxis, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: names.newCustomers,
        data: days.map((d) => d.newCustomers),
        barMaxWidth: 14,
        itemStyle: { color: COLORS.good },
      },
      {
        type: 'bar',
        name: names.lostCustomers,
        data: days.map((d) => d.lostCustomers),
        barMaxWidth: 14,
        itemStyle: { color: COLORS.bad },
      },
      {
        type: 'line',
        name: names.chats,
        yAxisIndex: 1,
        data: days.map((d) => d.chats),
        smooth: true,
        showSymbol: false,
        lineStyle: { width: 2 },
        itemStyle: { color: COLORS.chats },
      },
    ],
  }
}

// ---------- channels ----------

/** GMV and spend per channel side by side, channels by GMV. */
export function channelsOption(
  rows: readonly ChannelRow[],
  names: { gmv: string; spend: string; money: (v: number) => string },
): AnalyticsChartOption {
  const sorted = [...rows].sort((a, b) => b.gmv - a.gmv)
  return {
    grid,
    legend,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => names.money(Number(v)),
    },
    xAxis: categoryAxis(sorted.map((r) => r.channel)),
    yAxis: { ...valueAxis, axisLabel: { color: PALETTE.axis, formatter: names.money } },
    series: [
      {
        type: 'bar',
        name: names.gmv,
        data: sorted.map((r) => r.gmv),
        barMaxWidth: 24,
        itemStyle: { color: COLORS.gmv },
      },
      {
        type: 'bar',
        name: names.spend,
        data: sorted.map((r) => r.spend),
        barMaxWidth: 24,
        itemStyle: { color: COLORS.spend },
      },
    ],
  }
}

/**
 * Each channel at (CAC, LTV), with the line LTV = CAC: channels above it earn back what acquiring a
 * customer cost. Channels without a CAC (no spend) or LTV cannot be placed and are left out.
 */
export function cacLtvOption(
  rows: readonly ChannelRow[],
  names: { cac: string; ltv: string; breakEven: string; money: (v: number) => string },
): AnalyticsChartOption {
  const placed = rows.filter((r) => r.cac !== null && r.ltv !== null)
  const max = Math.max(1, ...placed.flatMap((r) => [r.cac!, r.ltv!])) * 1.1
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { value } = params as { value: [number, number, string] }
        return `${escapeHtml(value[2])}<br/>${names.cac}：${names.money(value[0])}<br/>${names.ltv}：${names.money(value[1])}`
      },
    },
    xAxis: {
      ...valueAxis,
      name: names.cac,
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max,
      axisLabel: { color: PALETTE.axis, formatter: names.money },
    },
    yAxis: {
      ...valueAxis,
      name: names.ltv,
      min: 0,
      max,
      axisLabel: { color: PALETTE.axis, formatter: names.money },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: placed.map((r) => ({
          value: [r.cac!, r.ltv!, r.channel],
          itemStyle: { color: r.ltv! >= r.cac! ? COLORS.good : COLORS.bad },
        })),
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: (params: unknown) => (params as { value: [number, number, string] }).value[2],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: PALETTE.axis },
          label: { formatter: names.breakEven, position: 'insideEndTop', color: PALETTE.axis },
          data: [[{ coord: [0, 0] }, { coord: [max, max] }]],
        },
      },
    ],
  }
}

// ---------- trial products ----------

/**
 * Per lead product: its trial customers and the converted ones as bars, the conversion rate as a line on
 * the right axis; products in the order given (the API's: most trial customers first).
 */
export function trialProductsOption(
  products: readonly TrialProduct[],
  names: { trials: string; converted: string; conversion: string; percent: (v: number) => string },
): AnalyticsChartOption {
  return {
    grid,
    legend,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
    },
    xAxis: categoryAxis(products.map((p) => p.name)),
    yAxis: [
      { ...valueAxis, minInterval: 1 },
      {
        ...valueAxis,
        // scaled to the rates shown: conversion rates are small, a 0–100 % axis flattens them
        min: 0,
        splitLine: { show: false },
        axisLabel: { color: PALETTE.axis, formatter: names.percent },
      },
    ],
    series: [
      {
        type: 'bar',
        name: names.trials,
        data: products.map((p) => p.trialCustomers),
        barMaxWidth: 24,
        itemStyle: { color: COLORS.previous },
      },
      {
        type: 'bar',
        name: names.converted,
        data: products.map((p) => p.converted),
        barMaxWidth: 24,
        itemStyle: { color: COLORS.primary },
      },
      {
        type: 'line',
        name: names.conversion,
        yAxisIndex: 1,
        data: products.map((p) => p.conversion),
        connectNulls: false,
        itemStyle: { color: COLORS.good },
        tooltip: { valueFormatter: (v: unknown) => (v === null ? '—' : names.percent(Number(v))) },
      },
    ],
  }
}

// ---------- layer flows ----------

/**
 * The Sankey's flows as rows of a table (level before, level after, customers), named as the
 * chart names its nodes: customers new since the first day come from `entered`, gone ones go to `left`.
 */
export function flowRows(
  transitions: Pick<Transitions, 'levels' | 'matrix'>,
  names: FlowNames,
  stays = true,
): [from: string, to: string, count: number][] {
  const { nodes, links } = flowData(transitions, names, stays)
  const name = new Map(nodes.map((node) => [node.id, node.name]))
  return links.map((link) => [name.get(link.source)!, name.get(link.target)!, link.value])
}
