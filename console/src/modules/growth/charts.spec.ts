import { describe, expect, it } from 'vitest'
import { stats } from '@/test/growth'
import { everyDay, funnelOption, rejectedEntries, rejectedOption, trendOption } from './charts'

type Series = {
  name?: string
  data: unknown[]
  label?: { formatter: (p: { value: unknown; dataIndex: number }) => string }
}
const series = (option: { series?: unknown }) => option.series as Series[]

describe('the campaign charts', () => {
  it('show each funnel step with its number and, where given, its note', () => {
    const option = funnelOption([
      { key: 'participants', name: '参与', value: 128 },
      { key: 'counted', name: '有效', value: 256, note: '77.8%' },
    ])
    const [bars] = series(option)
    expect(bars!.data).toMatchObject([{ value: 128 }, { value: 256 }])
    expect(bars!.label!.formatter({ value: 256, dataIndex: 1 })).toBe('256 · 77.8%')
    expect(bars!.label!.formatter({ value: 128, dataIndex: 0 })).toBe('128')
    expect((option.xAxis as { max: number }).max).toBe(256)
  })

  it('show the last 30 days up to today, the days without anything at zero', () => {
    const days = everyDay(stats().daily, '2026-11-10')
    expect(days).toHaveLength(30)
    expect(days[0]!.day).toBe('2026-10-12')
    expect(days.at(-1)).toEqual({ day: '2026-11-10', joined: 0, invited: 0, counted: 0 })
    expect(days.find((d) => d.day === '2026-11-02')).toEqual({
      day: '2026-11-02',
      joined: 35,
      invited: 90,
      counted: 70,
    })
    // a day the server already counts (another zone's tomorrow) is not left out
    expect(
      everyDay([{ day: '2026-11-11', joined: 1, invited: 0, counted: 0 }], '2026-11-10').at(-1)
        ?.day,
    ).toBe('2026-11-11')
  })

  it('draw joined, invited and counted as three lines', () => {
    const option = trendOption(everyDay(stats().daily, '2026-11-02'), {
      joined: '参与',
      invited: '邀请',
      counted: '有效',
    })
    expect(series(option).map((s) => s.name)).toEqual(['参与', '邀请', '有效'])
    expect(series(option)[2]!.data.slice(-2)).toEqual([30, 70])
  })

  it('show only the reasons invites were rejected for, in a fixed order and in words', () => {
    const entries = rejectedEntries({ existing: 4, self: 1, loop: 0 })
    expect(entries).toEqual([
      { reason: 'self', count: 1 },
      { reason: 'existing', count: 4 },
    ])
    const option = rejectedOption(entries, (reason) => `«${reason}»`)
    expect((option.yAxis as { data: string[] }).data).toEqual(['«self»', '«existing»'])
    expect(series(option)[0]!.data).toMatchObject([{ value: 1 }, { value: 4 }])
  })
})
