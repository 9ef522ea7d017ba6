import type { QueryValue } from '@/api/http'
import { GENDERS, MEMBER_LEVELS, type AttributeDefinition, type Gender } from './api'

/** What the customer list is filtered by; empty values are "any". */
export interface CustomerFilters {
  q: string
  gender: Gender | ''
  /** A city code from /cities. */
  city: number | null
  ownerId: number | null
  sourceChannel: string
  memberLevel: number | null
  anonymous: boolean | null
  /** Custom attribute key → the option a customer must have. */
  attributes: Record<string, string>
}

export function emptyFilters(): CustomerFilters {
  return {
    q: '',
    gender: '',
    city: null,
    ownerId: null,
    sourceChannel: '',
    memberLevel: null,
    anonymous: null,
    attributes: {},
  }
}

const ATTRIBUTE_PREFIX = 'attr.'

/** Custom attributes the list offers a filter for: those with a fixed set of options. */
export function filterableAttributes(definitions: readonly AttributeDefinition[]) {
  return definitions.filter((d) => d.type === 'enum' || d.type === 'multi_enum')
}

/**
 * The search parameters of GET /customers for the filters (without limit and cursor). The same
 * names are used in the page's address, so a filtered list can be bookmarked and survives a visit
 * to a customer and back.
 */
export function customerQuery(filters: CustomerFilters): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {}
  const q = filters.q.trim()
  if (q) query.q = q
  if (filters.gender) query.gender = filters.gender
  if (filters.city !== null) query.city = filters.city
  if (filters.ownerId !== null) query.ownerId = filters.ownerId
  const source = filters.sourceChannel.trim()
  if (source) query.sourceChannel = source
  if (filters.memberLevel !== null) query.memberLevel = filters.memberLevel
  if (filters.anonymous !== null) query.anonymous = filters.anonymous
  for (const [key, value] of Object.entries(filters.attributes)) {
    if (value) query[ATTRIBUTE_PREFIX + key] = value
  }
  return query
}

/** The filters as the page's address query (strings only). */
export function routeQuery(filters: CustomerFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(customerQuery(filters)).map(([key, value]) => [key, String(value)]),
  )
}

type RouteQueryValue = string | null | (string | null)[] | undefined

function first(value: RouteQueryValue): string {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' ? text : ''
}

function positiveInteger(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null
}

/** Reads filters back from an address; anything that cannot be a valid filter is dropped. */
export function filtersFromRoute(query: Record<string, RouteQueryValue>): CustomerFilters {
  const filters = emptyFilters()
  filters.q = first(query.q).slice(0, 100)
  const gender = first(query.gender)
  if ((GENDERS as readonly string[]).includes(gender)) filters.gender = gender as Gender
  filters.city = positiveInteger(first(query.city))
  filters.ownerId = positiveInteger(first(query.ownerId))
  filters.sourceChannel = first(query.sourceChannel).slice(0, 64)
  const level = positiveInteger(first(query.memberLevel))
  if (level !== null && (MEMBER_LEVELS as readonly number[]).includes(level)) {
    filters.memberLevel = level
  }
  const anonymous = first(query.anonymous)
  if (anonymous === 'true' || anonymous === 'false') filters.anonymous = anonymous === 'true'
  for (const [key, value] of Object.entries(query)) {
    const text = first(value)
    if (key.startsWith(ATTRIBUTE_PREFIX) && key.length > ATTRIBUTE_PREFIX.length && text) {
      filters.attributes[key.slice(ATTRIBUTE_PREFIX.length)] = text
    }
  }
  return filters
}

/** How many filters besides the search text are set (for the "reset" affordance). */
export function activeFilterCount(filters: CustomerFilters): number {
  const query = customerQuery(filters)
  return Object.keys(query).filter((key) => key !== 'q').length
}
