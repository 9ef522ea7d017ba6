import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import { escapeHtml } from '@/modules/layers/charts'
import type { ChannelCode, CodeWithTotals, Sharer } from './api'
import { FLOW_COLORS } from './charts'

// 千人千面码: one code per customer who shares a live code; adds through it count for the sharer.

/** A personal code with its sharer and what it brought. */
export interface PersonalCode {
  code: ChannelCode
  /** Who shares it; the name is empty when the server did not say. */
  sharer: Sharer
  adds: number
  losses: number
  /** Adds − losses. */
  net: number
}

/** The personal codes among a code's children (the store codes are not), in the server's order. */
export function personalCodes(items: readonly CodeWithTotals[]): PersonalCode[] {
  return items
    .filter((item) => item.code.kind === 'personal')
    .map((item) => ({
      code: item.code,
      sharer: item.sharer ?? { id: item.code.sharerCustomerId ?? 0, name: '' },
      adds: item.totals.adds,
      losses: item.totals.losses,
      net: item.totals.adds - item.totals.losses,
    }))
}

/** What all of them brought together. */
export function personalTotals(codes: readonly PersonalCode[]) {
  return codes.reduce(
    (sum, c) => ({ adds: sum.adds + c.adds, losses: sum.losses + c.losses, net: sum.net + c.net }),
    { adds: 0, losses: 0, net: 0 },
  )
}

/** How many sharers the ranking shows. */
export const RANKING_MAX = 10

/**
 * The sharers who brought the most: by net adds, then adds, then name (pinyin); sharers whose code brought
 * no add and no loss are left out.
 */
export function rankSharers(codes: readonly PersonalCode[], max = RANKING_MAX): PersonalCode[] {
  return (
    codes
      .filter((c) => c.adds > 0 || c.losses > 0)
      // names in pinyin order whatever the browser's language: the same ranking for everyone
      .sort(
        (a, b) =>
          b.net - a.net || b.adds - a.adds || a.sharer.name.localeCompare(b.sharer.name, 'zh-CN'),
      )
      .slice(0, max)
  )
}

/** How a sharer is named on the chart: the name, or the customer's number. */
export const sharerLabel = (sharer: Sharer) => sharer.name || `#${sharer.id}`

/**
 * The ranking as horizontal bars of net adds, the first at the top; a negative net is drawn in the
 * losses' colour. The tooltip names adds, losses and net.
 */
export function rankingOption(
  ranked: readonly PersonalCode[],
  names: { adds: string; losses: string; net: string },
): ChartOption {
  // A category axis draws its first entry at the bottom: the ranking goes in reversed.
  const rows = [...ranked].reverse()
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0
        const row = rows[index]
        if (!row) return ''
        // ECharts renders the tooltip as HTML: the name is a customer's
        return [
          escapeHtml(sharerLabel(row.sharer)),
          `${names.adds} ${row.adds}`,
          `${names.losses} ${row.losses}`,
          `${names.net} ${row.net}`,
        ].join('<br/>')
      },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: PALETTE.axis },
    },
    yAxis: {
      type: 'category',
      data: rows.map((row) => sharerLabel(row.sharer)),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text },
    },
    series: [
      {
        type: 'bar',
        name: names.net,
        data: rows.map((row) => ({
          value: row.net,
          itemStyle: { color: row.net < 0 ? FLOW_COLORS.losses : FLOW_COLORS.adds },
        })),
        barMaxWidth: 14,
        itemStyle: { borderRadius: 3 },
        label: { show: true, position: 'right', color: PALETTE.text },
      },
    ],
  }
}

/** The height the ranking needs to give each sharer a readable row. */
export const rankingHeight = (count: number) => Math.max(120, 32 + count * 30)
