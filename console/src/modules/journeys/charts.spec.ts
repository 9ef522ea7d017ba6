import { describe, expect, it } from 'vitest'
import { stats } from '@/test/journeys'
import { hourlyOption, stepRows, stepsChartHeight, stepsOption } from './charts'

describe('the per-step chart', () => {
  it('sums a step over the versions and names it as the newest version does', () => {
    const rows = stepRows(stats().steps, ['hello', 'wait1'])
    expect(rows.map((r) => [r.id, r.name, r.entered, r.versions])).toEqual([
      ['hello', '欢迎语', 1280, [2, 1]],
      ['wait1', null, 790, [2]],
    ])
  })

  it('orders the steps as the flow chart draws them, unknown ones last', () => {
    const rows = stepRows(stats().steps, ['wait1'])
    expect(rows.map((r) => r.id)).toEqual(['wait1', 'hello'])
  })

  it('draws a bar per measure and step, labelled in words', () => {
    const option = stepsOption(stepRows(stats().steps, []), {
      step: (row) => row.name ?? row.type,
      measure: (m) => m.toUpperCase(),
    })
    const series = option.series as { name: string; data: number[] }[]
    expect(series.map((s) => s.name)).toEqual([
      'ENTERED',
      'WAITING',
      'DONE',
      'EXITED',
      'FAILED',
      'CONVERTED',
    ])
    expect(series[1]!.data).toEqual([0, 30])
    expect((option.yAxis as { data: string[] }).data).toEqual(['欢迎语', 'wait'])
  })

  it('grows with the steps', () => {
    expect(stepsChartHeight(1)).toBe(232)
    expect(stepsChartHeight(10)).toBe(648)
  })
})

describe('the hourly chart', () => {
  it('puts the hours in order with entries and conversions as two lines', () => {
    const option = hourlyOption(stats().hourly, {
      hour: (at) => at.slice(11, 16),
      entered: '进入',
      converted: '转化',
    })
    expect((option.xAxis as { data: string[] }).data).toEqual(['00:00', '01:00'])
    const series = option.series as { name: string; data: number[] }[]
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['进入', [5, 3]],
      ['转化', [0, 1]],
    ])
  })
})
