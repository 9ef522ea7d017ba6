import { ApiError } from '@/api/problem'

/** Why an H5 page shows nothing of its own: what the link or the server said, and a retry when worth one. */
export interface Refusal {
  title: string
  detail: string
  /** The network or the server failed, not the link: worth trying again. */
  transient: boolean
}

/**
 * The refusal for a failed load: the server's own words for a link that does not work, a general line when
 * the network or the server failed; `title` names the status's meaning (empty for none).
 */
export function refusalOf(
  error: unknown,
  title: (status: number) => string,
  failed: string,
): Refusal {
  const status = error instanceof ApiError ? error.status : 0
  const transient = status === 0 || status >= 500 || status === 429
  return {
    title: title(status),
    detail: error instanceof ApiError && error.detail && !transient ? error.detail : failed,
    transient,
  }
}
