import { ref } from 'vue'
import { handleError } from '@/api/error-handler'

/** An action on one row of a list (unlock, revoke): that row's button spins until it is done. */
export function useRowAction<T extends { id: number }>(action: (row: T) => Promise<void>) {
  const busyId = ref<number | null>(null)

  async function run(row: T): Promise<void> {
    busyId.value = row.id
    try {
      await action(row)
    } catch (error) {
      handleError(error)
    } finally {
      busyId.value = null
    }
  }

  return { busyId, run }
}
