import { describe, expect, it } from 'vitest'
import { expectedTakeover, isPending, statusCounts, unassignedByStaff } from './status'

describe('handover helpers', () => {
  it('counts customers per status in a fixed order, leaving out empty ones', () => {
    expect(statusCounts({ counts: { failed: 1, waiting: 3, done: 0 } })).toEqual([
      { status: 'waiting', count: 3 },
      { status: 'failed', count: 1 },
    ])
    expect(isPending({ counts: { waiting: 3 } })).toBe(true)
    expect(isPending({ counts: { done: 2 } })).toBe(false)
  })

  it('expects WeCom to complete a handover 24 hours after it started', () => {
    expect(expectedTakeover('2026-11-20T02:00:00Z')).toBe('2026-11-21T02:00:00.000Z')
  })

  it('groups unassigned customers by the staff member who left, earliest leaver first', () => {
    const grouped = unassignedByStaff([
      { handoverUserId: 'b', externalUserId: 'wm2', dimissionTime: '2026-11-02T00:00:00Z' },
      { handoverUserId: 'a', externalUserId: 'wm1', dimissionTime: '2026-11-01T00:00:00Z' },
      { handoverUserId: 'b', externalUserId: 'wm3', dimissionTime: '2026-11-02T00:00:00Z' },
    ])
    expect([...grouped.keys()]).toEqual(['a', 'b'])
    expect(grouped.get('b')!.map((c) => c.externalUserId)).toEqual(['wm2', 'wm3'])
  })
})
