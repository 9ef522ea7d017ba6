import { describe, expect, it } from 'vitest'
import { orderStatusTag, parsePrice, recordErrors, roleTag } from './commerce'

describe('commerce helpers', () => {
  it('gives each product role and order status its tag', () => {
    expect(roleTag('hero')).toBe('danger')
    expect(roleTag('premium')).toBe('warning')
    expect(roleTag('lead')).toBe('info')
    expect(roleTag('new')).toBe('info')
    expect(orderStatusTag('paid')).toBe('success')
    expect(orderStatusTag('pending')).toBe('warning')
    expect(orderStatusTag('partially_refunded')).toBe('danger')
    expect(orderStatusTag('refunded')).toBe('info')
  })

  it('reads prices with at most two decimals', () => {
    expect(parsePrice('299')).toBe(299)
    expect(parsePrice(' 9.90 ')).toBe(9.9)
    expect(parsePrice('0')).toBe(0)
    expect(parsePrice('1.234')).toBeNull()
    expect(parsePrice('-1')).toBeNull()
    expect(parsePrice('')).toBeNull()
    expect(parsePrice('abc')).toBeNull()
  })

  it('puts the errors of a rejected record on the form fields', () => {
    expect(
      recordErrors({
        written: 1,
        rejected: 0,
        results: [{ index: 0, sku: 'A', status: 'created', errors: null }],
      }),
    ).toBeNull()
    expect(
      recordErrors({
        written: 0,
        rejected: 1,
        results: [
          {
            index: 0,
            sku: 'A',
            status: 'rejected',
            errors: [
              { field: 'products[0].price', code: 'x', message: '金额不正确' },
              { field: 'products[0].name', code: 'y', message: '名称长度须在 1 到 120 之间' },
              { field: 'products[0].name', code: 'z', message: '第二条' },
              { field: 'products[0]', code: 'w', message: '记录无效' },
            ],
          },
        ],
      }),
    ).toEqual({ price: '金额不正确', name: '名称长度须在 1 到 120 之间', sku: '记录无效' })
  })
})
