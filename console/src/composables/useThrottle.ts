import { onBeforeUnmount } from 'vue'

/**
 * Runs `work` at once when asked, then at most once every `ms`: asks in between make one call at the end
 * of the wait. For views that follow figures changing every few seconds without reading a list each time.
 * Call it in a component's setup: a call still waiting is dropped when the component goes.
 */
export function useThrottle(work: () => void, ms: number): () => void {
  let last = -Infinity
  let pending: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    pending = undefined
    last = Date.now()
    work()
  }
  onBeforeUnmount(() => clearTimeout(pending))
  return () => {
    if (pending !== undefined) return
    const wait = last + ms - Date.now()
    if (wait <= 0) run()
    else pending = setTimeout(run, wait)
  }
}
