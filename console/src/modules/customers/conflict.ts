import { ApiError } from '@/api/problem'

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
