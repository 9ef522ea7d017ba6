import type { WeComContact } from './api'

export type ContactStatus = 'active' | 'lostCustomer' | 'lostStaff' | 'transferred'

/** Where a relation stands: still a contact, lost (by whom), or handed over to another staff member. */
export function contactStatus(contact: WeComContact): ContactStatus {
  if (!contact.lostAt && !contact.lostBy) return 'active'
  if (contact.lostBy === 'transfer') return 'transferred'
  return contact.lostBy === 'staff' ? 'lostStaff' : 'lostCustomer'
}

export const CONTACT_STATUS_TYPE: Record<ContactStatus, 'success' | 'danger' | 'warning' | 'info'> =
  {
    active: 'success',
    lostCustomer: 'danger',
    lostStaff: 'warning',
    transferred: 'info',
  }

/** How many different staff members the customer is a contact of now. */
export function activeStaff(contacts: WeComContact[]): number {
  return new Set(contacts.filter((c) => contactStatus(c) === 'active').map((c) => c.userId)).size
}
