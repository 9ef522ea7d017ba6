import { onBeforeUnmount } from 'vue'
import { handleError } from '@/api/error-handler'

/**
 * Asks the server again and again while something is under way (a background import or export):
 * `tick` runs `intervalMs` after `schedule()` and after each tick of its own, as long as `active()`
 * says so; one tick at a time, none after the page is gone. A failed tick shows its error and
 * stops; `schedule()` starts it again.
 */
export function usePolling(tick: () => Promise<void>, active: () => boolean, intervalMs = 1000) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let ticking = false
  let gone = false

  function schedule(): void {
    clearTimeout(timer)
    // A tick under way schedules the next one itself when it is done.
    if (gone || ticking || !active()) return
    timer = setTimeout(run, intervalMs)
  }

  async function run(): Promise<void> {
    ticking = true
    try {
      await tick()
    } catch (error) {
      handleError(error)
      return
    } finally {
      ticking = false
    }
    schedule()
  }

  function stop(): void {
    clearTimeout(timer)
  }

  onBeforeUnmount(() => {
    gone = true
    stop()
  })
  return { schedule, stop }
}
