// Exactly once across a crash (SIGKILL, no shutdown) and a restart on the same data:
// - customers scan a live code in the WeCom simulator while Siyu is killed mid-work: every add is there once —
//   a relation, one wecom_add event — and no customer got the welcome message twice; what WeCom could not
//   deliver while Siyu was down comes back through the reconcile Siyu runs when it starts;
// - Siyu is killed while it hands a mass send's shares to WeCom, its calls answered slowly: afterwards each
//   staff member has one WeCom task, not two, and each customer received the message once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { session, eventually } from '../support/api.mjs'

const SCANS_BEFORE = 12
const SCANS_DURING = 12

async function sim(siyu, method, path, body) {
  const response = await fetch(`${siyu.simulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  assert.ok(response.ok, `${method} ${path}: ${response.status}`)
  const text = await response.text()
  return text ? JSON.parse(text) : null
}

async function connected(api) {
  return eventually(async () => {
    const status = (await api('GET', '/api/v1/wecom/sandbox')).json
    assert.ok(status.appId, 'connected to the simulated corp')
    return status
  })
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

test(
  'no add is lost or counted twice, and no welcome sent twice, when Siyu is killed mid-work',
  { timeout: 600_000 },
  async () => {
    let siyu = await startSiyu({ wecom: true, demoCustomers: 1000 })
    try {
      let api = await session(siyu.base)
      const sandbox = await connected(api)
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
      const during = Promise.all(
        Array.from({ length: SCANS_DURING }, (_, i) => scan(SCANS_BEFORE + i)),
      )
      await new Promise((r) => setTimeout(r, 150))
      await siyu.kill()
      const interrupted = await during
      scanned.push(...interrupted)
      const undelivered = interrupted.filter((s) =>
        s.attempts.every((a) => a.status !== 200),
      ).length
      assert.ok(undelivered > 0, 'the crash came while WeCom was still calling')

      const restartedAt = Date.now()
      siyu = await startSiyu({
        dataDir: siyu.dataDir,
        simulator: siyu.simulator,
        demoCustomers: 1000,
      })
      api = await session(siyu.base)
      const run = await syncedAfter(api, sandbox.appId, restartedAt - 1000)
      assert.ok(
        run.diff.contacts.added >= undelivered,
        `the reconcile found what WeCom could not deliver: ${JSON.stringify(run.diff)}`,
      )

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
        assert.ok(
          chat.messages.length <= 1,
          `${externalUserId} was greeted ${chat.messages.length} times`,
        )
        const events = (await api('GET', `/api/v1/customers/${chat.customerId}/events?limit=50`))
          .json.items
        assert.equal(
          events.filter((e) => e.type === 'wecom_add').length,
          1,
          `${externalUserId}: ${JSON.stringify(events.map((e) => e.type))}`,
        )
      }
    } finally {
      await siyu.stop()
    }
  },
)

const MASS_STAFF = ['lina', 'wangfang', 'zhangwei', 'zhoujie']
const MASS_CUSTOMERS = 40

test(
  'no staff member gets a mass send twice and no customer receives it twice when Siyu is killed while handing it to WeCom',
  { timeout: 600_000 },
  async () => {
    const env = { SIYU_MESSAGING_TRACK_EVERY: '1s' }
    let siyu = await startSiyu({ wecom: true, demoCustomers: 1000, env })
    try {
      let api = await session(siyu.base)
      const sandbox = await connected(api)
      await syncedAfter(api, sandbox.appId, 0)
      const rules = await api('PUT', '/api/v1/messaging/settings', {
        quietFrom: '00:00',
        quietTo: '00:00',
        capDay: 0,
        capWeek: 0,
        massQuota: 'days-in-month',
      })
      assert.equal(rules.status, 200, JSON.stringify(rules.json))
      // staff confirm every task at once, so each customer's chat shows what reached them
      await sim(siyu, 'POST', `/sim/corps/${sandbox.corpId}/limits`, { autoConfirm: true })
      const code = (
        await api('POST', '/api/v1/wecom/channel-codes', {
          appId: sandbox.appId,
          name: '群发崩溃测试',
          staff: MASS_STAFF,
        })
      ).json
      const externals = []
      for (let i = 0; i < MASS_CUSTOMERS; i++) {
        const scanned = await sim(siyu, 'POST', `/sim/corps/${sandbox.corpId}/scan`, {
          configId: code.configId,
          customer: { name: `群发顾客${i}`, gender: 0, unionid: `ou-mass-${i}` },
        })
        externals.push(scanned.externalUserId)
      }
      const customerIds = await eventually(async () => {
        const ids = []
        for (const externalUserId of externals) {
          const chat = (await api('GET', `/api/v1/wecom/sandbox/chats/${externalUserId}`)).json
          assert.ok(chat.customerId, `${externalUserId} became a customer`)
          ids.push(chat.customerId)
        }
        return ids
      })
      await new Promise((r) => setTimeout(r, 2000)) // the live code's own calls to WeCom settle

      // every WeCom call answers after 1.5 s: the kill lands while a share is being handed over
      await sim(siyu, 'POST', `/sim/corps/${sandbox.corpId}/faults`, {
        errcode: 0,
        times: 10,
        delayMillis: 1500,
      })
      const text = '双十二会员日：全场 8 折，回复 1 领券'
      const created = await api('POST', '/api/v1/mass-sends', {
        appId: sandbox.appId,
        name: '崩溃测试群发',
        audience: { customerIds },
        text,
      })
      assert.equal(created.status, 201, JSON.stringify(created.json))
      await new Promise((r) => setTimeout(r, 2500))
      await siyu.kill()

      siyu = await startSiyu({
        dataDir: siyu.dataDir,
        simulator: siyu.simulator,
        demoCustomers: 1000,
        env,
      })
      api = await session(siyu.base)
      const detail = await eventually(async () => {
        const view = (await api('GET', `/api/v1/mass-sends/${created.json.id}`)).json
        assert.equal(view.send.status, 'sent', JSON.stringify(view.send))
        assert.equal(
          view.send.recipients.delivered,
          MASS_CUSTOMERS,
          JSON.stringify(view.send.recipients),
        )
        return view
      }, 120_000)
      assert.equal(detail.staff.length, MASS_STAFF.length)

      const messages = (
        await sim(siyu, 'GET', `/sim/corps/${sandbox.corpId}/group-messages`)
      ).filter((m) => m.text === text)
      const tasksPerStaff = new Map()
      for (const message of messages) {
        for (const task of message.tasks)
          tasksPerStaff.set(task.userId, (tasksPerStaff.get(task.userId) ?? 0) + 1)
      }
      for (const userId of MASS_STAFF) {
        assert.equal(
          tasksPerStaff.get(userId),
          1,
          `${userId} was asked ${tasksPerStaff.get(userId) ?? 0} times`,
        )
      }
      for (const externalUserId of externals) {
        const lines = await sim(
          siyu,
          'GET',
          `/sim/corps/${sandbox.corpId}/customers/${externalUserId}/chat`,
        )
        const received = lines.filter((line) => line.kind === 'mass' && line.text === text).length
        assert.equal(received, 1, `${externalUserId} received the mass send ${received} times`)
      }
    } finally {
      await siyu.stop()
    }
  },
)
