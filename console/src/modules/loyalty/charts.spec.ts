import { describe, expect, it } from 'vitest'
import { loyaltyStats } from '@/test/loyalty'
import { everyDay, pointsFlowOption, tierSlices, tiersTrendOption } from './charts'

type Series = { name?: string; stack?: string; data: unknown[] }
const series = (option: { series?: unknown }) => option.series as Series[]

describe('the membership charts', () => {
  it('show the last 30 days up to today, a day without figures keeping the tiers of the day before', () => {
    const days = everyDay(loyaltyStats().daily, '2026-11-10')
    expect(days).toHaveLength(30)
    expect(days[0]!.day).toBe('2026-10-12')
    expect(days.find((d) => d.day === '2026-11-03')).toEqual({
      day: '2026-11-03',
      joined: 0,
      issued: 0,
      spent: 0,
      expired: 0,
      tiers: { '1': 900, '2': 250, '3': 40 },
    })
    expect(days.at(-1)!.tiers).toEqual({ '1': 900, '2': 250, '3': 40 })
  })

  it('stack the members of each tier, by the tiers’ names', () => {
    const option = tiersTrendOption(everyDay(loyaltyStats().daily, '2026-11-02'), [
      { level: 1, name: '银卡' },
      { level: 2, name: '金卡' },
    ])
    expect(series(option).map((s) => [s.name, s.stack])).toEqual([
      ['银卡', 'members'],
      ['金卡', 'members'],
    ])
    expect(series(option)[1]!.data.slice(-2)).toEqual([240, 250])
  })

  it('draw points issued above the axis, spent and expired below, and the net as a line', () => {
    const option = pointsFlowOption(everyDay(loyaltyStats().daily, '2026-11-02'), {
      issued: 'in',
      spent: 'spent',
      expired: 'gone',
      balance: 'net',
    })
    expect(series(option).map((s) => s.name)).toEqual(['in', 'spent', 'gone', 'net'])
    expect(series(option).map((s) => s.data.at(-1))).toEqual([5200, -1800, -300, 3100])
  })

  it('slice the members by tier, lowest tier first', () => {
    expect(tierSlices(loyaltyStats().byTier).map((s) => [s.name, s.value])).toEqual([
      ['银卡', 900],
      ['金卡', 250],
      ['黑金', 40],
    ])
  })
})
