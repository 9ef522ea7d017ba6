import { describe, expect, it } from 'vitest'
import { activeStaff, contactStatus } from './contacts'
import type { WeComContact } from './api'

const contact = (overrides: Partial<WeComContact>): WeComContact => ({
  userId: 'lina',
  staffName: '李娜',
  externalUserId: 'wm1',
  addWay: 1,
  addedAt: '2026-11-01T02:00:00Z',
  ...overrides,
})

describe('a customer’s WeCom relations', () => {
  it('tells a contact from one lost by the customer, by the staff member or handed over', () => {
    expect(contactStatus(contact({}))).toBe('active')
    expect(contactStatus(contact({ lostAt: '2026-11-02T00:00:00Z', lostBy: 'customer' }))).toBe(
      'lostCustomer',
    )
    expect(contactStatus(contact({ lostAt: '2026-11-02T00:00:00Z', lostBy: 'staff' }))).toBe(
      'lostStaff',
    )
    expect(contactStatus(contact({ lostAt: '2026-11-02T00:00:00Z', lostBy: 'transfer' }))).toBe(
      'transferred',
    )
  })

  it('counts the staff members sharing the customer now', () => {
    const contacts = [
      contact({}),
      contact({ userId: 'zhangwei' }),
      contact({ userId: 'wangfang', lostAt: '2026-11-02T00:00:00Z', lostBy: 'staff' }),
    ]
    expect(activeStaff(contacts)).toBe(2)
  })
})
