// Exactly once for 红包 payouts across a crash: a 任务宝 campaign pays a red packet at one friend; each participant's
// friend adds through the participant's own code (through the WeCom simulator), the invite settles at once and
// reserves a packet from the budget, and Siyu pays the packets through the simulated payout provider — slowed down
// by SIYU_SIMULATED_PAYMENT_LATENCY so that the kill (SIGKILL) lands while packets are being paid, some before it
// and some after the restart. Packets are taken in batches and marked paid when a batch commits, so the kill also
// cuts off payouts the provider made and Siyu had not recorded: after the restart Siyu asks the provider about
// each key before paying. Then every packet was paid exactly once (one key, asked for once, the packet's amount to
// the packet's customer), Siyu shows each as paid, and the budget has nothing reserved and paid the sum.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import {
  all,
  connectedStaff,
  eventually,
  everything,
  providerPayments,
  session,
} from '../support/api.mjs'

const PARTICIPANTS = Number(process.env.SIYU_CRASH_PARTICIPANTS ?? 100)
const AMOUNT = 188 // fen
const LATENCY = process.env.SIYU_CRASH_PAYMENT_LATENCY ?? '250ms'
const ENV = { SIYU_SIMULATED_PAYMENT_LATENCY: LATENCY }
const DEMO = 2000

/** The simulated provider's red-packet payouts, by packet id, as the sandbox lists them. */
async function providerPayouts(api) {
  const payouts = await providerPayments(api, 'red_packet')
  return new Map(payouts.map((item) => [Number(item.key.split('-rp-')[1]), item]))
}

test(
  `each of ${PARTICIPANTS} red packets is paid once when Siyu is killed while paying them`,
  { timeout: 600_000 },
  async () => {
    let siyu = await startSiyu({ wecom: true, demoCustomers: DEMO, env: ENV })
    try {
      let api = await session(siyu.base)
      const { appId, staff } = await connectedStaff(api)
      const code = await api('POST', '/api/v1/wecom/channel-codes', {
        appId,
        name: '崩溃测试红包裂变',
        staff: [staff],
      })
      assert.equal(code.status, 201, JSON.stringify(code.json))
      const made = await api('POST', '/api/v1/campaigns', {
        name: '崩溃测试 · 邀一位好友领红包',
        channelCodeId: code.json.id,
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        holdHours: 0,
        newOnly: false,
        burstPerMinute: 0,
        budget: PARTICIPANTS * AMOUNT * 2,
        stages: [{ invites: 1, rewardKind: 'red_packet', amount: AMOUNT }],
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
      // one friend of each participant adds through the participant's own code, eight at a time
      const scans = await all(
        participants.map(
          (p) => () =>
            api('POST', '/api/v1/wecom/sandbox/scan', {
              codeId: p.codeId,
              customer: { name: `红包好友${p.id}`, gender: 'male' },
            }),
        ),
        8,
      )
      assert.deepEqual(
        scans.filter((r) => r.status !== 200),
        [],
        'every add is answered',
      )

      // every invite counted (so every packet reserved), and a batch being paid: the provider has paid some that
      // Siyu has not recorded yet (Siyu's records are read first): kill
      const before = await eventually(async () => {
        const shown = (await api('GET', `/api/v1/campaigns/${campaign}`)).json
        assert.equal(shown.counts.counted, PARTICIPANTS, JSON.stringify(shown.counts))
        const packets = await everything(api, `/api/v1/campaigns/${campaign}/red-packets`)
        const recorded = new Set(packets.filter((p) => p.status === 'paid').map((p) => p.id))
        const ours = new Set(packets.map((p) => p.id))
        const paid = [...(await providerPayouts(api)).keys()].filter((id) => ours.has(id))
        const ahead = paid.filter((id) => !recorded.has(id)).length
        assert.ok(
          paid.length >= PARTICIPANTS / 5 && ahead > 0,
          `${paid.length} packets paid so far, ${ahead} not yet recorded`,
        )
        return { paid: paid.length, recorded: recorded.size, ahead }
      }, 180_000)
      await siyu.kill()
      assert.ok(
        before.paid < PARTICIPANTS,
        `the kill landed while packets were being paid (${before.paid} of ${PARTICIPANTS} paid)`,
      )

      siyu = await startSiyu({
        dataDir: siyu.dataDir,
        simulator: siyu.simulator,
        demoCustomers: DEMO,
        env: ENV,
      })
      api = await session(siyu.base)
      const packets = await eventually(async () => {
        const shown = await everything(api, `/api/v1/campaigns/${campaign}/red-packets`)
        const paid = shown.filter((p) => p.status === 'paid').length
        assert.equal(paid, PARTICIPANTS, `${paid} of ${PARTICIPANTS} packets paid`)
        return shown
      }, 240_000)
      const provider = await providerPayouts(api)

      assert.equal(packets.length, PARTICIPANTS, 'one packet per participant')
      assert.equal(new Set(packets.map((p) => p.participantId)).size, PARTICIPANTS)
      const ours = packets.map((p) => provider.get(p.id)).filter(Boolean)
      assert.equal(ours.length, PARTICIPANTS, 'one payout at the provider per packet')
      assert.ok(
        ours.length > before.paid,
        `packets were paid after the restart too (${before.paid} before)`,
      )
      for (const p of packets) {
        const payout = provider.get(p.id)
        assert.equal(payout.calls, 1, `the provider was asked to pay packet ${p.id} once`)
        assert.equal(Math.round(Number(payout.amount) * 100), p.amount, `packet ${p.id}'s amount`)
        assert.equal(payout.customerId, p.customerId, `packet ${p.id} went to its customer`)
        assert.equal(payout.purpose, '红包奖励')
      }
      const budget = (await api('GET', `/api/v1/campaigns/${campaign}/budget`)).json.budget
      assert.equal(budget.reserved, 0, 'nothing is left reserved')
      assert.equal(budget.paid, PARTICIPANTS * AMOUNT, 'the budget paid the packets’ sum')
      assert.equal(
        budget.remaining,
        PARTICIPANTS * AMOUNT,
        'the budget’s remaining is what is left',
      )
      console.log(
        `killed with ${before.paid} of ${PARTICIPANTS} packets paid at the provider, ${before.ahead} of them not` +
          ` yet recorded by Siyu (${before.recorded} were); after the restart all ${ours.length} paid once`,
      )
    } finally {
      await siyu.stop()
    }
  },
)
