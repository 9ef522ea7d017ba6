// The 任务宝 progress page (H5) as a participant opens it on their phone: staff make the link from the console's
// participant list, the page shows the campaign, the poster, the way to the next stage, the stages and the friends
// (names masked), takes a gift's address once and then shows its shipment; English follows ?lang=en. A second
// participant opened on the same phone goes over the campaign's device limit: their friend's invite waits in the
// review queue as 设备重复. Forged links and ended campaigns get a refusal page.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, PHONE, screenshot, signIn } from '../support/browser.mjs'
import { eventually, session } from '../support/api.mjs'

// a refused link or an ended campaign answers 401 / 410, which Chromium reports as a failed resource
const REFUSED = /the server responded with a status of (401|410)/

let siyu
let browser
let api
let sandbox
let campaign
/** Two demo customers, fetched before anyone added (the newest customers are the friends who add). */
let customers

before(async () => {
  siyu = await startSiyu({ wecom: true, demoCustomers: 3000 })
  browser = await launch()
  api = await session(siyu.base)
  sandbox = (await api('GET', '/api/v1/wecom/sandbox')).json
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

/** A friend (a new WeChat user) adds 李娜 through a participant's own code. */
async function scan(configId, name) {
  const scanned = await fetch(`${siyu.simulator.url}/sim/corps/${sandbox.corpId}/scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      configId,
      customer: { name, gender: 1, unionid: `ou-e2e-h5-${name}-${Date.now()}` },
    }),
  })
  assert.ok(scanned.ok, `scan: ${scanned.status}`)
}

async function join(customerId) {
  const joined = await api('POST', `/api/v1/campaigns/${campaign}/participants`, { customerId })
  assert.equal(joined.status, 200, JSON.stringify(joined.json))
  return joined.json
}

/** A phone (its own browser storage, unless `context` is one already used) opening a link. */
async function phone(url, { locale = 'zh-CN', context, refused = false } = {}) {
  const own = context ?? (await browser.newContext({ ...PHONE, locale }))
  const page = await own.newPage()
  const problems = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      if (!refused || !REFUSED.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`))
  const link = new URL(url)
  await page.goto(siyu.base + link.pathname + link.search + link.hash)
  return { page, context: own, problems }
}

async function fullScreenshot(page, name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.min(height, 3000) })
  await page.waitForTimeout(300)
  await screenshot(page, name)
  await page.setViewportSize(PHONE.viewport)
}

