import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { handleError } from '@/api/error-handler'
import { isNotFound } from '@/modules/customers/conflict'

/**
 * The record a detail page shows, read again while it is under way: `read` fetches it (a 404 marks
 * it missing rather than failing), `then` reads what else the page shows with it, and `every` says
 * when to read it again (null: not). One timer at a time, none after the page is gone; a `load()`
 * started meanwhile (a refresh button, an action) takes the timer over.
 */
export function useLiveRecord<T>(
  read: () => Promise<T>,
  every: (record: T) => number | null,
  then?: (record: T) => Promise<void>,
) {
  const record = shallowRef<T | null>(null)
  const missing = ref(false)
  const loading = ref(true)
  let timer: ReturnType<typeof setTimeout> | undefined
  let gone = false
  onBeforeUnmount(() => {
    gone = true
    clearTimeout(timer)
  })

  async function load(): Promise<void> {
    clearTimeout(timer)
    let fresh: T
    try {
      fresh = await read()
      record.value = fresh
      missing.value = false
    } catch (error) {
      if (isNotFound(error)) missing.value = true
      else handleError(error)
      return
    } finally {
      loading.value = false
    }
    if (then) await then(fresh)
    clearTimeout(timer)
    const wait = every(fresh)
    if (wait !== null && !gone) timer = setTimeout(load, wait)
  }

  /** Forgets the record (another id is about to be read). */
  function reset(): void {
    record.value = null
    loading.value = true
  }

  return { record, missing, loading, load, reset }
}
