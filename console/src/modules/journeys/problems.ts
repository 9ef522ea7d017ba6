import type { FieldError } from '@/api/problem'

/** A problem with one step: the part of it (`next`, `duration`, `rule.and[0].op`) and the message. */
export interface StepProblem {
  /** The field below the step, '' for the step as a whole. */
  path: string
  message: string
}

/** The server's problems with a journey, each where the operator sees what it is about. */
export interface PlacedProblems {
  /** By step id. */
  steps: Map<string, StepProblem[]>
  /** The trigger, the start and the entry rule: shown on the trigger node. */
  trigger: string[]
  /** The goal and the exit rule. */
  settings: string[]
  /** The name and the description. */
  basics: string[]
  /** Anything else (the definition as a whole). */
  other: string[]
}

export const noProblems = (): PlacedProblems => ({
  steps: new Map(),
  trigger: [],
  settings: [],
  basics: [],
  other: [],
})

const STEP = /^steps\[(\d+)\](?:\.(.*))?$/

/**
 * Puts each problem (`definition.steps[2].next`, `definition.trigger.eventType`, `name`) on what it
 * is about. Steps are named by their position in the definition that was checked: `sentStepIds` is
 * its steps' ids in that order, so that edits made since do not move a problem to another step.
 */
export function placeProblems(
  problems: readonly FieldError[],
  sentStepIds: readonly string[],
): PlacedProblems {
  const placed = noProblems()
  for (const { field, message } of problems) {
    const path = field.replace(/^definition\.?/, '')
    const step = STEP.exec(path)
    if (step) {
      const id = sentStepIds[Number(step[1])]
      if (id === undefined) {
        placed.other.push(message)
        continue
      }
      const list = placed.steps.get(id) ?? []
      list.push({ path: step[2] ?? '', message })
      placed.steps.set(id, list)
    } else if (/^(trigger|start|entry|steps)\b/.test(path)) {
      // `steps` itself: there are none, which the trigger node shows (nothing follows it).
      placed.trigger.push(message)
    } else if (/^(goal|exit)\b/.test(path)) {
      placed.settings.push(message)
    } else if (field === 'name' || field === 'description') {
      placed.basics.push(message)
    } else {
      placed.other.push(message)
    }
  }
  return placed
}

export function problemCount(placed: PlacedProblems): number {
  let n = placed.trigger.length + placed.settings.length + placed.basics.length
  n += placed.other.length
  for (const list of placed.steps.values()) n += list.length
  return n
}

/**
 * A step's problems about its segment rule, as the rule editor names them (`rule.and[0].op`). The
 * server may put the rule parser's own path below the step's (`rule.rule.and[0].op`): read as one.
 */
export function ruleProblems(problems: readonly StepProblem[]): FieldError[] {
  return problems
    .filter((p) => isAbout(p.path, 'rule'))
    .map((p) => ({
      field: p.path.replace(/^rule\.rule(?=[.[]|$)/, 'rule'),
      code: '',
      message: p.message,
    }))
}

/** Whether a problem's path is about a field or something inside it (`where[0].value`). */
export const isAbout = (path: string, field: string) =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`)

/** A step's problem about one field of its form (`text`, `branches[1].percent`). */
export function fieldProblem(problems: readonly StepProblem[], field: string): string {
  return problems.find((p) => isAbout(p.path, field))?.message ?? ''
}

/**
 * The server's problems with a step's materials: about them as a whole (too many, say), and about
 * single materials by their position.
 */
export function materialProblems(problems: readonly StepProblem[]): {
  whole: string
  byIndex: Record<number, string>
} {
  const byIndex: Record<number, string> = {}
  for (const problem of problems) {
    const match = /^materialIds\[(\d+)\]/.exec(problem.path)
    if (match) byIndex[Number(match[1])] ??= problem.message
  }
  return { whole: problems.find((p) => p.path === 'materialIds')?.message ?? '', byIndex }
}
