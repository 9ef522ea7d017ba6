import type { WeComGroup } from '@/modules/wecomops/api'
import { GROUP_CAPACITY, type GroupCode, type GroupCodeInput } from './api'

/** How full a group is, in percent of WeCom's 200 (never more than 100). */
export function fillPercent(memberCount: number): number {
  return Math.min(100, Math.max(0, (memberCount / GROUP_CAPACITY) * 100))
}

/** Where the threshold mark sits on a fill bar, in percent. */
export function thresholdPercent(threshold: number): number {
  return fillPercent(threshold)
}

/**
 * A group's place in a code: `current` WeCom sends joiners there now, `full` it reached the
 * threshold, `waiting` its turn comes later, `missing` it is no longer synced (dismissed).
 */
export type GroupState = 'current' | 'full' | 'waiting' | 'missing'

export function groupState(
  chatId: string,
  code: Pick<GroupCode, 'routedTo' | 'threshold'>,
  group: Pick<WeComGroup, 'memberCount' | 'dismissed'> | undefined,
): GroupState {
  if (!group || group.dismissed) return 'missing'
  if (code.routedTo.includes(chatId)) return 'current'
  return group.memberCount >= code.threshold ? 'full' : 'waiting'
}

/** The badge a code wears: the fallback code is shown, or every group is full (rooms are made). */
export function codeBadge(code: Pick<GroupCode, 'full' | 'fallback'>): 'fallback' | 'full' | null {
  if (code.fallback) return 'fallback'
  return code.full ? 'full' : null
}

/** The editor's model. */
export interface GroupCodeForm {
  name: string
  groups: string[]
  threshold: number
  fallbackCodeId: number | null
  autoCreateRoom: boolean
  roomBaseName: string
  roomBaseId: number | null
}

export function formOf(code: GroupCode | null, threshold: number): GroupCodeForm {
  return {
    name: code?.name ?? '',
    groups: [...(code?.groups ?? [])],
    threshold: code?.threshold ?? threshold,
    fallbackCodeId: code?.fallbackCodeId ?? null,
    autoCreateRoom: code?.autoCreateRoom ?? false,
    roomBaseName: code?.roomBaseName ?? '',
    roomBaseId: code?.roomBaseId ?? null,
  }
}

/** The body of a new code. */
export function createBody(appId: number, form: GroupCodeForm): GroupCodeInput {
  return {
    appId,
    name: form.name.trim(),
    groups: form.groups,
    threshold: form.threshold,
    fallbackCodeId: form.fallbackCodeId ?? undefined,
    autoCreateRoom: form.autoCreateRoom,
    roomBaseName: form.autoCreateRoom ? form.roomBaseName.trim() : undefined,
    roomBaseId: form.autoCreateRoom ? (form.roomBaseId ?? undefined) : undefined,
  }
}

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i])

/**
 * A PATCH with only what changed; a removed fallback code is sent as `clear: ['fallbackCodeId']`
 * (an absent field means "unchanged" to the server).
 */
export function changedFields(code: GroupCode, form: GroupCodeForm): GroupCodeInput {
  const body: GroupCodeInput = {}
  const name = form.name.trim()
  if (name !== code.name) body.name = name
  if (!sameList(form.groups, code.groups)) body.groups = form.groups
  if (form.threshold !== code.threshold) body.threshold = form.threshold
  const fallback = code.fallbackCodeId ?? null
  if (form.fallbackCodeId !== fallback) {
    if (form.fallbackCodeId === null) body.clear = ['fallbackCodeId']
    else body.fallbackCodeId = form.fallbackCodeId
  }
  if (form.autoCreateRoom !== code.autoCreateRoom) body.autoCreateRoom = form.autoCreateRoom
  if (form.autoCreateRoom) {
    const baseName = form.roomBaseName.trim()
    if (baseName !== (code.roomBaseName ?? '')) body.roomBaseName = baseName
    if (form.roomBaseId !== null && form.roomBaseId !== (code.roomBaseId ?? null)) {
      body.roomBaseId = form.roomBaseId
    }
  }
  return body
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); out of range leaves the list. */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const target = index + delta
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list
  const result = [...list]
  const [item] = result.splice(index, 1)
  result.splice(target, 0, item as T)
  return result
}
