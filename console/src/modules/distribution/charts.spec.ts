import { describe, expect, it } from 'vitest'
import type { Entry, Month } from './api'
import { entryChanges, hasCommission, monthLabel, monthOption } from './charts'

const months: Month[] = [
  { month: '2026-12', earned: 120.5, released: 80, reversed: 10 },
  { month: '2027-01', earned: 0, released: 0, reversed: 0 },
]

describe('the distribution chart', () => {
  it('draws earned, released and taken back per month in yuan', () => {
    const option = monthOption(
      months,
      (m) => m,
      (s) => s.toUpperCase(),
      (v) => `¥${v}`,
    ) as { series: { name: string; data: number[] }[]; xAxis: { data: string[] } }
    expect(option.xAxis.data).toEqual(['2026-12', '2027-01'])
    expect(option.series.map((s) => s.name)).toEqual(['EARNED', 'RELEASED', 'REVERSED'])
    expect(option.series.map((s) => s.data[0])).toEqual([120.5, 80, 10])
  })

  it('knows an empty half year from one with commission', () => {
    expect(hasCommission(months)).toBe(true)
    expect(hasCommission([months[1]!])).toBe(false)
  })

  it('names months shortly, with the year on the first and on January', () => {
    expect(monthLabel('2026-12', 'zh-CN', true)).toBe('2026年12月')
    expect(monthLabel('2026-11', 'zh-CN', false)).toBe('11月')
    expect(monthLabel('2027-01', 'en', false)).toBe('Jan 2027')
    expect(monthLabel('2026-11', 'en', false)).toBe('Nov')
  })

  it('reads an entry as the balances it moved', () => {
    const entry = {
      pending: -20,
      available: 15,
      frozen: 0,
      debt: -5,
      withdrawn: 0,
    } as unknown as Entry
    expect(
      entryChanges(
        entry,
        (b) => b,
        (v) => v.toFixed(2),
      ),
    ).toBe('pending −20.00 · available +15.00 · debt −5.00')
  })
})
