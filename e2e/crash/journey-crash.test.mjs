// Exactly once through a journey of 100,000 customers while Siyu is killed (SIGKILL) again and again: while
// customers are let in and moved through the first steps, while they wait, and while the wait ends. After the
// last restart every customer has finished, and each step was done once for each of them: its log counted
// once per customer, its message handed to messaging once, its task made once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { session, eventually } from '../support/api.mjs'

const CUSTOMERS = Number(process.env.SIYU_CRASH_CUSTOMERS ?? 100_000)
const env = { SIYU_MESSAGING_TRACK_EVERY: '1s' }

const started = Date.now()
const mark = (what) => console.log(`${((Date.now() - started) / 1000).toFixed(0)} s: ${what}`)

test(
  `each of ${CUSTOMERS} customers passes each journey step once while Siyu is killed again and again`,
  { timeout: 900_000 },
  async () => {
    let siyu = await startSiyu({ wecom: true, demoCustomers: CUSTOMERS, env })
    const restart = async () => {
      await siyu.kill()
      siyu = await startSiyu({
        dataDir: siyu.dataDir,
        simulator: siyu.simulator,
        demoCustomers: CUSTOMERS,
        env,
      })
      return session(siyu.base)
    }
    try {
      let api = await session(siyu.base)
      await eventually(async () =>
        assert.ok((await api('GET', '/api/v1/wecom/sandbox')).json.appId, 'connected'),
      )
      const rules = await api('PUT', '/api/v1/messaging/settings', {
        quietFrom: '00:00',
        quietTo: '00:00',
        capDay: 0,
        capWeek: 0,
        massQuota: 'days-in-month',
      })
      assert.equal(rules.status, 200, JSON.stringify(rules.json))
      const group = (
        await api('POST', '/api/v1/tag-groups', { name: '旅程崩溃测试', kind: 'campaign' })
      ).json
      const tag = async (name) =>
        (await api('POST', '/api/v1/tags', { groupId: group.id, name })).json.id
      const [trigger, first, second] = [
        await tag('进入旅程'),
        await tag('第一步'),
        await tag('第二步'),
      ]
      const segment = await api('POST', '/api/v1/segments', {
        name: '全体客户',
        rule: { attribute: 'gender', op: 'in', values: ['male', 'female', 'unknown'] },
      })
      assert.equal(segment.status, 201, JSON.stringify(segment.json))
      const everyone = await eventually(async () => {
        const size = (await api('GET', `/api/v1/segments/${segment.json.id}`)).json.size
        assert.ok(size >= CUSTOMERS * 0.95, `segment size ${size}`)
        return size
      })

      const journey = (
        await api('POST', '/api/v1/journeys', {
          name: '十万客户崩溃测试',
          definition: {
            trigger: { type: 'tag_added', tagId: trigger },
            entry: 'once',
            start: 'first',
            steps: [
              { id: 'first', type: 'tag', add: [first], next: 'hello' },
              {
                id: 'hello',
                type: 'message',
                text: '欢迎加入会员日活动',
                materialIds: [],
                next: 'wait',
              },
              { id: 'wait', type: 'wait', duration: 'PT2M', next: 'second' },
              { id: 'second', type: 'tag', add: [second], next: 'call' },
              { id: 'call', type: 'task', title: '回访', dueIn: 'P1D', next: null },
            ],
          },
        })
      ).json
      const published = await api('POST', `/api/v1/journeys/${journey.id}/publish`, {})
      assert.equal(published.status, 200, JSON.stringify(published.json))
      const stats = async () => (await api('GET', `/api/v1/journeys/${journey.id}/stats`)).json

      // everyone enters at once: the tag goes on the whole segment in one transaction
      mark('journey published')
      const tagged = await api('POST', `/api/v1/segments/${segment.json.id}/tags`, {
        add: [trigger],
      })
      assert.equal(tagged.status, 200, JSON.stringify(tagged.json))
      mark(`${everyone} customers tagged`)
      await new Promise((r) => setTimeout(r, 2000))
      api = await restart() // while entries become runs and the first steps are done
      await eventually(async () => {
        const { totals } = await stats()
        assert.equal(totals.entered, everyone, JSON.stringify(totals))
        assert.equal(totals.waiting, everyone, JSON.stringify(totals))
      }, 120_000)
      mark('everyone waits')
      api = await restart() // while everyone waits (two minutes from entering)
      await eventually(
        async () => assert.ok((await stats()).totals.done > 0, 'the wait ended for some'),
        180_000,
      )
      mark('the wait ended for some')
      api = await restart() // while the wait ends
      const after = await eventually(async () => {
        const view = await stats()
        assert.equal(view.totals.done, everyone, JSON.stringify(view.totals))
        return view
      }, 300_000)

      mark('everyone done')
      for (const step of after.steps) {
        assert.equal(
          step.entered,
          everyone,
          `${step.id} entered ${step.entered} times for ${everyone} customers`,
        )
        assert.equal(
          step.done,
          everyone,
          `${step.id} done ${step.done} times for ${everyone} customers`,
        )
      }
      // messaging plans the handed batches on its own clock: once it has, every customer is in exactly one
      const effects = await eventually(async () => {
        const now = (await stats()).steps.find((s) => s.id === 'hello').effects
        const handed = Object.values(now).reduce((a, b) => a + b, 0)
        assert.equal(
          handed,
          everyone,
          `the message went to messaging for ${handed} of ${everyone}: ${JSON.stringify(now)}`,
        )
        assert.equal(now.waiting ?? 0, 0, JSON.stringify(now))
        return now
      }, 120_000)
      mark(`message outcomes ${JSON.stringify(effects)}`)
      assert.equal(
        after.steps.find((s) => s.id === 'call').effects.tasks,
        everyone,
        'one task per customer',
      )
      await eventually(async () => {
        const groups = (await api('GET', '/api/v1/tag-groups')).json
        const tags = groups.find((g) => g.id === group.id).tags
        for (const id of [first, second]) {
          assert.equal(tags.find((t) => t.id === id).customerCount, everyone, `tag ${id}`)
        }
      })
    } finally {
      await siyu.stop()
    }
  },
)
