import { describe, expect, it } from 'vitest'
import {
  compile,
  conditionCount,
  depthOf,
  findParent,
  fromJson,
  isComplete,
  newAttribute,
  newEvent,
  newGroup,
  newTags,
  nodeForPath,
  placeErrors,
  valuesFor,
  type AttributeNode,
  type GroupNode,
} from './rule'

const FULL = {
  and: [
    { attribute: 'gender', op: 'eq', value: 'female' },
    { attribute: 'city', op: 'in', values: [0, 12] },
    { attribute: 'memberSince', op: 'lte', value: { daysAgo: 365 } },
    { attribute: 'gmv', op: 'between', values: ['100.00', '999.99'] },
    { attribute: 'name', op: 'contains', value: '王' },
    { attribute: 'birthday', op: 'isSet' },
    { not: { tags: { none: [3, 7] } } },
    {
      or: [
        { event: { type: 'favorite', lastDays: 30 } },
        { not: { event: { did: false } } },
        {
          event: {
            type: 'purchase',
            from: '2026-01-01',
            to: { daysAgo: 1 },
            atLeast: 2,
            atMost: 5,
            where: { property: 'channel', op: 'eq', value: 'live' },
            sum: { property: 'amount', op: 'gte', value: 500 },
            timing: 'first',
          },
        },
        { event: { type: 'view', where: { property: 'page', op: 'in', values: ['a', 'b'] } } },
      ],
    },
    { not: { and: [{ attribute: 'attributes.vip', op: 'eq', value: true }] } },
  ],
}

describe('the rule model', () => {
  it('turns rule JSON into the tree and back unchanged', () => {
    const tree = fromJson(FULL)
    expect(tree.op).toBe('and')
    expect(tree.children).toHaveLength(9)
    expect(conditionCount(tree)).toBe(12)
    const not = tree.children[6]!
    expect(not).toMatchObject({ kind: 'tags', negated: true, mode: 'none', tagIds: [3, 7] })
    const purchase = (tree.children[7] as GroupNode).children[2]!
    expect(purchase).toMatchObject({
      kind: 'event',
      type: 'purchase',
      window: { kind: 'range', from: '2026-01-01', to: { daysAgo: 1 } },
      atLeast: 2,
      atMost: 5,
      timing: 'first',
    })
    expect(compile(tree).json).toEqual(FULL)
  })

  it('puts a lone condition into a group, and lets two NOTs cancel out', () => {
    const tree = fromJson({ not: { not: { attribute: 'gender', op: 'eq', value: 'male' } } })
    expect(tree.kind).toBe('group')
    expect(tree.children[0]).toMatchObject({ kind: 'attribute', negated: false, field: 'gender' })
    expect(compile(tree).json).toEqual({
      and: [{ attribute: 'gender', op: 'eq', value: 'male' }],
    })
  })

  it('sends a negated group as not around the group', () => {
    const tree = fromJson({ not: { or: [{ tags: { any: [1] } }] } })
    expect(tree).toMatchObject({ negated: true, op: 'or' })
    expect(compile(tree).json).toEqual({ not: { or: [{ tags: { any: [1] } }] } })
  })

  it('leaves out unfinished conditions and emptied groups for the live count, not for saving', () => {
    const gender: AttributeNode = {
      ...newAttribute(),
      field: 'gender',
      op: 'eq',
      values: ['female'],
    }
    const unfinished = newAttribute()
    const emptyTags = newTags()
    const inner = newGroup('or', [emptyTags])
    const event = newEvent()
    const root = newGroup('and', [unfinished, gender, inner, event])

    const live = compile(root, { onlyComplete: true })
    expect(live.json).toEqual({
      and: [{ attribute: 'gender', op: 'eq', value: 'female' }, { event: { lastDays: 30 } }],
    })
    // The paths are those of the JSON sent: the event is the second condition sent.
    expect(live.paths.get('rule.and[1]')).toBe(event.id)
    expect(live.paths.get('rule.and[0]')).toBe(gender.id)
    expect([...live.paths.values()]).not.toContain(inner.id)

    expect(compile(newGroup(), { onlyComplete: true }).json).toBeNull()
    expect(compile(root).json).toMatchObject({
      and: [{ attribute: '', op: '' }, {}, { or: [{ tags: { any: [] } }] }, {}],
    })
  })

  it('knows when a condition is complete', () => {
    const a = newAttribute()
    expect(isComplete(a)).toBe(false)
    expect(isComplete({ ...a, field: 'birthday', op: 'isSet', values: [] })).toBe(true)
    expect(isComplete({ ...a, field: 'gmv', op: 'between', values: ['1.00', null] })).toBe(false)
    expect(isComplete({ ...a, field: 'gmv', op: 'between', values: ['1.00', '2.00'] })).toBe(true)
    expect(isComplete({ ...a, field: 'city', op: 'in', values: [] })).toBe(false)
    expect(isComplete({ ...a, field: 'name', op: 'contains', values: [''] })).toBe(false)
    expect(isComplete({ ...newTags(), tagIds: [2] })).toBe(true)
    const e = newEvent()
    expect(isComplete(e)).toBe(true)
    expect(isComplete({ ...e, window: { kind: 'lastDays', days: null } })).toBe(false)
    expect(isComplete({ ...e, window: { kind: 'range', from: null, to: null } })).toBe(false)
    expect(isComplete({ ...e, where: { property: 'channel', op: 'eq', values: [] } })).toBe(false)
    expect(isComplete({ ...e, sum: { property: 'amount', op: 'gte', value: null } })).toBe(false)
  })

  it('keeps the values that still fit when the operator changes', () => {
    expect(valuesFor('in', ['a', 'b'])).toEqual(['a', 'b'])
    expect(valuesFor('eq', ['a', 'b'])).toEqual(['a'])
    expect(valuesFor('between', [5])).toEqual([5, null])
    expect(valuesFor('isSet', [5])).toEqual([])
    expect(valuesFor('eq', [])).toEqual([null])
  })

  it('finds parents and depths as the server counts them', () => {
    const tree = fromJson(FULL)
    const or = tree.children[7] as GroupNode
    const purchase = or.children[2]!
    expect(findParent(tree, purchase.id)).toEqual({ parent: or, index: 2 })
    expect(findParent(tree, tree.id)).toBeNull()
    expect(depthOf(tree, tree.id)).toBe(1)
    expect(depthOf(tree, or.id)).toBe(2)
    expect(depthOf(tree, purchase.id)).toBe(3)
    // {"not": {"event"}} inside the or: the NOT is one more level.
    expect(depthOf(tree, or.children[1]!.id)).toBe(4)
  })
})

