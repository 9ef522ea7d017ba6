import { servesCustomers, type WeComGroup, type WeComStaff } from '@/modules/wecomops/api'

/** A staff member as a form offers them: with how many customers (or groups) they send to. */
export interface StaffChoice {
  userId: string
  name: string
  count: number
}

/** Who may send to customers (or post to their 朋友圈): staff who can add contacts. */
export const customerSenders = (staff: readonly WeComStaff[]): StaffChoice[] =>
  staff
    .filter(servesCustomers)
    .map(({ userId, name, customers }) => ({ userId, name, count: customers }))

/** Who may send to groups: the owners of live groups among them, with how many each owns. */
export function groupOwners(
  staff: readonly WeComStaff[],
  groups: readonly WeComGroup[],
): StaffChoice[] {
  const owned = new Map<string, number>()
  for (const group of groups) {
    if (!group.dismissed && group.owner) owned.set(group.owner, (owned.get(group.owner) ?? 0) + 1)
  }
  return customerSenders(staff)
    .filter((member) => owned.has(member.userId))
    .map((member) => ({ ...member, count: owned.get(member.userId)! }))
}
