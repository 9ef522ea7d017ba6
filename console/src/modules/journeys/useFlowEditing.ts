import type { ComputedRef, Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import {
  branchCascade,
  insertStep,
  removalCascade,
  removeBranch,
  removeStep,
  toggleCollapsed,
  type Definition,
  type Edge,
  type Step,
  type StepType,
} from './definition'
import { stepName, type JourneyLabels } from './describe'
import type { FlowEditor, Selection } from './editor'
import type { PlacedProblems } from './problems'

interface Context {
  definition: Definition
  problems: Ref<PlacedProblems>
  selection: Ref<Selection | null>
  readonly: ComputedRef<boolean>
  webhookSecret: ComputedRef<string | null>
  labels: ComputedRef<JourneyLabels>
  /** The element the chart is drawn in (to find a card to reveal). */
  canvas: Ref<HTMLElement | undefined>
  dropProblems: (ids: readonly string[]) => void
}

/**
 * The flow chart's edits as the operator makes them: a new step opens in the drawer; deleting a
 * step or a split branch that takes other steps along asks first; deleted steps close their drawer
 * and lose their problems.
 */
export function useFlowEditing(context: Context): FlowEditor {
  const { t } = useI18n()
  const { definition, selection, readonly } = context

  async function confirmCascade(message: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, t('journeys.flow.deleteTitle'), {
        type: 'warning',
        confirmButtonText: t('journeys.flow.deleteConfirm'),
        cancelButtonText: t('common.actions.cancel'),
        confirmButtonClass: 'el-button--danger',
      })
      return true
    } catch {
      return false
    }
  }

  function forget(ids: readonly string[]): void {
    const selected = selection.value
    if (selected?.kind === 'step' && ids.includes(selected.id)) selection.value = null
    context.dropProblems(ids)
  }

  function insert(edge: Edge, type: StepType): void {
    if (readonly.value) return
    const step = insertStep(definition, edge, type)
    // The new step opens at once: most types need filling in.
    if (step) selection.value = { kind: 'step', id: step.id }
  }

  async function remove(step: Step): Promise<void> {
    if (readonly.value) return
    const cascade = removalCascade(definition, step.id)
    const name = stepName(step, context.labels.value)
    const message = t('journeys.flow.deleteCascade', { name, n: cascade.length }, cascade.length)
    if (cascade.length > 0 && !(await confirmCascade(message))) return
    forget(removeStep(definition, step.id))
  }

  async function removeBranchOf(step: Step, index: number): Promise<void> {
    if (readonly.value) return
    const cascade = branchCascade(definition, step.id, index)
    const message = t('journeys.flow.branchCascade', { n: cascade.length }, cascade.length)
    if (cascade.length > 0 && !(await confirmCascade(message))) return
    forget(removeBranch(definition, step, index))
  }

  function reveal(stepId: string): void {
    const cards = context.canvas.value?.querySelectorAll<HTMLElement>('[data-step-id]') ?? []
    const card = [...cards].find((element) => element.dataset.stepId === stepId)
    if (!card) return
    card.scrollIntoView?.({ behavior: 'smooth', block: 'center', inline: 'center' })
    card.classList.remove('is-flash')
    // Restarts the animation when the same card is revealed twice.
    void card.offsetWidth
    card.classList.add('is-flash')
  }

  return {
    definition,
    problems: context.problems,
    selection,
    readonly,
    webhookSecret: context.webhookSecret,
    select: (next) => (selection.value = next),
    insert,
    remove: (step) => void remove(step),
    removeBranch: (step, index) => void removeBranchOf(step, index),
    toggle: (step) => toggleCollapsed(definition, step.id),
    reveal,
  }
}
