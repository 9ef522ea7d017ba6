import type { ChartOption } from './echarts'
import type { DailyCount, DailyEventCount } from './api'
import { addDays } from '@/utils/time'

// Pure option builders: the view translates labels, these only shape data and style.

export const PALETTE = {
  primary: '#2f6fed',
  axis: '#8a94a6',
  grid: '#edf0f5',
  text: '#4b5565',
}

export const EVENT_COLORS: Record<string, string> = {
  view: '#8fb5ff',
  favorite: '#f5a524',
  add_to_cart: '#9b7bf7',
  purchase: '#17c3a2',
  share: '#f0627f',
  message: '#38bdf8',
  refund: '#f87171',
}
const FALLBACK_COLORS = ['#94a3b8', '#a3a948', '#c084fc', '#fb923c']

export const LEVEL_COLORS = ['#d5dbe5', '#a7b4c8', '#e8b64c', '#6b5cf6']
export const GENDER_COLORS: Record<number, string> = { 1: '#4c8dff', 2: '#f472b6', 0: '#cbd5e1' }

/** `days` consecutive dates ending with `end`, oldest first. */
export function dateRange(end: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(end, i - days + 1))
}

/** The last date the chart shows: today in the tenant's zone, or a later date the server reports. */
export function lastDate(today: string, ...series: DailyCount[][]): string {
  let last = today
  for (const points of series) for (const p of points) if (p.date > last) last = p.date
  return last
}

/** Counts aligned with `dates`; days the server left out are zero. */
export function fillDaily(points: DailyCount[], dates: string[]): number[] {
  const byDate = new Map<string, number>()
  for (const p of points) byDate.set(p.date, (byDate.get(p.date) ?? 0) + p.count)
  return dates.map((date) => byDate.get(date) ?? 0)
}

/** Per event type, counts aligned with `dates`: known types in their order, then any new ones. */
export function eventsByType(
  points: DailyEventCount[],
  dates: string[],
  knownTypes: readonly string[],
): Map<string, number[]> {
  const types = [...knownTypes]
  for (const p of points) if (!types.includes(p.type)) types.push(p.type)
  const result = new Map<string, number[]>()
  for (const type of types) {
    const series = fillDaily(
      points.filter((p) => p.type === type),
      dates,
    )
    if (knownTypes.includes(type) || series.some((n) => n > 0)) result.set(type, series)
  }
  return result
}

const shortDate = (date: string) => date.slice(5)

function categoryAxis(dates: string[]) {
  return {
    type: 'category' as const,
    data: dates,
    boundaryGap: false,
    axisLine: { lineStyle: { color: PALETTE.grid } },
    axisTick: { show: false },
    axisLabel: { color: PALETTE.axis, formatter: shortDate, hideOverlap: true },
  }
}

const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}

const grid = { left: 8, right: 16, top: 16, bottom: 8 }

export function newCustomersOption(
  dates: string[],
  counts: number[],
  seriesName: string,
): ChartOption {
  return {
    color: [PALETTE.primary],
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: categoryAxis(dates),
    yAxis: valueAxis,
    series: [
      {
        type: 'line',
        name: seriesName,
        data: counts,
        smooth: true,
        showSymbol: dates.length <= 31,
        symbolSize: 5,
        lineStyle: { width: 2.5 },
        areaStyle: {
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 0,
            y2: 1,
            colorStops: [
              { offset: 0, color: 'rgba(47, 111, 237, 0.28)' },
              { offset: 1, color: 'rgba(47, 111, 237, 0.02)' },
            ],
          },
        },
      },
    ],
  }
}

export function eventsOption(
  dates: string[],
  byType: Map<string, number[]>,
  label: (type: string) => string,
): ChartOption {
  let fallback = 0
  return {
    grid: { ...grid, top: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: PALETTE.text },
    },
    xAxis: { ...categoryAxis(dates), boundaryGap: true },
    yAxis: valueAxis,
    series: [...byType].map(([type, data]) => ({
      type: 'bar' as const,
      name: label(type),
      stack: 'events',
      data,
      barMaxWidth: 28,
      itemStyle: {
        color: EVENT_COLORS[type] ?? FALLBACK_COLORS[fallback++ % FALLBACK_COLORS.length],
      },
      emphasis: { focus: 'series' as const },
    })),
  }
}

export interface Slice {
  name: string
  value: number
  color: string
}

export function donutOption(slices: Slice[], seriesName: string): ChartOption {
  const total = slices.reduce((sum, s) => sum + s.value, 0)
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      orient: 'vertical',
      right: 8,
      top: 'middle',
      icon: 'circle',
      itemWidth: 10,
      itemHeight: 10,
      itemGap: 14,
      textStyle: { color: PALETTE.text },
      formatter: (name: string) => {
        const slice = slices.find((s) => s.name === name)
        const share = slice && total > 0 ? Math.round((slice.value / total) * 1000) / 10 : 0
        return `${name}  ${share}%`
      },
    },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['52%', '78%'],
        center: ['34%', '50%'],
        avoidLabelOverlap: true,
        padAngle: 1.5,
        itemStyle: { borderRadius: 4 },
        label: { show: false },
        labelLine: { show: false },
        emphasis: {
          label: { show: true, fontSize: 14, fontWeight: 'bold', formatter: '{b}\n{d}%' },
        },
        data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
      },
    ],
  }
}
