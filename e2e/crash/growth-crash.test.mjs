// Exactly once for 任务宝 rewards across a crash: friends add through many participants' own codes at once
// (through the WeCom simulator, each add a callback), each add settles at once (no hold window) and grants the
// stages reached — 50 points at one friend, a physical gift at two, with less stock than participants — while
// Siyu is killed (SIGKILL) in the middle. After a restart the adds the crash cut off are made again. Then every
// participant's count is their counted invites, every stage they reached was granted (or found out of stock)
// once, the gift's stock is used exactly and never oversold, and the points ledger has one entry per reward.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { all, connectedStaff, eventually, everything, session } from '../support/api.mjs'

const PARTICIPANTS = Number(process.env.SIYU_CRASH_PARTICIPANTS ?? 120)
const STOCK = 40
const DEMO = 2000

test(
  `each of ${PARTICIPANTS} participants gets each stage's reward once, within stock, when Siyu is killed mid-grant`,
  { timeout: 600_000 },
  async () => {
    let siyu = await startSiyu({ wecom: true, demoCustomers: DEMO })
    try {
      let api = await session(siyu.base)
      const { appId, staff } = await connectedStaff(api)
      const code = await api('POST', '/api/v1/wecom/channel-codes', {
        appId,
        name: '崩溃测试任务宝',
        staff: [staff],
      })
      assert.equal(code.status, 201, JSON.stringify(code.json))
      const made = await api('POST', '/api/v1/campaigns', {
        name: '崩溃测试 · 邀好友领礼品',
        channelCodeId: code.json.id,
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        holdHours: 0,
        newOnly: false,
        burstPerMinute: 0,
        stages: [
          { invites: 1, rewardKind: 'points', amount: 50 },
          { invites: 2, rewardKind: 'gift', gift: '限量礼盒', stock: STOCK },
        ],
      })
      assert.equal(made.status, 201, JSON.stringify(made.json))
      const campaign = made.json.id
      assert.equal((await api('POST', `/api/v1/campaigns/${campaign}/start`, {})).status, 200)

      const participants = []
      for (let customer = 1; participants.length < PARTICIPANTS; customer++) {
        const joined = await api('POST', `/api/v1/campaigns/${campaign}/participants`, {
          customerId: customer,
        })
        assert.equal(joined.status, 200, JSON.stringify(joined.json))
        participants.push(joined.json)
      }

      // two friends of each participant add through the participant's own code, eight at a time
      const friends = participants.flatMap((p) =>
        [1, 2].map((f) => ({ p, name: `好友${p.id}-${f}` })),
      )
      const scan = (call, friend) => () =>
        call('POST', '/api/v1/wecom/sandbox/scan', {
          codeId: friend.p.codeId,
          customer: { name: friend.name, gender: 'female' },
        })
      let answered = 0
      const counting = (method, path, body) =>
        api(method, path, body).then((r) => {
          answered++
          return r
        })
      const round = all(
        friends.map((f) => scan(counting, f)),
        8,
      )
      while (answered < friends.length / 3) await new Promise((r) => setTimeout(r, 20))
      const before = (await api('GET', `/api/v1/campaigns/${campaign}`)).json
      await siyu.kill()
      const first = await round
      assert.ok(
        first.some((r) => r.status === 0),
        'some adds were cut off by the crash',
      )
      assert.ok(before.stages[0].granted > 0, 'rewards were being granted when Siyu was killed')

      siyu = await startSiyu({
        dataDir: siyu.dataDir,
        simulator: siyu.simulator,
        demoCustomers: DEMO,
      })
      api = await session(siyu.base)
      // the adds the crash cut off, made again (as the friends would scan again)
      const again = friends.filter((_, i) => first[i].status !== 200)
      const second = await all(
        again.map((f) => scan(api, { ...f, name: `${f.name}（重扫）` })),
        8,
      )
      assert.deepEqual(
        second.filter((r) => r.status !== 200),
        [],
        'every add after the restart is answered',
      )

      // settled: WeCom's callbacks are processed after the scan is answered, so wait until every answered add
      // is an invite (a cut-off add that reached WeCom may be one more), nothing is held, and the figures have
      // not moved for three looks in a row
      const answeredAdds = first.filter((r) => r.status === 200).length + second.length
      const looks = []
      await eventually(async () => {
        const shown = (await api('GET', `/api/v1/campaigns/${campaign}`)).json
        const c = shown.counts
        looks.push(JSON.stringify([c, shown.stages]))
        const invites = c.held + c.review + c.counted + c.rejected
        const still = looks.length >= 3 && new Set(looks.slice(-3)).size === 1
        assert.ok(
          invites >= answeredAdds && c.held === 0 && still,
          `${invites}/${answeredAdds} ${looks.at(-1)}`,
        )
      }, 180_000)

      const shown = (await api('GET', `/api/v1/campaigns/${campaign}`)).json
      const all_ = await everything(api, `/api/v1/campaigns/${campaign}/participants`)
      assert.equal(all_.length, PARTICIPANTS)
      let reachedGift = 0
      let grantedGift = 0
      let grantedPoints = 0
      for (const p of all_) {
        const stages = p.rewards.map((r) => r.stage)
        assert.deepEqual(stages, [...new Set(stages)], `one reward a stage for participant ${p.id}`)
        const invites = (
          await api('GET', `/api/v1/campaigns/${campaign}/participants/${p.id}/invites`)
        ).json
        assert.equal(
          p.counted,
          invites.filter((i) => i.status === 'counted').length,
          `participant ${p.id} counted each invite once`,
        )
        assert.equal(
          p.rewards.length,
          Math.min(p.counted, 2),
          `participant ${p.id} has each stage reached`,
        )
        const points = p.rewards.find((r) => r.stage === 1)
        const gift = p.rewards.find((r) => r.stage === 2)
        if (gift) reachedGift++
        if (gift?.status === 'granted') grantedGift++
        const entries = await api('GET', `/api/v1/loyalty/members/${p.customerId}/points?limit=200`)
        assert.ok(
          entries.status === 200 || (entries.status === 404 && points?.status !== 'granted'),
          `the ledger of ${p.customerId}: ${entries.status} ${JSON.stringify(entries.json)}`,
        )
        const ledger = (entries.json.items ?? []).filter(
          (e) => e.source === 'campaign' && e.ref === `${campaign}:${p.id}:1`,
        )
        assert.equal(
          ledger.length,
          points?.status === 'granted' ? 1 : 0,
          `ledger entries of ${p.id}`,
        )
        if (points?.status === 'granted') grantedPoints++
      }
      assert.ok(reachedGift > STOCK, `more reached the gift (${reachedGift}) than there is stock`)
      assert.equal(grantedGift, STOCK, 'the gift’s stock is used exactly')
      assert.equal(shown.stages[1].granted, STOCK, 'the stage counts what it granted')
      assert.equal(shown.stages[0].granted, grantedPoints)
      const gifts = await everything(api, `/api/v1/campaigns/${campaign}/rewards`)
      assert.equal(gifts.length, STOCK, 'one gift to ship per granted gift reward')
      assert.equal(new Set(gifts.map((g) => g.participantId)).size, STOCK)
      assert.ok(gifts.every((g) => g.status === 'awaiting_address'))
      console.log(
        `killed at ${before.stages[0].granted} points and ${before.stages[1].granted} gifts granted;` +
          ` ${again.length} adds made again; ${shown.counts.counted} invites counted`,
      )
    } finally {
      await siyu.stop()
    }
  },
)
