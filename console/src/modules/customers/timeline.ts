import { markRaw, type Component } from 'vue'
import {
  ChatDotRound,
  Document,
  RefreshLeft,
  Share,
  ShoppingBag,
  ShoppingCart,
  Star,
  View,
} from '@element-plus/icons-vue'
import { EVENT_TYPES } from '@/modules/home/api'
import { EVENT_COLORS } from '@/modules/home/charts'
import { addDays, dateInZone, todayInZone } from '@/utils/time'
import type { CustomerEvent } from './api'

/** The built-in types, as the dashboard knows them. */
export const TIMELINE_TYPES = EVENT_TYPES

export interface EventStyle {
  icon: Component
  color: string
}

// The same colours as the dashboard's event chart, so a type looks the same everywhere.
const STYLES: Record<string, EventStyle> = {
  view: { icon: markRaw(View), color: '#5b8ff9' },
  favorite: { icon: markRaw(Star), color: EVENT_COLORS.favorite ?? '#f5a524' },
  add_to_cart: { icon: markRaw(ShoppingCart), color: EVENT_COLORS.add_to_cart ?? '#9b7bf7' },
  purchase: { icon: markRaw(ShoppingBag), color: EVENT_COLORS.purchase ?? '#17c3a2' },
  share: { icon: markRaw(Share), color: EVENT_COLORS.share ?? '#f0627f' },
  message: { icon: markRaw(ChatDotRound), color: EVENT_COLORS.message ?? '#38bdf8' },
  refund: { icon: markRaw(RefreshLeft), color: EVENT_COLORS.refund ?? '#f87171' },
}
const FALLBACK: EventStyle = { icon: markRaw(Document), color: '#94a3b8' }

/** The icon and colour of an event type; custom types share a neutral one. */
export function eventStyle(type: string): EventStyle {
  return STYLES[type] ?? FALLBACK
}

export function eventTypeKey(type: string): string | null {
  return (TIMELINE_TYPES as readonly string[]).includes(type) ? `common.eventTypes.${type}` : null
}

export interface TimelineDay {
  /** YYYY-MM-DD in the tenant's zone. */
  date: string
  /** 'today' / 'yesterday' for the two days that get a word instead of a date. */
  relative: 'today' | 'yesterday' | null
  events: CustomerEvent[]
}

/**
 * Groups events (newest first, as the server sends them) by calendar day in the tenant's zone.
 * Pages are appended as they arrive, so a day can continue from one page into the next: it stays
 * one group. The order within a day is kept.
 */
export function groupByDay(
  events: readonly CustomerEvent[],
  timeZone: string,
  now: Date = new Date(),
): TimelineDay[] {
  const today = todayInZone(timeZone, now)
  const yesterday = addDays(today, -1)
  const days: TimelineDay[] = []
  const byDate = new Map<string, TimelineDay>()
  for (const event of events) {
    const date = dateInZone(event.occurredAt, timeZone)
    let day = byDate.get(date)
    if (!day) {
      const relative = date === today ? 'today' : date === yesterday ? 'yesterday' : null
      day = { date, relative, events: [] }
      byDate.set(date, day)
      days.push(day)
    }
    day.events.push(event)
  }
  return days
}

/** Properties the timeline names in words; any other property is shown with its own name. */
export const KNOWN_PROPERTIES = [
  'orderId',
  'amount',
  'productId',
  'quantity',
  'price',
  'page',
  'contentId',
  'channel',
  'direction',
  'durationSeconds',
  'reason',
] as const

export interface PropertyItem {
  name: string
  /** Message key for the name, when the timeline knows it. */
  labelKey: string | null
  value: unknown
}

/** Properties that only qualify another one (the currency of `amount`), not shown on their own. */
const QUALIFIERS = ['currency']

/** An event's properties in a stable order: the known ones first (in the order above), then the rest. */
export function propertyItems(
  properties: Record<string, unknown> | null | undefined,
): PropertyItem[] {
  if (!properties) return []
  const known = KNOWN_PROPERTIES as readonly string[]
  return Object.entries(properties)
    .filter(([name]) => !QUALIFIERS.includes(name))
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .sort(([a], [b]) => {
      const ia = known.indexOf(a)
      const ib = known.indexOf(b)
      if (ia >= 0 && ib >= 0) return ia - ib
      if (ia >= 0) return -1
      if (ib >= 0) return 1
      return a.localeCompare(b)
    })
    .map(([name, value]) => ({
      name,
      labelKey: known.includes(name) ? `customers.timeline.properties.${name}` : null,
      value,
    }))
}
