// WeCom operations against the simulated corp the demo tenant is connected to (SIYU_SIMULATOR_JAR): a group
// live code over the two demo groups with a fallback channel code, the losses charts, an 在职转移 of a
// customer who scanned a channel code, and that customer's 企微好友 card.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn as signInAs } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
const DEMO_GROUPS = ['华东门店VIP福利群', '线上客服答疑群']
const CUSTOMER = 'E2E陈小满'
const LOST = 'E2E林一一'
const CODE_NAME = 'E2E 门店福利群活码'
const JOINER = 'E2E周七七'

let siyu
let browser

before(async () => {
  siyu = await startSiyu({ wecom: true })
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
  // the dropdown fades out; a next select's options must not be confused with it
  await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' }).catch(() => {})
}

const dialog = (page, title) =>
  page.locator('.el-dialog').filter({ has: page.locator('.el-dialog__title', { hasText: new RegExp(`^${title}$`) }) })

/** A chart has drawn when its canvas is there with a size. */
async function chartDrawn(card) {
  const canvas = card.locator('canvas').first()
  await canvas.waitFor()
  const box = await canvas.boundingBox()
  assert.ok(box && box.width > 200 && box.height > 100, 'the chart has a size')
}

describe('WeCom operations', () => {
  let app
  let customerId

  test('a group live code, losses, an 在职转移 and the customer’s 企微好友, in Chinese', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    const sandbox = await api(page, context, 'GET', '/api/v1/wecom/sandbox')
    assert.ok(sandbox.enabled && sandbox.appId, 'the demo tenant is connected to the simulator')
    app = sandbox.appId

    // the directory is synced at start: wait for the two demo groups
    const groups = await eventually('the demo groups', async () => {
      const listed = await api(page, context, 'GET', `/api/v1/wecom/apps/${app}/groups`)
      return DEMO_GROUPS.every((name) => listed.some((g) => g.name === name)) && listed
    })
    assert.ok(groups.length >= 2)

    // a channel code for the fallback, scanned by two customers: one to hand over, one who leaves
    const fallback = await api(page, context, 'POST', '/api/v1/wecom/channel-codes', {
      appId: app,
      name: 'E2E 李娜兜底码',
      staff: ['lina'],
    })
    const scan = (name, gender) =>
      api(page, context, 'POST', '/api/v1/wecom/sandbox/scan', { codeId: fallback.id, customer: { name, gender } })
    const scanned = await scan(CUSTOMER, 'female')
    const lost = await scan(LOST, 'male')
    const chat = await eventually('the scanned customer in Siyu', async () => {
      const found = await api(page, context, 'GET', `/api/v1/wecom/sandbox/chats/${scanned.externalUserId}`)
      return found.customerId && found
    })
    customerId = chat.customerId
    await eventually('the second customer in Siyu', async () => {
      const found = await api(page, context, 'GET', `/api/v1/wecom/sandbox/chats/${lost.externalUserId}`)
      return found.customerId
    })
    await api(page, context, 'POST', `/api/v1/wecom/sandbox/customers/${lost.externalUserId}/delete-staff`, {
      userId: lost.userId,
    })
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    await eventually('the loss to be recorded', async () => {
      const losses = await api(page, context, 'GET', `/api/v1/wecom/losses?from=${day(-7)}&to=${day(1)}`)
      return losses.total > 0
    })

    // 群活码 is in the 企微运营 group of the navigation, after the other groups and before 账号与权限
    const nav = await page.locator('nav').first().innerText()
    assert.ok(nav.indexOf('企微运营') > nav.indexOf('商品与订单'), 'after the other groups')
    assert.ok(nav.indexOf('企微运营') < nav.indexOf('账号与权限'), 'before 账号与权限')
    const group = page.locator('nav .el-sub-menu').filter({ hasText: '企微运营' })
    const item = group.locator('.el-menu-item').filter({ hasText: '群活码' })
    // the group may already be open (clicking its title would close it)
    if (!(await item.isVisible())) await group.locator('.el-sub-menu__title').click()
    await item.click()
    await page.waitForURL((url) => url.pathname === '/wecom-ops/group-codes')
    await settle(page)

    // a new code over both demo groups, in order, with the fallback channel code
    await page.locator('[data-testid="create-group-code"]').click()
    const editor = dialog(page, '新建群活码')
    await editor.locator('input[name="name"]').fill(CODE_NAME)
    for (const name of DEMO_GROUPS) await choose(page, editor.locator('[data-testid="add-group"]'), name)
    await choose(page, editor.locator('[data-testid="fallback-select"]'), 'E2E 李娜兜底码')
    assert.deepEqual(
      await editor.locator('.group-editor__name').allInnerTexts(),
      DEMO_GROUPS,
      'the groups are listed in the order they were added',
    )
    await atRest(page)
    await screenshot(page, 'zh-wecomops-group-code-editor')
    await editor.getByRole('button', { name: '新建', exact: true }).click()
    await page.locator('.el-message--success').filter({ hasText: `已创建群活码「${CODE_NAME}」` }).waitFor()
    await editor.waitFor({ state: 'hidden' })

    const card = page.locator('.group-code').filter({ hasText: CODE_NAME })
    await card.waitFor()
    const rows = card.locator('.group-fill')
    assert.equal(await rows.count(), 2)
    assert.deepEqual(
      (await rows.locator('.group-fill__name').allInnerTexts()).map((s) => s.trim()),
      DEMO_GROUPS,
    )
    assert.match(await card.innerText(), /换群人数 190/)
    assert.match(await card.innerText(), /兜底活码：E2E 李娜兜底码/)
    assert.ok((await card.locator('.group-fill--current').count()) >= 1, 'a group takes joiners now')
    await card.locator('img').evaluate((img) => img.decode())
    assert.ok(await card.locator('img').evaluate((img) => img.naturalWidth > 0), 'the QR image loads')
    await atRest(page)
    await screenshot(page, 'zh-wecomops-group-codes')

    // a customer played in the sandbox scans it and joins one of its groups
    await page.goto(siyu.base + '/acquisition/sandbox')
    await settle(page)
    const form = page.locator('[data-testid="sandbox-form"]')
    await form.locator('[data-testid="scan-target"] label').filter({ hasText: '群活码' }).click()
    await choose(page, form.locator('[data-field="groupCodeId"]'), CODE_NAME)
    await form.locator('input[name="nickname"]').fill(JOINER)
    await form.getByRole('button', { name: '扫码入群' }).click()
    const joined = page.locator('[data-testid="sandbox-group"]')
    await joined.waitFor()
    assert.match(
      (await joined.locator('h2').innerText()).trim(),
      new RegExp(`^已加入群 (${DEMO_GROUPS.join('|')})$`),
      'the group the code points at',
    )
    assert.match(await joined.innerText(), new RegExp(JOINER))
    assert.match(await page.locator('[data-testid="sandbox-chat"]').innerText(), /加入了群聊/)
    await atRest(page)
    await screenshot(page, 'zh-wecomops-sandbox-group-scan')

    // its statistics: the join counted, joins / leaves per day and per group as charts
    await page.goto(siyu.base + '/wecom-ops/group-codes')
    await settle(page)
    await card.getByRole('button', { name: '数据统计' }).click()
    await page.waitForURL((url) => /^\/wecom-ops\/group-codes\/\d+$/.test(url.pathname))
    await settle(page)
    await eventually('the join on the group code', async () => {
      if (/累计入群\s*1(?!\d)/.test(await page.locator('[data-kpi="joins"]').innerText())) return true
      await page.reload()
      await settle(page)
      return false
    }, 30_000)
    await chartDrawn(page.locator('[data-testid="chart-daily"]'))
    await chartDrawn(page.locator('[data-testid="chart-groups"]'))
    await atRest(page)
    await screenshot(page, 'zh-wecomops-group-code-stats')

    // 客户流失: the headline numbers and the charts
    await group.locator('.el-menu-item').filter({ hasText: '客户流失' }).click()
    await page.waitForURL((url) => url.pathname === '/wecom-ops/losses')
    await settle(page)
    const total = page.locator('[data-kpi="total"]')
    await total.waitFor()
    assert.match(await total.innerText(), /流失总数\s*\n?\s*[1-9]/)
    await chartDrawn(page.locator('[data-testid="chart-daily"]'))
    await chartDrawn(page.locator('[data-testid="chart-staff"]'))
    await chartDrawn(page.locator('[data-testid="chart-codes"]'))
    assert.match(await page.locator('[data-testid="loss-settings"]').innerText(), /流失提醒/)
    await atRest(page)
    await screenshot(page, 'zh-wecomops-losses')

    // 在职转移: the customer goes from 李娜 to 张伟 and waits for the takeover
    await group.locator('.el-menu-item').filter({ hasText: '客户继承' }).click()
    await page.waitForURL((url) => url.pathname === '/wecom-ops/handovers')
    await settle(page)
    assert.match(await page.locator('.handovers__rules').innerText(), /90 天内最多被转接 2 次/)
    await page.locator('[data-testid="start-onjob"]').click()
    const handover = dialog(page, '在职转移')
    await choose(page, handover.locator('[data-testid="handover-from"]'), scanned.staffName)
    await choose(page, handover.locator('[data-testid="handover-to"]'), '张伟')
    // the staff member's customers are listed, newest first, with the channel they came through
    const customers = handover.locator('[data-testid="handover-customers"]')
    const row = customers.locator('[data-external-user-id]').filter({ hasText: CUSTOMER })
    await row.waitFor()
    assert.match(await row.innerText(), /E2E 李娜兜底码/)
    assert.equal(
      await customers.locator('[data-external-user-id]').filter({ hasText: LOST }).count(),
      0,
      'a customer who deleted the staff member is not theirs any more',
    )
    await row.locator('.el-checkbox__inner').click()
    await customers.locator('[data-testid="chosen-count"]').filter({ hasText: '已选 1 位客户' }).waitFor()
    await handover.locator('textarea[name="message"]').fill('您好，之后由张伟继续为您服务')
    await atRest(page)
    await screenshot(page, 'zh-wecomops-handover-dialog')
    await handover.getByRole('button', { name: '在职转移', exact: true }).click()
    await page.locator('.el-message--success').filter({ hasText: '已发起转接' }).waitFor()
    const record = page.locator('.handover').first()
    await record.locator('[data-testid="customer-status"]').filter({ hasText: '等待接替' }).waitFor()
    assert.match(await record.innerText(), new RegExp(`${scanned.staffName}[\\s\\S]*张伟`))
    assert.match(await record.innerText(), /预计 .* 自动接替/)
    await atRest(page)
    await screenshot(page, 'zh-wecomops-handovers')

    // the customer's profile shows the WeCom relation with 李娜
    await record.getByRole('link', { name: CUSTOMER }).click()
    await page.waitForURL((url) => url.pathname === `/customers/${customerId}`)
    await settle(page)
    const contacts = page.locator('[data-testid="wecom-contacts"]')
    await contacts.locator('.wecom-contacts__item').first().waitFor()
    const text = await contacts.innerText()
    assert.match(text, /企微好友/)
    assert.ok(text.includes(scanned.staffName), 'the staff member the customer added')
    assert.match(text, /E2E 李娜兜底码/)
    assert.match(text, /好友中/)
    await atRest(page)
    await screenshot(page, 'zh-wecomops-customer-contacts')

    assert.equal(await page.locator('.el-message--error').count(), 0)
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('speaks English on the same pages', async () => {
    const { page, context, unexpectedProblems } = await signIn({ locale: 'en' })
    await page.goto(siyu.base + '/wecom-ops/group-codes')
    await settle(page)
    const nav = await page.locator('nav').first().innerText()
    assert.doesNotMatch(nav, HAN, `the navigation is all English: ${nav}`)
    assert.match(nav, /WeCom operations/)
    await page.locator('.group-code').first().waitFor()
    const header = await page.locator('.page-header').innerText()
    assert.doesNotMatch(header, HAN, `the header is English: ${header}`)
    assert.match(await page.locator('.group-code').first().innerText(), /Switch at 190/)
    await atRest(page)
    await screenshot(page, 'en-wecomops-group-codes')

    await page.goto(siyu.base + '/wecom-ops/losses')
    await settle(page)
    await chartDrawn(page.locator('[data-testid="chart-daily"]'))
    assert.match(await page.locator('[data-kpi="total"]').innerText(), /Lost customers/)
    await atRest(page)
    await screenshot(page, 'en-wecomops-losses')

    await page.goto(siyu.base + '/wecom-ops/handovers')
    await settle(page)
    await page.locator('.handover').first().waitFor()
    assert.match(await page.locator('.handover').first().innerText(), /Waiting/)
    await atRest(page)
    await screenshot(page, 'en-wecomops-handovers')

    if (customerId) {
      await page.goto(`${siyu.base}/customers/${customerId}`)
      await settle(page)
      await page.locator('[data-testid="wecom-contacts"] .wecom-contacts__item').first().waitFor()
      assert.match(await page.locator('[data-testid="wecom-contacts"]').innerText(), /WeCom contacts/)
      await screenshot(page, 'en-wecomops-customer-contacts')
    }
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
