import { describe, expect, it } from 'vitest'
import { definition as sample } from '@/test/journeys'
import {
  addBranch,
  branchCascade,
  evenPercents,
  findStep,
  insertStep,
  normalize,
  outgoing,
  percentTotal,
  reachable,
  removalCascade,
  removeBranch,
  removeStep,
  setScheduleEvery,
  setStepApp,
  newTrigger,
  START,
  toggleCollapsed,
  isCollapsed,
  type Step,
} from './definition'

const journey = () => normalize(sample())
const ids = (steps: { id: string }[]) => steps.map((s) => s.id)

describe('a definition read from the server', () => {
  it('keeps what it does not know and fills in what is missing', () => {
    const read = normalize({ steps: [{ id: 'a', type: 'wait', extra: 1 }], custom: { x: 1 } })
    expect(read.trigger).toBeNull()
    expect(read.entry).toBe('once')
    expect(read.start).toBeNull()
    expect(read.goal).toBeNull()
    expect(read.exit).toEqual({ eventType: null, segmentId: null })
    expect(read.layout).toEqual({})
    expect(read.custom).toEqual({ x: 1 })
    expect(read.steps[0]).toMatchObject({ id: 'a', type: 'wait', extra: 1 })
  })

  it('gives a step without an id, or with one already taken, an id of its own', () => {
    const read = normalize({
      steps: [{ id: 'a', type: 'wait' }, { id: 'a', type: 'message' }, { type: 'tag' }, 'junk'],
    })
    expect(ids(read.steps)).toEqual(['a', 'message_1', 'tag_1'])
  })

  it('reads anything that is not an object as an empty journey', () => {
    expect(normalize(null).steps).toEqual([])
    expect(normalize([1, 2]).trigger).toBeNull()
  })
})

describe('inserting a step', () => {
  it('between the trigger and the first step makes it the start and leads it to the old first', () => {
    const d = journey()
    const step = insertStep(d, START, 'wait')!
    expect(step).toMatchObject({ id: 'wait_1', type: 'wait', duration: 'P1D', next: 'hello' })
    expect(d.start).toBe('wait_1')
    expect(d.steps[0]!.id).toBe('wait_1')
  })

  it('after a step puts it on that step’s way out and next to it in the list', () => {
    const d = journey()
    const step = insertStep(d, { from: 'hello', slot: 'next' }, 'tag')!
    expect(findStep(d, 'hello')!.next).toBe(step.id)
    expect(step.next).toBe('wait1')
    expect(ids(d.steps).slice(0, 3)).toEqual(['hello', 'tag_1', 'wait1'])
  })

  it('on a branch leads it where the branch led', () => {
    const d = journey()
    const step = insertStep(d, { from: 'vip', slot: 'elseNext' }, 'message')!
    expect(findStep(d, 'vip')!.elseNext).toBe(step.id)
    expect(step.next).toBe('nudge')
  })

  it('as a condition keeps the way on under 是 and ends 否', () => {
    const d = journey()
    const step = insertStep(d, { from: 'wait1', slot: 'next' }, 'condition')!
    expect(step).toMatchObject({ next: 'buy', elseNext: null, rule: { and: [] } })
  })

  it('as a split keeps the way on in the first branch, half and half', () => {
    const d = journey()
    const step = insertStep(d, { from: 'wait1', slot: 'next' }, 'split')!
    expect(step.branches).toEqual([
      { percent: 50, next: 'buy' },
      { percent: 50, next: null },
    ])
    expect(outgoing(step).map((o) => o.slot)).toEqual(['branches.0', 'branches.1'])
  })

  it('as a group send or a 朋友圈 post with nothing written, to every group and by all staff', () => {
    const d = journey()
    expect(insertStep(d, { from: 'hello', slot: 'next' }, 'group_message')).toEqual({
      id: 'group_message_1',
      type: 'group_message',
      name: '',
      appId: null,
      text: '',
      materialIds: [],
      chatIds: [],
      staff: [],
      next: 'wait1',
    })
    expect(insertStep(d, { from: 'hello', slot: 'next' }, 'moment')).toEqual({
      id: 'moment_1',
      type: 'moment',
      name: '',
      appId: null,
      text: '',
      materialIds: [],
      staff: [],
      tagIds: [],
      next: 'group_message_1',
    })
  })

  it('as an exit only where nothing follows', () => {
    const d = journey()
    expect(insertStep(d, { from: 'hello', slot: 'next' }, 'exit')).toBeNull()
    const exit = insertStep(d, { from: 'buy', slot: 'next' }, 'exit')!
    expect(findStep(d, 'buy')!.next).toBe(exit.id)
    expect(exit.next).toBeNull()
  })

  it('numbers the new ids after the ones taken', () => {
    const d = journey()
    insertStep(d, START, 'wait')
    insertStep(d, START, 'wait')
    expect(d.start).toBe('wait_2')
  })
})

describe('the app a step goes through', () => {
  const groupSend = (): Step => ({
    id: 'g',
    type: 'group_message',
    appId: null,
    chatIds: ['wrA1'],
    staff: ['zhangsan'],
    next: null,
  })

  it('changed, forgets the staff and groups picked in the other app', () => {
    const step = groupSend()
    setStepApp(step, 2)
    expect(step).toMatchObject({ appId: 2, chatIds: [], staff: [] })
    const post: Step = { id: 'm', type: 'moment', appId: 2, staff: ['lisi'], tagIds: [7] }
    setStepApp(post, null)
    // tags are the organisation's, not an app's
    expect(post).toEqual({ id: 'm', type: 'moment', appId: null, staff: [], tagIds: [7] })
  })

  it('set to the one it goes through already, keeps what was picked', () => {
    const step = groupSend()
    setStepApp(step, null)
    expect(step).toMatchObject({ chatIds: ['wrA1'], staff: ['zhangsan'] })
  })
})

