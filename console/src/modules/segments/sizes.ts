import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import type { SizePoint } from './api'

/** Oldest first, one point per day (the server may skip days or answer in any order). */
export function byDay(points: readonly SizePoint[]): SizePoint[] {
  return [...points].sort((a, b) => a.day.localeCompare(b.day))
}

/** The size now minus the size 7 days before (or the oldest day known); null without two days. */
export function sevenDayChange(points: readonly SizePoint[]): number | null {
  const days = byDay(points)
  if (days.length < 2) return null
  const last = days[days.length - 1]!
  const before = days[Math.max(0, days.length - 8)]!
  return last.size - before.size
}

/**
 * Who entered and left over the days. On the day the segment was saved everyone "entered": that
 * is its starting size, not movement, so that day's entries are not counted.
 */
export function totals(
  points: readonly SizePoint[],
  createdDay?: string,
): { entered: number; exited: number } {
  let entered = 0
  let exited = 0
  for (const p of points) {
    if (p.day !== createdDay) entered += p.entered
    exited += p.exited
  }
  return { entered, exited }
}

export const SIZE_COLORS = { size: PALETTE.primary, entered: '#17c3a2', exited: '#f87171' }

/**
 * The size as a line on the left axis, and who entered (up) and left (down) each day as bars on
 * the right axis: a segment of 100,000 with a few hundred moving a day keeps both readable.
 */
export function sizeChartOption(
  points: readonly SizePoint[],
  names: { size: string; entered: string; exited: string },
): ChartOption {
  const days = byDay(points)
  const axisLabel = { color: PALETTE.axis }
  const split = { lineStyle: { color: PALETTE.grid } }
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) =>
        typeof value === 'number' ? Math.abs(value).toLocaleString() : String(value),
    },
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: PALETTE.text },
    },
    xAxis: {
      type: 'category',
      data: days.map((p) => p.day),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, formatter: (day: string) => day.slice(5), hideOverlap: true },
    },
    yAxis: [
      { type: 'value', scale: true, minInterval: 1, splitLine: split, axisLabel },
      {
        type: 'value',
        minInterval: 1,
        splitLine: { show: false },
        axisLabel: { ...axisLabel, formatter: (v: number) => String(Math.abs(v)) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: names.entered,
        yAxisIndex: 1,
        stack: 'flow',
        data: days.map((p) => p.entered),
        itemStyle: { color: SIZE_COLORS.entered, borderRadius: [2, 2, 0, 0] },
        barMaxWidth: 14,
      },
      {
        type: 'bar',
        name: names.exited,
        yAxisIndex: 1,
        stack: 'flow',
        data: days.map((p) => -p.exited),
        itemStyle: { color: SIZE_COLORS.exited, borderRadius: [0, 0, 2, 2] },
        barMaxWidth: 14,
      },
      {
        type: 'line',
        name: names.size,
        data: days.map((p) => p.size),
        smooth: true,
        showSymbol: days.length <= 31,
        symbolSize: 5,
        lineStyle: { width: 2.5, color: SIZE_COLORS.size },
        itemStyle: { color: SIZE_COLORS.size },
        z: 3,
      },
    ],
  }
}
