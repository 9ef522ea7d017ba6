import { inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { Definition, Edge, Step, StepType } from './definition'
import type { PlacedProblems } from './problems'

/** What is open in the side drawer: a step by id, the trigger, or the journey's settings. */
export type Selection = { kind: 'step'; id: string } | { kind: 'trigger' } | { kind: 'settings' }

/**
 * The flow chart's view of the editor, shared with its nested components (the chart nests itself
 * for branches): they draw from `definition` and change it only through here.
 */
export interface FlowEditor {
  definition: Definition
  problems: Ref<PlacedProblems>
  selection: Ref<Selection | null>
  readonly: ComputedRef<boolean>
  /** The key webhook steps sign with (null: the account may not see it). */
  webhookSecret: ComputedRef<string | null>
  select: (selection: Selection) => void
  insert: (edge: Edge, type: StepType) => void
  remove: (step: Step) => void
  /** Removes a split branch, with the steps only it led to (after asking when there are any). */
  removeBranch: (step: Step, index: number) => void
  toggle: (step: Step) => void
  /** Scrolls to a step drawn elsewhere (a jump) and makes it flash. */
  reveal: (id: string) => void
}

const KEY: InjectionKey<FlowEditor> = Symbol('journey-flow-editor')

export function provideFlowEditor(editor: FlowEditor): void {
  provide(KEY, editor)
}

export function useFlowEditor(): FlowEditor {
  const editor = inject(KEY)
  if (!editor) throw new Error('provideFlowEditor() first')
  return editor
}
