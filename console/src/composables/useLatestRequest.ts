import { onUnmounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { handleError } from '@/api/error-handler'

export interface LatestRequest<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  load: () => Promise<void>
}

/**
 * Loads data for a page: a newer call aborts an older one, so a slower, older answer never wins
 * (a quick period or language change); the call in flight is aborted when the page goes away.
 */
export function useLatestRequest<T>(fetch: (signal: AbortSignal) => Promise<T>): LatestRequest<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  let inFlight: AbortController | null = null

  async function load(): Promise<void> {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    loading.value = true
    try {
      data.value = await fetch(controller.signal)
    } catch (error) {
      if (!controller.signal.aborted) handleError(error)
    } finally {
      if (inFlight === controller) loading.value = false
    }
  }

  onUnmounted(() => inFlight?.abort())
  return { data, loading, load }
}
