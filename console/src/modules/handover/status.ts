import {
  HANDOVER_STATUSES,
  type Handover,
  type HandoverStatus,
  type UnassignedCustomer,
} from './api'

export const STATUS_TYPE: Record<
  HandoverStatus,
  'primary' | 'success' | 'danger' | 'warning' | 'info'
> = {
  waiting: 'primary',
  done: 'success',
  refused: 'danger',
  limit: 'warning',
  failed: 'danger',
}

/** WeCom completes a handover this long after it started, unless the customer refuses. */
export const TAKEOVER_HOURS = 24

/** The statuses a handover's customers are in, in a fixed order, only those with customers. */
export function statusCounts(handover: Pick<Handover, 'counts'>) {
  return HANDOVER_STATUSES.map((status) => ({
    status,
    count: handover.counts[status] ?? 0,
  })).filter((entry) => entry.count > 0)
}

/** When WeCom will complete a waiting handover: 24 h after it started. */
export function expectedTakeover(createdAt: string): string {
  return new Date(new Date(createdAt).getTime() + TAKEOVER_HOURS * 3_600_000).toISOString()
}

/** Whether the handover still has customers waiting (worth asking WeCom again). */
export const isPending = (handover: Pick<Handover, 'counts'>) => (handover.counts.waiting ?? 0) > 0

/** Unassigned customers per staff member who left, in the order they left (earliest first). */
export function unassignedByStaff(rows: UnassignedCustomer[]): Map<string, UnassignedCustomer[]> {
  const result = new Map<string, UnassignedCustomer[]>()
  for (const row of [...rows].sort((a, b) => a.dimissionTime.localeCompare(b.dimissionTime))) {
    const list = result.get(row.handoverUserId) ?? []
    list.push(row)
    result.set(row.handoverUserId, list)
  }
  return result
}
