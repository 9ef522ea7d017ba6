import { http } from '@/api/http'
import type { DailyCount } from '@/modules/home/api'

export const PROPERTY_KINDS = ['string', 'integer', 'number', 'boolean', 'datetime'] as const
export type PropertyKind = (typeof PROPERTY_KINDS)[number]

/** One property an event of the type may carry; properties outside the schema are refused. */
export interface EventProperty {
  name: string
  kind: PropertyKind
  required: boolean
  /** For strings, the longest value accepted. */
  maxLength?: number | null
  /** For strings, the only values accepted (empty: any). */
  values: string[]
}

export interface EventTypeInfo {
  /** What clients send as `type`, e.g. "add_to_cart". */
  name: string
  code: number
  builtIn: boolean
  /** Localized by the server from Accept-Language. */
  displayName: string
  /** Required properties first. */
  properties: EventProperty[]
  last30Days: number
  /** Only days with events, as UTC dates (YYYY-MM-DD). */
  daily: DailyCount[]
}

export const eventsApi = {
  types: (signal?: AbortSignal) =>
    http.get<EventTypeInfo[]>('/api/v1/event-types', undefined, signal),
}
