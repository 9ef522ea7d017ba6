import { describe, expect, it } from 'vitest'
import { report } from '@/test/live-codes'
import {
  FLOW_COLORS,
  dailyOption,
  everyDay,
  lastDays,
  periodSums,
  rankStaff,
  spanDays,
  staffOption,
} from './charts'

const NAMES = { adds: '添加', losses: '流失', net: '净增' }

interface Series {
  type: string
  name: string
  data: number[]
}

describe('the live code statistics charts', () => {
  it('show every day of the period, the days without adds or losses at zero', () => {
    expect(everyDay(report()).map((d) => [d.day, d.adds, d.losses, d.net])).toEqual([
      ['2026-11-01', 5, 1, 4],
      ['2026-11-02', 0, 0, 0],
      ['2026-11-03', 2, 3, -1],
    ])
  })

  it('draw adds and losses per day as bars and the net as a line', () => {
    const option = dailyOption(report(), NAMES)
    const series = option.series as Series[]
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '添加'],
      ['bar', '流失'],
      ['line', '净增'],
    ])
    expect(series[0]!.data).toEqual([5, 0, 2])
    expect(series[1]!.data).toEqual([1, 0, 3])
    expect(series[2]!.data).toEqual([4, 0, -1])
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ])
    expect((series[0] as unknown as { itemStyle: { color: string } }).itemStyle.color).toBe(
      FLOW_COLORS.adds,
    )
  })

  it('rank the staff by adds as horizontal bars, the most at the top', () => {
    expect(rankStaff(report().staff).map((s) => s.name)).toEqual(['张三', '李四'])
    const option = staffOption(report().staff, NAMES)
    // a category y axis draws its first entry at the bottom
    expect((option.yAxis as { type: string; data: string[] }).data).toEqual(['李四', '张三'])
    expect((option.xAxis as { type: string }).type).toBe('value')
    const series = option.series as Series[]
    expect(series.map((s) => s.name)).toEqual(['添加', '流失'])
    expect(series[0]!.data).toEqual([2, 5])
    expect(series[1]!.data).toEqual([3, 1])
  })

  it('sum the period', () => {
    expect(periodSums(report())).toEqual({ adds: 7, losses: 4, net: 3 })
  })

  it('count the days of a period, both ends included', () => {
    expect(spanDays('2026-11-01', '2026-11-30')).toBe(30)
    expect(spanDays('2025-01-01', '2025-12-31')).toBe(365)
    expect(lastDays('2026-11-30', 30)).toEqual(['2026-11-01', '2026-11-30'])
  })
})
