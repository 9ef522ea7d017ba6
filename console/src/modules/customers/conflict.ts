import { ref } from 'vue'
import type { CursorPage } from '@/api/http'
import { ApiError } from '@/api/problem'
import { useCursorList } from '@/composables/useCursorList'

/**
 * The server's explanation when a write collides with other customers (409: the identities
 * belong to different customers, or a merge would join two different people), or null for any
 * other failure. Such a message needs reading, so it is shown in place rather than as a toast.
 */
export function conflictMessage(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null
  return error.detail ?? null
}

/** True when the answer is 404: for endpoints that come later, "nothing to show" rather than an error. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404
}

/**
 * A list on a customer's page (its events, its orders) whose 404 means "nothing to show here"
 * (`unavailable`) rather than a failure: an endpoint a server offers later, or a profile the
 * account may no longer see.
 */
export function useCustomerList<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>) {
  const unavailable = ref(false)
  const list = useCursorList<T>(async (cursor) => {
    try {
      return await fetchPage(cursor)
    } catch (error) {
      if (!isNotFound(error)) throw error
      unavailable.value = true
      return { items: [], nextCursor: null }
    }
  })
  return { list, unavailable }
}

/**
 * A save that may collide with other customers: the explanation (`conflict`) is shown in the
 * dialog, in place. `explain` takes the failure: a conflict is kept and answers false (the dialog
 * stays open), anything else is thrown on for the usual handling.
 */
export function useConflict() {
  const conflict = ref<string | null>(null)
  function explain(error: unknown): false {
    conflict.value = conflictMessage(error)
    if (conflict.value === null) throw error
    return false
  }
  return { conflict, explain }
}
