import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import type { Entry, Month } from './api'
import { COMMISSION_COLORS } from './status'

export const SERIES = ['earned', 'released', 'reversed'] as const
export type SeriesName = (typeof SERIES)[number]

/** Whether any month has commission to draw. */
export const hasCommission = (months: readonly Month[]): boolean =>
  months.some((m) => SERIES.some((s) => Number(m[s]) !== 0))

/** "2026-11" → "11月" (zh) or "Nov" (en), the year only on January and the first month. */
export function monthLabel(month: string, locale: string, first: boolean): string {
  const [year, number] = month.split('-').map(Number)
  const date = new Date(Date.UTC(year!, number! - 1, 1))
  const withYear = first || number === 1
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(date)
}

/** Commission by month: earned, released and taken back side by side, in yuan. */
export function monthOption(
  months: readonly Month[],
  label: (month: string, index: number) => string,
  name: (series: SeriesName) => string,
  money: (value: number) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      valueFormatter: (value: unknown) => money(Number(value)),
    },
    legend: { top: 0, right: 8, icon: 'circle', itemWidth: 10, itemHeight: 10 },
    xAxis: {
      type: 'category',
      data: months.map((m, i) => label(m.month, i)),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text },
    },
    yAxis: {
      type: 'value',
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: PALETTE.axis },
    },
    series: SERIES.map((series) => ({
      type: 'bar' as const,
      name: name(series),
      barMaxWidth: 22,
      itemStyle: { color: COMMISSION_COLORS[series], borderRadius: [3, 3, 0, 0] },
      data: months.map((m) => Number(m[series])),
    })),
  }
}

/** An entry's changes as "可提现 +12.00 · 欠款 −3.00": every balance it moved, nothing else. */
export function entryChanges(
  entry: Entry,
  name: (balance: string) => string,
  money: (value: number) => string,
): string {
  const parts: string[] = []
  for (const balance of ['pending', 'available', 'frozen', 'debt', 'withdrawn'] as const) {
    const value = Number(entry[balance])
    if (value !== 0) {
      parts.push(`${name(balance)} ${value > 0 ? '+' : '−'}${money(Math.abs(value))}`)
    }
  }
  return parts.join(' · ')
}
