import { ApiError, parseProblem } from './problem'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: HttpMethod
  body?: unknown
  query?: Record<string, QueryValue>
  /** False for calls where 401 is an expected answer (login), not an expired session. */
  authRedirect?: boolean
  signal?: AbortSignal
}

export interface HttpConfig {
  /** The UI language, sent as Accept-Language so the server localizes problem details. */
  locale: () => string
  /** Called once per 401 response (unless the call opted out): the session is gone. */
  onUnauthorized: (error: ApiError) => void
}

const config: HttpConfig = {
  locale: () => 'zh-CN',
  onUnauthorized: () => {},
}

export function configureHttp(overrides: Partial<HttpConfig>): void {
  Object.assign(config, overrides)
}

export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

function buildHeaders(method: HttpMethod, hasBody: boolean): Headers {
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Accept-Language': config.locale(),
    // Makes Spring Security answer 401 without a WWW-Authenticate challenge (no browser popup).
    'X-Requested-With': 'XMLHttpRequest',
  })
  if (hasBody) headers.set('Content-Type', 'application/json')
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE)
    if (token) headers.set(CSRF_HEADER, token)
  }
  return headers
}

function parseJson(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

async function readJson(response: Response): Promise<unknown> {
  return parseJson(await response.text())
}

/** Calls the Siyu API; resolves with the parsed JSON body (undefined for 204) or rejects with ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestWithStatus<T>(path, options)).body
}

/** Like `request`, for the few calls whose success status matters (201 created vs 200 updated). */
export async function requestWithStatus<T>(
  path: string,
  options: RequestOptions = {},
): Promise<{ status: number; body: T }> {
  const method = options.method ?? 'GET'
  const hasBody = options.body !== undefined
  // A file upload: the browser sets the multipart Content-Type with its boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers: buildHeaders(method, hasBody && !isForm),
      body: isForm
        ? (options.body as FormData)
        : hasBody
          ? JSON.stringify(options.body)
          : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, { code: 'network' })
  }

  if (response.ok) return { status: response.status, body: (await readJson(response)) as T }

  const error = new ApiError(
    response.status,
    parseProblem(response.status, await readJson(response)),
  )
  if (response.status === 401 && options.authRedirect !== false) config.onUnauthorized(error)
  throw error
}

export interface UploadOptions {
  /** Called as the bytes go out: 0 … 100 (the server's answer may take a little longer). */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

/**
 * Sends one file as the multipart field `file` and resolves with the server's JSON answer, or
 * rejects with ApiError (its problem details) like `request`. Uses XMLHttpRequest because fetch
 * cannot report upload progress; the headers (language, XSRF token) are the same as `request`'s.
 */
export function upload<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const form = new FormData()
  form.append('file', file)
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.withCredentials = true
    buildHeaders('POST', false).forEach((value, name) => xhr.setRequestHeader(name, value))
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)))
      }
    }
    xhr.onload = () => {
      const body = parseJson(xhr.responseText)
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(100)
        resolve(body as T)
        return
      }
      const error = new ApiError(xhr.status, parseProblem(xhr.status, body))
      if (xhr.status === 401) config.onUnauthorized(error)
      reject(error)
    }
    xhr.onerror = () => reject(new ApiError(0, { code: 'network' }))
    const aborted = () => reject(new DOMException('The upload was aborted', 'AbortError'))
    xhr.onabort = aborted
    if (options.signal?.aborted) {
      aborted()
      return
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
}

/**
 * A page of a cursor-paged list: pass `nextCursor` back to get the following page.
 * The server leaves out null fields, so an absent cursor also means "last page".
 */
export interface CursorPage<T> {
  items: T[]
  nextCursor?: string | null
}
