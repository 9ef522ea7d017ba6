import type { ChartOption } from '@/modules/home/echarts'
import { LEVEL_COLORS, PALETTE, type Slice } from '@/modules/home/charts'
import { addDays } from '@/utils/time'
import type { CardMonth, DailyLoyalty, LoyaltyStats } from './api'

// Pure option builders: the view translates the names, these only shape data and style.

/** How many days the trends show. */
export const TREND_DAYS = 30

export const POINTS_COLORS = {
  issued: '#17c3a2',
  spent: PALETTE.primary,
  expired: '#c0c6d0',
  balance: '#f5a524',
}

/** Tier levels 1–3 in the home dashboard's member-level shades. */
export const tierColor = (level: number) => LEVEL_COLORS[Math.min(level, LEVEL_COLORS.length - 1)]!

const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}
const dayAxis = (days: readonly DailyLoyalty[], boundaryGap: boolean) => ({
  type: 'category' as const,
  data: days.map((d) => d.day),
  boundaryGap,
  axisLine: { lineStyle: { color: PALETTE.grid } },
  axisTick: { show: false },
  axisLabel: { color: PALETTE.axis, formatter: (day: string) => day.slice(5), hideOverlap: true },
})
const legend = {
  top: 0,
  left: 0,
  icon: 'roundRect',
  itemWidth: 10,
  itemHeight: 10,
  textStyle: { color: PALETTE.text },
}

/**
 * The last TREND_DAYS days up to today in the tenant's zone (or a later day the server reports),
 * the days it left out at zero with the tier counts of the day before (members stay where they were).
 */
export function everyDay(daily: readonly DailyLoyalty[], today: string): DailyLoyalty[] {
  const last = daily.reduce((latest, d) => (d.day > latest ? d.day : latest), today)
  const byDay = new Map(daily.map((d) => [d.day, d]))
  let tiers: Record<string, number> = {}
  return Array.from({ length: TREND_DAYS }, (_, i) => {
    const day = addDays(last, i - TREND_DAYS + 1)
    const known = byDay.get(day)
    if (known) tiers = known.tiers
    return known ?? { day, joined: 0, issued: 0, spent: 0, expired: 0, tiers }
  })
}

/** Members of each tier per day, stacked: the program's size and its shape over time. */
export function tiersTrendOption(
  days: readonly DailyLoyalty[],
  tiers: readonly { level: number; name: string }[],
): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend,
    xAxis: dayAxis(days, false),
    yAxis: valueAxis,
    series: tiers.map((tier) => ({
      type: 'line' as const,
      name: tier.name,
      stack: 'members',
      data: days.map((d) => d.tiers[String(tier.level)] ?? 0),
      showSymbol: false,
      smooth: true,
      lineStyle: { width: 1.5 },
      areaStyle: { opacity: 0.85 },
      itemStyle: { color: tierColor(tier.level) },
      emphasis: { focus: 'series' as const },
    })),
  }
}

/**
 * Points issued, spent and expired per day as bars (what goes out below the axis), and what the
 * day added to the liability as a line.
 */
export function pointsFlowOption(
  days: readonly DailyLoyalty[],
  names: { issued: string; spent: string; expired: string; balance: string },
): ChartOption {
  const bar = (name: string, data: number[], color: string, stack: string) => ({
    type: 'bar' as const,
    name,
    data,
    stack,
    barMaxWidth: 14,
    itemStyle: { color },
  })
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    xAxis: dayAxis(days, true),
    yAxis: { ...valueAxis, minInterval: undefined },
    series: [
      bar(
        names.issued,
        days.map((d) => d.issued),
        POINTS_COLORS.issued,
        'in',
      ),
      bar(
        names.spent,
        days.map((d) => -d.spent),
        POINTS_COLORS.spent,
        'out',
      ),
      bar(
        names.expired,
        days.map((d) => -d.expired),
        POINTS_COLORS.expired,
        'out',
      ),
      {
        type: 'line' as const,
        name: names.balance,
        data: days.map((d) => d.issued - d.spent - d.expired),
        smooth: true,
        showSymbol: false,
        lineStyle: { width: 2 },
        itemStyle: { color: POINTS_COLORS.balance },
      },
    ],
  }
}

/** The members of each tier, lowest tier first, as slices of the home dashboard's donut. */
export function tierSlices(byTier: LoyaltyStats['byTier']): Slice[] {
  return [...byTier]
    .sort((a, b) => a.level - b.level)
    .map((tier) => ({ name: tier.name, value: tier.members, color: tierColor(tier.level) }))
}

export const CARD_COLORS = {
  revenue: '#d4a017',
  sold: PALETTE.primary,
  renewals: '#17c3a2',
}

/**
 * Paid card sales by month: revenue in yuan as bars on the left axis, cards sold and the renewals
 * among them as lines on the right axis.
 */
export function cardRevenueOption(
  months: readonly CardMonth[],
  names: { revenue: string; sold: string; renewals: string },
): ChartOption {
  const countAxis = { ...valueAxis, splitLine: { show: false } }
  const line = (name: string, data: number[], color: string) => ({
    type: 'line' as const,
    name,
    data,
    yAxisIndex: 1,
    smooth: true,
    symbolSize: 6,
    lineStyle: { width: 2 },
    itemStyle: { color },
  })
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    xAxis: {
      type: 'category' as const,
      data: months.map((m) => m.month),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.axis, hideOverlap: true },
    },
    yAxis: [{ ...valueAxis, minInterval: undefined }, countAxis],
    series: [
      {
        type: 'bar' as const,
        name: names.revenue,
        data: months.map((m) => m.revenue),
        barMaxWidth: 22,
        itemStyle: { color: CARD_COLORS.revenue, borderRadius: [3, 3, 0, 0] },
      },
      line(
        names.sold,
        months.map((m) => m.sold),
        CARD_COLORS.sold,
      ),
      line(
        names.renewals,
        months.map((m) => m.renewals),
        CARD_COLORS.renewals,
      ),
    ],
  }
}
