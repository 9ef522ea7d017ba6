import type { SpendRow } from './api'

/** The server takes at most this many rows per PUT /spend. */
export const MAX_SPEND_ROWS = 500

/** The months (YYYY-MM) from the one of `from` to the one of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  const last = to.slice(0, 7)
  for (let i = 0; i < 240; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > last) break
    months.push(key)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return months
}

/** A cell of the spend table: channel and month. */
export const cellKey = (channel: string, month: string) => `${channel}\u0000${month}`

/** The amounts as cells (yuan), and the channels in the table: those with spend, then the others. */
export function spendCells(rows: readonly SpendRow[], channels: readonly string[]) {
  const cells: Record<string, number | null> = {}
  for (const row of rows) cells[cellKey(row.channel, row.month)] = row.amount
  const names = [...new Set([...rows.map((r) => r.channel), ...channels])]
  return { cells, channels: names }
}

/**
 * What to send: every cell whose amount changed, a cleared cell as 0 (which deletes it). Amounts
 * are compared in cents so that 9000 and 9000.00 are the same.
 */
export function spendChanges(
  before: Record<string, number | null>,
  after: Record<string, number | null>,
): SpendRow[] {
  const cents = (v: number | null | undefined) => Math.round((v ?? 0) * 100)
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const changes: SpendRow[] = []
  for (const key of keys) {
    if (cents(before[key]) === cents(after[key])) continue
    const [channel, month] = key.split('\u0000') as [string, string]
    changes.push({ channel, month, amount: cents(after[key]) / 100 })
  }
  return changes.sort(
    (a, b) => a.channel.localeCompare(b.channel) || a.month.localeCompare(b.month),
  )
}
