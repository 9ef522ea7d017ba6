import { describe, expect, it } from 'vitest'
import { channelCode } from '@/test/live-codes'
import type { CodeWithTotals } from './api'
import { FLOW_COLORS } from './charts'
import {
  personalCodes,
  personalTotals,
  rankSharers,
  rankingHeight,
  rankingOption,
  type PersonalCode,
} from './personal'

const NAMES = { adds: '添加', losses: '流失', net: '净增' }

function personal(id: number, name: string, adds: number, losses: number): CodeWithTotals {
  return {
    code: channelCode({ id, parentId: 7, kind: 'personal', sharerCustomerId: id * 10 }),
    totals: { adds, losses, active: adds - losses, addsToday: 0 },
    sharer: { id: id * 10, name },
  }
}

const sharers = (codes: PersonalCode[]) => codes.map((c) => c.sharer.name)

describe('千人千面码', () => {
  it('are the personal codes among a code’s children, each with its sharer and net adds', () => {
    const store: CodeWithTotals = {
      code: channelCode({ id: 31, parentId: 7, kind: 'store', store: '上海静安店' }),
      totals: { adds: 88, losses: 0, active: 88, addsToday: 0 },
    }
    const unnamed: CodeWithTotals = {
      code: channelCode({ id: 44, parentId: 7, kind: 'personal', sharerCustomerId: 20044 }),
      totals: { adds: 1, losses: 3, active: 0, addsToday: 0 },
    }
    const codes = personalCodes([personal(41, '林晓雯', 5, 1), store, unnamed])
    expect(codes.map((c) => c.code.id)).toEqual([41, 44])
    expect(codes[0]).toMatchObject({ sharer: { id: 410, name: '林晓雯' }, adds: 5, net: 4 })
    // a server without sharer names still says whose code it is
    expect(codes[1]).toMatchObject({ sharer: { id: 20044, name: '' }, net: -2 })
    expect(personalTotals(codes)).toEqual({ adds: 6, losses: 4, net: 2 })
  })

  it('rank sharers by net adds, then adds, then name, leaving out those who brought nothing', () => {
    const codes = personalCodes([
      personal(1, '王小明', 3, 0),
      personal(2, '林晓雯', 5, 1),
      personal(3, '赵敏', 0, 0),
      personal(4, '周杰', 4, 1),
      personal(5, '陈一', 3, 0),
      personal(6, '李雷', 0, 2),
    ])
    expect(sharers(rankSharers(codes))).toEqual(['林晓雯', '周杰', '陈一', '王小明', '李雷'])
    expect(sharers(rankSharers(codes, 2))).toEqual(['林晓雯', '周杰'])
  })

  it('chart the ranking as bars, the best at the top, a negative net in the losses’ colour', () => {
    const ranked = rankSharers(
      personalCodes([personal(1, '林晓雯', 5, 1), personal(2, '<b>李雷</b>', 0, 2)]),
    )
    const option = rankingOption(ranked, NAMES)
    // a category axis draws its first entry at the bottom
    expect((option.yAxis as { data: string[] }).data).toEqual(['<b>李雷</b>', '林晓雯'])
    const [bars] = option.series as { data: { value: number; itemStyle: { color: string } }[] }[]
    expect(bars!.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [-2, FLOW_COLORS.losses],
      [4, FLOW_COLORS.adds],
    ])
    const tooltip = option.tooltip as { formatter: (params: unknown) => string }
    // ECharts renders tooltips as HTML: a customer's name is text
    expect(tooltip.formatter([{ dataIndex: 0 }])).toBe(
      '&lt;b&gt;李雷&lt;/b&gt;<br/>添加 0<br/>流失 2<br/>净增 -2',
    )
    expect(rankingHeight(1)).toBeLessThan(rankingHeight(10))
  })
})
