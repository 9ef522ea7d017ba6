import { describe, expect, it } from 'vitest'
import { material, script, scriptGroups } from '@/test/content'
import {
  highlightAll,
  keywordMatches,
  movedPosition,
  scriptChangesOf,
  scriptDraftOf,
  scriptInputOf,
} from './scripts'

describe('a search match in a script', () => {
  it('is marked everywhere it occurs, whatever the case', () => {
    expect(highlightAll('Price: price list', 'PRICE')).toEqual([
      { text: 'Price', hit: true },
      { text: ': ', hit: false },
      { text: 'price', hit: true },
      { text: ' list', hit: false },
    ])
    expect(highlightAll('领券再减 20 元，领券入口', '领券')).toEqual([
      { text: '领券', hit: true },
      { text: '再减 20 元，', hit: false },
      { text: '领券', hit: true },
      { text: '入口', hit: false },
    ])
  })

  it('leaves the text whole without a search or a match', () => {
    expect(highlightAll('您好', '')).toEqual([{ text: '您好', hit: false }])
    expect(highlightAll('您好', '  ')).toEqual([{ text: '您好', hit: false }])
    expect(highlightAll('您好', '再见')).toEqual([{ text: '您好', hit: false }])
    expect(highlightAll('', 'x')).toEqual([])
  })

  it('marks a keyword that contains the search or is contained in it', () => {
    expect(keywordMatches('多少钱', '钱')).toBe(true)
    expect(keywordMatches('价格', '价格表')).toBe(true)
    expect(keywordMatches('价格', '发货')).toBe(false)
    expect(keywordMatches('价格', '')).toBe(false)
  })
})

describe('moving a script group', () => {
  it('gives its new place counted from 0, or nothing past either end', () => {
    const groups = [...scriptGroups(), { id: 23, name: '活动', position: 2, count: 1 }]
    expect(movedPosition(groups, 22, -1)).toBe(0)
    expect(movedPosition(groups, 22, 1)).toBe(2)
    expect(movedPosition(groups, 21, -1)).toBeNull()
    expect(movedPosition(groups, 23, 1)).toBeNull()
    expect(movedPosition(groups, 99, 1)).toBeNull()
  })

  it('counts places in the groups’ order, not in the order they arrive', () => {
    const shuffled = [
      { id: 3, name: 'c', position: 2, count: 0 },
      { id: 1, name: 'a', position: 0, count: 0 },
      { id: 2, name: 'b', position: 1, count: 0 },
    ]
    expect(movedPosition(shuffled, 3, -1)).toBe(1)
  })
})

describe('a script as the dialog sends it', () => {
  it('sends the materials by id in their order and distinct trimmed keywords', () => {
    const draft = {
      ...scriptDraftOf(script({ id: 1 })),
      title: ' 询价 ',
      keywords: [' 价格 ', '价格', ''],
      materials: [material({ id: 7 }), material({ id: 3 })],
    }
    expect(scriptInputOf(draft)).toEqual({
      groupId: 21,
      title: '询价',
      content: '您好，这款现在会员价 199 元。\n下单前领券还能再减 20 元哦。',
      keywords: ['价格'],
      materialIds: [7, 3],
    })
  })

  it('changes only what changed', () => {
    const before = script({ id: 1, materials: [material({ id: 7 })] })
    expect(scriptChangesOf(scriptDraftOf(before), before)).toEqual({})
    expect(
      scriptChangesOf({ ...scriptDraftOf(before), materials: [], groupId: 22 }, before),
    ).toEqual({
      groupId: 22,
      materialIds: [],
    })
  })
})
