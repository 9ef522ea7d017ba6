import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import { addDays } from '@/utils/time'
import type { CodeReport, DayStats, StaffStats } from './api'

// Pure option builders: the view translates the series names, these only shape data and style.

export const FLOW_COLORS = { adds: '#17c3a2', losses: '#f87171', net: PALETTE.primary }

/** Every day from `from` to `to`, the days the server left out at zero. */
export function everyDay(report: Pick<CodeReport, 'from' | 'to' | 'days'>): DayStats[] {
  const byDay = new Map(report.days.map((d) => [d.day, d]))
  const days: DayStats[] = []
  for (let day = report.from; day <= report.to; day = addDays(day, 1)) {
    days.push(byDay.get(day) ?? { day, adds: 0, losses: 0, net: 0 })
  }
  return days
}

/** Adds, losses and net over the period the report covers. */
export function periodSums(report: Pick<CodeReport, 'days'>): {
  adds: number
  losses: number
  net: number
} {
  let adds = 0
  let losses = 0
  for (const d of report.days) {
    adds += d.adds
    losses += d.losses
  }
  return { adds, losses, net: adds - losses }
}

const axisLabel = { color: PALETTE.axis }
const splitLine = { lineStyle: { color: PALETTE.grid } }
/** A bar's value at its end, but not a 0 (a row without losses shows no "0"). */
const barLabel = {
  show: true,
  position: 'right' as const,
  color: PALETTE.text,
  formatter: (params: { value: unknown }) => (params.value ? String(params.value) : ''),
}

const legend = {
  top: 0,
  left: 0,
  icon: 'roundRect',
  itemWidth: 10,
  itemHeight: 10,
  textStyle: { color: PALETTE.text },
}

/** Adds and losses per day as bars side by side, the net (adds − losses) as a line over them. */
export function dailyOption(
  report: Pick<CodeReport, 'from' | 'to' | 'days'>,
  names: { adds: string; losses: string; net: string },
): ChartOption {
  const days = everyDay(report)
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    xAxis: {
      type: 'category',
      data: days.map((d) => d.day),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, formatter: (day: string) => day.slice(5), hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine, axisLabel },
    series: [
      {
        type: 'bar',
        name: names.adds,
        data: days.map((d) => d.adds),
        barMaxWidth: 18,
        itemStyle: { color: FLOW_COLORS.adds, borderRadius: [3, 3, 0, 0] },
      },
      {
        type: 'bar',
        name: names.losses,
        data: days.map((d) => d.losses),
        barMaxWidth: 18,
        itemStyle: { color: FLOW_COLORS.losses, borderRadius: [3, 3, 0, 0] },
      },
      {
        type: 'line',
        name: names.net,
        data: days.map((d) => d.net),
        smooth: true,
        // no swing beyond the points: a smoothed net must not dip below a day it did not reach
        smoothMonotone: 'x',
        showSymbol: days.length <= 31,
        symbolSize: 5,
        lineStyle: { width: 2.5 },
        itemStyle: { color: FLOW_COLORS.net },
        z: 3,
      },
    ],
  }
}

/** The staff by adds, most first (then fewest losses, then name). */
export function rankStaff(staff: readonly StaffStats[]): StaffStats[] {
  return [...staff].sort(
    (a, b) => b.adds - a.adds || a.losses - b.losses || a.name.localeCompare(b.name),
  )
}

/** One row per staff member, the most adds at the top: adds and losses as horizontal bars. */
export function staffOption(
  staff: readonly StaffStats[],
  names: { adds: string; losses: string },
): ChartOption {
  // A category axis draws its first entry at the bottom: the ranking goes in reversed.
  const rows = rankStaff(staff).reverse()
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    xAxis: { type: 'value', minInterval: 1, splitLine, axisLabel },
    yAxis: {
      type: 'category',
      data: rows.map((s) => s.name || s.userId),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: PALETTE.text },
    },
    series: [
      {
        type: 'bar',
        name: names.adds,
        data: rows.map((s) => s.adds),
        barMaxWidth: 14,
        itemStyle: { color: FLOW_COLORS.adds, borderRadius: [0, 3, 3, 0] },
        label: barLabel,
      },
      {
        type: 'bar',
        name: names.losses,
        data: rows.map((s) => s.losses),
        barMaxWidth: 14,
        itemStyle: { color: FLOW_COLORS.losses, borderRadius: [0, 3, 3, 0] },
        label: barLabel,
      },
    ],
  }
}

/** The height the per-staff chart needs to give each person a readable row. */
export const staffChartHeight = (count: number) => Math.max(180, 72 + count * 40)

/** Whole days from calendar date `from` to `to` (both YYYY-MM-DD), counting both: 1 for one day. */
export function spanDays(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number)
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)
  }
  return Math.round((utc(to) - utc(from)) / 86_400_000) + 1
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): [string, string] {
  return [addDays(today, 1 - days), today]
}
