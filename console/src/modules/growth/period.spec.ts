import { describe, expect, it } from 'vitest'
import { endProblem, periodOf, startProblem } from './period'

const ZONE = 'Asia/Shanghai'
// 2026-11-10 10:00 in Shanghai
const NOW = Date.parse('2026-11-10T02:00:00Z')

describe('a campaign’s period', () => {
  it('goes to the server in the tenant’s zone, without a start when it starts when started', () => {
    expect(periodOf('now', '2026-11-11 09:00', '2026-11-30 23:59', ZONE)).toEqual({
      endsAt: '2026-11-30T15:59:00.000Z',
    })
    expect(periodOf('later', '2026-11-11 09:00', '2026-11-30 23:59', ZONE)).toEqual({
      startsAt: '2026-11-11T01:00:00.000Z',
      endsAt: '2026-11-30T15:59:00.000Z',
    })
  })

  it('needs a start only when one is to be picked', () => {
    expect(startProblem('now', '', ZONE)).toBeNull()
    expect(startProblem('later', '', ZONE)).toBe('startsAtRequired')
    expect(startProblem('later', '2026-11-11 09:00', ZONE)).toBeNull()
  })

  it('ends in the future, after its start, within 366 days of it', () => {
    expect(endProblem('now', '', '', ZONE, NOW)).toBe('endsAtRequired')
    expect(endProblem('now', '', '2026-11-10 09:59', ZONE, NOW)).toBe('endsAtPast')
    expect(endProblem('later', '2026-12-01 00:00', '2026-11-30 23:59', ZONE, NOW)).toBe(
      'endsAtBeforeStart',
    )
    expect(endProblem('now', '', '2027-11-11 10:01', ZONE, NOW)).toBe('endsAtTooFar')
    expect(endProblem('later', '2026-12-01 00:00', '2027-11-11 10:01', ZONE, NOW)).toBeNull()
    expect(endProblem('now', '', '2026-11-30 23:59', ZONE, NOW)).toBeNull()
  })
})
