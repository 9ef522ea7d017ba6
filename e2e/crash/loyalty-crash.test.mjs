// Exactly once for points and coupons across a crash: shops spend points, redeem coupons and place mall orders,
// each with its own request id, while Siyu is killed (SIGKILL, no shutdown) in the middle; after a restart on
// the same data the shops send every request again, as a client that lost its answers would. Every request is
// applied once — one ledger entry, one redemption, one order, the mall's stock never oversold — and the ledger
// reconciles: each balance is the sum of its entries and of its lots.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { all, session } from '../support/api.mjs'

const MEMBERS = 300
const STOCK = 60

test(
  'no spend, redemption or mall order is lost or applied twice when Siyu is killed mid-batch',
  { timeout: 600_000 },
  async () => {
    let siyu = await startSiyu({ demoCustomers: 2000 })
    try {
      let api = await session(siyu.base)
      const members = []
      for (let cursor = null; members.length < MEMBERS;) {
        const page = (
          await api('GET', `/api/v1/loyalty/members?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
        ).json
        members.push(...page.items.filter((m) => m.points >= 120))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      assert.ok(
        members.length >= MEMBERS,
        `the demo has ${MEMBERS} members with points: ${members.length}`,
      )
      members.length = MEMBERS
      const item = await api('POST', '/api/v1/loyalty/mall/items', {
        name: '崩溃测试礼品',
        points: 20,
        stock: STOCK,
        perMember: 1,
      })
      assert.equal(item.status, 201, JSON.stringify(item.json))
      const template = await api('POST', '/api/v1/loyalty/coupon-templates', {
        code: 'CRASH5',
        name: '崩溃测试券',
        kind: 'amount',
        value: 5,
        validDays: 7,
      })
      assert.equal(template.status, 201, JSON.stringify(template.json))
      const issued = await api(
        'POST',
        `/api/v1/loyalty/coupon-templates/${template.json.id}/issue`,
        {
          customerIds: members.map((m) => m.customerId),
          key: 'crash',
        },
      )
      assert.equal(issued.json.issued, MEMBERS)
      const codes = new Map()
      for (const m of members) {
        const coupons = (await api('GET', `/api/v1/loyalty/members/${m.customerId}/coupons`)).json
        codes.set(m.customerId, coupons.find((c) => c.templateCode === 'CRASH5').code)
      }
      const before = new Map(members.map((m) => [m.customerId, m.points]))

      const requests = (call) =>
        members.flatMap((m) => [
          () =>
            call('POST', '/api/v1/loyalty/points/spend', {
              customerId: m.customerId,
              points: 7,
              requestId: `spend-${m.customerId}`,
            }),
          () =>
            call('POST', '/api/v1/loyalty/coupons/redeem', {
              code: codes.get(m.customerId),
              customerId: m.customerId,
              orderAmount: 50,
              redemptionId: `redeem-${m.customerId}`,
            }),
          () =>
            call('POST', '/api/v1/loyalty/mall/orders', {
              customerId: m.customerId,
              itemId: item.json.id,
              requestId: `mall-${m.customerId}`,
            }),
        ])

      // the first round: killed once a third of it has been answered
      let answered = 0
      const counting = (method, path, body) =>
        api(method, path, body).then((r) => {
          answered++
          return r
        })
      const round = all(requests(counting), 8)
      while (answered < MEMBERS) await new Promise((r) => setTimeout(r, 20))
      await siyu.kill()
      const first = await round
      assert.ok(
        first.some((r) => r.status === 0),
        'some requests were cut off by the crash',
      )

      siyu = await startSiyu({ dataDir: siyu.dataDir, demoCustomers: 2000 })
      api = await session(siyu.base)
      // every shop sends everything again
      const second = await all(requests(api), 8)
      assert.deepEqual(
        second.filter((r) => r.status === 0 || r.status >= 500),
        [],
        'the second round is answered',
      )

      const spends = second.filter((_, i) => i % 3 === 0)
      const redemptions = second.filter((_, i) => i % 3 === 1)
      const orders = second.filter((_, i) => i % 3 === 2)
      assert.ok(
        spends.every((r) => r.status === 200),
        'every spend applied, once',
      )
      assert.deepEqual(
        redemptions.filter((r) => r.status !== 200 || r.json.status !== 'redeemed'),
        [],
        'every coupon redeemed, once',
      )
      assert.equal(
        orders.filter((r) => r.status === 201).length,
        STOCK,
        'the mall sold exactly its stock',
      )
      assert.ok(
        orders.every((r) => r.status === 201 || r.json.code === 'loyalty.mall.out-of-stock'),
      )

      const sold = new Set(orders.filter((r) => r.status === 201).map((r) => r.json.customerId))
      for (const m of members) {
        const ledger = (
          await api('GET', `/api/v1/loyalty/members/${m.customerId}/points?limit=200`)
        ).json.items
        assert.equal(
          ledger.filter((e) => e.ref === `spend-${m.customerId}`).length,
          1,
          `one spend entry for ${m.customerId}`,
        )
        assert.equal(
          ledger.filter((e) => e.ref === `mall-${m.customerId}`).length,
          sold.has(m.customerId) ? 1 : 0,
          `mall entries of ${m.customerId}`,
        )
        const member = (await api('GET', `/api/v1/loyalty/members/${m.customerId}`)).json
        assert.equal(
          member.points,
          before.get(m.customerId) - 7 - (sold.has(m.customerId) ? 20 : 0),
          `balance of ${m.customerId}`,
        )
      }
      const stock = (await api('GET', '/api/v1/loyalty/mall/items')).json.find(
        (i) => i.id === item.json.id,
      )
      assert.equal(stock.redeemed, STOCK)
      const reconciliation = (await api('GET', '/api/v1/loyalty/reconciliation')).json
      assert.deepEqual(reconciliation.mismatches, [])
      assert.equal(reconciliation.balance, reconciliation.entries)
      assert.equal(reconciliation.balance, reconciliation.lots)
    } finally {
      await siyu.stop()
    }
  },
)
