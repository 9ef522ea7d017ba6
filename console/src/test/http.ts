import { vi } from 'vitest'

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

export function problemResponse(status: number, problem: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...problem }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

export type Route = (request: Request) => Response | Promise<Response>

/**
 * Replaces fetch with a tiny router keyed by "METHOD /path" (query ignored).
 * Unknown calls answer 404 so a test fails loudly instead of hanging.
 */
export function stubFetch(routes: Record<string, Route>) {
  const calls: Request[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'http://localhost'), init)
    calls.push(request)
    const route = routes[`${request.method} ${new URL(request.url).pathname}`]
    return route ? route(request) : problemResponse(404, { detail: `no stub for ${request.url}` })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { fetchMock, calls }
}
