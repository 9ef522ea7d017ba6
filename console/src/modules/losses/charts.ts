import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import type { CodeLosses, LossDay, StaffLosses } from './api'

// Pure option builders for the losses page: the view passes translated series names.

export const LOSS_COLORS = {
  byCustomer: '#f0627f',
  byStaff: '#f5a524',
  added: '#8fb5ff',
  rate: '#6b5cf6',
}

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true }
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
  minInterval: 1,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}
function categoryAxis(data: string[], formatter?: (value: string) => string) {
  return {
    type: 'category' as const,
    data,
    axisLine: { lineStyle: { color: PALETTE.grid } },
    axisTick: { show: false },
    axisLabel: { color: PALETTE.axis, hideOverlap: true, ...(formatter ? { formatter } : {}) },
  }
}

export interface DailyLossLabels {
  byCustomer: string
  byStaff: string
}

/** Losses per day, stacked: deleted by the customer, deleted by the staff member. */
export function dailyLossOption(days: LossDay[], labels: DailyLossLabels): ChartOption {
  return {
    grid,
    legend,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(
      days.map((d) => d.day),
      (day) => day.slice(5),
    ),
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        name: labels.byCustomer,
        stack: 'losses',
        data: days.map((d) => d.byCustomer),
        barMaxWidth: 24,
        itemStyle: { color: LOSS_COLORS.byCustomer },
      },
      {
        type: 'bar',
        name: labels.byStaff,
        stack: 'losses',
        data: days.map((d) => d.byStaff),
        barMaxWidth: 24,
        itemStyle: { color: LOSS_COLORS.byStaff },
      },
    ],
  }
}

export interface StaffLossLabels {
  losses: string
  added: string
  lossRate: string
}

/** Loss rate as a whole percentage with one decimal (0.1234 → 12.3). */
export const ratePercent = (rate: number) => Math.round(rate * 1000) / 10

/** Per staff member: losses and adds as bars, the loss rate as a line on a percent axis. */
export function staffLossOption(staff: StaffLosses[], labels: StaffLossLabels): ChartOption {
  return {
    grid: { ...grid, right: 8 },
    legend,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(staff.map((s) => s.name)),
    yAxis: [
      valueAxis,
      {
        type: 'value',
        min: 0,
        max: 100,
        splitLine: { show: false },
        axisLabel: { color: PALETTE.axis, formatter: '{value}%' },
      },
    ],
    series: [
      {
        type: 'bar',
        name: labels.losses,
        data: staff.map((s) => s.losses),
        barMaxWidth: 24,
        itemStyle: { color: LOSS_COLORS.byCustomer },
      },
      {
        type: 'bar',
        name: labels.added,
        data: staff.map((s) => s.added),
        barMaxWidth: 24,
        itemStyle: { color: LOSS_COLORS.added },
      },
      {
        type: 'line',
        name: labels.lossRate,
        yAxisIndex: 1,
        data: staff.map((s) => ratePercent(s.lossRate)),
        symbolSize: 6,
        itemStyle: { color: LOSS_COLORS.rate },
        tooltip: { valueFormatter: (value) => `${String(value)}%` },
      },
    ],
  }
}

export interface CodeLossLabels {
  losses: string
  added: string
}

/** Per live code, horizontal bars of losses next to adds; the most losses on top. */
export function codeLossOption(codes: CodeLosses[], labels: CodeLossLabels): ChartOption {
  const rows = [...codes].reverse()
  return {
    grid,
    legend,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis,
    yAxis: {
      ...categoryAxis(rows.map((c) => c.name)),
      axisLabel: { color: PALETTE.text, width: 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.losses,
        data: rows.map((c) => c.losses),
        barMaxWidth: 16,
        itemStyle: { color: LOSS_COLORS.byCustomer },
      },
      {
        type: 'bar',
        name: labels.added,
        data: rows.map((c) => c.added),
        barMaxWidth: 16,
        itemStyle: { color: LOSS_COLORS.added },
      },
    ],
  }
}

/** The headline numbers: all losses, by whom, and the median days a lost relation had lasted. */
export function lossTotals(report: { days: LossDay[]; total: number }) {
  let byCustomer = 0
  let byStaff = 0
  for (const day of report.days) {
    byCustomer += day.byCustomer
    byStaff += day.byStaff
  }
  return { total: report.total, byCustomer, byStaff }
}
