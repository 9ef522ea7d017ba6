// The member page (H5) as a member opens it on their phone: staff make the link in the console (with its QR),
// the page shows the member's card, points and coupons as the API has them, a double tap on 确认兑换 redeems a
// mall item once, English follows ?lang=en, and a forged link shows the refusal instead of anyone's data.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, openPhone, screenshot, signIn } from '../support/browser.mjs'
import { session } from '../support/api.mjs'

let siyu
let browser
let api

before(async () => {
  siyu = await startSiyu({ demoCustomers: 3000 })
  browser = await launch()
  api = await session(siyu.base)
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

/** A demo member with coupons and enough points for the cheapest active mall item, and that item. */
async function memberAndItem() {
  const items = (await api('GET', '/api/v1/loyalty/mall/items')).json.filter(
    (i) => i.active && i.stock > i.redeemed,
  )
  const item = items.sort((a, b) => a.points - b.points)[0]
  assert.ok(item, 'the demo mall has an item in stock')
  const members = (await api('GET', '/api/v1/loyalty/members?tier=2&limit=100')).json.items
  for (const m of members.filter((m) => m.points >= item.points * 2)) {
    const coupons = (await api('GET', `/api/v1/loyalty/members/${m.customerId}/coupons`)).json
    if (coupons.length > 0) return { member: m, item, coupons }
  }
  throw new Error('no demo member with coupons and points')
}

/** A phone opening the link. */
function phone(url, locale = 'zh-CN') {
  return openPhone(browser, siyu.base, url, { locale })
}

async function ordersOf(customerId, itemId) {
  const all = (await api('GET', '/api/v1/loyalty/mall/orders?limit=200')).json.items
  return all.filter((o) => o.customerId === customerId && o.itemId === itemId)
}

describe('the member page', () => {
  test('staff hand out the link; the member sees their card, points and coupons and redeems once', async () => {
    const { member, item, coupons } = await memberAndItem()

    const staff = await signIn(browser, siyu.base)
    await staff.page.setViewportSize({ width: 1440, height: 1000 })
    await staff.page.goto(`${siyu.base}/loyalty/members/${member.customerId}`)
    await staff.page.locator('[data-testid="page-link"]').click()
    const dialog = staff.page.locator('[data-testid="page-link-dialog"]')
    await dialog.locator('[data-testid="page-link-qr"]').waitFor()
    const url = await dialog.locator('input[data-testid="page-link-url"]').inputValue()
    assert.match(url, /\/h5\/member#[\w-]+\.[\w-]+$/)
    await staff.page.waitForTimeout(400)
    await screenshot(staff.page, 'zh-member-page-link')
    assert.deepEqual(staff.unexpectedProblems(), [])
    await staff.page.context().close()

    const { page, context, problems } = await phone(url)
    await page.locator('[data-testid="member-card"]').waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-testid="tier"]').innerText(), member.tierName)
    assert.equal(
      await page.locator('[data-testid="member-no"]').innerText(),
      `会员号 ${member.memberNo}`,
    )
    assert.equal(await page.locator('[data-testid="points"]').innerText(), String(member.points))
    assert.ok((await page.locator('.entry').count()) > 0, 'the points ledger is listed')
    await screenshot(page, 'zh-h5-member')

    await page.getByRole('tab', { name: '优惠券' }).click()
    const available = coupons.filter(
      (c) => c.status === 'issued' && new Date(c.expiresAt) > new Date(),
    ).length
    await page.waitForTimeout(400)
    assert.equal(await page.locator('[data-testid="coupon"]:visible').count(), available)
    await screenshot(page, 'zh-h5-coupons')

    const before = (await ordersOf(member.customerId, item.id)).length
    await page.getByRole('tab', { name: '积分商城' }).click()
    const card = page.locator('[data-testid="mall-item"]', { hasText: item.name })
    await card.locator('[data-testid="redeem"]').click()
    const submit = page.locator('[data-testid="redeem-submit"]')
    await submit.waitFor()
    await page.waitForTimeout(400)
    await screenshot(page, 'zh-h5-redeem')
    await submit.dblclick()
    await page.locator('.van-toast', { hasText: '兑换成功' }).waitFor()
    await submit.waitFor({ state: 'hidden' })
    await page.waitForLoadState('networkidle')
    assert.equal(
      (await ordersOf(member.customerId, item.id)).length,
      before + 1,
      'a double tap redeems once',
    )
    const after = (await api('GET', `/api/v1/loyalty/members/${member.customerId}`)).json
    assert.equal(after.points, member.points - item.points)
    assert.equal(await page.locator('[data-testid="points"]').innerText(), String(after.points))
    await screenshot(page, 'zh-h5-mall')
    assert.deepEqual(problems, [])
    await context.close()

    const en = await phone(url.replace('#', '?lang=en#'))
    await en.page.locator('[data-testid="member-card"]').waitFor()
    await en.page.waitForLoadState('networkidle')
    assert.equal(
      await en.page.locator('[data-testid="member-no"]').innerText(),
      `Member no. ${member.memberNo}`,
    )
    const tabs = await en.page.locator('.van-tabs__nav--line [role="tab"]').allInnerTexts()
    assert.deepEqual(tabs, ['Points', 'Coupons', 'Rewards'])
    await screenshot(en.page, 'en-h5-member')
    assert.deepEqual(en.problems, [])
    await en.context.close()
  })

  test('a forged link shows the refusal, not a member', async () => {
    const { page, context, problems } = await phone(`${siyu.base}/h5/member#forged.token`)
    await page.locator('[data-testid="failure"]').waitFor()
    assert.match(await page.locator('[data-testid="failure"]').innerText(), /链接无效/)
    assert.equal(await page.locator('[data-testid="member-card"]').count(), 0)
    await screenshot(page, 'zh-h5-refused')
    assert.deepEqual(
      problems.filter((p) => !p.includes('status of 401')),
      [],
    )
    await context.close()
  })
})
