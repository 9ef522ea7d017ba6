import type { EventProperty, EventTypeInfo } from './api'

/** A customer identity every tenant understands; the server resolves it to a profile. */
export const EXAMPLE_CUSTOMER = { mobile: '13800138000' }

// Plausible values for the built-in properties; any other property gets a value of its kind.
const EXAMPLE_TEXT: Record<string, string> = {
  page: '/products/SKU-10086',
  productId: 'SKU-10086',
  contentId: 'article-1101',
  orderId: 'SO202611010001',
  staffId: 'zhangsan',
}
const EXAMPLE_NUMBER: Record<string, number> = {
  amount: 199,
  price: 99.5,
  quantity: 2,
  durationSeconds: 35,
}

export interface ExampleEvent {
  eventId: string
  type: string
  occurredAt: string
  customer: typeof EXAMPLE_CUSTOMER
  properties?: Record<string, unknown>
}

/** An instant as the API expects it: ISO 8601 in UTC, whole seconds. */
export function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A value that passes the property's schema. */
export function exampleValue(property: EventProperty, occurredAt: string): unknown {
  if (property.values.length > 0) return property.values[0]
  switch (property.kind) {
    case 'string': {
      const text = EXAMPLE_TEXT[property.name] ?? 'example'
      return property.maxLength ? text.slice(0, property.maxLength) : text
    }
    case 'integer':
      return Math.round(EXAMPLE_NUMBER[property.name] ?? 1)
    case 'number':
      return EXAMPLE_NUMBER[property.name] ?? 9.9
    case 'boolean':
      return true
    case 'datetime':
      return occurredAt
    default:
      return 'example'
  }
}

/** The body of POST /api/v1/events with one event of the type, every property filled in. */
export function exampleRequest(type: EventTypeInfo, now: Date): { events: ExampleEvent[] } {
  const occurredAt = isoUtc(now)
  const event: ExampleEvent = {
    eventId: `${type.name}-${occurredAt.replace(/\D/g, '')}`,
    type: type.name,
    occurredAt,
    customer: EXAMPLE_CUSTOMER,
  }
  if (type.properties.length > 0) {
    event.properties = Object.fromEntries(
      type.properties.map((p) => [p.name, exampleValue(p, occurredAt)]),
    )
  }
  return { events: [event] }
}
