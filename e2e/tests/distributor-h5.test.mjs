// The distributor page (H5) as customers open it on their phone: staff make the link in the 分销 drawer (with its
// QR); an active distributor sees their code and share QR, the ledger's balances, team and commissions, and a
// double tap on the withdrawal asks once; a customer who is not one applies with an inviter's code and sees the
// application pending; English follows ?lang=en; a forged link shows the refusal.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, openPhone, screenshot, signIn } from '../support/browser.mjs'
import { session } from '../support/api.mjs'

const SHOP = 'https://shop.example.cn/home'

let siyu
let browser
let api

before(async () => {
  siyu = await startSiyu({ demoCustomers: 2000 })
  browser = await launch()
  api = await session(siyu.base)
  const settings = (await api('GET', '/api/v1/distribution/settings')).json
  const saved = await api('PUT', '/api/v1/distribution/settings', { ...settings, shareUrl: SHOP })
  assert.equal(saved.status, 200, JSON.stringify(saved.json))
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

/** A phone opening the link. */
function phone(url, locale = 'zh-CN') {
  return openPhone(browser, siyu.base, url, { locale })
}

/** The demo's active distributor with the most available to withdraw. */
async function richest() {
  const active = (await api('GET', '/api/v1/distribution/distributors?status=active&limit=50')).json
    .items
  return active.sort((a, b) => b.balances.available - a.balances.available)[0]
}

async function withdrawalsOf(distributorId) {
  return (await api('GET', `/api/v1/distribution/withdrawals?distributorId=${distributorId}`)).json
    .items
}

describe('the distributor page', () => {
  test('staff hand out the link; the distributor sees code, QR, balances and commissions and withdraws once', async () => {
    const distributor = await richest()
    assert.ok(
      distributor.balances.available >= 1,
      'the demo has a distributor with money to withdraw',
    )

    const staff = await signIn(browser, siyu.base)
    await staff.page.setViewportSize({ width: 1440, height: 1000 })
    await staff.page.goto(`${siyu.base}/growth/distribution`)
    const row = staff.page
      .locator('[data-testid="distributors"] .el-table__row')
      .filter({ has: staff.page.locator('[data-testid="code"]', { hasText: distributor.code }) })
    await row.click()
    const drawer = staff.page.locator('[data-testid="distributor-drawer"]').last()
    await drawer.locator('[data-testid="distributor-page-link"]').click()
    const dialog = staff.page.locator('[data-testid="page-link-dialog"]')
    await dialog.locator('[data-testid="page-link-qr"]').waitFor()
    const url = await dialog.locator('input[data-testid="page-link-url"]').inputValue()
    assert.match(url, /\/h5\/distributor#[\w-]+\.[\w-]+$/)
    await staff.page.waitForTimeout(400)
    await screenshot(staff.page, 'zh-distributor-page-link')
    assert.deepEqual(staff.unexpectedProblems(), [])
    await staff.page.context().close()

    const { page, context, problems } = await phone(url)
    await page.locator('[data-testid="balances"]').waitFor()
    await page.locator('[data-testid="commission"]').first().waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-testid="share-code"]').innerText(), distributor.code)
    assert.equal(
      await page.locator('[data-testid="share-url"]').innerText(),
      `${SHOP}?distributor=${distributor.code}`,
    )
    assert.ok(await page.locator('[data-testid="share-qr"]').isVisible())
    assert.equal(
      await page.locator('[data-testid="balance-available"]').innerText(),
      `¥${distributor.balances.available.toFixed(2)}`,
    )
    assert.equal(
      await page.locator('[data-testid="team-customers"]').innerText(),
      String(distributor.customers),
    )
    assert.equal(
      await page.locator('[data-testid="team-size"]').innerText(),
      String(distributor.invited),
    )
    const text = await page.locator('main').innerText()
    assert.doesNotMatch(text, /SO-|DEMO/, 'order numbers are masked')
    await screenshot(page, 'zh-h5-distributor')

    const before = (await withdrawalsOf(distributor.id)).length
    await page.locator('[data-testid="withdraw-amount"] input').fill('1.00')
    await page.locator('[data-testid="withdraw-amount"] input').blur()
    await page.locator('[data-testid="withdraw-submit"]').dblclick()
    await page.locator('.van-toast', { hasText: '已申请提现 1.00 元' }).waitFor()
    await page.waitForLoadState('networkidle')
    const after = await withdrawalsOf(distributor.id)
    assert.equal(after.length, before + 1, 'a double tap asks once')
    assert.equal(after[0].amount, 1)
    assert.equal(after[0].requestedBy ?? null, null)
    // the page reloads the balances after the toast; wait for the new figure rather than read it once
    const frozen = (distributor.balances.frozen + 1).toFixed(2)
    await page
      .waitForFunction(
        (want) =>
          document.querySelector('[data-testid="balance-frozen"]')?.textContent?.trim() === want,
        frozen,
        { timeout: 10_000 },
      )
      .catch(() => {})
    assert.equal(await page.locator('[data-testid="balance-frozen"]').innerText(), frozen)
    await page.waitForTimeout(2200) // the toast fades
    await screenshot(page, 'zh-h5-distributor-withdrawn')
    assert.deepEqual(problems, [])
    await context.close()

    const en = await phone(url.replace('#', '?lang=en#'))
    await en.page.locator('[data-testid="balances"]').waitFor()
    await en.page.waitForLoadState('networkidle')
    assert.match(await en.page.locator('[data-testid="withdraw"]').innerText(), /Withdraw/)
    await screenshot(en.page, 'en-h5-distributor')
    assert.deepEqual(en.problems, [])
    await en.context.close()
  })

  test('a customer who is not a distributor applies with an inviter code and sees it pending', async () => {
    const inviter = await richest()
    const customer = (await api('GET', '/api/v1/customers?limit=1')).json.items[0]
    const link = await api('POST', `/api/v1/distribution/customers/${customer.id}/page-link`, {})
    assert.equal(link.status, 200, JSON.stringify(link.json))

    const { page, context, problems } = await phone(link.json.url)
    await page.locator('[data-testid="apply"]').waitFor()
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'zh-h5-distributor-apply')
    await page.locator('[data-testid="apply-inviter"] input').fill(inviter.code.toLowerCase())
    await page.locator('[data-testid="apply-submit"]').click()
    await page.locator('[data-testid="distributor-state"]').waitFor()
    assert.match(await page.locator('[data-testid="distributor-state"]').innerText(), /审核中/)
    const pending = (await api('GET', '/api/v1/distribution/distributors?status=pending')).json
      .items
    const mine = pending.find((d) => d.customerId === customer.id)
    assert.ok(mine, 'the application waits for an operator')
    assert.equal(mine.parentCode, inviter.code)
    await page.waitForTimeout(2200) // the toast fades
    await screenshot(page, 'zh-h5-distributor-pending')
    assert.deepEqual(problems, [])
    await context.close()
  })

  test('a forged link shows the refusal, not a distributor', async () => {
    const { page, context, problems } = await phone(`${siyu.base}/h5/distributor#forged.token`)
    await page.locator('[data-testid="refusal"]').waitFor()
    assert.equal(await page.locator('[data-testid="refusal-title"]').innerText(), '链接不可用')
    assert.equal(await page.locator('[data-testid="balances"]').count(), 0)
    await screenshot(page, 'zh-h5-distributor-refused')
    assert.deepEqual(
      problems.filter((p) => !p.includes('status of 401')),
      [],
    )
    await context.close()
  })
})
