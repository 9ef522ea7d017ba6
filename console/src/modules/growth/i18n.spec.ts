import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  INVITE_STATUSES,
  REJECT_REASONS,
  REWARD_KINDS,
} from './api'

/** Every key a list of the module's values needs, in both languages. */
const KEYS = [
  ...CAMPAIGN_STATUSES.map((status) => `growth.status.${status}`),
  ...INVITE_STATUSES.map((status) => `growth.inviteStatus.${status}`),
  ...[...REJECT_REASONS, 'burst'].map((reason) => `growth.reasons.${reason}`),
  ...REWARD_KINDS.flatMap((kind) => [
    `growth.rewardKinds.${kind}`,
    `growth.ladder.${kind}`,
    `growth.reward.${kind}`,
  ]),
  ...['granted', 'out_of_stock', 'out_of_budget'].map((status) => `growth.rewardStatus.${status}`),
  ...CAMPAIGN_KINDS.map((kind) => `growth.kinds.${kind}`),
  ...['growth', 'campaigns', 'campaignNew', 'campaignDetail'].map((key) => `common.nav.${key}`),
]

describe('the 任务宝 words', () => {
  it.each(['zh-CN', 'en'] as const)('name every status, reason and reward in %s', (locale) => {
    expect(KEYS.filter((key) => !i18n.global.te(key, locale))).toEqual([])
  })

  it('read a stage as a sentence, in English with one friend or several', () => {
    const t = (locale: 'zh-CN' | 'en', n: number) =>
      i18n.global.t('growth.ladder.points', { n, amount: 100 }, { locale, plural: n })
    expect(t('zh-CN', 3)).toBe('邀请 3 位好友得 100 积分')
    expect(t('zh-CN', 1)).toBe('邀请 1 位好友得 100 积分')
    expect(t('en', 1)).toBe('Invite 1 friend, get 100 points')
    expect(t('en', 3)).toBe('Invite 3 friends, get 100 points')
  })

  it('call the page 任务宝 in Chinese and say what it is in English', () => {
    expect(i18n.global.t('common.nav.campaigns', {}, { locale: 'zh-CN' })).toBe('任务宝')
    expect(i18n.global.t('common.nav.growth', {}, { locale: 'zh-CN' })).toBe('增长裂变')
    expect(i18n.global.t('common.nav.campaigns', {}, { locale: 'en' })).toBe('Referral tasks')
    expect(i18n.global.t('growth.list.empty', {}, { locale: 'en' })).not.toMatch(/\p{Script=Han}/u)
  })
})