describe('the campaign progress page', () => {
  let first
  let url
  let phoneContext

  test('staff hand out the link; the participant sees their progress and enters the gift’s address once', async () => {
    const code = await api('POST', '/api/v1/wecom/channel-codes', {
      appId: sandbox.appId,
      name: '进度页活码',
      staff: ['lina'],
    })
    assert.equal(code.status, 201, JSON.stringify(code.json))
    const made = await api('POST', '/api/v1/campaigns', {
      name: '邀好友 领限量帆布袋',
      description: '邀请 1 位好友添加顾问即得帆布袋，邀请 3 位再得 200 积分',
      channelCodeId: code.json.id,
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 3 * 3_600_000).toISOString(),
      holdHours: 0,
      burstPerMinute: 0,
      stages: [
        { invites: 1, rewardKind: 'gift', gift: '限量帆布袋', stock: 50 },
        { invites: 3, rewardKind: 'points', amount: 200 },
      ],
    })
    assert.equal(made.status, 201, JSON.stringify(made.json))
    campaign = made.json.id
    assert.equal((await api('POST', `/api/v1/campaigns/${campaign}/start`, {})).status, 200)
    const rule = await api('PUT', `/api/v1/campaigns/${campaign}/repeats`, {
      maxParticipantsPerDevice: 1,
      maxParticipantsPerIp: 0,
    })
    assert.equal(rule.status, 200, JSON.stringify(rule.json))
    customers = (await api('GET', '/api/v1/customers?limit=2')).json.items
    first = await join(customers[0].id)
    await scan(first.configId, '周晓彤')
    await eventually(async () => {
      const gifts = (await api('GET', `/api/v1/campaigns/${campaign}/rewards`)).json.items
      assert.equal(gifts.length, 1, 'the first stage granted its gift')
    })

    const staff = await signIn(browser, siyu.base)
    await staff.page.setViewportSize({ width: 1440, height: 1000 })
    await staff.page.goto(`${siyu.base}/growth/campaigns/${campaign}`)
    const row = staff.page.locator('[data-testid="participants"] .el-table__row').first()
    await row.locator('[data-testid="progress-link"]').click()
    const dialog = staff.page.locator('[data-testid="page-link-dialog"]')
    await dialog.locator('[data-testid="page-link-qr"]').waitFor()
    url = await dialog.locator('input[data-testid="page-link-url"]').inputValue()
    assert.match(url, new RegExp(`/h5/campaign\\?c=${campaign}#[\\w-]+\\.[\\w-]+$`))
    assert.match(await dialog.innerText(), /进度页链接/)
    await staff.page.waitForTimeout(400)
    await screenshot(staff.page, 'zh-campaign-page-link')
    assert.deepEqual(staff.unexpectedProblems(), [])
    await staff.page.context().close()

    const { page, context, problems } = await phone(url)
    phoneContext = context
    await page.locator('[data-testid="campaign-hero"]').waitFor()
    await page.locator('[data-testid="poster-image"]').waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('.hero__name').innerText(), '邀好友 领限量帆布袋')
    assert.match(await page.locator('[data-testid="countdown"]').innerText(), /距活动结束\s*05 天/)
    assert.match(await page.locator('[data-testid="progress"]').innerText(), /已邀请 1 位好友/)
    assert.equal(
      await page.locator('[data-testid="progress-next"]').innerText(),
      '再邀请 2 位好友即可获得第 2 阶奖励',
    )
    assert.deepEqual(await page.locator('[data-testid="stage"] .van-tag').allInnerTexts(), [
      '已获得',
      '未达成',
    ])
    assert.deepEqual(await page.locator('.friend__name').allInnerTexts(), ['周**'])
    const poster = await page.locator('[data-testid="poster-image"]').boundingBox()
    assert.ok(poster && poster.width > 200 && poster.height > 300, 'the poster is shown')
    await fullScreenshot(page, 'zh-h5-campaign')

    await page.locator('[data-testid="fill-address"]').click()
    const form = page.locator('[data-testid="address-form"]')
    await form.waitFor()
    await form.locator('[data-testid="address-recipient"] input').fill('周晓彤')
    await form.locator('[data-testid="address-mobile"] input').fill('12345678')
    await form.locator('[data-testid="address-province"] input').fill('广东省')
    await form.locator('[data-testid="address-city"] input').fill('广州市')
    await form.locator('[data-testid="address-district"] input').fill('天河区')
    await form.locator('[data-testid="address-detail"] textarea').fill('体育西路 100 号 2 楼')
    await form.locator('[data-testid="address-submit"]').click()
    await form.getByText('请填写正确的 11 位手机号码').waitFor()
    await page.waitForTimeout(400)
    await screenshot(page, 'zh-h5-campaign-address')
    await form.locator('[data-testid="address-mobile"] input').fill('139 0000 5678')
    await form.locator('[data-testid="address-submit"]').dblclick()
    await page.locator('.van-toast', { hasText: '地址已保存' }).waitFor()
    await form.waitFor({ state: 'hidden' })
    const gift = (await api('GET', `/api/v1/campaigns/${campaign}/rewards`)).json.items[0]
    assert.equal(gift.status, 'to_ship')
    assert.equal(gift.address.mobile, '13900005678')
    assert.match(await page.locator('[data-testid="gift"]').innerText(), /待发货/)

    const shipped = await api('POST', `/api/v1/campaigns/${campaign}/rewards/${gift.id}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF7700000001',
    })
    assert.equal(shipped.status, 200)
    await page.reload()
    await page.locator('[data-testid="gift-shipment"]').waitFor()
    assert.equal(
      await page.locator('[data-testid="gift-shipment"]').innerText(),
      '顺丰速运 · 运单号 SF7700000001',
    )
    await page.locator('[data-testid="poster-image"]').waitFor()
    await fullScreenshot(page, 'zh-h5-campaign-shipped')
    assert.deepEqual(problems, [])
    await page.close()

    const en = await phone(url.replace('#', '&lang=en#'))
    await en.page.locator('[data-testid="campaign-hero"]').waitFor()
    await en.page.locator('[data-testid="poster-image"]').waitFor()
    await en.page.waitForLoadState('networkidle')
    assert.match(await en.page.locator('[data-testid="progress"]').innerText(), /1 friend invited/)
    assert.deepEqual(await en.page.locator('[data-testid="stage"] .van-tag').allInnerTexts(), [
      'Earned',
      'Not yet',
    ])
    assert.match(await en.page.locator('[data-testid="gift"]').innerText(), /Shipped/)
    await fullScreenshot(en.page, 'en-h5-campaign')
    assert.deepEqual(en.problems, [])
    await en.context.close()
  })

  test('a second participant opened on the same phone goes over the device limit: their invites wait for review', async () => {
    const second = await join(customers[1].id)
    assert.notEqual(second.id, first.id)
    const link = await api(
      'POST',
      `/api/v1/campaigns/${campaign}/participants/${second.id}/page-link`,
      {},
    )
    const { page, problems } = await phone(link.json.url, { context: phoneContext })
    await page.locator('[data-testid="campaign-hero"]').waitFor()
    assert.deepEqual(problems, [])
    await scan(second.configId, '吴一凡')
    await eventually(async () => {
      const review = (await api('GET', `/api/v1/campaigns/${campaign}/review`)).json
      assert.deepEqual(
        review.map((r) => [r.participantId, r.reason]),
        [[second.id, 'device']],
      )
    })
    await phoneContext.close()

    const staff = await signIn(browser, siyu.base)
    await staff.page.setViewportSize({ width: 1440, height: 1000 })
    await staff.page.goto(`${siyu.base}/growth/campaigns/${campaign}`)
    const review = staff.page.locator('[data-testid="review"]')
    await review.locator('[data-testid="review-reason"]').first().waitFor()
    assert.equal(await review.locator('[data-testid="review-reason"]').innerText(), '设备重复')
    const repeats = staff.page.locator('[data-testid="repeats"]')
    assert.equal(await repeats.locator('[data-testid="repeats-device"] input').inputValue(), '1')
    await review.scrollIntoViewIfNeeded()
    await staff.page.waitForTimeout(400)
    await screenshot(staff.page, 'zh-campaign-review-device')
    assert.deepEqual(staff.unexpectedProblems(), [])
    await staff.page.context().close()
  })

  test('a forged link and an ended campaign get a refusal page, not an error', async () => {
    const forged = await phone(`${siyu.base}/h5/campaign?c=${campaign}#forged.token`, {
      refused: true,
    })
    await forged.page.locator('[data-testid="refusal"]').waitFor()
    assert.equal(
      await forged.page.locator('[data-testid="refusal-title"]').innerText(),
      '链接不可用',
    )
    assert.match(
      await forged.page.locator('[data-testid="refusal-detail"]').innerText(),
      /链接无效/,
    )
    await screenshot(forged.page, 'zh-h5-campaign-forged')
    assert.deepEqual(forged.problems, [])
    await forged.context.close()

    const demo = (await api('GET', '/api/v1/campaigns?limit=50')).json.items.find(
      (c) => c.status === 'ended',
    )
    assert.ok(demo, 'the demo has an ended campaign')
    const received = (
      await api('GET', `/api/v1/campaigns/${demo.id}/rewards?status=received&limit=1`)
    ).json.items[0]
    const participants = (await api('GET', `/api/v1/campaigns/${demo.id}/participants?limit=100`))
      .json.items
    const done = participants.find(
      (p) => p.rewards.length === 0 && p.id !== received?.participantId,
    )
    assert.ok(done, 'a demo participant with no gift on its way')
    const link = await api(
      'POST',
      `/api/v1/campaigns/${demo.id}/participants/${done.id}/page-link`,
      {},
    )
    for (const [locale, title] of [
      ['zh-CN', '活动已结束'],
      ['en', 'Campaign ended'],
    ]) {
      const ended = await phone(link.json.url, { locale, refused: true })
      await ended.page.locator('[data-testid="refusal"]').waitFor()
      assert.equal(await ended.page.locator('[data-testid="refusal-title"]').innerText(), title)
      assert.match(
        await ended.page.locator('[data-testid="refusal-detail"]').innerText(),
        new RegExp(demo.name),
      )
      await screenshot(ended.page, `${locale === 'en' ? 'en' : 'zh'}-h5-campaign-ended`)
      assert.deepEqual(ended.problems, [])
      await ended.context.close()
    }
  })
})
