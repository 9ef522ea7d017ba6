import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  ADJUSTMENT_STATUSES,
  COUPON_KINDS,
  COUPON_STATUSES,
  ENTRY_KINDS,
  ENTRY_SOURCES,
  ERROR_CODES,
  EXPIRY_RULES,
  JOIN_RULES,
  MEMBER_SOURCES,
  ORDER_STATUSES,
  TIER_REASONS,
} from './api'

/** Every key a list of the module's values needs, in both languages. */
const KEYS = [
  ...JOIN_RULES.map((rule) => `loyalty.joinRules.${rule}`),
  ...EXPIRY_RULES.map((rule) => `loyalty.expiryRules.${rule}`),
  ...MEMBER_SOURCES.map((source) => `loyalty.sources.${source}`),
  ...TIER_REASONS.map((reason) => `loyalty.tierReasons.${reason}`),
  ...ENTRY_KINDS.map((kind) => `loyalty.entryKinds.${kind}`),
  ...ENTRY_SOURCES.map((source) => `loyalty.entrySources.${source}`),
  ...ADJUSTMENT_STATUSES.flatMap((status) => [
    `loyalty.adjustmentStatus.${status}`,
    `loyalty.adjustments.empty.${status}`,
  ]),
  ...COUPON_KINDS.map((kind) => `loyalty.couponKinds.${kind}`),
  ...COUPON_STATUSES.map((status) => `loyalty.couponStatus.${status}`),
  ...ORDER_STATUSES.map((status) => `loyalty.orderStatus.${status}`),
  ...ERROR_CODES.map((code) => `loyalty.errors.${code.slice('loyalty.'.length)}`),
  ...[
    'loyalty',
    'loyaltyDashboard',
    'members',
    'memberDetail',
    'adjustments',
    'couponTemplates',
    'mall',
    'loyaltyProgram',
  ].map((key) => `common.nav.${key}`),
]

describe('the membership words', () => {
  it.each(['zh-CN', 'en'] as const)(
    'name every rule, source, kind, status and refusal in %s',
    (locale) => {
      expect(KEYS.filter((key) => !i18n.global.te(key, locale))).toEqual([])
    },
  )

  it('call the section 会员 in Chinese and Membership in English', () => {
    expect(i18n.global.t('common.nav.loyalty', {}, { locale: 'zh-CN' })).toBe('会员')
    expect(i18n.global.t('common.nav.loyalty', {}, { locale: 'en' })).toBe('Membership')
    expect(i18n.global.t('loyalty.members.empty', {}, { locale: 'en' })).not.toMatch(
      /\p{Script=Han}/u,
    )
  })
})
