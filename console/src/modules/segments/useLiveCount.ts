import { computed, onUnmounted, ref, shallowRef, watch } from 'vue'
import { handleError } from '@/api/error-handler'
import { ApiError } from '@/api/problem'
import { segmentsApi, type Evaluation } from './api'
import { compile, placeErrors, type GroupNode, type NodeError } from './rule'

export const LIVE_DELAY_MS = 400
export const PREVIEW_SIZE = 10

/**
 * The size of the rule being edited, asked again 400 ms after the last change, with the
 * unfinished conditions left out. A newer question aborts an older one still on its way. When the
 * server refuses the rule, its problems are placed on their conditions (`errors`), and the ones no
 * condition takes are kept in `otherErrors`.
 */
export function useLiveCount(root: GroupNode) {
  const result = shallowRef<Evaluation | null>(null)
  const counting = ref(false)
  const errors = ref(new Map<string, NodeError[]>())
  const otherErrors = ref<string[]>([])
  const compiled = computed(() => compile(root, { onlyComplete: true }))
  const key = computed(() => JSON.stringify(compiled.value.json))
  let timer: ReturnType<typeof setTimeout> | null = null
  let inFlight: AbortController | null = null

  async function evaluate(): Promise<void> {
    inFlight?.abort()
    const { json, paths } = compiled.value
    if (!json) {
      counting.value = false
      result.value = null
      errors.value = new Map()
      otherErrors.value = []
      return
    }
    const controller = new AbortController()
    inFlight = controller
    counting.value = true
    try {
      result.value = await segmentsApi.evaluate(json, PREVIEW_SIZE, controller.signal)
      errors.value = new Map()
      otherErrors.value = []
    } catch (error) {
      if (controller.signal.aborted) return
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        const placed = placeErrors(paths, error.fieldErrors)
        errors.value = placed.byNode
        otherErrors.value = placed.other
        result.value = null
      } else {
        handleError(error)
      }
    } finally {
      if (inFlight === controller) {
        counting.value = false
        inFlight = null
      }
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer)
    counting.value = compiled.value.json !== null
    timer = setTimeout(() => {
      timer = null
      void evaluate()
    }, LIVE_DELAY_MS)
  }

  watch(key, schedule)

  /** Shows problems from elsewhere (a refused save) the same way. */
  function show(placed: { byNode: Map<string, NodeError[]>; other: string[] }): void {
    errors.value = placed.byNode
    otherErrors.value = placed.other
  }

  onUnmounted(() => {
    if (timer) clearTimeout(timer)
    inFlight?.abort()
  })

  return { result, counting, errors, otherErrors, evaluate, schedule, show }
}
