import type { StaffCustomer, UnassignedCustomer } from './api'

/** A customer the handover dialog offers: one checkbox row. */
export interface CustomerChoice {
  externalUserId: string
  customerId: number | null
  /** Empty when nobody knows the customer's name. */
  name: string
  /** When they added the staff member; null when not known (a leaver's customer not synced). */
  addedAt: string | null
  /** The live code they came through; null when none (or not known). */
  channelCode: string | null
}

/** A staff member's customers as the server lists them (newest first). */
export function choicesOfStaff(rows: readonly StaffCustomer[]): CustomerChoice[] {
  return rows.map((row) => ({
    externalUserId: row.externalUserId,
    customerId: row.customerId,
    name: row.name,
    addedAt: row.addedAt,
    channelCode: row.channelCode,
  }))
}

/**
 * A leaver's unassigned customers (what WeCom lets us assign), with when they were added and
 * through which code where the leaver's synced customers say so; newest first, unknown dates last.
 */
export function choicesOfLeaver(
  unassigned: readonly UnassignedCustomer[],
  known: readonly StaffCustomer[] = [],
): CustomerChoice[] {
  const byId = new Map(known.map((row) => [row.externalUserId, row]))
  const choices = unassigned.map((row) => {
    const synced = byId.get(row.externalUserId)
    return {
      externalUserId: row.externalUserId,
      customerId: row.customerId ?? synced?.customerId ?? null,
      name: row.name || synced?.name || '',
      addedAt: synced?.addedAt ?? null,
      channelCode: synced?.channelCode ?? null,
    }
  })
  return choices.sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''))
}

/** The choices whose name, external user id or channel holds the query (any case). */
export function filterChoices(choices: readonly CustomerChoice[], query: string): CustomerChoice[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...choices]
  return choices.filter((choice) =>
    [choice.name, choice.externalUserId, choice.channelCode ?? ''].some((text) =>
      text.toLowerCase().includes(needle),
    ),
  )
}

/** The selection with every one of `rows` added, in the order chosen then listed. */
export function withAll(selected: readonly string[], rows: readonly CustomerChoice[]): string[] {
  return [...new Set([...selected, ...rows.map((row) => row.externalUserId)])]
}

/** The selection without any of `rows` (those outside the filter stay chosen). */
export function withoutAll(selected: readonly string[], rows: readonly CustomerChoice[]): string[] {
  const leaving = new Set(rows.map((row) => row.externalUserId))
  return selected.filter((id) => !leaving.has(id))
}
