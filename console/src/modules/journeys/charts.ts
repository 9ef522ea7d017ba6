import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import type { HourPoint, StepStats } from './api'

/** What the per-step chart counts, in the order of its bars. */
export const STEP_MEASURES = [
  'entered',
  'waiting',
  'done',
  'exited',
  'failed',
  'converted',
] as const
export type StepMeasure = (typeof STEP_MEASURES)[number]

export const MEASURE_COLORS: Record<StepMeasure, string> = {
  entered: '#8fb5ff',
  waiting: '#f5a524',
  done: '#2f6fed',
  exited: '#c0c6d0',
  failed: '#f0627f',
  converted: '#17c3a2',
}

/** One row of the chart: a step with its counts over the versions shown. */
export interface StepRow extends Omit<StepStats, 'version'> {
  versions: number[]
}

const addEffects = (into: Record<string, number>, from: Record<string, number> | undefined) => {
  for (const [key, n] of Object.entries(from ?? {})) into[key] = (into[key] ?? 0) + n
}

/**
 * The steps' counts, one row per step id (summed over versions when all are shown), in the order
 * given (the flow chart's), then any the order does not know (steps of older versions).
 */
export function stepRows(steps: readonly StepStats[], order: readonly string[]): StepRow[] {
  const rows = new Map<string, StepRow>()
  for (const step of steps) {
    const row = rows.get(step.id)
    const version = step.version ?? null
    if (!row) {
      const effects: Record<string, number> = {}
      addEffects(effects, step.effects)
      rows.set(step.id, { ...step, effects, versions: version === null ? [] : [version] })
      continue
    }
    for (const measure of STEP_MEASURES) row[measure] += step[measure]
    addEffects(row.effects!, step.effects)
    if (version === null) continue
    row.versions.push(version)
    // The newest version names the step.
    if (version >= Math.max(...row.versions) && step.name) row.name = step.name
  }
  const rank = (id: string) => {
    const at = order.indexOf(id)
    return at < 0 ? order.length : at
  }
  return [...rows.values()].sort((a, b) => rank(a.id) - rank(b.id))
}

/** Rows of bars: each step's customers by measure, the first step on top. */
export function stepsOption(
  rows: readonly StepRow[],
  labels: { step: (row: StepRow) => string; measure: (measure: StepMeasure) => string },
): ChartOption {
  return {
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: {
      top: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: PALETTE.text },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: PALETTE.axis },
    },
    yAxis: {
      type: 'category',
      data: rows.map(labels.step),
      inverse: true,
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text, width: 140, overflow: 'truncate' },
    },
    series: STEP_MEASURES.map((measure) => ({
      type: 'bar' as const,
      name: labels.measure(measure),
      data: rows.map((row) => row[measure]),
      barMaxWidth: 8,
      barGap: '20%',
      itemStyle: { color: MEASURE_COLORS[measure], borderRadius: [0, 2, 2, 0] },
    })),
  }
}

/** The chart's height for so many steps: about 60 px a step, never lower than the other charts. */
export const stepsChartHeight = (steps: number) => Math.max(232, 48 + steps * 60)

/** Customers entering and converting per hour over the last 48 hours. */
export function hourlyOption(
  hours: readonly HourPoint[],
  labels: { hour: (at: string) => string; entered: string; converted: string },
): ChartOption {
  const sorted = [...hours].sort((a, b) => a.at.localeCompare(b.at))
  const line = (name: string, color: string, data: number[]) => ({
    type: 'line' as const,
    name,
    data,
    smooth: true,
    showSymbol: false,
    lineStyle: { width: 2, color },
    itemStyle: { color },
    areaStyle: { color: `${color}1f` },
  })
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true },
    legend: {
      top: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: PALETTE.text },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: sorted.map((point) => labels.hour(point.at)),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.axis },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: PALETTE.axis },
    },
    series: [
      line(
        labels.entered,
        PALETTE.primary,
        sorted.map((p) => p.entered),
      ),
      line(
        labels.converted,
        MEASURE_COLORS.converted,
        sorted.map((p) => p.converted),
      ),
    ],
  }
}
