import { describe, expect, it } from 'vitest'
import { definition as sample } from '@/test/journeys'
import { insertStep, normalize, toggleCollapsed } from './definition'
import { drawnOrder, layoutFlow, type FlowChain } from './flow'

const layout = (raw: unknown) => layoutFlow(normalize(raw))
const stepIds = (chain: FlowChain) => chain.items.map((item) => item.step.id)

describe('the flow chart', () => {
  it('draws the steps from the start down, a branching step ending its chain with columns', () => {
    const { root, orphans } = layout(sample())
    expect(stepIds(root)).toEqual(['hello', 'wait1', 'buy'])
    expect(root.entry).toEqual({ from: null, slot: 'next' })
    expect(root.end).toBeNull()
    const buy = root.items[2]!.branches!
    expect(buy.map((b) => [b.slot, b.label])).toEqual([
      ['next', 'happened'],
      ['elseNext', 'timedOut'],
    ])
    // it happened: the journey ends there
    expect(buy[0]!.chain).toMatchObject({ items: [], end: { kind: 'end' } })
    expect(buy[0]!.chain.entry).toEqual({ from: 'buy', slot: 'next' })
    // timed out: the condition, with 是 and 否 side by side
    const vip = buy[1]!.chain.items[0]!
    expect(vip.step.id).toBe('vip')
    expect(vip.branches!.map((b) => b.label)).toEqual(['yes', 'no'])
    expect(orphans).toEqual([])
  })

  it('draws a step only once: a second way to it becomes a jump', () => {
    const { root } = layout(sample())
    const vip = root.items[2]!.branches![1]!.chain.items[0]!
    const [yes, no] = vip.branches!
    expect(stepIds(yes!.chain)).toEqual(['call'])
    expect(yes!.chain.end).toEqual({ kind: 'end' })
    expect(stepIds(no!.chain)).toEqual(['nudge'])
    expect(no!.chain.end).toMatchObject({ kind: 'jump', target: { id: 'call' } })
  })

  it('shows an id that names no step as missing', () => {
    const { root } = layout({ start: 'a', steps: [{ id: 'a', type: 'wait', next: 'ghost' }] })
    expect(root.end).toEqual({ kind: 'missing', target: 'ghost' })
  })

  it('ends the chain at an exit step without an end marker', () => {
    const { root } = layout({ start: 'a', steps: [{ id: 'a', type: 'exit' }] })
    expect(stepIds(root)).toEqual(['a'])
    expect(root.end).toBeNull()
  })

  it('lists steps the trigger cannot reach apart, in their order', () => {
    const { orphans } = layout({
      start: 'a',
      steps: [
        { id: 'b', type: 'wait', next: 'a' },
        { id: 'a', type: 'wait', next: null },
        { id: 'c', type: 'tag' },
      ],
    })
    expect(orphans.map((o) => [o.step.id, o.index])).toEqual([
      ['b', 0],
      ['c', 2],
    ])
  })

  it('has nothing but the end below the trigger when there are no steps', () => {
    expect(layout({}).root).toEqual({
      entry: { from: null, slot: 'next' },
      items: [],
      end: { kind: 'end' },
    })
  })

  it('draws a split with a column per branch and its share', () => {
    const d = normalize(sample())
    insertStep(d, { from: 'hello', slot: 'next' }, 'split')
    const { root } = layoutFlow(d)
    const split = root.items[1]!
    expect(split.branches!.map((b) => [b.slot, b.label, b.percent])).toEqual([
      ['branches.0', 'percent', 50],
      ['branches.1', 'percent', 50],
    ])
    expect(stepIds(split.branches![0]!.chain)).toEqual(['wait1', 'buy'])
  })

  it('hides a collapsed step’s branches and counts what they hold', () => {
    const d = normalize(sample())
    toggleCollapsed(d, 'buy')
    const { root, orphans } = layoutFlow(d)
    expect(root.items[2]).toMatchObject({ branches: null, hidden: 3 })
    expect(orphans).toEqual([])
  })

  it('lists the steps in the order it draws them', () => {
    expect(drawnOrder(layout(sample()).root)).toEqual([
      'hello',
      'wait1',
      'buy',
      'vip',
      'call',
      'nudge',
    ])
  })
})
