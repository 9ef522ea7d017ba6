import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/i18n'
import { ApiError } from '@/api/problem'
import { ERROR_CODES } from './api'
import { loyaltyRefusal } from './errors'

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
})