describe('placing the server problems on the builder', () => {
  const tree = fromJson(FULL)
  const { paths } = compile(tree)
  const or = tree.children[7] as GroupNode
  const negatedGroup = tree.children[8] as GroupNode

  it('maps a field path to the node and the part of it', () => {
    expect(nodeForPath(paths, 'rule.and[1].op')).toMatchObject({
      nodeId: tree.children[1]!.id,
      part: 'op',
    })
    expect(nodeForPath(paths, 'rule.and[3].values[1]')).toMatchObject({
      nodeId: tree.children[3]!.id,
      part: 'value',
    })
    expect(nodeForPath(paths, 'rule.and[0].attribute')).toMatchObject({ part: 'field' })
    expect(nodeForPath(paths, 'rule.and[6].not.tags.none[1]')).toMatchObject({
      nodeId: tree.children[6]!.id,
      part: 'tags',
    })
    expect(nodeForPath(paths, 'rule.and[7].or[1].not.event.lastDays')).toMatchObject({
      nodeId: or.children[1]!.id,
      part: 'window',
    })
    expect(nodeForPath(paths, 'rule.and[7].or[2].event.atMost')).toMatchObject({ part: 'count' })
    expect(nodeForPath(paths, 'rule.and[7].or[2].event.where.op')).toMatchObject({ part: 'where' })
    expect(nodeForPath(paths, 'rule.and[7].or[2].event.sum.value')).toMatchObject({ part: 'sum' })
    expect(nodeForPath(paths, 'rule.and[7].or[2].event.type')).toMatchObject({ part: 'type' })
    expect(nodeForPath(paths, 'rule.and[8].not.and[0].values[0]')).toMatchObject({
      nodeId: negatedGroup.children[0]!.id,
      part: 'value',
    })
    // A group's own problem (it is empty) is the group's.
    expect(nodeForPath(paths, 'rule.and[7].or')).toMatchObject({ nodeId: or.id, part: 'node' })
    expect(nodeForPath(paths, 'rule')).toMatchObject({ nodeId: tree.id })
  })

  it('does not take rule.and[1] for rule.and[10]', () => {
    const many = newGroup(
      'and',
      Array.from({ length: 11 }, () => ({ ...newTags(), tagIds: [1] })),
    )
    const compiled = compile(many)
    expect(nodeForPath(compiled.paths, 'rule.and[10].tags.any[0]')?.nodeId).toBe(
      many.children[10]!.id,
    )
  })

  it('keeps problems no node takes apart', () => {
    const placed = placeErrors(paths, [
      { field: 'rule.and[1].op', message: '运算“gt”不适用于“city”。' },
      { field: 'rule.and[1].values[0]', message: '取值不对' },
      { field: 'name', message: '名称不能为空' },
    ])
    expect(placed.byNode.get(tree.children[1]!.id)).toEqual([
      { nodeId: tree.children[1]!.id, part: 'op', message: '运算“gt”不适用于“city”。' },
      { nodeId: tree.children[1]!.id, part: 'value', message: '取值不对' },
    ])
    expect(placed.other).toEqual(['名称不能为空'])
  })
})
