import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import {
  heldStatuses,
  type ChatType,
  type HeldStatus,
  type Preview,
  type PreviewStaff,
} from './api'
import { OUTCOME_COLORS, type Funnel } from './status'

/** Each reason for holding a customer back in its own warm shade, so a chart can tell them apart. */
export const HELD_COLORS: Record<HeldStatus, string> = {
  no_contact: '#c0c6d0',
  opted_out: '#f0627f',
  frequency: '#f5a524',
  same_content: '#d4a72c',
  no_owner: '#a3acb9',
  quota: '#e07b39',
  duplicate: '#9b7bf7',
}

const tooltip = { trigger: 'item' as const, confine: true }
const categoryAxis = (data: string[], width = 110) => ({
  type: 'category' as const,
  data,
  inverse: true,
  axisLine: { lineStyle: { color: PALETTE.grid } },
  axisTick: { show: false },
  axisLabel: { color: PALETTE.text, width, overflow: 'truncate' as const },
})
const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}

/** The held-back reasons of a preview or a send, in a fixed order, only those with any. */
export function heldEntries(
  held: Partial<Record<HeldStatus, number>>,
  chatType: ChatType = 'single',
) {
  return heldStatuses(chatType)
    .map((reason) => ({ reason, count: held[reason] ?? 0 }))
    .filter((entry) => entry.count > 0)
}

/**
 * The audience as a ring: the customers it reaches in the delivered colour, each reason for holding
 * customers back as its own slice, labelled in words.
 */
export function reachOption(
  preview: Preview,
  labels: { reachable: string; held: (reason: HeldStatus) => string },
  chatType: ChatType = 'single',
): ChartOption {
  const data = [
    {
      name: labels.reachable,
      value: preview.reachable,
      itemStyle: { color: OUTCOME_COLORS.delivered },
    },
    ...heldEntries(preview.held, chatType).map(({ reason, count }) => ({
      name: labels.held(reason),
      value: count,
      itemStyle: { color: HELD_COLORS[reason] },
    })),
  ].filter((slice) => slice.value > 0)
  return {
    tooltip: { ...tooltip, formatter: '{b}: {c} ({d}%)' },
    legend: {
      orient: 'vertical',
      right: 0,
      top: 'middle',
      icon: 'roundRect',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: PALETTE.text },
    },
    series: [
      {
        type: 'pie',
        radius: ['48%', '74%'],
        center: ['30%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data,
      },
    ],
  }
}

/**
 * Customers (groups) per staff member, most first, as horizontal bars with their numbers, told by
 * `count` (a number of groups says so).
 */
export function staffOption(
  staff: readonly PreviewStaff[],
  label: string,
  count: (n: number) => string = String,
): ChartOption {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: valueAxis,
    yAxis: categoryAxis(staff.map((s) => s.name)),
    series: [
      {
        type: 'bar',
        name: label,
        data: staff.map((s) => s.customers),
        barMaxWidth: 16,
        itemStyle: { color: PALETTE.primary, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: ({ value }: { value: unknown }) => count(Number(value)),
        },
      },
    ],
  }
}

export interface FunnelLabels {
  audience: string
  handed: string
  staffSent: string
  delivered: string
}

/**
 * How far the send got, stage by stage from the top: the audience, handed to WeCom, sent by staff,
 * delivered; each bar labelled with its number and its share of the audience.
 */
export function funnelOption(stages: Funnel, labels: FunnelLabels): ChartOption {
  const rows = [
    { name: labels.audience, value: stages.audience, color: '#8fb5ff' },
    { name: labels.handed, value: stages.handed, color: PALETTE.primary },
    { name: labels.staffSent, value: stages.staffSent, color: '#5a8df5' },
    { name: labels.delivered, value: stages.delivered, color: OUTCOME_COLORS.delivered },
  ]
  const share = (value: number) =>
    stages.audience > 0 ? `${Math.round((value / stages.audience) * 100)}%` : ''
  return {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: { ...valueAxis, max: Math.max(1, stages.audience) },
    yAxis: categoryAxis(rows.map((r) => r.name)),
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.color } })),
        barMaxWidth: 22,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: ({ value }: { value: unknown }) =>
            `${Number(value)}${share(Number(value)) ? ` · ${share(Number(value))}` : ''}`,
        },
      },
    ],
  }
}

/** Customers held back, by reason in words, as horizontal bars. */
export function heldOption(
  held: { reason: HeldStatus; count: number }[],
  label: (reason: HeldStatus) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: valueAxis,
    yAxis: categoryAxis(
      held.map((h) => label(h.reason)),
      160,
    ),
    series: [
      {
        type: 'bar',
        data: held.map((h) => ({ value: h.count, itemStyle: { color: HELD_COLORS[h.reason] } })),
        barMaxWidth: 18,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: PALETTE.text },
      },
    ],
  }
}
