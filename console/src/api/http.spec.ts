import { beforeEach, describe, expect, it, vi } from 'vitest'
import { configureHttp, http, request, upload } from './http'
import { ApiError } from './problem'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'
import { stubUpload, type UploadAnswer } from '@/test/upload'

function clearCookies(): void {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

describe('the API client', () => {
  const onUnauthorized = vi.fn()

  beforeEach(() => {
    clearCookies()
    onUnauthorized.mockReset()
    configureHttp({ locale: () => 'en', onUnauthorized })
  })

  it('sends Accept-Language with the UI language on every call', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/tenant': () => jsonResponse({ id: 't' }) })
    configureHttp({ locale: () => 'zh-CN' })
    await http.get('/api/v1/tenant')
    expect(calls[0]?.headers.get('Accept-Language')).toBe('zh-CN')
    expect(calls[0]?.credentials).toBe('same-origin')
  })

  it('echoes the XSRF-TOKEN cookie as X-XSRF-TOKEN on writes but not on reads', async () => {
    document.cookie = 'other=1; path=/'
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/'
    const { calls } = stubFetch({
      'GET /api/v1/accounts': () => jsonResponse({ items: [], nextCursor: null }),
      'POST /api/v1/accounts': () => jsonResponse({ id: 1 }, 201),
      'DELETE /api/v1/api-keys/21': () => new Response(null, { status: 204 }),
    })
    await http.get('/api/v1/accounts')
    await http.post('/api/v1/accounts', { username: 'a' })
    await http.delete('/api/v1/api-keys/21')
    expect(calls[0]?.headers.has('X-XSRF-TOKEN')).toBe(false)
    expect(calls[1]?.headers.get('X-XSRF-TOKEN')).toBe('abc=123')
    expect(calls[1]?.headers.get('Content-Type')).toBe('application/json')
    expect(await calls[1]?.json()).toEqual({ username: 'a' })
    expect(calls[2]?.headers.get('X-XSRF-TOKEN')).toBe('abc=123')
  })

  it('leaves out empty query parameters', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/audit-events': () => jsonResponse({ items: [] }) })
    await http.get('/api/v1/audit-events', { limit: 50, cursor: null })
    expect(new URL(calls[0]!.url).search).toBe('?limit=50')
  })

  it('resolves 204 No Content with undefined', async () => {
    stubFetch({ 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) })
    await expect(http.post('/api/v1/auth/logout')).resolves.toBeUndefined()
  })

  it('turns problem details into an ApiError carrying the field errors', async () => {
    stubFetch({
      'POST /api/v1/accounts': () =>
        problemResponse(400, {
          type: 'about:blank',
          title: 'Bad Request',
          detail: 'The request has invalid fields.',
          code: 'validation.failed',
          errors: [
            { field: 'username', code: 'pattern', message: 'Use letters and digits' },
            { field: 'password', code: 'size', message: 'At least 12 characters' },
          ],
        }),
    })
    const error = await http.post('/api/v1/accounts', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.code).toBe('validation.failed')
    expect(apiError.detail).toBe('The request has invalid fields.')
    expect(apiError.fieldErrors).toEqual([
      { field: 'username', code: 'pattern', message: 'Use letters and digits' },
      { field: 'password', code: 'size', message: 'At least 12 characters' },
    ])
  })

  it('copes with an error body that is not problem details', async () => {
    stubFetch({
      'GET /api/v1/tenant': () => new Response('<html>Bad gateway</html>', { status: 502 }),
    })
    const error = (await http.get('/api/v1/tenant').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(502)
    expect(error.detail).toBeUndefined()
    expect(error.fieldErrors).toEqual([])
  })

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const error = (await http.get('/api/v1/tenant').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
  })

  it('reports 401 as a lost session, except where the caller expects it', async () => {
    stubFetch({
      'GET /api/v1/auth/me': () => problemResponse(401, { code: 'auth.required' }),
      'POST /api/v1/auth/login': () => problemResponse(401, { code: 'auth.bad-credentials' }),
    })
    await expect(http.get('/api/v1/auth/me')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    await expect(
      request('/api/v1/auth/login', { method: 'POST', body: {}, authRedirect: false }),
    ).rejects.toMatchObject({ status: 401, code: 'auth.bad-credentials' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })
})

describe('an upload', () => {
  const onUnauthorized = vi.fn()

  beforeEach(() => {
    clearCookies()
    onUnauthorized.mockReset()
    configureHttp({ locale: () => 'en', onUnauthorized })
  })

  it('sends the file as the field "file" with the language and the XSRF token', async () => {
    document.cookie = 'XSRF-TOKEN=tok%2B1; path=/'
    const { calls } = stubUpload(() => ({ status: 201, body: { id: 5, name: 'a.png' } }))
    const file = new File(['png'], 'a.png', { type: 'image/png' })
    await expect(upload('/api/v1/material-files', file)).resolves.toEqual({ id: 5, name: 'a.png' })
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/material-files' })
    expect(calls[0]?.file?.name).toBe('a.png')
    expect(calls[0]?.headers['x-xsrf-token']).toBe('tok+1')
    expect(calls[0]?.headers['accept-language']).toBe('en')
    // the browser sets the multipart type with its boundary
    expect(calls[0]?.headers['content-type']).toBeUndefined()
  })

  it('reports how far it got, ending at 100', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { calls } = stubUpload(async () => {
      await held
      return { status: 201, body: { id: 1 } }
    })
    const seen: number[] = []
    const done = upload('/up', new File(['x'], 'x.bin'), { onProgress: (p) => seen.push(p) })
    await Promise.resolve()
    calls[0]!.progress(30)
    calls[0]!.progress(75)
    release()
    await done
    expect(seen).toEqual([30, 75, 100])
  })

  it('rejects with the server’s problem details, and a 401 ends the session', async () => {
    stubUpload(() => ({
      status: 413,
      body: {
        status: 413,
        detail: 'Too large',
        errors: [{ field: 'file', message: 'At most 10 MB' }],
      },
    }))
    const error = await upload('/up', new File(['x'], 'x.png')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(413)
    expect((error as ApiError).detail).toBe('Too large')
    expect((error as ApiError).fieldErrors[0]?.message).toBe('At most 10 MB')
    expect(onUnauthorized).not.toHaveBeenCalled()

    stubUpload(() => ({ status: 401, body: { status: 401 } }))
    await expect(upload('/up', new File(['x'], 'x.png'))).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('stops when its signal is aborted', async () => {
    stubUpload(() => new Promise<UploadAnswer>(() => {}))
    const controller = new AbortController()
    const done = upload('/up', new File(['x'], 'x.png'), { signal: controller.signal })
    controller.abort()
    await expect(done).rejects.toMatchObject({ name: 'AbortError' })
  })
})
