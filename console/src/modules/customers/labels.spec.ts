import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import type { MergeRecord } from './api'
import { identityProblem, normaliseMobile } from './identities'
import {
  activeMerges,
  avatarText,
  identityDisplay,
  isMasked,
  memberLevelKey,
  mergeRuleKey,
  mergesNewestFirst,
} from './labels'

const t = (key: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  i18n.global.t(key, { level: 4 }, { locale })

const merge = (id: number, mergedAt: string, undoneAt: string | null = null): MergeRecord => ({
  id,
  survivorId: 1,
  mergedId: 100 + id,
  rule: 'link',
  actor: 'admin',
  mergedAt,
  undoneAt,
})

describe('merge rules', () => {
  it('are named for operators in both languages', () => {
    const zh = ['unionid', 'mobile', 'link'].map((rule) => t(mergeRuleKey(rule)!))
    expect(zh).toEqual(['同一 unionid', '已验证手机号', '手动关联'])
    const en = ['unionid', 'mobile', 'link'].map((rule) => t(mergeRuleKey(rule)!, 'en'))
    expect(en).toEqual(['Same unionid', 'Verified mobile', 'Linked by hand'])
  })

  it('leave a rule the console does not know to be shown as its code', () => {
    expect(mergeRuleKey('openid')).toBeNull()
  })

  it('list newest first and tell the active ones', () => {
    const merges = [
      merge(1, '2026-01-01T00:00:00Z'),
      merge(3, '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'),
      merge(2, '2026-02-01T00:00:00Z'),
    ]
    expect(mergesNewestFirst(merges).map((m) => m.id)).toEqual([3, 2, 1])
    expect(activeMerges(merges).map((m) => m.id)).toEqual([1, 2])
  })
})

describe('masked identities', () => {
  it('are recognised by the server’s mask', () => {
    expect(isMasked('138****8000')).toBe(true)
    expect(isMasked('l***@example.com')).toBe(true)
    expect(isMasked('wmA***xyz')).toBe(true)
    expect(isMasked('13800138000')).toBe(false)
    expect(isMasked(null)).toBe(false)
  })

  it('show the corp, app or system of a qualified id apart from the id', () => {
    expect(identityDisplay('wecomExternalUserId', 'ww6a1b2c:wmQx1A2B')).toEqual({
      qualifier: 'ww6a1b2c',
      value: 'wmQx1A2B',
      masked: false,
    })
    expect(identityDisplay('openid', 'wx8***:oAb***234')).toEqual({
      qualifier: 'wx8***',
      value: 'oAb***234',
      masked: true,
    })
    // the mask may have eaten the colon: then the value stays whole
    expect(identityDisplay('externalId', 'you***233')).toEqual({
      qualifier: null,
      value: 'you***233',
      masked: true,
    })
    expect(identityDisplay('mobile', '138****8000')).toEqual({
      qualifier: null,
      value: '138****8000',
      masked: true,
    })
    expect(identityDisplay('unionid', 'a:b').qualifier).toBeNull()
  })
})

describe('identity values', () => {
  it('are checked like the server checks them', () => {
    expect(identityProblem('mobile', '138 0013-8000')).toBeNull()
    expect(identityProblem('mobile', '+86 138 0013 8000')).toBeNull()
    expect(identityProblem('mobile', '+852 9123 4567')).toBeNull()
    expect(identityProblem('mobile', '12800138000')).toBe('mobile')
    expect(identityProblem('mobile', '  ')).toBe('required')
    expect(identityProblem('email', 'li.na@example.com')).toBeNull()
    expect(identityProblem('email', 'li.na@example')).toBe('email')
    expect(identityProblem('wecomExternalUserId', 'ww1:wm2')).toBeNull()
    expect(identityProblem('openid', 'oAbC1234')).toBe('qualified')
    expect(identityProblem('memberNo', 'M 001')).toBe('plain')
    expect(identityProblem('unionid', 'oXyZ1a2B')).toBeNull()
  })

  it('normalise mobiles as the server stores them', () => {
    expect(normaliseMobile('0086 138-0013-8000')).toBe('13800138000')
    expect(normaliseMobile('(+86) 13800138000')).toBe('13800138000')
  })
})

describe('member levels and avatars', () => {
  it('name the levels, and levels beyond the known ones by number', () => {
    expect([0, 1, 2, 3, 4].map((level) => t(memberLevelKey(level)))).toEqual([
      '非会员',
      '银卡会员',
      '金卡会员',
      '钻石会员',
      '4 级会员',
    ])
  })

  it('show the first character of a name', () => {
    expect(avatarText(' 李娜', false)).toBe('李')
    expect(avatarText('lina', false)).toBe('L')
    expect(avatarText('𠀀字', false)).toBe('𠀀')
    expect(avatarText('访客 7f3a', true)).toBe('?')
  })
})
