import { computed } from 'vue'
import { findStep, setStepApp } from './definition'
import { useFlowEditor } from './editor'
import { fieldProblem, type StepProblem } from './problems'
import { useAppDirectory } from './useAppDirectory'

/**
 * What the forms of the shared steps (group send, 朋友圈) have in common: the step being edited,
 * its problems by field, the WeCom app it goes through (changing it clears staff and groups of
 * the other app) with that app's directory, and the staff it names.
 */
export function useSharedStep(
  props: { stepId: string; problems: readonly StepProblem[] },
  withGroups = false,
) {
  const editor = useFlowEditor()
  const step = computed(() => findStep(editor.definition, props.stepId)!)
  const problem = (field: string) => fieldProblem(props.problems, field)
  const directory = useAppDirectory(() => step.value.appId, withGroups)
  const appId = computed({
    get: () => step.value.appId ?? null,
    set: (value: number | null) => setStepApp(step.value, value),
  })
  const staff = computed({
    get: () => step.value.staff ?? [],
    set: (ids: string[]) => (step.value.staff = ids),
  })
  return { step, problem, directory, appId, staff }
}
