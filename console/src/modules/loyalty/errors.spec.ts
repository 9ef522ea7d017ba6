import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/i18n'
import { ApiError } from '@/api/problem'
import { ERROR_CODES } from './api'
import { loyaltyRefusal, tierErrors } from './errors'

const refusal = (code: string, detail = 'server words') =>
  new ApiError(409, { status: 409, code, detail })

describe('the loyalty refusals', () => {
  afterEach(() => setLocale('zh-CN'))

  it('say in the console’s words why an adjustment cannot be approved by who asked for it', () => {
    expect(loyaltyRefusal(refusal('loyalty.adjustment.own'))).toBe(
      '不能审批自己提交的积分调整：需要由另一位有审批权限的同事来审批',
    )
    setLocale('en')
    expect(loyaltyRefusal(refusal('loyalty.adjustment.own'))).toMatch(/^You cannot approve/)
  })

  it.each(['zh-CN', 'en'] as const)('have words for every code of the contract in %s', (locale) => {
    setLocale(locale)
    for (const code of ERROR_CODES) {
      const words = loyaltyRefusal(refusal(code))
      expect(words, code).toBeTruthy()
      expect(words, code).not.toContain('loyalty.')
    }
  })

  it('leave other failures to the server’s detail', () => {
    expect(loyaltyRefusal(refusal('loyalty.something.new'))).toBeNull()
    expect(loyaltyRefusal(refusal('customers.merge.conflict'))).toBeNull()
    expect(loyaltyRefusal(new ApiError(409, { status: 409 }))).toBeNull()
    expect(loyaltyRefusal(new Error('boom'))).toBeNull()
  })

  it('put a tier’s field error on that tier’s field, the first message per field', () => {
    expect(
      tierErrors([
        { field: 'tiers[1].minGrowth', message: '须高于上一级' },
        { field: 'tiers[1].minGrowth', message: 'second' },
        { field: 'tiers[0].name', message: '请填写' },
        { field: 'tiers', message: '1 到 3 个等级' },
        { field: 'name', message: '太长' },
      ]),
    ).toEqual({ '1.minGrowth': '须高于上一级', '0.name': '请填写' })
  })
})
