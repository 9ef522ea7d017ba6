import { describe, expect, it } from 'vitest'
import { CITIES } from '@/test/customers'
import { FIELDS } from '@/test/segments'
import { fieldGroup, fieldOptions } from './catalog'

const extra = {
  cities: CITIES,
  staff: [{ id: 9, displayName: '李店长', role: 'staff' as const }],
  label: (key: string) =>
    ({ 'customers.genders.unknown': '未知', 'segments.attribute.no': '否' })[key] ?? key,
}
const field = (key: string) => FIELDS.find((f) => f.key === key)!

describe('the field catalog', () => {
  it('groups fields as the picker shows them', () => {
    expect(fieldGroup('gender')).toBe('profile')
    expect(fieldGroup('lastActiveAt')).toBe('profile')
    expect(fieldGroup('gmv')).toBe('commerce')
    expect(fieldGroup('lastPurchaseAt')).toBe('commerce')
    expect(fieldGroup('attributes.skinType')).toBe('custom')
    expect(fieldGroup('layers.rfm')).toBe('layers')
  })

  it('offers every city by name, the common ones first with their counts', () => {
    expect(fieldOptions(field('city'), extra)).toEqual([
      { value: 1, label: '上海', count: 88 },
      { value: 0, label: '北京', count: 0 },
      { value: 5, label: '杭州', count: 0 },
    ])
  })

  it('names owners by the staff directory instead of their numbers', () => {
    expect(fieldOptions(field('ownerId'), extra)).toEqual([
      { value: 9, label: '李店长', count: 571 },
    ])
    expect(
      fieldOptions({ ...field('ownerId'), values: [{ value: 4, label: '4', count: 2 }] }, extra),
    ).toEqual([
      { value: 4, label: '#4', count: 2 },
      { value: 9, label: '李店长', count: 0 },
    ])
  })

  it('offers every gender and both booleans even when nobody carries one', () => {
    expect(fieldOptions(field('gender'), extra).map((v) => v.label)).toEqual(['男', '女', '未知'])
    const vip = {
      key: 'attributes.vip',
      label: 'VIP',
      kind: 'boolean',
      ops: [],
      values: [{ value: true, label: '是', count: 3 }],
    }
    expect(fieldOptions(vip, extra)).toEqual([
      { value: true, label: '是', count: 3 },
      { value: false, label: '否', count: 0 },
    ])
  })
})
