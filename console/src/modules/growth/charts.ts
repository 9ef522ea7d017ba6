import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import { addDays } from '@/utils/time'
import {
  REJECT_REASONS,
  type Budget,
  type CampaignStats,
  type DailyGrowth,
  type RejectReason,
} from './api'
import { REASON_COLORS } from './status'

// Pure option builders: the view translates the names, these only shape data and style.

export const GROWTH_COLORS = {
  participants: '#8fb5ff',
  invites: PALETTE.primary,
  counted: '#17c3a2',
  rewarded: '#f5a524',
}

/** How many days the trend shows. */
export const TREND_DAYS = 30

const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}
const categoryAxis = (data: string[], width = 110) => ({
  type: 'category' as const,
  data,
  inverse: true,
  axisLine: { lineStyle: { color: PALETTE.grid } },
  axisTick: { show: false },
  axisLabel: { color: PALETTE.text, width, overflow: 'truncate' as const },
})

export interface FunnelStep {
  key: keyof typeof GROWTH_COLORS
  name: string
  value: number
  /** Said after the number, e.g. the share of the step before. */
  note?: string
}

/** The steps from joining to being rewarded as bars from the top, each with its number and note. */
export function funnelOption(steps: readonly FunnelStep[]): ChartOption {
  const notes = new Map(steps.map((step, i) => [i, step.note]))
  return {
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: { ...valueAxis, max: Math.max(1, ...steps.map((s) => s.value)) },
    yAxis: categoryAxis(steps.map((s) => s.name)),
    series: [
      {
        type: 'bar',
        data: steps.map((s) => ({ value: s.value, itemStyle: { color: GROWTH_COLORS[s.key] } })),
        barMaxWidth: 22,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: ({ value, dataIndex }: { value: unknown; dataIndex: number }) => {
            const note = notes.get(dataIndex)
            return note ? `${Number(value)} · ${note}` : String(Number(value))
          },
        },
      },
    ],
  }
}

/**
 * The last TREND_DAYS days up to today in the tenant's zone (or a later day the server reports),
 * the days it left out at zero.
 */
export function everyDay(daily: readonly DailyGrowth[], today: string): DailyGrowth[] {
  const last = daily.reduce((latest, d) => (d.day > latest ? d.day : latest), today)
  const byDay = new Map(daily.map((d) => [d.day, d]))
  return Array.from({ length: TREND_DAYS }, (_, i) => {
    const day = addDays(last, i - TREND_DAYS + 1)
    return byDay.get(day) ?? { day, joined: 0, invited: 0, counted: 0 }
  })
}

/** Joined, invited and counted per day as lines. */
export function trendOption(
  days: readonly DailyGrowth[],
  names: { joined: string; invited: string; counted: string },
): ChartOption {
  const line = (name: string, data: number[], color: string) => ({
    type: 'line' as const,
    name,
    data,
    smooth: true,
    smoothMonotone: 'x' as const,
    showSymbol: false,
    lineStyle: { width: 2.5 },
    itemStyle: { color },
  })
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
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
      data: days.map((d) => d.day),
      boundaryGap: false,
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: {
        color: PALETTE.axis,
        formatter: (day: string) => day.slice(5),
        hideOverlap: true,
      },
    },
    yAxis: valueAxis,
    series: [
      line(
        names.joined,
        days.map((d) => d.joined),
        GROWTH_COLORS.participants,
      ),
      line(
        names.invited,
        days.map((d) => d.invited),
        GROWTH_COLORS.invites,
      ),
      line(
        names.counted,
        days.map((d) => d.counted),
        GROWTH_COLORS.counted,
      ),
    ],
  }
}

/** The reasons invites did not count, in a fixed order, only those with any. */
export function rejectedEntries(rejected: Partial<CampaignStats['rejected']>) {
  return REJECT_REASONS.map((reason) => ({ reason, count: rejected[reason] ?? 0 })).filter(
    (entry) => entry.count > 0,
  )
}

/** Invites that did not count, by reason in words, as horizontal bars. */
export function rejectedOption(
  entries: readonly { reason: RejectReason; count: number }[],
  label: (reason: RejectReason) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: valueAxis,
    yAxis: categoryAxis(
      entries.map((e) => label(e.reason)),
      130,
    ),
    series: [
      {
        type: 'bar',
        data: entries.map((e) => ({
          value: e.count,
          itemStyle: { color: REASON_COLORS[e.reason] },
        })),
        barMaxWidth: 18,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: PALETTE.text },
      },
    ],
  }
}

/** The budget's parts in a fixed order: paid, reserved (to be paid), remaining. */
export const BUDGET_PARTS = ['paid', 'reserved', 'remaining'] as const
export type BudgetPart = (typeof BUDGET_PARTS)[number]
export const BUDGET_COLORS: Record<BudgetPart, string> = {
  paid: '#f0627f',
  reserved: '#f5a524',
  remaining: '#17c3a2',
}

/** The budget as a ring of paid, reserved and remaining (fen), each labelled with `money`. */
export function budgetOption(
  budget: Budget,
  name: (part: BudgetPart) => string,
  money: (fen: number) => string,
): ChartOption {
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const item = p as { name: string; value: number; percent: number }
        return `${item.name}: ${money(item.value)} (${item.percent}%)`
      },
    },
    legend: { bottom: 0, textStyle: { color: PALETTE.text } },
    series: [
      {
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data: BUDGET_PARTS.map((part) => ({
          name: name(part),
          value: budget[part],
          itemStyle: { color: BUDGET_COLORS[part] },
        })),
      },
    ],
  }
}
