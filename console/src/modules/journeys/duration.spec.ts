import { describe, expect, it } from 'vitest'
import { durationMinutes, durationProblem, toIso, toParts } from './duration'

describe('durations', () => {
  it('read ISO-8601 in minutes, whatever units it uses', () => {
    expect(durationMinutes('PT30M')).toBe(30)
    expect(durationMinutes('PT1H')).toBe(60)
    expect(durationMinutes('P2D')).toBe(2880)
    expect(durationMinutes('P1W')).toBe(10080)
    expect(durationMinutes('P1DT2H30M')).toBe(1590)
    expect(durationMinutes('pt90m')).toBe(90)
  })

  it('are not read from anything else', () => {
    for (const bad of ['', 'P', 'PT', 'P1M', '1 day', 'P1DT', null, undefined])
      expect(durationMinutes(bad), String(bad)).toBeNull()
  })

  it('show in the largest unit that counts them in whole numbers', () => {
    expect(toParts('PT30M')).toEqual({ amount: 30, unit: 'minutes' })
    expect(toParts('PT90M')).toEqual({ amount: 90, unit: 'minutes' })
    expect(toParts('PT120M')).toEqual({ amount: 2, unit: 'hours' })
    expect(toParts('PT48H')).toEqual({ amount: 2, unit: 'days' })
    expect(toParts('P1W')).toEqual({ amount: 7, unit: 'days' })
    expect(toParts('P1M')).toBeNull()
  })

  it('are written as minutes, hours or days', () => {
    expect(toIso({ amount: 45, unit: 'minutes' })).toBe('PT45M')
    expect(toIso({ amount: 3, unit: 'hours' })).toBe('PT3H')
    expect(toIso({ amount: 7, unit: 'days' })).toBe('P7D')
  })

  it('are nothing without a whole number above zero', () => {
    expect(toIso({ amount: null, unit: 'days' })).toBeNull()
    expect(toIso({ amount: 0, unit: 'days' })).toBeNull()
    expect(toIso({ amount: 1.5, unit: 'hours' })).toBeNull()
  })

  it('survive the way there and back', () => {
    for (const iso of ['PT1M', 'PT59M', 'PT1H', 'PT23H', 'P1D', 'P365D'])
      expect(toIso(toParts(iso)!)).toBe(iso)
  })

  it('of a wait are between a minute and 365 days', () => {
    expect(durationProblem('PT1M')).toBeNull()
    expect(durationProblem('P365D')).toBeNull()
    expect(durationProblem('PT30S')).toBe('tooShort')
    expect(durationProblem('P366D')).toBe('tooLong')
    expect(durationProblem(null)).toBe('required')
  })
})
