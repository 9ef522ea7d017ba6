import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { BALANCES, DISTRIBUTOR_STATUSES, ENTRY_KINDS, WITHDRAWAL_STATUSES } from './api'

const KEYS = [
  ...DISTRIBUTOR_STATUSES.map((status) => `distribution.status.${status}`),
  ...WITHDRAWAL_STATUSES.map((status) => `distribution.withdrawalStatus.${status}`),
  ...ENTRY_KINDS.map((kind) => `distribution.kind.${kind}`),
  ...BALANCES.map((balance) => `distribution.balance.${balance}`),
  'distribution.nav.title',
]

describe('the 分销 words', () => {
  it.each(['zh-CN', 'en'] as const)('name every status, entry kind and balance in %s', (locale) => {
    expect(KEYS.filter((key) => !i18n.global.te(key, locale))).toEqual([])
  })

  it('say the English page without Chinese', () => {
    for (const key of [
      'distribution.title',
      'distribution.description',
      'distribution.settings.rules',
      'distribution.withdrawals.rejectPrompt',
    ]) {
      expect(i18n.global.t(key, {}, { locale: 'en' })).not.toMatch(/\p{Script=Han}/u)
    }
  })
})
