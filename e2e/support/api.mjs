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

/** Every item of a cursor-paged list (`{items, nextCursor}`), 200 a page. */
export async function everything(api, path) {
  const items = []
  for (let cursor = null; ;) {
    const page = (
      await api(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).json
    items.push(...page.items)
    if (!page.nextCursor) return items
    cursor = page.nextCursor
  }
}

/**
 * What the simulated payment provider paid for `source` (red_packet, withdrawal, group_buy), as Siyu's payment
 * sandbox lists it.
 */
export async function providerPayments(api, source) {
  const items = []
  for (let after = ''; ;) {
    const page = await api(
      'GET',
      `/api/v1/growth/payment-sandbox?source=${source}&limit=1000${after ? `&after=${after}` : ''}`,
    )
    assert.equal(page.status, 200, JSON.stringify(page.json))
    items.push(...page.json.items)
    if (!page.json.nextAfter) return items
    after = encodeURIComponent(page.json.nextAfter)
  }
}

/** The simulator's corp once Siyu is connected to it and has synced its staff: `{appId, staff}` (a user id). */
export async function connectedStaff(api) {
  const appId = await eventually(async () => {
    const id = (await api('GET', '/api/v1/wecom/sandbox')).json.appId
    assert.ok(id, 'connected to the simulator')
    return id
  })
  const staff = await eventually(async () => {
    const answer = (await api('GET', `/api/v1/wecom/apps/${appId}/staff`)).json
    const list = Array.isArray(answer) ? answer : answer.items
    assert.ok(list?.length > 0, 'the demo corp’s staff are synced')
    return list[0].userId
  })
  return { appId, staff }
}
