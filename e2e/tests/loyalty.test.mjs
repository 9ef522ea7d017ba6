// 会员 as an operator uses it on the demo program: the dashboard's figures and charts, a member's card and
// ledger, a points adjustment that waits for a second person (approving one's own is refused in place), the
// coupon templates, the points mall with an order placed through the API, the program settings, paid membership
// cards (plans, a purchase a shop reports, the member’s card, the card figures); in Chinese
// and English.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn } from '../support/browser.mjs'
import { session } from '../support/api.mjs'

// approving one's own adjustment is refused with a 409 on purpose
const EXPECTED = ['status of 409']

let siyu
let browser

before(async () => {
  siyu = await startSiyu({ demoCustomers: 5000 })
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

async function settle(page) {
  await page.waitForLoadState('networkidle')
  // ECharts animates for about a second; screenshots should show the finished charts
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500)
}

describe('会员', () => {
  test('the dashboard shows the demo program in figures and charts, in both languages', async () => {
    const api = await session(siyu.base)
    const stats = (await api('GET', '/api/v1/loyalty/stats')).json
    assert.ok(stats.members > 1000, `the demo has members: ${stats.members}`)
    for (const locale of ['zh', 'en']) {
      const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale })
      await page.setViewportSize({ width: 1440, height: 1200 })
      await page.goto(siyu.base + '/loyalty/dashboard')
      await page.locator('[data-kpi="members"]').waitFor()
      await settle(page)
      const members = await page.locator('[data-kpi="members"]').innerText()
      assert.ok(
        members.includes(stats.members.toLocaleString('en-US')),
        `members ${stats.members}: ${members}`,
      )
      for (const chart of ['chart-tiers-trend', 'chart-by-tier', 'chart-points-flow']) {
        assert.equal(
          await page.locator(`[data-testid="${chart}"] canvas`).count(),
          1,
          `${chart} is drawn`,
        )
      }
      const text = await page.locator('main').innerText()
      if (locale === 'zh') assert.match(text, /优惠券核销率/)
      else assert.doesNotMatch(text, /\p{Script=Han}/u, 'English throughout')
      const rate = await page.locator('[data-kpi="couponRate"]').innerText()
      assert.ok(
        !rate.includes(' 0%') && stats.coupons.issued > 0,
        `the demo's coupons were redeemed: ${rate}`,
      )
      await screenshot(page, `${locale}-loyalty-dashboard`)
      assert.deepEqual(unexpectedProblems(), [])
      await page.context().close()
    }
  })

  test('a member’s card and ledger; an adjustment waits for someone else, and approving one’s own is refused', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1300 })
    await page.goto(siyu.base + '/loyalty/members')
    const first = page.locator('[data-testid="member-name"]').first()
    await first.waitFor()
    await first.click()
    await page.locator('[data-testid="member-card"]').waitFor()
    await settle(page)
    assert.match(await page.locator('[data-testid="member-no"]').innerText(), /^M\d{9}$/)
    assert.match(await page.locator('[data-testid="benefits"]').innerText(), /折|包邮|生日/)
    await screenshot(page, 'zh-loyalty-member')

    await page.locator('[data-testid="adjust"]').click()
    const dialog = page.locator('.el-overlay:visible .el-dialog').last()
    await dialog.waitFor()
    assert.match(await dialog.locator('[data-testid="adjust-help"]').innerText(), /另一位/)
    await dialog.locator('input[name="points"]').fill('300')
    await dialog.locator('textarea[name="reason"]').fill('客诉补偿：物流延误，工单 1102')
    await page.waitForTimeout(400)
    await screenshot(page, 'zh-loyalty-adjust')
    await dialog.getByRole('button', { name: '提交审批' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.goto(siyu.base + '/loyalty/adjustments')
    const row = page.locator('.el-table__row', { hasText: '工单 1102' })
    await row.waitFor()
    assert.match(await row.locator('[data-testid="adjustment-points"]').innerText(), /300/)
    await row.locator('[data-testid="approve"]').click()
    const confirm = page.locator('.el-message-box')
    if (await confirm.isVisible().catch(() => false))
      await confirm.locator('.el-button--primary').click()
    await page.locator('[data-testid="refusal"]').waitFor()
    assert.match(await page.locator('[data-testid="refusal"]').innerText(), /自己/)
    await settle(page)
    await screenshot(page, 'zh-loyalty-adjustments')
    assert.deepEqual(unexpectedProblems(EXPECTED), [])
    await page.context().close()
  })

  test('coupon templates, the mall with an order a shop places, and the program settings', async () => {
    const api = await session(siyu.base)
    const item = (await api('GET', '/api/v1/loyalty/mall/items')).json.find((i) => i.points === 100)
    const member = (await api('GET', '/api/v1/loyalty/members?tier=3&limit=50')).json.items.find(
      (m) => m.points >= 100,
    )
    const order = await api('POST', '/api/v1/loyalty/mall/orders', {
      customerId: member.customerId,
      itemId: item.id,
      requestId: 'e2e-order-1',
    })
    assert.equal(order.status, 201, JSON.stringify(order.json))
    const again = await api('POST', '/api/v1/loyalty/mall/orders', {
      customerId: member.customerId,
      itemId: item.id,
      requestId: 'e2e-order-1',
    })
    assert.equal(again.json.id, order.json.id, 'a retried request answers the same order')
    const whole = (await api('GET', '/api/v1/loyalty/reconciliation')).json
    assert.deepEqual(whole.mismatches, [])
    assert.equal(whole.balance, whole.entries)

    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1100 })
    await page.goto(siyu.base + '/loyalty/coupons')
    await page.locator('[data-testid="template-name"]', { hasText: '新人满 200 减 20' }).waitFor()
    await settle(page)
    await screenshot(page, 'zh-loyalty-coupons')

    await page.goto(siyu.base + '/loyalty/mall')
    await page.locator('[data-testid="item-name"]', { hasText: '精华液小样' }).waitFor()
    await settle(page)
    await screenshot(page, 'zh-loyalty-mall')
    await page.locator('#tab-orders').click()
    await page.locator('[data-testid="order-item"]', { hasText: '精华液小样' }).waitFor()
    await page.waitForTimeout(400) // the tab's ink bar slides over
    assert.ok(
      (await page.locator('main').innerText()).includes(member.name),
      'the order shows its member',
    )
    await screenshot(page, 'zh-loyalty-mall-orders')

    await page.goto(siyu.base + '/loyalty/program')
    // tier names are in the editable tier table's inputs
    await page.waitForFunction(() =>
      [...document.querySelectorAll('input')].some((i) => i.value === '金卡会员'),
    )
    await settle(page)
    await screenshot(page, 'zh-loyalty-program')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('the program lists its earning rules and edits one in a dialog, in both languages', async () => {
    const api = await session(siyu.base)
    const checkIn = await api('POST', '/api/v1/loyalty/rules', {
      name: '每日签到',
      eventType: 'check_in',
      points: 10,
      growth: 1,
      dailyCap: 10,
    })
    assert.equal(checkIn.status, 201, JSON.stringify(checkIn.json))
    const review = await api('POST', '/api/v1/loyalty/rules', {
      name: '双11好评有礼',
      eventType: 'review',
      points: 20,
      dailyCap: 60,
      totalCap: 500,
      filter: { property: 'rating', op: 'gte', value: '4' },
      campaign: { from: '2026-11-10T16:00:00Z', to: '2026-11-11T16:00:00Z', multiplier: 2 },
    })
    assert.equal(review.status, 201, JSON.stringify(review.json))
    for (const locale of ['zh', 'en']) {
      const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale })
      await page.setViewportSize({ width: 1440, height: 1000 })
      await page.goto(siyu.base + '/loyalty/program')
      const rows = page.locator('[data-testid="rules"] tbody tr')
      await rows.nth(1).waitFor()
      assert.equal(await rows.count(), 2)
      const second = await rows.nth(1).innerText()
      assert.match(second, /rating ≥ 4/)
      assert.match(second, /2026-11-11 00:00 – 2026-11-12 00:00/)
      const section = await page.locator('[data-testid="rules"]').innerText()
      if (locale === 'zh') assert.match(section, /评价/)
      else
        assert.doesNotMatch(
          section.replace('双11好评有礼', '').replace('每日签到', ''),
          /\p{Script=Han}/u,
        )
      await page.locator('[data-testid="add-rule"]').scrollIntoViewIfNeeded()
      await settle(page)
      await screenshot(page, `${locale}-loyalty-earning-rules`)
      await rows.nth(1).locator('[data-testid="edit-rule"]').click()
      const dialog = page.locator('.el-dialog')
      await dialog.locator('[name="filterValue"]').waitFor()
      assert.equal(await dialog.locator('[name="filterValue"]').inputValue(), '4')
      await page.waitForTimeout(400) // the dialog fades in
      await screenshot(page, `${locale}-loyalty-earning-rule-dialog`)
      assert.deepEqual(unexpectedProblems(), [])
      await page.context().close()
    }
  })

  test('the program counts growth over the last 12 months with a growth to keep per tier', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(siyu.base + '/loyalty/program')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('input')].some((i) => i.value === '金卡会员'),
    )
    assert.equal(await page.locator('[name="tiers[1].keepGrowth"]').count(), 0)
    await page.locator('[data-field="growthWindow"]').click()
    await page.locator('.el-select-dropdown__item', { hasText: '近 12 个月' }).click()
    await page.locator('[name="tiers[1].keepGrowth"]').fill('600')
    await page.locator('[name="tiers[1].keepGrowth"]').blur()
    await page.locator('[data-testid="save"]').click()
    await page.locator('.el-message--success').waitFor()
    const api = await session(siyu.base)
    const program = (await api('GET', '/api/v1/loyalty/program')).json
    assert.equal(program.growthWindow, '12')
    assert.deepEqual(
      program.tiers.map((tier) => tier.keepGrowth),
      [null, 600, null],
    )
    await page.locator('[data-testid="window-help"]').scrollIntoViewIfNeeded()
    await settle(page)
    await screenshot(page, 'zh-loyalty-program-window')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()

    const english = await signIn(browser, siyu.base, { locale: 'en' })
    await english.page.setViewportSize({ width: 1440, height: 1000 })
    await english.page.goto(siyu.base + '/loyalty/program')
    await english.page.locator('[name="tiers[1].keepGrowth"]').waitFor()
    const tiers = await english.page.locator('[data-testid="tiers"] thead').innerText()
    assert.match(tiers, /Growth to keep/)
    await english.page.locator('[data-testid="window-help"]').scrollIntoViewIfNeeded()
    await settle(english.page)
    await screenshot(english.page, 'en-loyalty-program-window')
    assert.deepEqual(english.unexpectedProblems(), [])
    await english.page.context().close()
  })

  test('tier coupons, the anniversary gift and coupon rules, in both languages', async () => {
    const api = await session(siyu.base)
    const templates = (await api('GET', '/api/v1/loyalty/coupon-templates')).json
    const code = templates.find((t) => t.active).code
    const program = (await api('GET', '/api/v1/loyalty/program')).json
    program.tiers[2].coupons = [{ templateCode: code, monthly: true }]
    program.tiers[1].coupons = [{ templateCode: code, monthly: false }]
    program.anniversaryPoints = 300
    program.anniversaryCoupon = code
    const saved = await api('PUT', '/api/v1/loyalty/program', program)
    assert.equal(saved.status, 200, JSON.stringify(saved.json))
    const rule = await api('POST', '/api/v1/loyalty/coupon-rules', {
      name: '五星好评送券',
      templateCode: code,
      eventType: 'review',
      filter: { property: 'rating', op: 'gte', value: '5' },
      perCustomer: 2,
      totalLimit: 1000,
    })
    assert.equal(rule.status, 201, JSON.stringify(rule.json))
    for (const locale of ['zh', 'en']) {
      const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale })
      await page.setViewportSize({ width: 1440, height: 1000 })
      await page.goto(siyu.base + '/loyalty/program')
      const tierCoupons = page.locator('[data-testid="tier-coupons"]')
      await tierCoupons.locator('[data-tier-coupons="3"] .el-select').waitFor()
      await page.locator('[data-testid="anniversary"]').scrollIntoViewIfNeeded()
      await settle(page)
      const text = await tierCoupons.innerText()
      if (locale === 'zh') assert.match(text, /等级专属券/)
      else assert.match(text, /Exclusive tier coupons[\s\S]*Monthly/)
      await screenshot(page, `${locale}-loyalty-tier-coupons`)

      await page.goto(siyu.base + '/loyalty/coupons')
      const rules = page.locator('[data-testid="coupon-rules"]')
      await rules.locator('tbody tr').first().waitFor()
      assert.match(await rules.innerText(), /rating ≥ 5/)
      await rules.scrollIntoViewIfNeeded()
      await settle(page)
      await screenshot(page, `${locale}-loyalty-coupon-rules`)
      await rules.locator('[data-testid="edit-coupon-rule"]').first().click()
      const dialog = page.locator('.el-dialog')
      await dialog.locator('[name="filterValue"]').waitFor()
      assert.equal(await dialog.locator('[name="filterValue"]').inputValue(), '5')
      await page.waitForTimeout(400) // the dialog fades in
      await screenshot(page, `${locale}-loyalty-coupon-rule-dialog`)
      assert.deepEqual(unexpectedProblems(), [])
      await page.context().close()
    }
  })

  test('paid membership cards: the plans, a purchase a shop reports once, the member’s card and the card figures, in both languages', async () => {
    const api = await session(siyu.base)
    const plans = (await api('GET', '/api/v1/loyalty/cards/plans')).json
    const annual = plans.find((p) => p.name === '黑金年卡')
    assert.ok(annual && annual.sold > 0, `the demo sold annual cards: ${JSON.stringify(plans)}`)
    const bad = await api('POST', '/api/v1/loyalty/cards/plans', {
      name: '',
      price: -1,
      validity: 0,
      validityUnit: 'days',
      floorTier: 9,
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(
      bad.json.errors.map((e) => e.field),
      ['name', 'price', 'validity', 'floorTier'],
    )
    const customer = await api('POST', '/api/v1/customers', {
      name: '周思琪',
      identities: [{ type: 'mobile', value: '13900077001' }],
    })
    assert.equal(customer.status, 201, JSON.stringify(customer.json))
    const purchase = {
      customerId: customer.json.id,
      planId: annual.id,
      purchaseKey: 'E2E-CARD-0001',
      amount: 199,
    }
    const bought = await api('POST', '/api/v1/loyalty/cards/purchases', purchase)
    assert.equal(bought.status, 201, JSON.stringify(bought.json))
    const again = await api('POST', '/api/v1/loyalty/cards/purchases', purchase)
    assert.equal(again.status, 200, 'the same key again is the same purchase')
    assert.equal(again.json.id, bought.json.id)
    const renewal = await api('POST', '/api/v1/loyalty/cards/purchases', {
      ...purchase,
      purchaseKey: 'E2E-CARD-0002',
      amount: 179,
    })
    assert.equal(renewal.json.validFrom, bought.json.validUntil, 'a renewal starts at the end')
    const member = (await api('GET', `/api/v1/loyalty/members/${customer.json.id}`)).json
    assert.equal(member.card.validUntil, renewal.json.validUntil)
    assert.ok(member.tier >= 2, 'the annual card holds its tier')

    for (const locale of ['zh', 'en']) {
      const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale })
      await page.setViewportSize({ width: 1440, height: 1000 })
      await page.goto(siyu.base + '/loyalty/program')
      const section = page.locator('[data-testid="card-plans"]')
      await section.locator('tbody tr').first().waitFor()
      await page.locator('[data-testid="card-plans-section"]').scrollIntoViewIfNeeded()
      await settle(page)
      const head = await page.locator('[data-testid="card-plans-section"]').innerText()
      const table = await section.innerText()
      if (locale === 'zh') assert.match(table, /黑金年卡[\s\S]*12 个月/)
      else {
        assert.match(table, /12 months/)
        assert.doesNotMatch(head, /\p{Script=Han}/u, 'English help')
      }
      await screenshot(page, `${locale}-loyalty-card-plans`)
      await section.locator('[data-testid="edit-card-plan"]').first().click()
      const dialog = page.locator('.el-dialog')
      await dialog.locator('[name="benefits"]').waitFor()
      await page.waitForTimeout(400) // the dialog fades in
      await screenshot(page, `${locale}-loyalty-card-plan-dialog`)
      await page.keyboard.press('Escape')

      await page.goto(siyu.base + `/loyalty/members/${customer.json.id}`)
      const card = page.locator('[data-testid="paid-card"]')
      await card.locator('[data-testid="paid-card-history"] tbody tr').nth(1).waitFor()
      const words = await card.innerText()
      assert.match(words, locale === 'zh' ? /生效中[\s\S]*有效期至/ : /Valid[\s\S]*Valid until/)
      assert.match(words, locale === 'zh' ? /续费/ : /Renewal/)
      await card.scrollIntoViewIfNeeded()
      await settle(page)
      await screenshot(page, `${locale}-loyalty-member-card`)

      await page.goto(siyu.base + '/loyalty/dashboard')
      const figures = page.locator('[data-testid="card-figures"]')
      await figures.locator('[data-card-kpi="active"]').waitFor()
      assert.equal(await figures.locator('canvas').count(), 1, 'the card chart is drawn')
      await figures.scrollIntoViewIfNeeded()
      await settle(page)
      const shown = await figures.innerText()
      if (locale === 'zh') assert.match(shown, /持卡会员/)
      else assert.doesNotMatch(shown, /\p{Script=Han}/u, 'English throughout')
      await screenshot(page, `${locale}-loyalty-card-figures`)
      assert.deepEqual(unexpectedProblems(), [])
      await page.context().close()
    }
  })
})
