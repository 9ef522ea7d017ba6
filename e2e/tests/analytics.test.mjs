// 数据分析 as an operations manager uses it on the demo data: the AARRR funnel's figures as the API counts them,
// a figure opened as a segment, the retention heatmap, the GMV decomposition and user asset table, the WeCom funnel
// against baselines the manager sets (alerts below them), channel ROI with spend entered; in Chinese and English.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn } from '../support/browser.mjs'
import { session } from '../support/api.mjs'

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

async function drawn(page, testid) {
  await page.locator(`[data-testid="${testid}"] canvas`).first().waitFor({ timeout: 20_000 })
  assert.ok(
    (await page.locator(`[data-testid="${testid}"] canvas`).count()) >= 1,
    `${testid} is drawn`,
  )
}

function metric(funnel, key) {
  for (const stage of funnel.stages) {
    const found = stage.metrics.find((m) => m.key === key)
    if (found) return found
  }
  throw new Error(`no metric ${key}`)
}

describe('数据分析', () => {
  test('the AARRR funnel shows the figures the API counts, as charts, in both languages', async () => {
    const api = await session(siyu.base)
    const funnel = (await api('GET', '/api/v1/analytics/funnel')).json
    const adds = metric(funnel, 'wecomAdds').value
    assert.ok(adds > 0, `the demo has WeCom adds in the last 30 days: ${adds}`)
    const trials = (await api('GET', '/api/v1/analytics/trials')).json.products
    assert.ok(
      trials.some((p) => p.trialCustomers > 0 && p.converted > 0),
      `the demo's lead products have trial customers who converted: ${JSON.stringify(trials)}`,
    )
    for (const locale of ['zh', 'en']) {
      const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale })
      await page.setViewportSize({ width: 1440, height: 1300 })
      await page.goto(siyu.base + '/analytics/funnel')
      const card = page.locator('[data-metric="wecomAdds"]')
      await card.waitFor()
      await drawn(page, 'chart-funnel')
      await drawn(page, 'chart-trend')
      await drawn(page, 'chart-trial-products')
      await settle(page)
      const shown = await card.innerText()
      assert.ok(shown.includes(adds.toLocaleString('en-US')), `WeCom adds ${adds}: ${shown}`)
      const stages = await page.locator('.analytics-stages').innerText()
      if (locale === 'zh') {
        for (const label of ['企微添加数', '客单价', '复购率', 'K因子'])
          assert.match(stages, new RegExp(label))
      } else {
        assert.doesNotMatch(stages, /\p{Script=Han}/u, 'English throughout')
      }
      await screenshot(page, `analytics-funnel-${locale}`)
      await page.locator('[data-testid="chart-trial-products"]').scrollIntoViewIfNeeded()
      await page.waitForTimeout(300)
      await screenshot(page, `analytics-trial-products-${locale}`)
      assert.deepEqual(unexpectedProblems(), [])
      await page.context().close()
    }
  })

  test('a figure opens its customers in the segment editor, counted the same, nothing saved', async () => {
    const api = await session(siyu.base)
    const before = (await api('GET', '/api/v1/segments')).json
    const funnel = (await api('GET', '/api/v1/analytics/funnel')).json
    const active = metric(funnel, 'activeCustomers').value
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(siyu.base + '/analytics/funnel')
    await page.locator('[data-metric="activeCustomers"] [data-testid="view-customers"]').click()
    await page.waitForURL((url) => url.pathname.startsWith('/audience/segments/new'))
    await page.locator('[data-testid="live-number"]').waitFor()
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="live-number"]')?.textContent?.includes(n),
      active.toLocaleString('en-US'),
      { timeout: 20_000 },
    )
    await screenshot(page, 'analytics-segment-from-figure')
    const after = (await api('GET', '/api/v1/segments')).json
    assert.equal(JSON.stringify(after), JSON.stringify(before), 'nothing is created until saved')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('cohorts, GMV decomposition, asset table and channels are drawn as charts', async () => {
    const api = await session(siyu.base)
    const spend = await api('PUT', '/api/v1/analytics/spend', {
      rows: [
        { channel: '抖音', month: new Date().toISOString().slice(0, 7), amount: 12000 },
        { channel: '小红书', month: new Date().toISOString().slice(0, 7), amount: 6000 },
      ],
    })
    assert.equal(spend.status, 200, JSON.stringify(spend.json))
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1300 })
    await page.goto(siyu.base + '/analytics/cohorts')
    await drawn(page, 'chart-heatmap')
    await drawn(page, 'chart-curves')
    await settle(page)
    await screenshot(page, 'analytics-cohorts')

    const byStaff = (await api('GET', '/api/v1/analytics/gmv?by=staff')).json.rows
    assert.ok(
      byStaff.filter((r) => r.current.reached > 0 && r.current.buyers > 0).length >= 10,
      `the demo's staff reach customers and sell: ${JSON.stringify(byStaff.map((r) => r.current))}`,
    )
    await page.goto(siyu.base + '/analytics/gmv')
    await page.locator('[data-testid="formula"]').waitFor()
    await drawn(page, 'chart-assets')
    await settle(page)
    const formula = await page.locator('[data-testid="formula"]').innerText()
    assert.match(formula, /GMV/)
    await screenshot(page, 'analytics-gmv')

    await page.goto(siyu.base + '/analytics/channels')
    await drawn(page, 'chart-gmv-spend')
    await settle(page)
    const table = await page.locator('[data-testid="channels-table"]').innerText()
    assert.match(table, /抖音/)
    await screenshot(page, 'analytics-channels')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('the WeCom funnel warns below the baselines the manager sets', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1200 })
    await page.goto(siyu.base + '/analytics/settings')
    const inputs = page.locator('form input')
    await inputs.first().waitFor()
    // the form fills in the saved baselines when they arrive: typing before that would be overwritten
    await page.waitForFunction(() => {
      const fields = [...document.querySelectorAll('form input')]
      return fields.length > 0 && fields.every((f) => f.value !== '')
    })
    const count = await inputs.count()
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).fill('99')
      await inputs.nth(i).press('Tab')
    }
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/analytics/settings') && r.request().method() === 'PUT',
    )
    await page.locator('[data-testid="save"]').click()
    assert.equal((await saved).status(), 200)
    const api = await session(siyu.base)
    const settings = (await api('GET', '/api/v1/analytics/settings')).json
    assert.equal(settings.baselines.service, 0.99, JSON.stringify(settings))

    await page.goto(siyu.base + '/analytics/wecom')
    await drawn(page, 'chart-rates')
    await page.locator('[data-testid="below-baseline"]').first().waitFor()
    const staff = (await api('GET', '/api/v1/analytics/wecom')).json.staff
    assert.ok(
      staff.filter((s) => s.customers > 0 && s.chats > 0 && s.replyRate !== null).length >= 10,
      `the demo's staff have customers and WeCom's chat figures: ${JSON.stringify(staff)}`,
    )
    const below = (await api('GET', '/api/v1/analytics/wecom')).json.rates.filter((r) => r.below)
    assert.ok(below.length > 0, 'a rate below 99 %')
    assert.equal(await page.locator('[data-testid="below-baseline"]').count(), below.length)
    await settle(page)
    await screenshot(page, 'analytics-wecom')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('clicking a staff row filters the dashboards by that staff member, named on a chip', async () => {
    const api = await session(siyu.base)
    const rows = (await api('GET', '/api/v1/analytics/wecom')).json.staff
    const member = rows.find((s) => s.customers > 0)
    assert.ok(member, 'a staff member with customers')
    const filtered = (await api('GET', `/api/v1/analytics/wecom?staff=${encodeURIComponent(member.staff)}`))
      .json.rates[0]
    const all = (await api('GET', '/api/v1/analytics/wecom')).json.rates[0]
    assert.ok(filtered.numerator < all.numerator, 'their adds are fewer than everyone\'s')
    const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale: 'zh' })
    await page.setViewportSize({ width: 1440, height: 1300 })
    await page.goto(siyu.base + '/analytics/wecom')
    const row = page.locator('[data-testid="staff-table"] .el-table__row', { hasText: member.name }).first()
    await row.waitFor()
    await row.click()
    await page.locator('[data-testid="filter-staff-chip"]').waitFor()
    assert.equal(
      (await page.locator('[data-testid="filter-staff-chip"]').innerText()).trim(),
      `员工：${member.name}`,
    )
    assert.ok(decodeURIComponent(page.url()).includes(`staff=${member.staff}`), page.url())
    await drawn(page, 'chart-rates')
    await settle(page)
    const fraction = await page.locator('[data-testid="chart-rates"]').innerText()
    assert.ok(
      fraction.includes(`${filtered.numerator.toLocaleString('en-US')} / ${filtered.denominator.toLocaleString('en-US')}`),
      `the filtered figures: ${fraction}`,
    )
    await screenshot(page, 'analytics-wecom-staff-filter-zh')
    // the same staff member on the GMV page: the filter travels with the address
    await page.goto(siyu.base + '/analytics/gmv?staff=' + encodeURIComponent(member.staff))
    await page.locator('[data-testid="filter-staff-chip"]').waitFor()
    await settle(page)
    await screenshot(page, 'analytics-gmv-staff-filter-zh')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })
})
