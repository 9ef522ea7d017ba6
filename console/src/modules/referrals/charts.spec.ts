import { describe, expect, it } from 'vitest'
import {
  REFERRAL_COLORS,
  barsHeight,
  campaignBars,
  campaignColor,
  depthOption,
  graphOption,
  nodeSize,
} from './charts'
import { referralView } from './fixtures'

type GraphSeries = {
  data: {
    id: string
    name: string
    category: number
    symbolSize: number
    label: { show: boolean }
  }[]
  links: { source: string; target: string; lineStyle: { color: string; type: string } }[]
}

const words = {
  koc: 'KOC',
  top: 'top',
  other: 'other',
  source: (id: number | null) => (id == null ? 'member' : `campaign ${id}`),
  node: (name: string, invites: number) => `${name} ${invites}`,
}

describe('the referral charts', () => {
  it('draw KOC candidates, top inviters and the invited apart, labelling only the top inviters', () => {
    const view = referralView()
    const series = graphOption(view.graph, [9, 8], words).series as unknown as GraphSeries[]
    const nodes = series[0]!.data
    expect(nodes.map((n) => [n.name, n.category, n.label.show])).toEqual([
      ['赵敏', 0, true],
      ['李雷', 1, true],
      ['韩梅梅', 2, false],
    ])
    expect(nodes[0]!.symbolSize).toBeGreaterThan(nodes[1]!.symbolSize)
  })

  it('colour each invitation by its campaign and dash member referrals', () => {
    const view = referralView()
    const series = graphOption(view.graph, [9, 8], words).series as unknown as GraphSeries[]
    expect(
      series[0]!.links.map((l) => [l.source, l.target, l.lineStyle.color, l.lineStyle.type]),
    ).toEqual([
      ['11', '12', campaignColor(1), 'solid'],
      ['12', '13', campaignColor(0), 'solid'],
      ['11', '13', REFERRAL_COLORS.member, 'dashed'],
    ])
  })

  it('keep node sizes within bounds however many someone invited', () => {
    expect(nodeSize(0)).toBe(8)
    expect(nodeSize(4)).toBe(20)
    expect(nodeSize(10_000)).toBe(46)
  })

  it('leave campaigns without a cycle time out of the cycle bars', () => {
    const campaigns = referralView().campaigns
    campaigns[1]!.cycleHours = null
    const option = campaignBars(
      campaigns,
      (c) => c.cycleHours,
      '#000',
      (v) => `${v} h`,
    )
    expect((option.yAxis as { data: string[] }).data).toEqual(['邀好友 领定制保温杯'])
    expect((option.series as { data: number[] }[])[0]!.data).toEqual([30])
  })

  it('name each generation and count its customers', () => {
    const option = depthOption(referralView().depths, (n) => `Gen ${n}`)
    expect((option.xAxis as { data: string[] }).data).toEqual(['Gen 0', 'Gen 1', 'Gen 2'])
    expect((option.series as { data: number[] }[])[0]!.data).toEqual([40, 70, 25])
  })

  it('grow the bar charts with the campaigns, within limits', () => {
    expect(barsHeight(1)).toBe(160)
    expect(barsHeight(6)).toBe(264)
    expect(barsHeight(40)).toBe(420)
  })
})
