import { describe, expect, it } from 'vitest'
import type { Team } from './api'
import { sizeBars, statusSlices } from './charts'

const team = (size: number, status: Team['status']): Team => ({
  id: size,
  groupBuyId: 1,
  leaderId: 1,
  size,
  status,
  openedAt: '2026-12-01T00:00:00Z',
  expiresAt: '2026-12-02T00:00:00Z',
  members: [],
})

describe('the 拼团 charts', () => {
  it('count teams by the size they reached, split by status, up to the largest size', () => {
    const bars = sizeBars(
      [team(1, 'open'), team(2, 'succeeded'), team(2, 'succeeded'), team(1, 'failed')],
      3,
    )
    expect(bars).toEqual([
      { size: 1, open: 1, succeeded: 0, failed: 1 },
      { size: 2, open: 0, succeeded: 2, failed: 0 },
      { size: 3, open: 0, succeeded: 0, failed: 0 },
    ])
  })

  it('slice teams by status in a fixed order', () => {
    const slices = statusSlices({ open: 3, succeeded: 2, failed: 1, refunded: 0 }, (s) => s)
    expect(slices.map((s) => [s.status, s.value])).toEqual([
      ['open', 3],
      ['succeeded', 2],
      ['failed', 1],
    ])
  })
})
