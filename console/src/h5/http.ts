import { ApiError, parseProblem } from '@/api/problem'

/**
 * A request to one of Siyu's H5 APIs with the link's token as a bearer (no cookies: the pages are opened from
 * WeChat, not signed in). A lost connection is an ApiError with status 0; an answer that is not 2xx, one with
 * the server's problem details.
 */
export async function h5Fetch(
  url: string,
  token: string,
  language: string,
  init: RequestInit = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'omit',
      headers: {
        Accept: 'application/json',
        'Accept-Language': language,
        Authorization: `Bearer ${token}`,
        ...headers,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    })
  } catch {
    throw new ApiError(0, {})
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      parseProblem(response.status, parseBody(await response.text())),
    )
  }
  return response
}

/** The JSON an H5 API answers (null for an empty answer). */
export async function h5Json<T>(
  url: string,
  token: string,
  language: string,
  init?: RequestInit,
  headers?: Record<string, string>,
): Promise<T> {
  return parseBody(await (await h5Fetch(url, token, language, init, headers)).text()) as T
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    // a proxy's error page, not ours
    return null
  }
}
