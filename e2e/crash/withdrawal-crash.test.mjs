// Exactly once for 分销 withdrawal payouts across a crash: distributors earn commission on their bound buyers'
// orders (released at once: a refund window of 0 days), each asks to withdraw it, another operator approves, and
// Siyu pays the withdrawals through the simulated payout provider — slowed down by SIYU_SIMULATED_PAYMENT_LATENCY
// so that the kill (SIGKILL) lands while withdrawals are being paid, some before it and some after the restart,
// with some paid at the provider and not yet recorded by Siyu. After the restart Siyu asks the provider about each
// key before paying. Then every withdrawal was paid exactly once (one key, asked for once, the amount to the
// distributor), Siyu shows each as paid, each distributor's money moved from frozen to withdrawn once, and the
// ledger reconciles.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { all, eventually, everything, providerPayments, session } from '../support/api.mjs'

const DISTRIBUTORS = Number(process.env.SIYU_CRASH_DISTRIBUTORS ?? 80)
const LATENCY = process.env.SIYU_CRASH_PAYMENT_LATENCY ?? '200ms'
const ENV = { SIYU_SIMULATED_PAYMENT_LATENCY: LATENCY }
const APPROVER = { username: 'crash-approver', password: 'a long enough password' }

/** The simulated provider's withdrawal payouts, by withdrawal id, as the sandbox lists them. */
async function providerPayouts(api) {
  const payouts = await providerPayments(api, 'withdrawal')
  return new Map(payouts.map((item) => [Number(item.key.split('-dw-')[1]), item]))
}

