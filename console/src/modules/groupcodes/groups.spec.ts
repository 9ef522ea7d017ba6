import { describe, expect, it } from 'vitest'
import { GROUPS, groupCode } from '@/test/wecomops'
import {
  changedFields,
  codeBadge,
  createBody,
  fillPercent,
  formOf,
  groupState,
  move,
  thresholdPercent,
} from './groups'

describe('group live code helpers', () => {
  it('fills a bar against WeCom’s 200 members and marks the threshold on it', () => {
    expect(fillPercent(50)).toBe(25)
    expect(fillPercent(250)).toBe(100)
    expect(fillPercent(-1)).toBe(0)
    expect(thresholdPercent(190)).toBe(95)
  })

  it('tells the group WeCom sends joiners to now from full and queued ones', () => {
    const code = groupCode({ routedTo: ['wrB2'], threshold: 190 })
    expect(groupState('wrB2', code, GROUPS[1])).toBe('current')
    expect(groupState('wrA1', code, GROUPS[0])).toBe('full')
    expect(groupState('wrA1', { ...code, threshold: 199 }, GROUPS[0])).toBe('waiting')
    expect(groupState('wrGone', code, undefined)).toBe('missing')
    expect(groupState('wrA1', code, { ...GROUPS[0]!, dismissed: true })).toBe('missing')
  })

  it('wears 兜底活码 when the fallback code is shown and 已满 when only full', () => {
    expect(codeBadge({ full: true, fallback: true })).toBe('fallback')
    expect(codeBadge({ full: true, fallback: false })).toBe('full')
    expect(codeBadge({ full: false, fallback: false })).toBeNull()
  })

  it('creates with every field, leaving out the room settings when rooms are not made', () => {
    const form = { ...formOf(null, 190), name: ' 福利群 ', groups: ['wrA1'], fallbackCodeId: 5 }
    expect(createBody(1, form)).toEqual({
      appId: 1,
      name: '福利群',
      groups: ['wrA1'],
      threshold: 190,
      fallbackCodeId: 5,
      autoCreateRoom: false,
      roomBaseName: undefined,
      roomBaseId: undefined,
    })
  })

  it('sends only what changed when editing', () => {
    const code = groupCode()
    expect(changedFields(code, formOf(code, 190))).toEqual({})
    const form = formOf(code, 190)
    form.threshold = 180
    form.groups = ['wrB2', 'wrA1']
    expect(changedFields(code, form)).toEqual({ threshold: 180, groups: ['wrB2', 'wrA1'] })
  })

  it('clears a removed fallback code with `clear`, since an absent field means unchanged', () => {
    const code = groupCode({ fallbackCodeId: 5 })
    const form = formOf(code, 190)
    form.fallbackCodeId = null
    expect(changedFields(code, form)).toEqual({ clear: ['fallbackCodeId'] })
    form.fallbackCodeId = 6
    expect(changedFields(code, form)).toEqual({ fallbackCodeId: 6 })
  })

  it('sends the room settings once automatic rooms are switched on', () => {
    const code = groupCode()
    const form = {
      ...formOf(code, 190),
      autoCreateRoom: true,
      roomBaseName: '福利群',
      roomBaseId: 3,
    }
    expect(changedFields(code, form)).toEqual({
      autoCreateRoom: true,
      roomBaseName: '福利群',
      roomBaseId: 3,
    })
  })

  it('moves a group up or down and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b'])
  })
})
