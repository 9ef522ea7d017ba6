import type { ChartOption } from '@/modules/home/echarts'
import { PALETTE } from '@/modules/home/charts'
import type { CampaignFigures, ReferralView } from './api'
import type { GraphOption } from './echarts'

// Pure option builders: the view names things in the UI language, these shape data and style.

export const REFERRAL_COLORS = {
  koc: '#f5a524',
  top: PALETTE.primary,
  other: '#a7b4c8',
  member: '#f0627f',
  kFactor: '#17c3a2',
  cycle: '#9b7bf7',
  depth: '#38bdf8',
}
/** One colour per campaign for the invitations of the graph, in the order the campaigns come. */
const CAMPAIGN_COLORS = ['#2f6fed', '#17c3a2', '#9b7bf7', '#fb923c', '#38bdf8', '#a3a948']

export const campaignColor = (index: number): string =>
  CAMPAIGN_COLORS[index % CAMPAIGN_COLORS.length]!

export interface GraphWords {
  /** The legend's names: KOC candidates, top inviters, everyone else. */
  koc: string
  top: string
  other: string
  /** A campaign's name by id; the name of member referrals for null. */
  source: (campaignId: number | null) => string
  /** A node's tooltip. */
  node: (name: string, invites: number, depth: number) => string
}

/** A node's size from its invites: big inviters stand out, everyone stays visible. */
export const nodeSize = (invites: number): number =>
  Math.round(Math.min(46, 8 + Math.sqrt(invites) * 6))

/** Who invited whom as a force layout: KOC candidates gold, top inviters blue, edges by campaign. */
export function graphOption(
  graph: ReferralView['graph'],
  campaignIds: readonly number[],
  words: GraphWords,
): GraphOption {
  const categories = [
    { name: words.koc, itemStyle: { color: REFERRAL_COLORS.koc } },
    { name: words.top, itemStyle: { color: REFERRAL_COLORS.top } },
    { name: words.other, itemStyle: { color: REFERRAL_COLORS.other } },
  ]
  const edgeColor = (campaignId: number | null) =>
    campaignId == null
      ? REFERRAL_COLORS.member
      : campaignColor(Math.max(0, campaignIds.indexOf(campaignId)))
  return {
    tooltip: { confine: true },
    legend: [{ data: categories.map((c) => c.name), top: 0, textStyle: { color: PALETTE.text } }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        top: 40,
        bottom: 12,
        roam: true,
        draggable: true,
        categories,
        // strong gravity keeps a few hundred people inside the card
        force: { repulsion: 36, edgeLength: [6, 26], gravity: 0.32, friction: 0.2 },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 5,
        label: { position: 'right', color: PALETTE.text, fontSize: 11 },
        emphasis: { focus: 'adjacency' },
        data: graph.nodes.map((n) => ({
          id: String(n.customerId),
          name: n.name || `#${n.customerId}`,
          value: n.invites,
          symbolSize: nodeSize(n.invites),
          category: n.koc ? 0 : n.top ? 1 : 2,
          label: { show: n.top },
          tooltip: { formatter: words.node(n.name || `#${n.customerId}`, n.invites, n.depth) },
        })),
        links: graph.edges.map((e) => ({
          source: String(e.from),
          target: String(e.to),
          lineStyle: {
            color: edgeColor(e.campaignId),
            type: e.campaignId == null ? ('dashed' as const) : ('solid' as const),
            opacity: 0.7,
            width: 1.2,
          },
          tooltip: { formatter: words.source(e.campaignId) },
        })),
      },
    ],
  }
}

const valueAxis = {
  type: 'value' as const,
  splitLine: { lineStyle: { color: PALETTE.grid } },
  axisLabel: { color: PALETTE.axis },
}
const categoryAxis = (data: string[]) => ({
  type: 'category' as const,
  data,
  inverse: true,
  axisLine: { lineStyle: { color: PALETTE.grid } },
  axisTick: { show: false },
  axisLabel: { color: PALETTE.text, width: 140, overflow: 'truncate' as const },
})

/** One bar per campaign of `value` (campaigns without one are left out), labelled by `label`. */
export function campaignBars(
  campaigns: readonly CampaignFigures[],
  value: (c: CampaignFigures) => number | null,
  color: string,
  label: (value: number) => string,
): ChartOption {
  const shown = campaigns.filter((c) => value(c) != null)
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      valueFormatter: (v) => label(Number(v)),
    },
    xAxis: valueAxis,
    yAxis: categoryAxis(shown.map((c) => c.name)),
    series: [
      {
        type: 'bar',
        data: shown.map((c) => value(c)!),
        barMaxWidth: 18,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: (p: { value: unknown }) => label(Number(p.value)),
        },
      },
    ],
  }
}

/** Customers by generation across campaigns, generation 0 first. */
export function depthOption(
  depths: ReferralView['depths'],
  name: (depth: number) => string,
): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: {
      type: 'category',
      data: depths.map((d) => name(d.depth)),
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
      axisLabel: { color: PALETTE.text },
    },
    yAxis: { ...valueAxis, minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: depths.map((d) => d.customers),
        barMaxWidth: 32,
        itemStyle: { color: REFERRAL_COLORS.depth, borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: PALETTE.text },
      },
    ],
  }
}

/** The period's chart height for `n` campaign bars: readable with one, not endless with many. */
export const barsHeight = (n: number): number => Math.max(160, Math.min(420, 48 + n * 36))
