import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import type { GroupCodeGroupStats, GroupCodeReport } from './api'

export const FLOW_COLORS = { joins: '#17c3a2', leaves: '#f0627f', net: '#2f6fed' }

export interface FlowLabels {
  joins: string
  leaves: string
  net: string
}

const legend = {
  top: 0,
  left: 0,
  icon: 'roundRect',
  itemWidth: 10,
  itemHeight: 10,
  textStyle: { color: PALETTE.text },
}
const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true }
const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}

/** Joins and leaves per day as bars (leaves below the axis), the net change as a line. */
export function dailyFlowOption(report: GroupCodeReport, labels: FlowLabels): ChartOption {
  return {
    grid,
    legend,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: report.days.map((d) => d.day),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.axis, hideOverlap: true, formatter: (d: string) => d.slice(5) },
    },
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        name: labels.joins,
        data: report.days.map((d) => d.joins),
        barMaxWidth: 20,
        itemStyle: { color: FLOW_COLORS.joins },
      },
      {
        type: 'bar',
        name: labels.leaves,
        data: report.days.map((d) => d.leaves),
        barMaxWidth: 20,
        itemStyle: { color: FLOW_COLORS.leaves },
      },
      {
        type: 'line',
        name: labels.net,
        data: report.days.map((d) => d.net),
        smooth: true,
        symbolSize: 5,
        itemStyle: { color: FLOW_COLORS.net },
      },
    ],
  }
}

/**
 * Every group of the code in its order, with the report's numbers (the report lists only groups that
 * saw joins or leaves), then groups the report names that the code no longer lists (rooms WeCom made).
 */
export function alignGroups(
  stats: GroupCodeGroupStats[],
  order: { chatId: string; name: string; memberCount: number }[],
): GroupCodeGroupStats[] {
  const byId = new Map(stats.map((g) => [g.chatId, g]))
  const rows = order.map((g) => byId.get(g.chatId) ?? { ...g, joins: 0, leaves: 0, net: 0 })
  const listed = new Set(order.map((g) => g.chatId))
  return [...rows, ...stats.filter((g) => !listed.has(g.chatId))]
}

/** Per group (in the code's order, top down): joins, leaves and net as horizontal bars. */
export function groupFlowOption(groups: GroupCodeGroupStats[], labels: FlowLabels): ChartOption {
  const rows = [...groups].reverse()
  const bar = (name: string, color: string, data: number[]) => ({
    type: 'bar' as const,
    name,
    data,
    barMaxWidth: 14,
    itemStyle: { color },
  })
  return {
    grid,
    legend,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      data: rows.map((g) => g.name),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text, width: 130, overflow: 'truncate' },
    },
    series: [
      bar(
        labels.joins,
        FLOW_COLORS.joins,
        rows.map((g) => g.joins),
      ),
      bar(
        labels.leaves,
        FLOW_COLORS.leaves,
        rows.map((g) => g.leaves),
      ),
      bar(
        labels.net,
        FLOW_COLORS.net,
        rows.map((g) => g.net),
      ),
    ],
  }
}