describe('deleting a step', () => {
  it('leads whatever led to it to its next', () => {
    const d = journey()
    expect(removeStep(d, 'wait1')).toEqual(['wait1'])
    expect(findStep(d, 'hello')!.next).toBe('buy')
    expect(findStep(d, 'wait1')).toBeUndefined()
  })

  it('moves the start when it was the first step', () => {
    const d = journey()
    removeStep(d, 'hello')
    expect(d.start).toBe('wait1')
  })

  it('relinks every way that led to it, branches and joins included', () => {
    const d = journey()
    // call is reached from the condition's 是 and from the nudge
    removeStep(d, 'call')
    expect(findStep(d, 'vip')!.next).toBeNull()
    expect(findStep(d, 'nudge')!.next).toBeNull()
  })

  it('of a branching step keeps its main way and takes the steps only its other ways reach', () => {
    const d = journey()
    expect(removalCascade(d, 'buy')).toEqual(['vip', 'call', 'nudge'])
    expect(removeStep(d, 'buy')).toEqual(['buy', 'vip', 'call', 'nudge'])
    expect(findStep(d, 'wait1')!.next).toBeNull()
    expect(ids(d.steps)).toEqual(['hello', 'wait1'])
  })

  it('of a condition keeps the steps its 否 branch shares with 是', () => {
    const d = journey()
    expect(removalCascade(d, 'vip')).toEqual(['nudge'])
    removeStep(d, 'vip')
    expect(findStep(d, 'buy')!.elseNext).toBe('call')
    expect(ids(d.steps)).toEqual(['hello', 'wait1', 'buy', 'call'])
  })

  it('leaves steps that were unconnected before alone', () => {
    const d = normalize({
      start: 'a',
      steps: [
        { id: 'a', type: 'wait', next: null },
        { id: 'lost', type: 'message', next: 'a' },
      ],
    })
    removeStep(d, 'a')
    expect(ids(d.steps)).toEqual(['lost'])
    expect(d.start).toBeNull()
    expect(findStep(d, 'lost')!.next).toBeNull()
  })

  it('forgets that a deleted step was collapsed', () => {
    const d = journey()
    toggleCollapsed(d, 'vip')
    expect(isCollapsed(d, 'vip')).toBe(true)
    removeStep(d, 'vip')
    expect(d.layout.collapsed).toEqual([])
  })
})

describe('split branches', () => {
  const split = () => {
    const d = journey()
    const step = insertStep(d, { from: 'wait1', slot: 'next' }, 'split')!
    insertStep(d, { from: step.id, slot: 'branches.1' }, 'message')
    return { d, step: findStep(d, step.id)! }
  }

  it('removing one takes the steps only it led to', () => {
    const { d, step } = split()
    expect(branchCascade(d, step.id, 1)).toEqual(['message_1'])
    expect(removeBranch(d, step, 1)).toEqual(['message_1'])
    expect(step.branches).toEqual([{ percent: 50, next: 'buy' }])
    expect(findStep(d, 'message_1')).toBeUndefined()
  })

  it('a new one ends the journey and has no share yet', () => {
    const { step } = split()
    addBranch(step)
    expect(step.branches!.at(-1)).toEqual({ percent: 0, next: null })
    expect(percentTotal(step)).toBe(100)
  })

  it('share 100 as evenly as whole numbers allow', () => {
    expect(evenPercents(2)).toEqual([50, 50])
    expect(evenPercents(3)).toEqual([34, 33, 33])
    expect(evenPercents(7).reduce((a, b) => a + b, 0)).toBe(100)
    expect(evenPercents(0)).toEqual([])
  })
})

describe('reachable steps', () => {
  it('are the ones the trigger leads to, through every branch and join', () => {
    const d = journey()
    d.steps.push({ id: 'island', type: 'wait', next: 'hello' })
    expect([...reachable(d)].sort()).toEqual(['buy', 'call', 'hello', 'nudge', 'vip', 'wait1'])
  })

  it('survive a cycle', () => {
    const d = normalize({
      start: 'a',
      steps: [
        { id: 'a', type: 'wait', next: 'b' },
        { id: 'b', type: 'message', next: 'a' },
      ],
    })
    expect([...reachable(d)]).toEqual(['a', 'b'])
  })
})

describe('triggers', () => {
  it('start with the fields of their type', () => {
    expect(newTrigger('segment_enter')).toEqual({ type: 'segment_enter', segmentId: null })
    expect(newTrigger('date')).toEqual({
      type: 'date',
      field: 'birthday',
      daysBefore: 0,
      at: '10:00',
    })
    expect(newTrigger('schedule')).toEqual({
      type: 'schedule',
      every: 'day',
      at: '10:00',
      segmentId: null,
    })
  })

  it('on a schedule keep only the fields of how often', () => {
    const trigger = newTrigger('schedule')
    setScheduleEvery(trigger, 'week')
    expect(trigger.weekdays).toEqual([1])
    setScheduleEvery(trigger, 'month')
    expect(trigger.weekdays).toBeUndefined()
    expect(trigger.monthDays).toEqual([1])
    setScheduleEvery(trigger, 'once')
    expect(trigger).toEqual({
      type: 'schedule',
      every: 'once',
      at: '10:00',
      segmentId: null,
      date: null,
    })
  })
})
