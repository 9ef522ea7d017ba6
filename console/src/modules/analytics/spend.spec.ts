import { describe, expect, it } from 'vitest'
import { cellKey, monthsBetween, spendCells, spendChanges } from './spend'

describe('the spend table', () => {
  it('has a column for every month the period touches, across a new year', () => {
    expect(monthsBetween('2026-11-15', '2027-02-03')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ])
    expect(monthsBetween('2026-11-01', '2026-11-30')).toEqual(['2026-11'])
  })

  it('has a row for each channel with spend, then the other channels', () => {
    const { cells, channels } = spendCells(
      [
        { channel: '小红书', month: '2026-10', amount: 5000 },
        { channel: '抖音投放', month: '2026-11', amount: 9000 },
      ],
      ['抖音投放', '门店扫码'],
    )
    expect(channels).toEqual(['小红书', '抖音投放', '门店扫码'])
    expect(cells[cellKey('抖音投放', '2026-11')]).toBe(9000)
  })

  it('sends only what changed, a cleared amount as 0', () => {
    const before = { [cellKey('抖音', '2026-11')]: 9000, [cellKey('小红书', '2026-11')]: 5000 }
    const after = {
      [cellKey('抖音', '2026-11')]: 9000.001,
      [cellKey('小红书', '2026-11')]: null,
      [cellKey('门店', '2026-12')]: 120.5,
      [cellKey('门店', '2026-11')]: null,
    }
    expect(spendChanges(before, after)).toEqual([
      { channel: '小红书', month: '2026-11', amount: 0 },
      { channel: '门店', month: '2026-12', amount: 120.5 },
    ])
  })
})
