import type { IdentityType } from './api'

// Mirrors the server's IdentityKey, so that a typo shows on the field before a round trip.
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
const INTERNATIONAL = /^\+[1-9]\d{6,14}$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const QUALIFIED = /^[^:\s]{1,64}:\S{1,95}$/
const PLAIN = /^\S{1,128}$/

/** A mobile as the server stores it: without spaces, dashes, brackets and a +86 / 0086 prefix. */
export function normaliseMobile(raw: string): string {
  let compact = raw.replace(/[\s()-]/g, '')
  if (compact.startsWith('0086')) compact = '+86' + compact.slice(4)
  if (compact.startsWith('+86')) compact = compact.slice(3)
  return compact
}

export type IdentityProblem = 'required' | 'mobile' | 'email' | 'qualified' | 'plain'

/** Why a value cannot be an identity of the type, or null when it can. */
export function identityProblem(type: IdentityType, raw: string): IdentityProblem | null {
  const value = raw.trim()
  if (value === '') return 'required'
  switch (type) {
    case 'mobile': {
      const mobile = normaliseMobile(value)
      return MAINLAND_MOBILE.test(mobile) || INTERNATIONAL.test(mobile) ? null : 'mobile'
    }
    case 'email':
      return EMAIL.test(value) ? null : 'email'
    case 'wecomExternalUserId':
    case 'openid':
    case 'externalId':
      return QUALIFIED.test(value) ? null : 'qualified'
    default:
      return PLAIN.test(value) ? null : 'plain'
  }
}

/** Identities that can be verified by the customer (a code sent to them). */
export const VERIFIABLE: readonly IdentityType[] = ['mobile', 'email']
