import { describe, expect, it } from 'vitest'
import { program } from '@/test/loyalty'
import { nextTier, tierCouponProblem, tierErrorFields, tierProblem, tierProblems } from './program'

const tiers = () => program().tiers

describe('the program’s tiers', () => {
  it('accept the program as it is', () => {
    expect(tierProblems(tiers())).toEqual({})
  })

  it('start level 1 at 0 growth and want each next level to need more', () => {
    const rising = tiers()
    rising[0]!.minGrowth = 10
    rising[2]!.minGrowth = 1000
    expect(tierProblem(rising, 0, 'minGrowth')).toEqual({ key: 'firstAtZero' })
    expect(tierProblem(rising, 2, 'minGrowth')).toEqual({ key: 'rising', values: { min: 1000 } })
  })

  it('want a name of up to 20 and numbers within the server’s limits', () => {
    const wrong = tiers()
    wrong[1] = { ...wrong[1]!, name: ' ', multiplier: 11, discountPercent: 60 }
    wrong[2] = { ...wrong[2]!, name: '一'.repeat(21), birthdayPoints: null as unknown as number }
    expect(Object.keys(tierProblems(wrong)).sort()).toEqual([
      '1.discountPercent',
      '1.multiplier',
      '1.name',
      '2.birthdayPoints',
      '2.name',
    ])
    expect(tierProblem(wrong, 1, 'multiplier')).toEqual({
      key: 'range',
      values: { min: 1, max: 10 },
    })
  })

  it('keep a tier with no more growth than it takes to reach it, or with none given', () => {
    const keeping = tiers()
    keeping[1] = { ...keeping[1]!, keepGrowth: 1000 }
    keeping[2] = { ...keeping[2]!, keepGrowth: 5001 }
    expect(tierProblem(keeping, 0, 'keepGrowth')).toBeNull()
    expect(tierProblem(keeping, 1, 'keepGrowth')).toBeNull()
    expect(tierProblem(keeping, 2, 'keepGrowth')).toEqual({
      key: 'keepRange',
      values: { max: 5000 },
    })
    expect(nextTier(keeping).keepGrowth).toBeNull()
  })

  it('add a tier above the last, needing more growth and giving more', () => {
    expect(nextTier(tiers().slice(0, 2))).toMatchObject({
      level: 3,
      minGrowth: 2000,
      multiplier: 2,
      discountPercent: 10,
    })
    expect(nextTier([])).toMatchObject({ level: 1, minGrowth: 0, multiplier: 1 })
  })

  it('name each tier field as the server does', () => {
    expect(tierErrorFields(2)).toContain('tiers[1].minGrowth')
    expect(tierErrorFields(2)).toContain('tiers[1].keepGrowth')
    expect(tierErrorFields(2)).toContain('tiers[1].coupons[4].templateCode')
    // seven fields, the coupons and five coupons' templates per tier
    expect(tierErrorFields(2)).toHaveLength(26)
  })

  it('want each tier coupon chosen, and each template once per tier', () => {
    const tiers = program().tiers.map((tier) => ({
      ...tier,
      coupons: [] as { templateCode: string; monthly: boolean }[],
    }))
    expect(tierCouponProblem(tiers, 0)).toBeNull()
    tiers[0]!.coupons = [{ templateCode: ' ', monthly: false }]
    expect(tierCouponProblem(tiers, 0)).toBe('required')
    tiers[0]!.coupons = [
      { templateCode: 'NEW-20', monthly: false },
      { templateCode: 'NEW-20', monthly: true },
    ]
    expect(tierCouponProblem(tiers, 0)).toBe('duplicate')
    tiers[0]!.coupons[1]!.templateCode = 'VIP-15'
    expect(tierCouponProblem(tiers, 0)).toBeNull()
  })
})
