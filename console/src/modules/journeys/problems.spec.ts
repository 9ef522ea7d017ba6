import { describe, expect, it } from 'vitest'
import {
  fieldProblem,
  materialProblems,
  placeProblems,
  problemCount,
  ruleProblems,
} from './problems'

const problem = (field: string, message = field) => ({ field, code: 'x', message })

describe('the server’s problems with a journey', () => {
  it('land on the step they name by its position in the definition checked', () => {
    const placed = placeProblems(
      [
        problem('definition.steps[2].next', '找不到步骤 ghost'),
        problem('definition.steps[0].text', '请填写消息内容'),
        problem('definition.steps[2].duration', '时长无效'),
        problem('definition.steps[1]', '步骤无法到达'),
      ],
      ['hello', 'lost', 'wait1'],
    )
    expect([...placed.steps.keys()]).toEqual(['wait1', 'hello', 'lost'])
    expect(placed.steps.get('wait1')).toEqual([
      { path: 'next', message: '找不到步骤 ghost' },
      { path: 'duration', message: '时长无效' },
    ])
    expect(placed.steps.get('lost')).toEqual([{ path: '', message: '步骤无法到达' }])
    expect(problemCount(placed)).toBe(4)
  })

  it('about the trigger, start and entry go on the trigger; goal and exit on the settings', () => {
    const placed = placeProblems(
      [
        problem('definition.trigger.eventType', 'a'),
        problem('definition.start', 'b'),
        problem('definition.entry', 'c'),
        problem('definition.goal.windowDays', 'd'),
        problem('definition.exit.segmentId', 'e'),
        problem('name', 'f'),
        problem('definition', 'g'),
        problem('definition.steps[9].next', 'h'),
      ],
      ['only'],
    )
    expect(placed.trigger).toEqual(['a', 'b', 'c'])
    expect(placed.settings).toEqual(['d', 'e'])
    expect(placed.basics).toEqual(['f'])
    // the whole definition, and a step that was not in what was checked
    expect(placed.other).toEqual(['g', 'h'])
  })

  it('are read without the definition prefix too', () => {
    const placed = placeProblems([problem('steps[0].url'), problem('trigger')], ['hook'])
    expect(placed.steps.get('hook')).toEqual([{ path: 'url', message: 'steps[0].url' }])
    expect(placed.trigger).toEqual(['trigger'])
  })

  it('about a condition’s rule are given to the rule editor in its own terms', () => {
    const steps = [
      { path: 'rule.and[0].op', message: 'a' },
      { path: 'ruler', message: 'b' },
      { path: 'next', message: 'c' },
    ]
    expect(ruleProblems(steps)).toEqual([{ field: 'rule.and[0].op', code: '', message: 'a' }])
    // the rule parser's path put below the step's
    expect(ruleProblems([{ path: 'rule.rule.and[1]', message: 'd' }])).toEqual([
      { field: 'rule.and[1]', code: '', message: 'd' },
    ])
    expect(ruleProblems([{ path: 'rule.rule', message: 'e' }])[0]!.field).toBe('rule')
  })

  it('about a field and what is inside it show on that field', () => {
    const steps = [
      { path: 'where[0].value', message: 'a' },
      { path: 'branches[1].percent', message: 'b' },
    ]
    expect(fieldProblem(steps, 'where')).toBe('a')
    expect(fieldProblem(steps, 'branches')).toBe('b')
    expect(fieldProblem(steps, 'branch')).toBe('')
  })

  it('about materials show on them all, or on the one they name', () => {
    const steps = [
      { path: 'materialIds[2]', message: 'a' },
      { path: 'materialIds', message: 'b' },
      { path: 'materialIds[2].kind', message: 'c' },
      { path: 'materialIds[0]', message: 'd' },
      { path: 'tagIds[0]', message: 'e' },
    ]
    expect(materialProblems(steps)).toEqual({ whole: 'b', byIndex: { 0: 'd', 2: 'a' } })
    expect(materialProblems([])).toEqual({ whole: '', byIndex: {} })
    expect(fieldProblem(steps, 'tagIds')).toBe('e')
  })
})
