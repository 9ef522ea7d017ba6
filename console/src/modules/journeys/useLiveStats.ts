import { onBeforeUnmount, onMounted, ref } from 'vue'
import { handleError } from '@/api/error-handler'

/** How often figures that are watched live are asked again. */
export const LIVE_INTERVAL_MS = 5000

const pageVisible = () => document.visibilityState !== 'hidden'

/**
 * Asks for live figures when the page opens, then every `intervalMs` while the browser tab is
 * visible: a hidden tab asks nothing, and asks at once when it is shown again. One call at a time;
 * a failed one shows its error and stops until `refresh()`. `live` says whether it is polling.
 */
export function useLiveStats(tick: () => Promise<void>, intervalMs = LIVE_INTERVAL_MS) {
  const live = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let running = false
  let gone = false

  function schedule(): void {
    clearTimeout(timer)
    live.value = !gone && pageVisible()
    if (live.value) timer = setTimeout(() => void refresh(), intervalMs)
  }

  async function refresh(): Promise<void> {
    if (gone || running) return
    clearTimeout(timer)
    running = true
    try {
      await tick()
    } catch (error) {
      live.value = false
      handleError(error)
      return
    } finally {
      running = false
    }
    schedule()
  }

  function onVisibility(): void {
    if (pageVisible()) void refresh()
    else {
      clearTimeout(timer)
      live.value = false
    }
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void refresh()
  })
  onBeforeUnmount(() => {
    gone = true
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  })
  return { live, refresh }
}
