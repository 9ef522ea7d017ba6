import { computed, onMounted, reactive, ref, shallowRef, watch, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { handleError } from '@/api/error-handler'
import { ApiError, type FieldError } from '@/api/problem'
import { isNotFound } from '@/modules/customers/conflict'
import { journeysApi, type Journey } from './api'
import { emptyDefinition, normalize, toJson, type Definition } from './definition'
import { noProblems, placeProblems, problemCount, type PlacedProblems } from './problems'

/**
 * The draft of one journey as the editor holds it, and what the server is asked about it: saved
 * (PUT), checked (validate) and published, each saving unsaved edits first. The server's problems
 * are placed on the steps of the definition it checked.
 */
export function useJourneyDraft(id: ComputedRef<number>, options: { onNameMissing: () => void }) {
  const { t } = useI18n()
  const journey = shallowRef<Journey | null>(null)
  const loading = ref(true)
  const missing = ref(false)

  const definition = reactive<Definition>(emptyDefinition())
  const form = reactive({ name: '', description: '' })
  /** What the server has, to tell whether there is anything to save. */
  const saved = ref('')
  const current = computed(() =>
    JSON.stringify({ name: form.name.trim(), description: form.description.trim(), definition }),
  )
  const dirty = computed(() => saved.value !== '' && current.value !== saved.value)

  const problems = ref<PlacedProblems>(noProblems())
  const count = computed(() => problemCount(problems.value))
  const saving = ref(false)
  const checking = ref(false)
  const publishing = ref(false)
  const busy = computed(() => saving.value || checking.value || publishing.value)

  function replaceDefinition(raw: unknown): void {
    for (const key of Object.keys(definition)) delete definition[key]
    Object.assign(definition, normalize(raw))
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      const loaded = await journeysApi.get(id.value)
      journey.value = loaded
      replaceDefinition(loaded.definition)
      form.name = loaded.name
      form.description = loaded.description ?? ''
      saved.value = current.value
      problems.value = noProblems()
      missing.value = false
    } catch (error) {
      if (isNotFound(error)) missing.value = true
      else handleError(error)
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  watch(id, load)

  const stepIds = () => definition.steps.map((step) => step.id)
  function showProblems(list: readonly FieldError[], ids: readonly string[]): void {
    problems.value = placeProblems(list, ids)
  }

  /** Saves the draft; false when it was not saved (the reason has been shown). */
  async function save(quiet = false): Promise<boolean> {
    if (!form.name.trim()) {
      ElMessage({ type: 'warning', message: t('journeys.editor.nameRequired'), grouping: true })
      options.onNameMissing()
      return false
    }
    const ids = stepIds()
    const snapshot = current.value
    saving.value = true
    try {
      journey.value = await journeysApi.save(id.value, {
        name: form.name.trim(),
        description: form.description.trim() || null,
        definition: toJson(definition),
      })
      saved.value = snapshot
      if (!quiet) ElMessage({ type: 'success', message: t('journeys.editor.saved') })
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        showProblems(error.fieldErrors, ids)
        ElMessage({ type: 'error', message: error.detail ?? t('journeys.editor.saveRefused') })
      } else {
        handleError(error)
      }
      return false
    } finally {
      saving.value = false
    }
  }

  async function saveDraft(): Promise<void> {
    if (!busy.value) await save()
  }

  async function validate(): Promise<void> {
    if (busy.value) return
    if (dirty.value && !(await save(true))) return
    const ids = stepIds()
    checking.value = true
    try {
      const result = await journeysApi.validate(id.value)
      showProblems(result.problems ?? [], ids)
      if (count.value === 0) ElMessage({ type: 'success', message: t('journeys.editor.valid') })
      else
        ElMessage({
          type: 'warning',
          message: t('journeys.editor.problemsFound', { n: count.value }, count.value),
        })
    } catch (error) {
      handleError(error)
    } finally {
      checking.value = false
    }
  }

  async function confirmPublish(current: Journey): Promise<boolean> {
    const next = (current.version ?? 0) + 1
    try {
      await ElMessageBox.confirm(
        current.version === null
          ? t('journeys.editor.publishFirst', { version: next })
          : t('journeys.editor.publishNext', { version: next, current: current.version }),
        t('journeys.editor.publishTitle'),
        {
          type: 'info',
          confirmButtonText: t('journeys.editor.publishConfirm'),
          cancelButtonText: t('common.actions.cancel'),
        },
      )
      return true
    } catch {
      return false
    }
  }

  async function publish(): Promise<void> {
    if (busy.value || !journey.value || !(await confirmPublish(journey.value))) return
    if (dirty.value && !(await save(true))) return
    const ids = stepIds()
    publishing.value = true
    try {
      journey.value = await journeysApi.publish(id.value)
      problems.value = noProblems()
      ElMessage({
        type: 'success',
        message: t('journeys.editor.published', { version: journey.value.version ?? '' }),
      })
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        showProblems(error.fieldErrors, ids)
        ElMessage({
          type: 'error',
          message: t('journeys.editor.publishRefused', { n: count.value }, count.value),
        })
      } else {
        handleError(error)
      }
    } finally {
      publishing.value = false
    }
  }

  /** Steps changed or deleted since they were checked no longer carry the problems found then. */
  function dropProblems(ids: readonly string[]): void {
    if (!ids.some((stepId) => problems.value.steps.has(stepId))) return
    const steps = new Map(problems.value.steps)
    for (const stepId of ids) steps.delete(stepId)
    problems.value = { ...problems.value, steps }
  }

  return {
    journey,
    loading,
    missing,
    definition,
    form,
    dirty,
    problems,
    count,
    saving,
    checking,
    publishing,
    busy,
    saveDraft,
    validate,
    publish,
    dropProblems,
  }
}
