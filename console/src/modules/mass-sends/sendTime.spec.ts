import { describe, expect, it } from 'vitest'
import { sendAtOf, sendAtProblem } from './sendTime'

const NOW = Date.parse('2026-11-10T02:00:00Z')

describe('a send’s time', () => {
  it('is null for now, else the instant of the time picked in the tenant’s zone', () => {
    expect(sendAtOf('now', '2026-11-11 09:30', 'Asia/Shanghai')).toBeNull()
    expect(sendAtOf('later', '2026-11-11 09:30', 'Asia/Shanghai')).toBe('2026-11-11T01:30:00.000Z')
  })

  it('must be picked, and in the future', () => {
    expect(sendAtProblem('now', '', 'Asia/Shanghai', NOW)).toBeNull()
    expect(sendAtProblem('later', '', 'Asia/Shanghai', NOW)).toBe('sendAtRequired')
    expect(sendAtProblem('later', '2026-11-10 10:00', 'Asia/Shanghai', NOW)).toBe('sendAtPast')
    expect(sendAtProblem('later', '2026-11-10 10:01', 'Asia/Shanghai', NOW)).toBeNull()
  })
})
