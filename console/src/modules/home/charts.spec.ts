import { describe, expect, it } from 'vitest'
import { EVENT_TYPES } from './api'
import { dateRange, donutOption, eventsByType, eventsOption, fillDaily, lastDate } from './charts'

describe('dashboard chart data', () => {
  it('builds a date axis that ends on the last day and spans the period', () => {
    expect(dateRange('2026-03-02', 4)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
  })

  it('ends the axis on a later date the server reports than "today" in the browser', () => {
    expect(lastDate('2026-11-01', [{ date: '2026-11-02', count: 1 }])).toBe('2026-11-02')
    expect(lastDate('2026-11-03', [{ date: '2026-11-02', count: 1 }])).toBe('2026-11-03')
  })

  it('fills days without data with zero', () => {
    const dates = dateRange('2026-11-03', 3)
    expect(fillDaily([{ date: '2026-11-02', count: 5 }], dates)).toEqual([0, 5, 0])
  })

  it('stacks events by type in a fixed order and keeps types the console does not know yet', () => {
    const dates = ['2026-11-01', '2026-11-02']
    const byType = eventsByType(
      [
        { date: '2026-11-01', type: 'purchase', count: 2 },
        { date: '2026-11-02', type: 'view', count: 9 },
        { date: '2026-11-02', type: 'coupon', count: 1 },
      ],
      dates,
      EVENT_TYPES,
    )
    expect([...byType.keys()]).toEqual([...EVENT_TYPES, 'coupon'])
    expect(byType.get('view')).toEqual([0, 9])
    expect(byType.get('purchase')).toEqual([2, 0])

    const option = eventsOption(dates, byType, (type) => type.toUpperCase())
    const series = option.series as { name: string; stack: string }[]
    expect(series.map((s) => s.name)).toContain('COUPON')
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['events']))
  })

  it('shows each slice’s share in the donut legend', () => {
    const option = donutOption(
      [
        { name: '非会员', value: 3, color: '#ccc' },
        { name: '金卡', value: 1, color: '#fc0' },
      ],
      '客户',
    )
    const legend = option.legend as { formatter: (name: string) => string }
    expect(legend.formatter('非会员')).toBe('非会员  75%')
    expect(legend.formatter('金卡')).toBe('金卡  25%')
  })
})
