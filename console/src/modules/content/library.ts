import { MATERIAL_KINDS, type KindCounts } from './api'

/** The longest name of a material or script group the server takes. */
export const GROUP_NAME_MAX = 30

/**
 * The group filter of a library page from the chosen line of its group list: 'all' is every
 * group (no filter), 'none' is 未分组 (the API's groupId 0), anything else a group's id.
 */
export function groupIdOf(key: string): number | undefined {
  if (key === 'all') return undefined
  if (key === 'none') return 0
  const id = Number(key)
  return Number.isInteger(id) && id > 0 ? id : undefined
}

/** The 全部 tab: the sum of the kinds the server counted. */
export function kindTotal(counts: KindCounts): number {
  return MATERIAL_KINDS.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0)
}
