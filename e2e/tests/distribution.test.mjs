// 分销 as an operator uses it: the demo's distributors with their inviters, figures, the monthly commission chart
// and a reconciled ledger; a distributor's ledger; the withdrawal queue where an operator approves what the
// background work then pays; the settings refusing rates above the cap; and the page in English.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn } from '../support/browser.mjs'
import { eventually, session } from '../support/api.mjs'

// rates above the cap are refused with a 400 on purpose
const EXPECTED = ['status of 400']

let siyu
let browser

before(async () => {
  siyu = await startSiyu({ demoCustomers: 2000 })
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

describe('分销', () => {
  test('the demo: figures, monthly chart, a reconciled ledger and distributors with inviters', async () => {
    const api = await session(siyu.base)
    // the demo's approved withdrawal is paid by the background work a few seconds after the start
    await eventually(async () => {
      const paid = (await api('GET', '/api/v1/distribution/withdrawals?status=paid')).json.items
      assert.equal(paid.length, 1, 'the approved withdrawal paid')
    })
    const reconciliation = (await api('GET', '/api/v1/distribution/reconciliation')).json
    assert.equal(reconciliation.balanced, true, JSON.stringify(reconciliation.mismatches))

    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(siyu.base + '/growth/distribution')
    await page.locator('[data-testid="distributor-name"]').first().waitFor()
    await settle(page)
    assert.match(await page.locator('nav, aside').first().innerText(), /分销/)
    assert.match(await page.locator('[data-testid="reconciliation"]').innerText(), /账实相符/)
    assert.match(await page.locator('[data-testid="kpi-distributors"]').innerText(), /待审核 1 人/)
    assert.equal(await page.locator('[data-testid="month-chart"] canvas').count(), 1)
    const rows = page.locator('[data-testid="distributors"] .el-table__body-wrapper .el-table__row')
    assert.equal(await rows.count(), 6)
    const text = await page.locator('[data-testid="distributors"]').innerText()
    assert.match(text, /待审核/)
    assert.match(text, /已驳回/)
    assert.match(text, /生效中/)
    await screenshot(page, 'zh-distribution')

    // the distributor invited by another, whose ledger has every kind of commission entry
    const invited = rows.filter({ hasText: '生效中' }).filter({
      has: page.locator('[data-testid="parent"]', { hasText: /[A-Z0-9]{8}/ }),
    })
    await invited.first().click()
    const drawer = page.locator('.el-drawer').last()
    await drawer.locator('[data-testid="entry-change"]').first().waitFor()
    assert.match(await drawer.innerText(), /佣金流水/)
    assert.match(await drawer.innerText(), /待结算|可提现/)
    await page.waitForTimeout(400)
    await screenshot(page, 'zh-distribution-ledger')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('an operator approves the waiting withdrawal and the background work pays it once', async () => {
    const api = await session(siyu.base)
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(siyu.base + '/growth/distribution')
    await page.locator('[data-testid="tab-withdrawals"]').click()
    const waiting = page.locator(
      '[data-testid="withdrawals"] .el-table__body-wrapper .el-table__row',
    )
    await waiting.first().waitFor()
    assert.equal(await waiting.count(), 1)
    await settle(page)
    await screenshot(page, 'zh-distribution-withdrawals')
    const amount = (
      await waiting.first().locator('[data-testid="withdrawal-amount"]').innerText()
    ).trim()
    await waiting.first().locator('[data-testid="approve-withdrawal"]').click()
    await page.locator('.el-message', { hasText: '已通过' }).waitFor()
    await eventually(async () => {
      const paid = (await api('GET', '/api/v1/distribution/withdrawals?status=paid')).json.items
      assert.equal(paid.length, 2)
      assert.ok(paid.every((w) => w.decidedBy))
    })
    await page.locator('[data-testid="withdrawal-status"]').getByText('已打款').click()
    // the paid list shows the amount just approved
    await page
      .locator('[data-testid="withdrawals"] .el-table__body-wrapper .el-table__row', {
        hasText: amount,
      })
      .waitFor()
    const reconciliation = (await api('GET', '/api/v1/distribution/reconciliation')).json
    assert.equal(reconciliation.balanced, true)
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('the settings refuse rates above the cap, naming the field', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(siyu.base + '/growth/distribution')
    await page.locator('.el-tabs__item', { hasText: '设置与佣金比例' }).click()
    const settings = page.locator('[data-testid="settings"]')
    await settings.waitFor()
    await page.locator('[data-testid="rates"] [data-testid="rate-target"]').first().waitFor()
    const level2 = settings.locator('[data-testid="level2-rate"] input')
    await level2.fill('45')
    await level2.press('Tab')
    await page.locator('[data-testid="save-settings"]').click()
    await settings.locator('.el-form-item__error', { hasText: '合计不能超过 50%' }).waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, 'zh-distribution-settings')
    assert.deepEqual(unexpectedProblems(EXPECTED), [])
    await page.context().close()
  })

  test('the page in English', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale: 'en' })
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(siyu.base + '/growth/distribution')
    await page.locator('[data-testid="distributor-name"]').first().waitFor()
    await settle(page)
    assert.match(
      await page.locator('[data-testid="reconciliation"]').innerText(),
      /Ledger reconciles/,
    )
    // the demo's own names (customers, inviters) are Chinese; the page's words are not
    let words = await page.locator('main').innerText()
    const names = [
      ...(await page.locator('[data-testid="distributor-name"]').allInnerTexts()),
      ...(await page.locator('[data-testid="parent"]').allInnerTexts()),
    ]
    for (const name of names.flatMap((n) => n.split(/\s+/)))
      if (name) words = words.replaceAll(name, '')
    assert.doesNotMatch(words, /\p{Script=Han}/u, 'English throughout')
    await screenshot(page, 'en-distribution')
    await page.locator('[data-testid="tab-withdrawals"]').click()
    await page.locator('[data-testid="withdrawal-status"]').getByText('Rejected').click()
    await page.waitForLoadState('networkidle')
    await page
      .locator('[data-testid="withdrawals"] .el-table__body-wrapper .el-table__row')
      .first()
      .waitFor()
    await screenshot(page, 'en-distribution-withdrawals')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })
})
