import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import { TEAM_STATUSES, type Team, type TeamCounts, type TeamStatus } from './api'
import { TEAM_COLORS } from './status'

// Pure option builders: the view names things in the UI language, these shape data and style.

export interface StatusSlice {
  status: TeamStatus
  name: string
  value: number
}

/** The offer's teams by status, in the order open, succeeded, failed. */
export const statusSlices = (
  counts: TeamCounts,
  name: (status: TeamStatus) => string,
): StatusSlice[] =>
  TEAM_STATUSES.map((status) => ({ status, name: name(status), value: Number(counts[status]) }))

/** Teams by status as a donut, the total in its middle. */
export function statusOption(slices: readonly StatusSlice[], total: string): ChartOption {
  return {
    tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
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
        return `${name}  ${slice?.value ?? 0}`
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['52%', '78%'],
        center: ['34%', '50%'],
        padAngle: 1.5,
        itemStyle: { borderRadius: 4 },
        label: {
          show: true,
          position: 'center',
          formatter: () => total,
          fontSize: 18,
          fontWeight: 'bold',
          color: PALETTE.text,
        },
        labelLine: { show: false },
        emphasis: { scale: false },
        data: slices.map((s) => ({
          name: s.name,
          value: s.value,
          itemStyle: { color: TEAM_COLORS[s.status] },
        })),
      },
    ],
  }
}

export interface SizeBar {
  size: number
  open: number
  succeeded: number
  failed: number
}

/** How many teams reached each size from 1 to the largest, split by status. */
export function sizeBars(teams: readonly Team[], maxSize: number): SizeBar[] {
  const bars: SizeBar[] = Array.from({ length: Math.max(1, maxSize) }, (_, i) => ({
    size: i + 1,
    open: 0,
    succeeded: 0,
    failed: 0,
  }))
  for (const team of teams) {
    const bar = bars[Math.min(Math.max(team.size, 1), bars.length) - 1]
    if (bar) bar[team.status] += 1
  }
  return bars
}

/** Team sizes as stacked bars, one stack per size, coloured by status. */
export function sizeOption(
  bars: readonly SizeBar[],
  sizeName: (size: number) => string,
  statusName: (status: TeamStatus) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, right: 8, icon: 'circle', itemWidth: 10, itemHeight: 10 },
    xAxis: {
      type: 'category',
      data: bars.map((b) => sizeName(b.size)),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: PALETTE.axis },
    },
    series: TEAM_STATUSES.map((status) => ({
      type: 'bar' as const,
      name: statusName(status),
      stack: 'teams',
      barMaxWidth: 36,
      itemStyle: { color: TEAM_COLORS[status] },
      data: bars.map((b) => b[status]),
    })),
  }
}
