// 裂变关系 as an operator uses it: who invited whom across the demo's two 任务宝 campaigns, the figures, the
// graph, the per-campaign charts and the top inviters with their 「KOC 候选」 marks; a new KOC threshold saved in
// the console; an impossible period refused by the API in the caller's language; in Chinese and English.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn } from '../support/browser.mjs'
import { session } from '../support/api.mjs'

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
  // ECharts animates (and the force layout moves) for a while; screenshots should show it at rest
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(2500)
}

const text = async (page, testId) =>
  (await page.locator(`[data-testid="${testId}"]`).innerText()).replace(/\s+/g, ' ')

describe('裂变关系', () => {
  test('an impossible period is refused, naming the field, in the caller’s language', async () => {
    const api = await session(siyu.base)
    const backwards = await api('GET', '/api/v1/growth/referrals?from=2026-03-10&to=2026-03-01')
    assert.equal(backwards.status, 400)
    assert.deepEqual(
      backwards.json.errors.map((e) => e.field),
      ['to'],
    )
    assert.match(backwards.json.errors[0].message, /结束日期不能早于开始日期/)
  })

  test('the demo’s chains across two campaigns: figures, graph, charts and top inviters', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1700 })
    await page.goto(siyu.base + '/growth/referrals')
    await page.locator('[data-testid="graph-chart"] canvas').waitFor()
    await settle(page)
    assert.match(await page.locator('nav, aside').first().innerText(), /裂变关系/)
    assert.match(await text(page, 'edge-key'), /邀好友 领定制保温杯/)
    assert.match(await text(page, 'edge-key'), /春季老带新/)
    const depth = Number(await page.locator('[data-kpi="depth"] .kpi__value').innerText())
    assert.ok(depth >= 3, `chains across campaigns run deep: ${depth}`)
    assert.match(await page.locator('[data-kpi="kFactor"] .kpi__value').innerText(), /^\d+\.\d\d$/)
    assert.match(await page.locator('[data-kpi="cycle"] .kpi__value').innerText(), /小时|天/)
    for (const chart of ['chart-k', 'chart-cycle', 'chart-depth']) {
      assert.equal(await page.locator(`[data-testid="${chart}"] canvas`).count(), 1, chart)
    }
    const rows = page.locator('[data-testid="top-inviters"] .el-table__body tr')
    assert.equal(await rows.count(), 20)
    assert.ok(
      (await page.locator('[data-testid="koc-tag"]').count()) > 0,
      'the demo’s KOC candidates are marked',
    )
    assert.match(await text(page, 'campaign-table'), /逐代比/)
    await screenshot(page, 'zh-referrals')

    // a lower threshold marks more of them
    const before = await page.locator('[data-testid="koc-tag"]').count()
    await page.locator('[data-testid="koc-threshold"]').click()
    const dialog = page.locator('.el-overlay:visible .el-dialog').last()
    await dialog.waitFor()
    assert.match(await dialog.innerText(), /增长裂变 \/ KOC 候选/)
    await dialog.locator('.el-input-number input').fill('3')
    await dialog.locator('.el-input-number input').press('Tab')
    await screenshot(page, 'zh-referrals-koc')
    await dialog.locator('[data-testid="koc-save"]').click()
    await page.locator('.el-message--success').waitFor()
    assert.match(await page.locator('.el-message--success').innerText(), /已更新：\d+ 位 KOC 候选/)
    await page.waitForLoadState('networkidle')
    assert.ok((await page.locator('[data-testid="koc-tag"]').count()) >= before)

    // a top inviter's profile is a click away
    const first = rows.first().locator('a[data-testid="customer-link"]')
    const name = await first.innerText()
    await first.click()
    await page.waitForURL(/\/customers\/\d+$/)
    await page.locator('main', { hasText: name }).waitFor()
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('the same page in English', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale: 'en' })
    await page.setViewportSize({ width: 1440, height: 1700 })
    await page.goto(siyu.base + '/growth/referrals')
    await page.locator('[data-testid="graph-chart"] canvas').waitFor()
    await settle(page)
    assert.match(
      await page.locator('[data-kpi="cycle"] .kpi__label').innerText(),
      /Viral cycle time/,
    )
    const tooLong = await page.request.get(
      siyu.base + '/api/v1/growth/referrals?from=2024-01-01&to=2026-01-01',
      { headers: { 'accept-language': 'en' } },
    )
    assert.equal(tooLong.status(), 400)
    assert.match((await tooLong.json()).errors[0].message, /at most 366 days/)
    // the demo's own names (campaigns, customers) are Chinese; the page's words are not
    let words = await page.locator('main').innerText()
    const names = [
      ...(await page.locator('[data-testid="customer-link"]').allInnerTexts()),
      ...(await page.locator('[data-testid="campaign-table"] a').allInnerTexts()),
      ...(await page.locator('[data-testid="edge-key"] li').allInnerTexts()),
      '增长裂变 / KOC 候选',
    ]
    for (const name of names) words = words.replaceAll(name.trim(), '')
    assert.doesNotMatch(words, /\p{Script=Han}/u, 'English throughout')
    await screenshot(page, 'en-referrals')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })
})
