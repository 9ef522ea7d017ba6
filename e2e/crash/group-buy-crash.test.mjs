// Exactly once for 拼团 refunds across a crash: many 阶梯拼团 teams fill up to the lower tier's size, so every member
// is owed the difference at once, and Siyu pays those refunds through the simulated provider — slowed down by
// SIYU_SIMULATED_PAYMENT_LATENCY so that the kill (SIGKILL) lands while refunds are being paid, some before it and
// some after the restart. Refunds are taken in batches and marked paid when a batch commits, so the kill also cuts
// off refunds the provider paid and Siyu had not recorded yet: after the restart Siyu asks the provider about each
// key before paying. Then every member's refund was paid exactly once at the provider (one key, asked for once,
// the right amount for the right payment), Siyu shows each as done, and the offer's refunded total agrees.
//
// (A team that fails at its time limit owes its members through the very same refund rows and loop; the API gives
// no way to move a team's time limit, so this test makes refunds due by filling teams.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { all, eventually, everything, providerPayments, session } from '../support/api.mjs'

const TEAMS = Number(process.env.SIYU_CRASH_TEAMS ?? 80)
const SIZE = 3
const LATENCY = process.env.SIYU_CRASH_PAYMENT_LATENCY ?? '100ms'
const ENV = { SIYU_SIMULATED_PAYMENT_LATENCY: LATENCY }

/** The simulated provider's refunds of this test (payment refs `crash-…`), as the sandbox lists them. */
async function providerRefunds(api) {
  return (await providerPayments(api, 'group_buy')).filter((i) => i.paymentRef.startsWith('crash-'))
}

test(
  `each of ${TEAMS * SIZE} 拼团 refunds is paid once when Siyu is killed while paying them`,
  { timeout: 600_000 },
  async () => {
    let siyu = await startSiyu({ demoCustomers: 2000, env: ENV })
    try {
      let api = await session(siyu.base)
      const made = await api('POST', '/api/v1/group-buys', {
        name: '崩溃测试 · 阶梯拼团',
        sku: 'CRASH-GB',
        productName: '崩溃测试面膜',
        listPrice: 99,
        tiers: [
          { size: 2, price: 89 },
          { size: SIZE, price: 79 },
        ],
        teamHours: 24,
        stock: TEAMS * SIZE,
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      })
      assert.equal(made.status, 201, JSON.stringify(made.json))
      const offer = made.json.id
      const join = (team, member) => ({
        customerId: team * SIZE + member + 1,
        joinKey: `crash-order-${team}-${member}`,
        paymentRef: `crash-pay-${team}-${member}`,
        paid: 89,
      })

      // each team is opened, then filled by the others, four teams at a time: a full team owes each member ¥10
      const filled = await all(
        Array.from({ length: TEAMS }, (_, t) => async () => {
          const opened = await api('POST', `/api/v1/group-buys/${offer}/teams`, join(t, 0))
          assert.equal(opened.status, 200, JSON.stringify(opened.json))
          for (let m = 1; m < SIZE; m++) {
            const joined = await api(
              'POST',
              `/api/v1/group-buys/${offer}/teams/${opened.json.id}/members`,
              join(t, m),
            )
            assert.equal(joined.status, 200, JSON.stringify(joined.json))
          }
          return { status: 200 }
        }),
        4,
      )
      assert.deepEqual(
        filled.filter((r) => r.status !== 200),
        [],
        'every team is filled',
      )
      const owed = TEAMS * SIZE

      // kill while a batch is being paid: the provider has paid some that Siyu has not recorded yet (Siyu's
      // records are read first, so a refund the provider is ahead on is one the batch has not committed)
      const before = await eventually(async () => {
        const recorded = new Set(
          (await everything(api, `/api/v1/group-buys/${offer}/teams`))
            .flatMap((t) => t.members)
            .filter((m) => m.refundStatus === 'done')
            .map((m) => m.paymentRef),
        )
        const paid = await providerRefunds(api)
        const ahead = paid.filter((p) => !recorded.has(p.paymentRef)).length
        assert.ok(
          paid.length >= owed / 4 && ahead > 0,
          `${paid.length} refunds paid so far, ${ahead} not yet recorded`,
        )
        return { paid: paid.length, recorded: recorded.size, ahead }
      }, 120_000)
      await siyu.kill()
      assert.ok(
        before.paid < owed,
        `the kill landed while refunds were being paid (${before.paid} of ${owed} paid)`,
      )

      siyu = await startSiyu({ dataDir: siyu.dataDir, demoCustomers: 2000, env: ENV })
      api = await session(siyu.base)
      const teams = await eventually(async () => {
        const shown = await everything(api, `/api/v1/group-buys/${offer}/teams`)
        const members = shown.flatMap((t) => t.members)
        const done = members.filter((m) => m.refundStatus === 'done').length
        assert.equal(done, owed, `${done} of ${owed} refunds done`)
        return shown
      }, 240_000)
      const paid = await providerRefunds(api)

      assert.equal(teams.length, TEAMS)
      assert.ok(teams.every((t) => t.status === 'succeeded' && Number(t.price) === 79))
      const members = teams.flatMap((t) => t.members)
      assert.equal(members.length, owed)
      assert.ok(
        paid.length > before.paid,
        `refunds were paid after the restart too (${before.paid} before, ${paid.length} in all)`,
      )
      assert.equal(paid.length, owed, 'one refund at the provider per member owed')
      assert.deepEqual(
        paid.filter((p) => p.calls !== 1),
        [],
        'the provider was asked to pay each key exactly once',
      )
      const byRef = new Map(paid.map((p) => [p.paymentRef, p]))
      assert.equal(byRef.size, owed, 'no payment was refunded under two keys')
      for (const m of members) {
        const refund = byRef.get(m.paymentRef)
        assert.ok(refund, `the provider refunded ${m.paymentRef}`)
        assert.equal(Number(refund.amount), 10, `${m.paymentRef} was refunded the difference`)
        assert.equal(Number(m.refund), 10)
        assert.equal(m.refundStatus, 'done')
      }
      const shown = (await api('GET', `/api/v1/group-buys/${offer}`)).json
      assert.equal(Number(shown.teams.refunded), owed * 10, 'the offer’s refunded total agrees')
      assert.equal(shown.teams.succeeded, TEAMS)
      assert.equal(shown.sold, owed)
      console.log(
        `killed with ${before.paid} of ${owed} refunds paid at the provider, ${before.ahead} of them not yet` +
          ` recorded by Siyu (${before.recorded} were);` +
          ` after the restart all ${paid.length} paid once`,
      )
    } finally {
      await siyu.stop()
    }
  },
)