test(
  `each of ${DISTRIBUTORS} withdrawals is paid once when Siyu is killed while paying them`,
  { timeout: 600_000 },
  async () => {
    let siyu = await startSiyu({ demoCustomers: 2000, env: ENV })
    try {
      let api = await session(siyu.base)
      const ok = (r) => {
        assert.ok(r.status >= 200 && r.status < 300, `${r.status} ${JSON.stringify(r.json)}`)
        return r.json
      }
      ok(
        await api('PUT', '/api/v1/distribution/settings', {
          refundWindowDays: 0,
          level1Rate: 10,
          level2Rate: 0,
          minWithdrawal: 1,
        }),
      )
      ok(
        await api('POST', '/api/v1/products', {
          products: [{ sku: 'CRASH-DW', name: '崩溃测试精华', role: 'hero', price: 100 }],
        }),
      )
      ok(
        await api('POST', '/api/v1/accounts', {
          ...APPROVER,
          displayName: '提现审核员',
          role: 'manager',
        }),
      )

      // each distributor has one bound buyer who pays ¥100: ¥10 commission, released at once
      const made = await all(
        Array.from({ length: DISTRIBUTORS }, (_, i) => async () => {
          const distributor = ok(
            await api('POST', '/api/v1/distribution/distributors', {
              customerId: 1 + i,
              appoint: true,
            }),
          )
          const buyer = 1001 + i
          ok(
            await api('POST', '/api/v1/distribution/bindings', {
              customerId: buyer,
              code: distributor.code,
            }),
          )
          const at = new Date().toISOString()
          const order = ok(
            await api('POST', '/api/v1/orders', {
              orders: [
                {
                  orderNo: `CRASH-DW-${i}`,
                  customer: { customerId: buyer },
                  placedAt: at,
                  lines: [{ sku: 'CRASH-DW', quantity: 1 }],
                  payments: [{ paymentNo: `CRASH-DW-P-${i}`, amount: 100, paidAt: at }],
                },
              ],
            }),
          )
          assert.equal(order.results[0].status, 'created', JSON.stringify(order))
          return { status: 200, distributor }
        }),
        4,
      )
      assert.deepEqual(
        made.filter((r) => r.status !== 200),
        [],
      )
      const distributors = made.map((r) => r.distributor)
      await eventually(async () => {
        for (const d of distributors) {
          const shown = ok(await api('GET', `/api/v1/distribution/distributors/${d.id}`))
          assert.equal(Number(shown.balances.available), 10, `distributor ${d.id}'s commission`)
        }
      }, 120_000)

      // each asks for their ¥10; another operator approves them all
      const asked = []
      for (const d of distributors) {
        asked.push(
          ok(
            await api('POST', `/api/v1/distribution/distributors/${d.id}/withdrawals`, {
              amount: 10,
              requestKey: `crash-${d.id}`,
            }),
          ),
        )
      }
      const approver = await session(siyu.base, APPROVER)
      const approved = await all(
        asked.map(
          (w) => () => approver('POST', `/api/v1/distribution/withdrawals/${w.id}/approve`),
        ),
        4,
      )
      assert.deepEqual(
        approved.filter((r) => r.status !== 200),
        [],
        'every withdrawal is approved',
      )
      const ours = new Set(asked.map((w) => w.id))

      // a batch being paid: the provider has paid some that Siyu has not recorded yet (read after Siyu's): kill
      const before = await eventually(async () => {
        const shown = (await everything(api, '/api/v1/distribution/withdrawals')).filter((w) =>
          ours.has(w.id),
        )
        const recorded = new Set(shown.filter((w) => w.status === 'paid').map((w) => w.id))
        const paid = [...(await providerPayouts(api)).keys()].filter((id) => ours.has(id))
        const ahead = paid.filter((id) => !recorded.has(id)).length
        assert.ok(
          paid.length >= DISTRIBUTORS / 5 && ahead > 0,
          `${paid.length} withdrawals paid so far, ${ahead} not yet recorded`,
        )
        return { paid: paid.length, recorded: recorded.size, ahead }
      }, 180_000)
      await siyu.kill()
      assert.ok(
        before.paid < DISTRIBUTORS,
        `the kill landed while withdrawals were being paid (${before.paid} of ${DISTRIBUTORS} paid)`,
      )

      siyu = await startSiyu({ dataDir: siyu.dataDir, demoCustomers: 2000, env: ENV })
      api = await session(siyu.base)
      const withdrawals = await eventually(async () => {
        const shown = (await everything(api, '/api/v1/distribution/withdrawals')).filter((w) =>
          ours.has(w.id),
        )
        const paid = shown.filter((w) => w.status === 'paid').length
        assert.equal(paid, DISTRIBUTORS, `${paid} of ${DISTRIBUTORS} withdrawals paid`)
        return shown
      }, 240_000)
      const provider = await providerPayouts(api)

      const paidOut = withdrawals.map((w) => provider.get(w.id)).filter(Boolean)
      assert.equal(paidOut.length, DISTRIBUTORS, 'one payout at the provider per withdrawal')
      assert.ok(
        paidOut.length > before.paid,
        `withdrawals were paid after the restart too (${before.paid} before)`,
      )
      const customerOf = new Map(distributors.map((d) => [d.id, d.customerId]))
      for (const w of withdrawals) {
        const payout = provider.get(w.id)
        assert.equal(payout.calls, 1, `the provider was asked to pay withdrawal ${w.id} once`)
        assert.equal(Number(payout.amount), 10)
        assert.equal(
          payout.customerId,
          customerOf.get(w.distributorId),
          `withdrawal ${w.id}'s payee`,
        )
        assert.equal(payout.purpose, '佣金提现')
      }
      for (const d of distributors) {
        const shown = ok(await api('GET', `/api/v1/distribution/distributors/${d.id}`))
        assert.equal(Number(shown.balances.withdrawn), 10, `distributor ${d.id} withdrew once`)
        assert.equal(Number(shown.balances.frozen), 0)
        assert.equal(Number(shown.balances.available), 0)
      }
      const report = ok(await api('GET', '/api/v1/distribution/reconciliation'))
      assert.deepEqual(report.mismatches, [], 'the ledger reconciles')
      assert.equal(report.balanced, true)
      console.log(
        `killed with ${before.paid} of ${DISTRIBUTORS} withdrawals paid at the provider, ${before.ahead} of them` +
          ` not yet recorded by Siyu (${before.recorded} were); after the restart all ${paidOut.length} paid once`,
      )
    } finally {
      await siyu.stop()
    }
  },
)
