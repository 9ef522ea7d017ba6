import { describe, expect, it } from 'vitest'
import { fromRules, toRules } from './rules'

const RULES = {
  quietFrom: '21:00',
  quietTo: '08:00',
  capDay: 1,
  capWeek: 3,
  massQuota: 'days-in-month' as const,
  dedupeDays: 7,
  staffTasksPerDay: 0,
  tasksPerMinute: 0,
}

describe('the sending rules form', () => {
  it('shows quiet hours as on when from and to differ, and off when they are equal', () => {
    expect(fromRules(RULES).quietOn).toBe(true)
    expect(fromRules({ ...RULES, quietFrom: '00:00', quietTo: '00:00' }).quietOn).toBe(false)
  })

  it('saves quiet hours turned off as 00:00–00:00, whatever times were shown', () => {
    expect(toRules({ ...fromRules(RULES), quietOn: false })).toEqual({
      ...RULES,
      quietFrom: '00:00',
      quietTo: '00:00',
    })
    expect(toRules(fromRules(RULES))).toEqual(RULES)
  })
})
