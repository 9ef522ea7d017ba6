import { ApiError } from '@/api/problem'
import type { Tag, TagGroup, TagKind } from './api'

/** The longest name of a tag or a tag group the server takes. */
export const NAME_MAX = 30

/** One colour per kind of tag group, for its badge, its chips and the kind filter. */
export const KIND_COLORS: Record<TagKind, string> = {
  followUp: '#2f6fed',
  source: '#0e9f8c',
  attribute: '#8b5cf6',
  product: '#e07b12',
  content: '#0891b2',
  campaign: '#e0457b',
}

/** A rule tag is kept by a segment: nobody sets or removes it by hand. */
export const isRuleTag = (tag: Pick<Tag, 'segmentId'>) => tag.segmentId != null

/** Groups in the order the server keeps them (position), then by name. */
export function sortGroups(groups: readonly TagGroup[]): TagGroup[] {
  return [...groups].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
}

/** Whether a tag's name contains the search text (case-insensitive, surrounding spaces ignored). */
export function matches(name: string, query: string): boolean {
  const q = query.trim().toLowerCase()
  return q === '' || name.toLowerCase().includes(q)
}

/** A name split around the first match of the search text, for highlighting it. */
export function highlight(
  name: string,
  query: string,
): { before: string; hit: string; after: string } {
  const q = query.trim().toLowerCase()
  const at = q === '' ? -1 : name.toLowerCase().indexOf(q)
  if (at < 0) return { before: name, hit: '', after: '' }
  return {
    before: name.slice(0, at),
    hit: name.slice(at, at + q.length),
    after: name.slice(at + q.length),
  }
}

/**
 * The tenant's groups as the management page shows them: organisation tags in their group, and the
 * signed-in staff member's personal tags apart (the server lists no one else's).
 */
export function splitPersonal(groups: readonly TagGroup[]): {
  groups: TagGroup[]
  personal: (Tag & { groupName: string; kind: TagKind })[]
} {
  const personal: (Tag & { groupName: string; kind: TagKind })[] = []
  const shared = sortGroups(groups).map((group) => {
    for (const tag of group.tags) {
      if (tag.personal) personal.push({ ...tag, groupName: group.name, kind: group.kind })
    }
    return { ...group, tags: group.tags.filter((tag) => !tag.personal) }
  })
  return { groups: shared, personal }
}

/**
 * A 409 (the name is taken in the group) shown on the form field `field`: the server names `name`,
 * which is not the field the operator changed when a tag is moved into a group that has its name,
 * and a 409 without field errors goes on the field too, instead of a toast far from the form.
 */
export function conflictOnField(error: unknown, field: string): never {
  if (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.detail || error.fieldErrors.length)
  ) {
    const errors = error.fieldErrors.length
      ? error.fieldErrors.map((e) => (e.field === 'name' ? { ...e, field } : e))
      : [{ field, code: error.code ?? '', message: error.detail ?? '' }]
    throw new ApiError(409, { ...error.problem, errors })
  }
  throw error
}
