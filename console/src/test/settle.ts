import { flushPromises } from '@vue/test-utils'

/** Waits for promise-based validation and Element Plus' 100 ms debounce before error messages show. */
export async function settle(ms = 150): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, ms))
  await flushPromises()
}
