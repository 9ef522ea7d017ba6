// The API as a logged-in console user, for tests that drive Siyu without a browser.
import assert from 'node:assert/strict'
import { ADMIN } from './server.mjs'

/**
 * A logged-in API session with fetch: the session cookie, and the XSRF token echoed as a header; as the
 * administrator unless `account` ({username, password}) says otherwise.
 */
export async function session(base, account = ADMIN) {
  const cookies = new Map()
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/json',
        'x-xsrf-token': cookies.get('XSRF-TOKEN') ?? '',
        'accept-language': 'zh-CN',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    const text = await response.text()
    return { status: response.status, json: text ? JSON.parse(text) : null }
  }
  await call('GET', '/api/v1/auth/session')
  const login = await call('POST', '/api/v1/auth/login', {
    username: account.username,
    password: account.password,
  })
  assert.ok(login.status < 300, `login: ${login.status}`)
  return call
}

/** Runs `check` until it stops throwing (then answers what it returned), for up to `timeoutMs`. */
export async function eventually(check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() > deadline) throw e
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}

/**
 * Runs the calls `width` at a time; a call the server died under answers `status: 0` instead of
 * failing the rest (crash tests kill the server mid-round).
 */
export async function all(tasks, width) {
  const results = []
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++
        try {
          results[i] = await tasks[i]()
        } catch (e) {
          results[i] = { status: 0, error: e.message } // the server died under it
        }
      }
    }),
  )
  return results
}
