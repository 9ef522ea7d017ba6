import { describe, expect, it } from 'vitest'
import { template } from '@/test/loyalty'
import { redemptionRate, templateDraft, templateInput } from './coupons'

const ZONE = 'Asia/Shanghai'

describe('a coupon template in the form', () => {
  it('starts a new one as ¥ off, 30 days from issue, one per customer, unlimited and active', () => {
    const draft = templateDraft(null, ZONE)
    expect(draft).toMatchObject({
      kind: 'amount',
      validity: 'days',
      validDays: 30,
      perCustomer: 1,
      stock: null,
      active: true,
    })
  })

  it('sends fixed dates as the first and last moment of those days in the tenant’s zone', () => {
    const draft = {
      ...templateDraft(null, ZONE),
      name: ' 双十一 ',
      code: 'D11',
      kind: 'percent' as const,
      amount: 15,
      maxOff: 50,
      validity: 'range' as const,
      validRange: ['2026-11-01', '2026-11-11'],
      skus: [' SKU-1 ', ''],
    }
    expect(templateInput(draft, ZONE)).toMatchObject({
      name: '双十一',
      maxOff: 50,
      skus: ['SKU-1'],
      validDays: null,
      validFrom: '2026-10-31T16:00:00.000Z',
      validUntil: '2026-11-11T15:59:59.000Z',
    })
  })

  it('sends no cap for an amount off, and reads a template with dates back as dates', () => {
    const draft = templateDraft(template({ maxOff: 9 }), ZONE)
    expect(templateInput(draft, ZONE)).toMatchObject({
      kind: 'amount',
      maxOff: null,
      validDays: 30,
    })
    const dated = templateDraft(
      template({
        validDays: null,
        validFrom: '2026-10-31T16:00:00Z',
        validUntil: '2026-12-31T15:59:59Z',
      }),
      ZONE,
    )
    expect([dated.validity, dated.validRange]).toEqual(['range', ['2026-11-01', '2026-12-31']])
  })

  it('rates redemption as redeemed of issued, none issued as 0', () => {
    expect(redemptionRate({ issued: 400, redeemed: 100 })).toBe(0.25)
    expect(redemptionRate({ issued: 0, redeemed: 0 })).toBe(0)
  })
})
