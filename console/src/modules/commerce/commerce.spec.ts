import { describe, expect, it } from 'vitest'
import {
  centsText,
  createRecordNumbers,
  orderStatusTag,
  outstandingCents,
  parseAmount,
  parsePrice,
  recordErrors,
  refundableCents,
  roleTag,
  toCents,
} from './commerce'

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

describe('money on orders', () => {
  it('is counted in fen, free of binary fractions', () => {
    expect(toCents(0.1 + 0.2)).toBe(30)
    expect(toCents('318.80')).toBe(31880)
    expect(toCents(null)).toBe(0)
    expect(toCents('abc')).toBe(0)
    expect(centsText(990)).toBe('9.90')
    expect(centsText(31880)).toBe('318.80')
  })

  it('reads typed amounts as decimal text above zero', () => {
    expect(parseAmount(' 9.9 ')).toBe('9.90')
    expect(parseAmount('1,299')).toBe('1299.00')
    expect(parseAmount('99999999.99')).toBe('99999999.99')
    for (const bad of ['0', '0.00', '-1', '1.234', '', 'abc', '100000000']) {
      expect(parseAmount(bad), bad).toBeNull()
    }
  })

  it('knows what is left to pay and to refund, as the server counts', () => {
    const order = { totalAmount: 318.8, paidAmount: 318.8, refundedAmount: 9.9 }
    expect(outstandingCents(order)).toBe(0)
    expect(refundableCents(order)).toBe(30890)
    expect(outstandingCents({ totalAmount: 318.8, paidAmount: 100, refundedAmount: null })).toBe(
      21880,
    )
    // Paid more than the total: no more than the total comes back.
    expect(refundableCents({ totalAmount: 100, paidAmount: 120, refundedAmount: 0 })).toBe(10000)
    expect(refundableCents({ totalAmount: 100, paidAmount: 100, refundedAmount: 100 })).toBe(0)
  })
})

describe('payment and refund numbers', () => {
  it('are made from the order number and the time, and fit the API’s 64 characters', () => {
    const numbers = createRecordNumbers(() => 1_767_225_600_000)
    expect(numbers.next('payment', 'SO-1001')).toBe('SO-1001-PAY-MJUOHS00')
    expect(numbers.next('refund', 'SO-1001')).toBe('SO-1001-RF-MJUOHS00')
    const long = numbers.next('payment', 'A'.repeat(64))
    expect(long).toHaveLength(64)
    expect(long).toMatch(/^A+-PAY-MJUOHS00$/)
  })

  it('stay the same for an order until the server has recorded one', () => {
    let now = 1_000
    const numbers = createRecordNumbers(() => now++)
    const first = numbers.next('payment', 'SO-1')
    expect(numbers.next('payment', 'SO-1')).toBe(first)
    numbers.attempt('payment', 'SO-1', 'WX-4200001')
    expect(numbers.next('payment', 'SO-1')).toBe('WX-4200001')
    expect(numbers.next('payment', 'SO-2')).not.toBe('WX-4200001')
    numbers.done('payment', 'SO-1')
    const second = numbers.next('payment', 'SO-1')
    expect(second).not.toBe(first)
    expect(second).not.toBe('WX-4200001')
  })
})
