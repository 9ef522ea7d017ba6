import { describe, expect, it } from 'vitest'
import type { CustomerEvent } from './api'
import { eventStyle, eventTypeKey, groupByDay, propertyItems, TIMELINE_TYPES } from './timeline'
import { i18n } from '@/i18n'

const event = (eventId: string, type: string, occurredAt: string): CustomerEvent => ({
  eventId,
  type,
  occurredAt,
  customerId: 1,
})

// 10:00 on 30 Nov in Shanghai
const NOW = new Date('2026-11-30T02:00:00Z')

describe('the timeline', () => {
  it('groups newest-first events by calendar day in the tenant’s zone', () => {
    const events = [
      event('a', 'view', '2026-11-30T01:00:00Z'),
      event('b', 'purchase', '2026-11-29T17:30:00Z'), // 01:30 on the 30th in Shanghai
      event('c', 'favorite', '2026-11-29T15:59:00Z'), // 23:59 on the 29th
      event('d', 'share', '2026-11-20T08:00:00Z'),
    ]
    const days = groupByDay(events, 'Asia/Shanghai', NOW)
    expect(days.map((d) => [d.date, d.relative, d.events.map((e) => e.eventId)])).toEqual([
      ['2026-11-30', 'today', ['a', 'b']],
      ['2026-11-29', 'yesterday', ['c']],
      ['2026-11-20', null, ['d']],
    ])
    // the same events in UTC fall on other days
    expect(groupByDay(events, 'UTC', NOW).map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-11-29',
      '2026-11-20',
    ])
    expect(groupByDay(events, 'UTC', NOW)[1]!.events).toHaveLength(2)
  })

  it('keeps a day that continues on the next page as one group', () => {
    const first = [event('a', 'view', '2026-11-20T09:00:00Z')]
    const next = [event('b', 'view', '2026-11-20T08:00:00Z')]
    const days = groupByDay([...first, ...next], 'Asia/Shanghai', NOW)
    expect(days).toHaveLength(1)
    expect(days[0]!.events.map((e) => e.eventId)).toEqual(['a', 'b'])
  })

  it('gives every event type its own icon, colour and name', () => {
    const styles = TIMELINE_TYPES.map(eventStyle)
    expect(new Set(styles.map((s) => s.color)).size).toBe(TIMELINE_TYPES.length)
    expect(new Set(styles.map((s) => s.icon)).size).toBe(TIMELINE_TYPES.length)
    const names = TIMELINE_TYPES.map((type) => i18n.global.t(eventTypeKey(type)!))
    expect(names).toEqual(['浏览', '收藏', '加购', '购买', '分享', '消息', '退款'])
    expect(eventTypeKey('checkin')).toBeNull()
    expect(eventStyle('checkin')).toEqual(eventStyle('another_custom_type'))
  })

  it('lists properties known ones first, leaving out empty ones and the currency', () => {
    const items = propertyItems({
      currency: 'CNY',
      zeta: 1,
      amount: 199,
      orderId: 'SO-1',
      alpha: 'x',
      page: '',
      productId: null,
    })
    expect(items.map((i) => [i.name, i.labelKey])).toEqual([
      ['orderId', 'customers.timeline.properties.orderId'],
      ['amount', 'customers.timeline.properties.amount'],
      ['alpha', null],
      ['zeta', null],
    ])
    expect(propertyItems(null)).toEqual([])
  })
})
