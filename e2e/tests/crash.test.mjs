// Exactly once across a crash: customers scan a live code in the WeCom simulator while Siyu is killed
// (SIGKILL, no shutdown) mid-work; after a restart on the same data, every add is there once — a relation,
// one wecom_add event — and no customer got the welcome message twice. What WeCom could not deliver while
// Siyu was down comes back through the reconcile Siyu runs when it starts.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN, startSiyu } from '../support/server.mjs'

const SCANS_BEFORE = 12
const SCANS_DURING = 12

/** A logged-in API session with fetch: the session cookie, and the XSRF token echoed as a header. */
async function session(base) {
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
  const login = await call('POST', '/api/v1/auth/login', { username: ADMIN.username, password: ADMIN.password })
  assert.ok(login.status < 300, `login: ${login.status}`)
  return call
}

async function eventually(check, timeoutMs = 60_000) {
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

async function syncedAfter(api, appId, startedAfter) {
  return eventually(async () => {
    const runs = (await api('GET', `/api/v1/wecom/apps/${appId}/sync`)).json
    const run = runs.find((r) => Date.parse(r.startedAt) >= startedAfter)
    assert.ok(run, 'a sync started')
    assert.equal(run.status, 'done', JSON.stringify(run))
    return run
  }, 120_000)
}

test('no add is lost or counted twice, and no welcome sent twice, when Siyu is killed mid-work', { timeout: 600_000 }, async () => {
  let siyu = await startSiyu({ wecom: true, demoCustomers: 1000 })
  try {
    let api = await session(siyu.base)
    const sandbox = await eventually(async () => {
      const status = (await api('GET', '/api/v1/wecom/sandbox')).json
      assert.ok(status.appId, 'connected to the simulated corp')
      return status
    })
    await syncedAfter(api, sandbox.appId, 0)
    const created = await api('POST', '/api/v1/wecom/channel-codes', {
      appId: sandbox.appId,
      name: '崩溃测试活码',
      staff: ['lina', 'wangfang'],
      assignment: 'all',
      welcome: { text: '欢迎 {nickname}' },
    })
    assert.equal(created.status, 201, JSON.stringify(created.json))
    const code = created.json

    const scan = async (i) => {
      const response = await fetch(`${siyu.simulator.url}/sim/corps/${sandbox.corpId}/scan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          configId: code.configId,
          customer: { name: `顾客${i}`, gender: 0, unionid: `ou-crash-${i}` },
        }),
      })
      assert.ok(response.ok, `scan ${i}: ${response.status}`)
      return response.json()
    }
    const scanned = []
    for (let i = 0; i < SCANS_BEFORE; i++) scanned.push(await scan(i))
    const during = Promise.all(Array.from({ length: SCANS_DURING }, (_, i) => scan(SCANS_BEFORE + i)))
    await new Promise((r) => setTimeout(r, 150))
    await siyu.kill()
    const interrupted = await during
    scanned.push(...interrupted)
    const undelivered = interrupted.filter((s) => s.attempts.every((a) => a.status !== 200)).length
    assert.ok(undelivered > 0, 'the crash came while WeCom was still calling')

    const restartedAt = Date.now()
    siyu = await startSiyu({ dataDir: siyu.dataDir, simulator: siyu.simulator, demoCustomers: 1000 })
    api = await session(siyu.base)
    const run = await syncedAfter(api, sandbox.appId, restartedAt - 1000)
    assert.ok(run.diff.contacts.added >= undelivered, `the reconcile found what WeCom could not deliver: ${JSON.stringify(run.diff)}`)

    const all = SCANS_BEFORE + SCANS_DURING
    const totals = await eventually(async () => {
      const view = (await api('GET', `/api/v1/wecom/channel-codes/${code.id}`)).json
      assert.equal(view.totals.adds, all, JSON.stringify(view.totals))
      return view.totals
    })
    assert.equal(totals.active, all)
    for (const { externalUserId } of scanned) {
      const chat = (await api('GET', `/api/v1/wecom/sandbox/chats/${externalUserId}`)).json
      assert.ok(chat.customerId, `${externalUserId} became a customer`)
      assert.ok(chat.messages.length <= 1, `${externalUserId} was greeted ${chat.messages.length} times`)
      const events = (await api('GET', `/api/v1/customers/${chat.customerId}/events?limit=50`)).json.items
      assert.equal(
        events.filter((e) => e.type === 'wecom_add').length,
        1,
        `${externalUserId}: ${JSON.stringify(events.map((e) => e.type))}`,
      )
    }
  } finally {
    await siyu.stop()
  }
})
