import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { GROUP_BUY_STATUSES, REFUND_STATUSES, TEAM_STATUSES } from './api'

const KEYS = [
  ...GROUP_BUY_STATUSES.map((status) => `groupBuys.status.${status}`),
  ...TEAM_STATUSES.map((status) => `groupBuys.teamStatus.${status}`),
  ...REFUND_STATUSES.map((status) => `groupBuys.refundStatus.${status}`),
  ...[
    'sizeRequired',
    'sizeRange',
    'sizeOrder',
    'priceRequired',
    'priceRange',
    'priceOrder',
    'priceList',
  ].map((problem) => `groupBuys.tiers.problems.${problem}`),
  'groupBuys.nav.list',
  'groupBuys.nav.detail',
]

describe('the 拼团 words', () => {
  it.each(['zh-CN', 'en'] as const)('name every status and tier problem in %s', (locale) => {
    expect(KEYS.filter((key) => !i18n.global.te(key, locale))).toEqual([])
  })

  it('read a tier to a customer with what it saves', () => {
    const t = (locale: 'zh-CN' | 'en') =>
      i18n.global.t('groupBuys.preview.tier', { size: 3, price: '¥79', saved: '¥20' }, { locale })
    expect(t('zh-CN')).toBe('3人成团 ¥79，省 ¥20')
    expect(t('en')).toBe('Team of 3: ¥79, save ¥20')
  })

  it('say the English pages without Chinese', () => {
    for (const key of ['groupBuys.title', 'groupBuys.description', 'groupBuys.list.empty']) {
      expect(i18n.global.t(key, {}, { locale: 'en' })).not.toMatch(/\p{Script=Han}/u)
    }
  })
})
