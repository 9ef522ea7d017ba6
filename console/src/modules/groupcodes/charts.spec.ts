import { describe, expect, it } from 'vitest'
import { alignGroups, dailyFlowOption, groupFlowOption } from './charts'
import { REPORT } from '@/test/wecomops'

const LABELS = { joins: '入群', leaves: '退群', net: '净增' }
type Series = { type: string; name: string; data: number[] }

describe('group live code charts', () => {
  it('shows joins and leaves as bars and the net change as a line per day', () => {
    const option = dailyFlowOption(REPORT, LABELS)
    const series = option.series as Series[]
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '入群'],
      ['bar', '退群'],
      ['line', '净增'],
    ])
    expect(series[0]!.data).toEqual([10, 4, 0])
    expect(series[2]!.data).toEqual([9, -2, 0])
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ])
  })

  it('lists groups top down in the code’s order as horizontal bars', () => {
    const option = groupFlowOption(REPORT.groups, LABELS)
    expect((option.yAxis as { data: string[] }).data).toEqual([
      '线上客服答疑群',
      '华东门店VIP福利群',
    ])
    expect((option.series as Series[])[0]!.data).toEqual([2, 12])
  })

  it('shows every group of the code, also those nobody joined yet', () => {
    const rows = alignGroups(
      [
        REPORT.groups[1]!,
        { chatId: 'wrNew', name: '福利群3', memberCount: 1, joins: 1, leaves: 0, net: 1 },
      ],
      [
        { chatId: 'wrA1', name: '华东门店VIP福利群', memberCount: 195 },
        { chatId: 'wrB2', name: '线上客服答疑群', memberCount: 42 },
      ],
    )
    expect(rows.map((g) => [g.chatId, g.joins])).toEqual([
      ['wrA1', 0],
      ['wrB2', 2],
      ['wrNew', 1],
    ])
  })
})
