// 企业群发 against the simulated corp the demo tenant is connected to (SIYU_SIMULATOR_JAR): sending rules without
// quiet hours, a customer who scans a live code in the sandbox, a mass send to that customer with a link from the
// material library, previewed and handed to WeCom, the staff member confirming it in the sandbox's 员工端, and the
// delivery on the detail page; a send to every customer group; a 客户朋友圈 post published by the staff member asked.
// Siyu asks WeCom what became of a send every second here (SIYU_MESSAGING_TRACK_EVERY), not every 5 minutes.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn as signInAs } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
const CODE_NAME = 'E2E 群发活码'
const NICKNAME = 'E2E周小群'
const SEND_NAME = 'E2E 双十一会员福利'
const TEXT = '双十一会员专享：全场满 300 减 50，回复 1 领取优惠券'
const LINK = 'E2E 双十一会场'
const GROUP_SEND_NAME = 'E2E 群公告'
const GROUP_TEXT = '今晚 8 点群内秒杀，提前设好闹钟'
const MOMENT_NAME = 'E2E 冬季新品'
const MOMENT_TEXT = '冬季新品到店，会员第二件半价'

let siyu
let browser

before(async () => {
  siyu = await startSiyu({ wecom: true, demoCustomers: 2000, env: { SIYU_MESSAGING_TRACK_EVERY: '1s' } })
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

const signIn = (options = {}) => signInAs(browser, siyu.base, options)

async function settle(page) {
  await page.waitForLoadState('networkidle')
}

/** Element Plus dialogs and messages fade in; screenshots should show them at rest, not hovered. */
async function atRest(page) {
  await page.mouse.move(0, 0)
  await page.waitForTimeout(500)
}

/** The whole of a long page (the console scrolls inside its layout, so a full-page shot would not). */
async function tallScreenshot(page, name, height = 1700) {
  await page.setViewportSize({ width: 1440, height })
  await atRest(page)
  await screenshot(page, name)
  await page.setViewportSize({ width: 1440, height: 900 })
}

async function csrf(context) {
  return (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? ''
}

async function api(page, context, method, path, data) {
  const response = await page.request.fetch(siyu.base + path, {
    method,
    data,
    headers: { 'X-XSRF-TOKEN': await csrf(context) },
  })
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`)
  return response.status() === 204 ? null : response.json()
}

async function eventually(what, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Picks an option of an Element Plus select (its dropdown lives in the body). */
async function choose(page, select, text) {
  await select.locator('.el-select__wrapper').click()
  const option = page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).last()
  await option.click()
  await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => {})
}

/** A chart has drawn when its canvas is there with a size. */
async function chartDrawn(card, minHeight = 60) {
  const canvas = card.locator('canvas').first()
  await canvas.waitFor()
  const box = await canvas.boundingBox()
  assert.ok(box && box.width > 150 && box.height > minHeight, 'the chart has a size')
}

/** A staff member's name once the demo corp's directory has been synced. */
async function staffName(page, context, appId, userId) {
  const staff = await eventually('the synced staff', async () => {
    const listed = await api(page, context, 'GET', `/api/v1/wecom/apps/${appId}/staff`)
    return listed.some((s) => s.userId === userId) && listed
  })
  return staff.find((s) => s.userId === userId).name
}

describe('mass sends', () => {
  let sendId

  test('a mass send to a customer who scanned a live code: previewed, handed over, confirmed by the staff member, delivered', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    const sandbox = await api(page, context, 'GET', '/api/v1/wecom/sandbox')
    assert.ok(sandbox.enabled && sandbox.appId, 'the demo tenant is connected to the simulator')
    const lina = await staffName(page, context, sandbox.appId, 'lina')

    // 发送规则: no quiet hours, so that the send goes out whatever the time of day
    const outreach = page.locator('nav .el-sub-menu').filter({ hasText: '客户触达' })
    await outreach.locator('.el-menu-item').filter({ hasText: '发送规则' }).click()
    await page.waitForURL((url) => url.pathname === '/outreach/settings')
    await settle(page)
    const quiet = page.locator('[data-testid="quiet-hours"]')
    // a new tenant keeps quiet from 21:00 to 08:00
    await quiet.locator('[data-testid="quiet-from"] input').waitFor()
    assert.equal(await quiet.locator('[data-testid="quiet-from"] input').inputValue(), '21:00')
    await quiet.locator('[data-testid="quiet-on"]').click()
    await quiet.locator('[data-testid="quiet-from"]').waitFor({ state: 'detached' })
    assert.match(await page.locator('[data-testid="quota"]').innerText(), /群发助手 → 设置群发规则/)
    await page.locator('[data-testid="save-rules"]').click()
    await page.locator('.el-message--success').filter({ hasText: '发送规则已保存' }).waitFor()
    const rules = await api(page, context, 'GET', '/api/v1/messaging/settings')
    assert.equal(rules.quietFrom, rules.quietTo, `no quiet hours: ${JSON.stringify(rules)}`)
    await atRest(page)
    await screenshot(page, 'zh-massends-rules')

    // a customer scans 李娜's live code in the sandbox
    await api(page, context, 'POST', '/api/v1/wecom/channel-codes', {
      appId: sandbox.appId,
      name: CODE_NAME,
      staff: ['lina'],
    })
    await page.goto(siyu.base + '/acquisition/sandbox')
    await settle(page)
    const form = page.locator('[data-testid="sandbox-form"]')
    await choose(page, form.locator('[data-field="codeId"]'), CODE_NAME)
    await form.locator('input[name="nickname"]').fill(NICKNAME)
    await form.getByRole('button', { name: '扫码添加' }).click()
    const panel = page.locator('[data-testid="sandbox-panel"]')
    await panel.getByText('客户已进入 Siyu').waitFor({ timeout: 30_000 })
    const href = await panel.locator('[data-testid="customer-link"]').getAttribute('href')
    const customerId = Number(/\/customers\/(\d+)$/.exec(href)[1])
    assert.ok(customerId > 0)

    // a link in the material library to send with the text
    const link = await api(page, context, 'POST', '/api/v1/materials', {
      kind: 'link',
      title: LINK,
      url: 'https://shop.example.com/1111',
      description: '会员满 300 减 50',
    })

    // 新建群发: to that customer by id, with the link, previewed
    await page.locator('nav .el-menu-item').filter({ hasText: '企业群发' }).click()
    await page.waitForURL((url) => url.pathname === '/outreach/mass-sends')
    await settle(page)
    await page.locator('[data-testid="create-mass-send"]').click()
    await page.waitForURL((url) => url.pathname === '/outreach/mass-sends/new')
    await settle(page)
    await page.locator('input[name="name"]').fill(SEND_NAME)
    const audience = page.locator('[data-testid="audience"]')
    await audience.locator('.el-radio-button').filter({ hasText: '指定客户' }).click()
    await audience.locator('textarea[name="customerIds"]').fill(String(customerId))
    await page.locator('textarea[name="text"]').fill(TEXT)
    const bytes = Buffer.byteLength(TEXT, 'utf8')
    assert.equal(
      (await page.locator('[data-testid="text-bytes"]').innerText()).trim(),
      `${bytes} / 4,000 字节`,
      'the counter counts UTF-8 bytes as WeCom does',
    )
    await page.locator('[data-testid="add-materials"]').click()
    const picker = page.locator('.el-dialog').filter({ has: page.locator('.material-picker__grid') })
    await picker.locator(`.material-picker__item[data-material-id="${link.id}"]`).click()
    await picker.getByRole('button', { name: '确定', exact: true }).click()
    await page.locator('[data-testid="materials"] .material-chip').filter({ hasText: LINK }).waitFor()
    assert.match(
      await page.locator('[data-testid="message-phone"] [data-attachment="link"]').innerText(),
      new RegExp(LINK),
    )
    const preview = page.locator('[data-testid="preview"]')
    await preview.locator('[data-kpi="reachable"]').filter({ hasText: /可发送\s*1(?!\d)/ }).waitFor()
    assert.match(await preview.locator('[data-kpi="audience"]').innerText(), /目标客户\s*1(?!\d)/)
    assert.match(await preview.locator('[data-kpi="held"]').innerText(), /暂不发送\s*0(?!\d)/)
    await chartDrawn(preview.locator('[data-testid="chart-reach"]'))
    await chartDrawn(preview.locator('[data-testid="chart-staff"]'), 50)
    assert.equal(
      (await page.locator('[data-testid="message-phone"] [data-testid="bubble"]').innerText()).trim(),
      TEXT,
    )
    await tallScreenshot(page, 'zh-massends-new')

    await page.locator('[data-testid="submit"]').click()
    await page.locator('.el-message--success').filter({ hasText: `已创建群发「${SEND_NAME}」` }).waitFor()
    await page.waitForURL((url) => /^\/outreach\/mass-sends\/\d+$/.test(url.pathname))
    sendId = Number(/(\d+)$/.exec(new URL(page.url()).pathname)[1])

    // handed to WeCom: 李娜's share waits for her
    await page.locator('[data-testid="send-status"]').filter({ hasText: '已下发' }).waitFor({ timeout: 60_000 })
    const share = page.locator('[data-testid="staff-shares"] .el-table__body tr').filter({ hasText: lina })
    await share.locator('[data-testid="share-status"]').filter({ hasText: '等待员工发送' }).waitFor()
    assert.match(await page.locator('[data-kpi="handed"]').innerText(), /已交给企业微信\s*1(?!\d)/)
    assert.match(await page.locator('[data-kpi="delivered"]').innerText(), /已送达\s*0(?!\d)/)
    assert.match(await page.locator('[data-testid="send-text"]').innerText(), /全场满 300 减 50/)
    assert.match(await page.locator('[data-testid="send-materials"]').innerText(), new RegExp(LINK))
    await page.locator('[data-testid="remind"]').waitFor()
    await chartDrawn(page.locator('[data-testid="chart-funnel"]'))
    await tallScreenshot(page, 'zh-massends-detail-waiting')

    // 员工端: 李娜 confirms it in her WeCom, and the customer gets it in their chat
    await page.goto(siyu.base + '/acquisition/sandbox')
    await settle(page)
    await page.locator('[data-testid="sandbox-history"] button').filter({ hasText: NICKNAME }).first().click()
    const staffSide = page.locator('[data-testid="sandbox-staff"]')
    const task = staffSide.locator('.staff-side__task').filter({ hasText: '全场满 300 减 50' })
    await task.waitFor({ timeout: 30_000 })
    assert.match(await task.innerText(), /发给 1 位客户/)
    assert.match(await task.innerText(), /1 个附件/)
    await atRest(page)
    await screenshot(page, 'zh-massends-sandbox-pending')
    await task.getByRole('button', { name: '确认发送' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已确认发送' }).waitFor()
    const chat = page.locator('[data-testid="sandbox-chat"]')
    await chat.locator('[data-testid="bubble"]').filter({ hasText: TEXT }).waitFor({ timeout: 15_000 })
    await chat.locator('[data-attachment="link"]').filter({ hasText: LINK }).waitFor()
    await staffSide.getByText('这位员工没有待确认的企业群发').waitFor()
    await atRest(page)
    await screenshot(page, 'zh-massends-sandbox-sent')

    // the detail page learns from WeCom that it was delivered
    await page.goto(`${siyu.base}/outreach/mass-sends/${sendId}`)
    await settle(page)
    await page
      .locator('[data-kpi="delivered"] .kpi__value')
      .filter({ hasText: /^1$/ })
      .waitFor({ timeout: 60_000 })
    await share.locator('[data-testid="share-status"]').filter({ hasText: '员工已发送' }).waitFor()
    assert.match(await share.locator('[data-testid="share-progress"]').innerText(), /1 \/ 1 已送达/)
    const recipient = page.locator('[data-testid="recipients"] .el-table__body tr').first()
    await recipient.locator('[data-testid="recipient-status-tag"]').filter({ hasText: '已送达' }).waitFor()
    assert.equal(await recipient.locator('[data-testid="recipient-customer"]').getAttribute('href'), `/customers/${customerId}`)
    assert.equal(await page.locator('[data-testid="remind"]').count(), 0, 'nobody left to remind')
    await chartDrawn(page.locator('[data-testid="chart-funnel"]'))
    await tallScreenshot(page, 'zh-massends-detail')

    // the list: the send with its customers by outcome
    await page.goto(siyu.base + '/outreach/mass-sends')
    await settle(page)
    const row = page.locator('.el-table__body tr').filter({ hasText: SEND_NAME })
    await row.waitFor()
    assert.match(await row.locator('[data-testid="send-status"]').innerText(), /已下发/)
    assert.match(await row.locator('[data-testid="outcome-bar"]').innerText(), /已送达\s*1/)
    await atRest(page)
    await screenshot(page, 'zh-massends-list')

    assert.equal(await page.locator('.el-message--error').count(), 0)
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('a mass send to every customer group: one task per owner, the owners send, each group’s outcome comes back', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    const sandbox = await api(page, context, 'GET', '/api/v1/wecom/sandbox')
    const groups = await eventually('the synced groups', async () => {
      const listed = await api(page, context, 'GET', `/api/v1/wecom/apps/${sandbox.appId}/groups`)
      return listed.length > 0 && listed
    })
    const owners = new Set(groups.map((group) => group.owner))

    await page.goto(siyu.base + '/outreach/mass-sends/new')
    await settle(page)
    await page.locator('input[name="name"]').fill(GROUP_SEND_NAME)
    await page.locator('[data-testid="chat-type"] .el-radio-button').filter({ hasText: '客户群' }).click()
    // the count of the app's groups arrives after the picker shows (it reads 0 until then)
    await page
      .locator('[data-testid="group-audience"]')
      .filter({ hasText: `全部 ${groups.length} 个客户群` })
      .waitFor()
    assert.equal(await page.locator('[data-testid="priority"]').count(), 0, 'no priority: the caps are per customer')
    await page.locator('textarea[name="text"]').fill(GROUP_TEXT)
    const preview = page.locator('[data-testid="preview"]')
    await preview
      .locator('[data-testid="preview-reach"]')
      .filter({ hasText: `将发送到 ${groups.length} 个客户群` })
      .waitFor()
    await chartDrawn(preview.locator('[data-testid="chart-staff"]'), 30)
    await tallScreenshot(page, 'zh-massends-group-new')

    await page.locator('[data-testid="submit"]').click()
    await page.waitForURL((url) => /^\/outreach\/mass-sends\/\d+$/.test(url.pathname))
    const id = Number(/(\d+)$/.exec(new URL(page.url()).pathname)[1])
    await page.locator('[data-testid="send-status"]').filter({ hasText: '已下发' }).waitFor({ timeout: 60_000 })

    // in WeCom: one task per owner; each owner sends it to their groups
    const messages = await eventually('the group messages in WeCom', async () => {
      const listed = await (await page.request.get(`${siyu.simulator.url}/sim/corps/${sandbox.corpId}/group-messages`)).json()
      const mine = listed.filter((m) => m.chatType === 'group' && m.text === GROUP_TEXT)
      return mine.length === owners.size && mine
    })
    for (const message of messages) {
      const sent = await page.request.post(
        `${siyu.simulator.url}/sim/corps/${sandbox.corpId}/group-messages/${message.msgid}/send`,
        { data: { userId: message.sender } },
      )
      assert.ok(sent.ok(), `send: ${sent.status()}`)
    }
    await page
      .locator('[data-kpi="delivered"] .kpi__value')
      .filter({ hasText: new RegExp(`^${groups.length}$`) })
      .waitFor({ timeout: 60_000 })
    const recipients = page.locator('[data-testid="recipients"] .el-table__body tr')
    await recipients.filter({ hasText: groups[0].name }).locator('[data-testid="recipient-status-tag"]').filter({ hasText: '已送达' }).waitFor()
    assert.match(await page.locator('[data-testid="staff-shares"]').innerText(), /群主/)
    await chartDrawn(page.locator('[data-testid="chart-funnel"]'))
    await tallScreenshot(page, 'zh-massends-group-detail')

    const sendRow = await api(page, context, 'GET', `/api/v1/mass-sends/${id}`)
    assert.equal(sendRow.send.chatType, 'group')
    assert.equal(sendRow.send.recipients.delivered, groups.length)
    assert.equal(await page.locator('.el-message--error').count(), 0)
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('a 客户朋友圈 post: made in WeCom once, published by the staff member asked, followed on its detail page', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    const sandbox = await api(page, context, 'GET', '/api/v1/wecom/sandbox')
    const lina = await staffName(page, context, sandbox.appId, 'lina')

    const outreach = page.locator('nav .el-sub-menu').filter({ hasText: '客户触达' })
    await outreach.locator('.el-menu-item').filter({ hasText: '客户朋友圈' }).click()
    await page.waitForURL((url) => url.pathname === '/outreach/moments')
    await settle(page)
    await page.locator('[data-testid="create-moment"]').click()
    await page.waitForURL((url) => url.pathname === '/outreach/moments/new')
    await settle(page)
    await page.locator('input[name="name"]').fill(MOMENT_NAME)
    await choose(page, page.locator('[data-testid="staff-select"]'), lina)
    await page.locator('textarea[name="text"]').fill(MOMENT_TEXT)
    assert.equal(
      (await page.locator('[data-testid="moment-phone"] [data-testid="moment-text"]').innerText()).trim(),
      MOMENT_TEXT,
      'the phone shows the post as customers will see it',
    )
    await tallScreenshot(page, 'zh-moments-new', 1300)

    await page.locator('[data-testid="submit"]').click()
    await page.waitForURL((url) => /^\/outreach\/moments\/\d+$/.test(url.pathname))
    const id = Number(/(\d+)$/.exec(new URL(page.url()).pathname)[1])
    await page.locator('[data-testid="send-status"][data-status="created"]').waitFor({ timeout: 60_000 })

    // in WeCom: one post, 李娜 asked to publish it; she does
    const moment = await eventually('the post in WeCom', async () => {
      const listed = await (await page.request.get(`${siyu.simulator.url}/sim/corps/${sandbox.corpId}/moments`)).json()
      const mine = listed.filter((m) => m.text === MOMENT_TEXT)
      return mine.length === 1 && mine[0].tasks.length === 1 && mine[0]
    })
    assert.equal(moment.tasks[0].userId, 'lina')
    const published = await page.request.post(
      `${siyu.simulator.url}/sim/corps/${sandbox.corpId}/moments/${moment.momentId}/publish`,
      { data: { userId: 'lina' } },
    )
    assert.ok(published.ok(), `publish: ${published.status()}`)

    // Siyu learns it from WeCom; the page (which looks again every 30 s while staff have not posted) is refreshed
    await eventually('the post published', async () => {
      const detail = await api(page, context, 'GET', `/api/v1/moments/${id}`)
      return detail.moment.counts.published === 1
    })
    await page.locator('[data-testid="refresh"]').click()
    const row = page.locator('[data-testid="moment-staff"] .el-table__body tr').filter({ hasText: lina })
    await row.locator('[data-testid="published-status"]').filter({ hasText: '已发表' }).waitFor({ timeout: 60_000 })
    await page.locator('[data-kpi="published"]').filter({ hasText: /已发表\s*1(?!\d)/ }).waitFor()
    await chartDrawn(page.locator('[data-testid="chart-published"]'))
    await tallScreenshot(page, 'zh-moments-detail', 1300)

    await page.goto(siyu.base + '/outreach/moments')
    await settle(page)
    const listed = page.locator('.el-table__body tr').filter({ hasText: MOMENT_NAME })
    await listed.locator('[data-testid="published-count"]').filter({ hasText: '1 / 1 位员工已发表' }).waitFor()
    await atRest(page)
    await screenshot(page, 'zh-moments-list')
    assert.equal(await page.locator('.el-message--error').count(), 0)
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('speaks English on the same pages', async () => {
    const { page, context, unexpectedProblems } = await signIn({ locale: 'en' })
    await page.goto(siyu.base + '/outreach/mass-sends')
    await settle(page)
    const nav = await page.locator('nav').first().innerText()
    assert.doesNotMatch(nav, HAN, `the navigation is all English: ${nav}`)
    assert.match(nav, /Outreach/)
    const header = await page.locator('.page-header').innerText()
    assert.doesNotMatch(header, HAN, `the header is English: ${header}`)
    const row = page.locator('.el-table__body tr').filter({ hasText: SEND_NAME })
    await row.waitFor()
    assert.match(await row.locator('[data-testid="send-status"]').innerText(), /Handed over/)
    assert.match(await row.locator('[data-testid="outcome-bar"]').innerText(), /Delivered\s*1/)
    await atRest(page)
    await screenshot(page, 'en-massends-list')

    if (sendId) {
      await page.goto(`${siyu.base}/outreach/mass-sends/${sendId}`)
      await settle(page)
      await page.locator('[data-kpi="delivered"]').filter({ hasText: 'Delivered' }).waitFor()
      assert.match(await page.locator('[data-testid="staff-shares"]').innerText(), /Sent by staff/)
      await tallScreenshot(page, 'en-massends-detail')
    }

    await page.goto(siyu.base + '/outreach/settings')
    await settle(page)
    assert.match(await page.locator('[data-testid="quota"]').innerText(), /As many a month as the month has days/)
    await atRest(page)
    await screenshot(page, 'en-massends-rules')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
