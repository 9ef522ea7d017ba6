import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  hasTierProblems,
  minutesLeft,
  nextTier,
  priceText,
  stockPercent,
  successRate,
  tierLine,
  tierProblems,
} from './tiers'

describe('the tier editor checks', () => {
  it('accept sizes that rise and prices that fall below the price alone', () => {
    const problems = tierProblems(
      [
        { size: 2, price: 89 },
        { size: 3, price: 79 },
        { size: 5, price: 69.5 },
      ],
      99,
    )
    expect(hasTierProblems(problems)).toBe(false)
  })

  it('flag a size that does not rise and a price that does not fall, on that row', () => {
    const problems = tierProblems(
      [
        { size: 3, price: 79 },
        { size: 3, price: 79 },
        { size: 2, price: 89 },
      ],
      99,
    )
    expect(problems[0]).toEqual({})
    expect(problems[1]).toEqual({ size: 'sizeOrder', price: 'priceOrder' })
    expect(problems[2]).toEqual({ size: 'sizeOrder', price: 'priceOrder' })
  })

  it('flag a price at or above the price alone', () => {
    expect(tierProblems([{ size: 2, price: 99 }], 99)[0]).toEqual({ price: 'priceList' })
    expect(tierProblems([{ size: 2, price: 99 }], null)[0]).toEqual({})
  })

  it('flag sizes below 2 or above 100, fractions of a cent and blanks', () => {
    expect(tierProblems([{ size: 1, price: 0.001 }], 99)[0]).toEqual({
      size: 'sizeRange',
      price: 'priceRange',
    })
    expect(tierProblems([{ size: 101, price: 0 }], 99)[0]).toEqual({
      size: 'sizeRange',
      price: 'priceRange',
    })
    expect(tierProblems([{ size: null, price: null }], 99)[0]).toEqual({
      size: 'sizeRequired',
      price: 'priceRequired',
    })
  })

  it('add a row one larger and one yuan cheaper than the last', () => {
    expect(nextTier([{ size: 3, price: 79 }])).toEqual({ size: 4, price: 78 })
    expect(nextTier([{ size: 3, price: null }])).toEqual({ size: 4, price: null })
    expect(nextTier([])).toEqual({ size: 2, price: null })
  })
})

describe('the list formatting', () => {
  it('reads the tiers on one line in Chinese and in English', () => {
    const tiers = [
      { size: 2, price: 89 },
      { size: 3, price: 79 },
      { size: 5, price: 69.9 },
    ]
    const line = (locale: 'zh-CN' | 'en') =>
      tierLine(
        tiers,
        (size, price) => i18n.global.t('groupBuys.tier', { size, price }, { locale }),
        locale,
      )
    expect(line('zh-CN')).toBe('2人 ¥89 / 3人 ¥79 / 5人 ¥69.90')
    expect(line('en')).toBe('2 for ¥89 / 3 for ¥79 / 5 for ¥69.90')
  })

  it('writes whole yuan without cents', () => {
    expect(priceText(20, 'zh-CN')).toBe('¥20')
    expect(priceText(19.5, 'zh-CN')).toBe('¥19.50')
  })

  it('counts held and sold places against the stock', () => {
    expect(stockPercent(6, 10, 200)).toBe(8)
    expect(stockPercent(1, 0, 3)).toBe(33.3)
    expect(stockPercent(3, 0, 0)).toBe(0)
  })

  it('rates success among closed teams only', () => {
    expect(successRate(3, 1)).toBe(0.75)
    expect(successRate(0, 0)).toBeNull()
  })

  it('says how long an open team has left, never below zero', () => {
    const now = Date.parse('2026-12-01T00:00:00Z')
    expect(minutesLeft('2026-12-01T01:30:59Z', now)).toBe(90)
    expect(minutesLeft('2026-11-30T23:00:00Z', now)).toBe(0)
  })
})
