/**
 * The flow chart of a definition as a tree, drawn top to bottom: from the trigger, chains of
 * steps; a branching step ends its chain with side-by-side columns, one per way out. Steps join
 * back only through explicit ids, so a way that leads to a step drawn already becomes a jump to
 * it instead of a second copy.
 */
import {
  isCollapsed,
  outgoing,
  type Definition,
  type Edge,
  type Slot,
  type Step,
  START,
} from './definition'

/** What a way out is called on the chart. */
export type BranchLabel = 'yes' | 'no' | 'happened' | 'timedOut' | 'percent'

export interface FlowBranch {
  slot: Slot
  label: BranchLabel
  /** A split branch's share, as written. */
  percent?: number | null
  chain: FlowChain
}

export interface FlowItem {
  step: Step
  /** Its position in `steps` (the server's problems name steps by it). */
  index: number
  /** A branching step's columns; null for the others, and for a collapsed one. */
  branches: FlowBranch[] | null
  /** How many steps a collapsed branching step hides. */
  hidden: number
}

/** How a chain ends: the journey ends, goes on at a step drawn elsewhere, or at an unknown id. */
export type FlowEnd =
  { kind: 'end' } | { kind: 'jump'; target: Step } | { kind: 'missing'; target: string }

export interface FlowChain {
  /** The edge at its top: a step inserted here goes first in the chain. */
  entry: Edge
  items: FlowItem[]
  /** Null when the chain ends with a branching step or an exit step. */
  end: FlowEnd | null
}

export interface FlowLayout {
  root: FlowChain
  /** Steps nothing leads to from the trigger, in their order (the server refuses them). */
  orphans: { step: Step; index: number }[]
}

function branchLabel(step: Step, slot: Slot): BranchLabel {
  if (step.type === 'split') return 'percent'
  if (step.type === 'condition') return slot === 'next' ? 'yes' : 'no'
  return slot === 'next' ? 'happened' : 'timedOut'
}

/** The edge a step's main way out starts with (what "insert below" means for it). */
export const nextEdge = (step: Step): Edge => ({ from: step.id, slot: 'next' })

export function layoutFlow(definition: Definition): FlowLayout {
  const byId = new Map(definition.steps.map((step, index) => [step.id, { step, index }]))
  const drawn = new Set<string>()

  /** Every step reachable from `id` that is not drawn yet (what a collapsed step hides). */
  function hide(id: string | null): number {
    const found = id === null ? undefined : byId.get(id)
    if (!found || drawn.has(found.step.id)) return 0
    drawn.add(found.step.id)
    return 1 + outgoing(found.step).reduce((n, out) => n + hide(out.target), 0)
  }

  function chain(entry: Edge, first: string | null): FlowChain {
    const items: FlowItem[] = []
    let current = first
    for (;;) {
      if (current === null) return { entry, items, end: { kind: 'end' } }
      const found = byId.get(current)
      if (!found) return { entry, items, end: { kind: 'missing', target: current } }
      const { step, index } = found
      if (drawn.has(step.id)) return { entry, items, end: { kind: 'jump', target: step } }
      drawn.add(step.id)
      if (step.type === 'exit') {
        items.push({ step, index, branches: null, hidden: 0 })
        return { entry, items, end: null }
      }
      if (step.type === 'split' || step.type === 'condition' || step.type === 'wait_event') {
        const ways = outgoing(step)
        if (isCollapsed(definition, step.id)) {
          const hidden = ways.reduce((n, out) => n + hide(out.target), 0)
          items.push({ step, index, branches: null, hidden })
        } else {
          const branches = ways.map((out, i) => ({
            slot: out.slot,
            label: branchLabel(step, out.slot),
            percent: step.type === 'split' ? (step.branches?.[i]?.percent ?? null) : undefined,
            chain: chain({ from: step.id, slot: out.slot }, out.target),
          }))
          items.push({ step, index, branches, hidden: 0 })
        }
        return { entry, items, end: null }
      }
      items.push({ step, index, branches: null, hidden: 0 })
      current = typeof step.next === 'string' && step.next !== '' ? step.next : null
    }
  }

  const root = chain(START, definition.start)
  const orphans = definition.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => !drawn.has(step.id))
  return { root, orphans }
}

/** Ids of the steps in the order the chart draws them (for tests and keyboard order). */
export function drawnOrder(chain: FlowChain): string[] {
  return chain.items.flatMap((item) => [
    item.step.id,
    ...(item.branches ?? []).flatMap((branch) => drawnOrder(branch.chain)),
  ])
}
