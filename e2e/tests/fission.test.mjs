// 社群裂变 and 红包裂变 as an operator sees them: the demo's group campaign with its red-packet budget (paid,
// reserved, remaining, the ring, the red packets), a top-up, and the wizard offering 进群 and 红包 with a
// budget and previewing the participant's progress page; in Chinese and English. Then a whole group campaign
// against the WeCom simulator: made in the wizard, started, announced in its group, joined by a group member
// whose friends join through their own code, the red packet paid once and shown on the participant's phone.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, openPhone, pick, screenshot, signIn } from '../support/browser.mjs'
import { eventually, session } from '../support/api.mjs'

const HAN = /\p{Script=Han}/u
const GROUP_CAMPAIGN = '拉好友进群 抢新人红包'
const PACKET_CAMPAIGN = '邀好友 领现金红包'
const GROUP = 'E2E 新人福利群'
const GROUP_CODE = 'E2E 新人福利群活码'
const NEW_CAMPAIGN = 'E2E 拉 2 位好友进群 领 1.88 元红包'

let siyu
let browser

before(async () => {
  siyu = await startSiyu({ wecom: true, demoCustomers: 2000 })
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

async function campaignId(name) {
  const api = await session(siyu.base)
  return (await api('GET', '/api/v1/campaigns?limit=50')).json.items.find((c) => c.name === name).id
}

async function budgetInView(page) {
  const panel = page.locator('[data-testid="budget-panel"]')
  await panel.locator('[data-figure="remaining"] dd').waitFor()
  await panel.evaluate((section) => section.scrollIntoView({ block: 'start' }))
  await settle(page)
  return panel
}

describe('社群裂变 and 红包裂变', () => {
  test('the demo’s group campaign shows its budget, the ring and the red packets, and is topped up', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1100 })
    const id = await campaignId(GROUP_CAMPAIGN)
    await page.goto(`${siyu.base}/growth/campaigns/${id}`)
    const panel = await budgetInView(page)
    assert.match(await page.locator('[data-fact="groupCode"]').innerText(), /群活码/)
    assert.match(await page.locator('[data-fact="rules"]').innerText(), /在群里待满 24 小时算有效/)
    const figure = async (key) => panel.locator(`[data-figure="${key}"] dd`).innerText()
    assert.equal(await figure('toppedUp'), '¥500.00')
    assert.match(await figure('paid'), /^¥[\d,]+\.\d\d$/)
    const canvas = panel.locator('[data-testid="budget-chart"] canvas').first()
    const box = await canvas.boundingBox()
    assert.ok(box && box.width > 150 && box.height > 100, 'the ring has a size')
    const packets = page.locator('[data-testid="red-packets"] .el-table__body .el-table__row')
    await packets.first().waitFor()
    assert.match(await packets.first().innerText(), /¥\d+\.\d\d/)
    assert.match(await packets.first().innerText(), /已到账|待支付/)
    await screenshot(page, 'zh-fission-budget')

    await panel.locator('[data-testid="top-up"]').click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '追加红包预算' })
    await dialog.locator('input[name="topUpAmount"]').fill('100')
    await dialog.locator('input[name="topUpAmount"]').press('Tab')
    await dialog.locator('input[name="topUpNote"]').fill('E2E 追加')
    await dialog.locator('[data-testid="top-up-save"]').click()
    await page.locator('.el-message--success').filter({ hasText: '已追加 ¥100.00' }).waitFor()
    await page.waitForFunction(
      () =>
        document.querySelector('[data-figure="toppedUp"] dd')?.textContent?.trim() === '¥600.00',
    )
    const api = await session(siyu.base)
    const ledger = (await api('GET', `/api/v1/campaigns/${id}/budget`)).json
    assert.equal(ledger.entries[0].kind, 'top_up')
    assert.equal(ledger.entries[0].amount, 10_000)
    assert.equal(
      ledger.entries.reduce((sum, e) => sum + e.amount, 0),
      ledger.budget.remaining,
      'remaining is the sum of the ledger',
    )
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  test('the red-packet campaign whose budget ran out says how many were not granted, in English', async () => {
    const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale: 'en' })
    await page.setViewportSize({ width: 1440, height: 1100 })
    await page.goto(`${siyu.base}/growth/campaigns/${await campaignId(PACKET_CAMPAIGN)}`)
    const panel = await budgetInView(page)
    assert.match(
      await panel.locator('[data-testid="out-of-budget"]').innerText(),
      /^\d+ not granted: out of budget$/,
    )
    const words = [
      await panel.locator('.budget__summary').innerText(),
      ...(await page
        .locator('[data-testid="red-packets"] th, [data-testid="red-packets"] .el-tag')
        .allInnerTexts()),
      ...(await page.locator('[data-testid="stage-cards"], .stage-cards').allInnerTexts()),
    ].join(' ')
    assert.doesNotMatch(words, HAN, `the budget speaks English: ${words}`)
    assert.match(words, /Red-packet budget/)
    await screenshot(page, 'en-fission-budget')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()
  })

  for (const locale of ['zh-CN', 'en']) {
    test(`the wizard offers 进群 and 红包 and asks for a budget (${locale})`, async () => {
      const { page, unexpectedProblems } = await signIn(browser, siyu.base, { locale })
      const zh = locale === 'zh-CN'
      await page.setViewportSize({ width: 1440, height: 1400 })
      await page.goto(siyu.base + '/growth/campaigns/new')
      await page.locator('[data-testid="kind"]').waitFor()
      await page
        .locator('[data-testid="kind"] .el-radio-button')
        .filter({ hasText: zh ? '进群' : 'Join a group' })
        .click()
      await page.locator('[data-testid="group-code-select"]').waitFor()
      const stage = page.locator('[data-stage="1"]')
      await stage
        .locator('.el-radio-button')
        .filter({ hasText: zh ? '红包' : 'Red packet' })
        .click()
      await stage.locator('input[name="stages.0.packet"]').fill('1')
      await stage.locator('input[name="stages.0.packet"]').press('Tab')
      await stage.locator('input[name="stages.0.packetMax"]').fill('2.5')
      await stage.locator('input[name="stages.0.packetMax"]').press('Tab')
      await page.locator('[data-testid="submit"]').click()
      const budget = page.locator('[data-testid="budget"]')
      assert.equal(
        (await budget.locator('.el-form-item__error').innerText()).trim(),
        zh ? '有红包奖励时请填写大于 0 的预算' : 'Red-packet rewards need a budget above 0',
      )
      assert.match(
        await page.locator('[data-testid="poster-preview"]').innerText(),
        zh ? /¥1\.00–¥2\.50/ : /¥1\.00–¥2\.50 red packet/,
      )
      if (!zh) {
        const words = (
          await page
            .locator(
              '.form-step__heading, .el-form-item__label, .campaign-editor__help, .el-radio-button',
            )
            .allInnerTexts()
        ).join(' ')
        assert.doesNotMatch(words, HAN, `the wizard speaks English: ${words}`)
      }
      await page.locator('[data-testid="kind"]').scrollIntoViewIfNeeded()
      await screenshot(page, `${zh ? 'zh' : 'en'}-fission-wizard`)

      // the progress page participants open, drawn by the H5 page's own components from the draft
      await page
        .locator('input[name="name"]')
        .fill(zh ? '拉好友进群 领红包和好礼' : 'Bring friends, win gifts')
      await page.getByRole('button', { name: zh ? '添加一阶' : 'Add a stage' }).click()
      const second = page.locator('[data-stage="2"]')
      await second
        .locator('.el-radio-button')
        .filter({ hasText: zh ? '实物礼品' : 'Gift' })
        .click()
      await second.locator('input[name="stages.1.gift"]').fill(zh ? '品牌保温杯' : 'Thermos mug')
      await page
        .locator('[data-testid="preview-switch"] .el-radio-button')
        .filter({ hasText: zh ? 'H5 进度页' : 'Progress page' })
        .click()
      const phone = page.locator('[data-testid="page-preview"]')
      await phone.locator('[data-testid="stage"]').nth(1).waitFor()
      assert.deepEqual(await phone.locator('.stage__reward').allInnerTexts(), [
        zh ? '微信红包' : 'WeChat red packet',
        zh ? '品牌保温杯' : 'Thermos mug',
      ])
      assert.match(
        await phone.locator('.hero__name').innerText(),
        zh ? /拉好友进群 领红包和好礼/ : /Bring friends, win gifts/,
      )
      await phone.locator('[data-testid="poster-image"]').waitFor()
      // Vant's styles stay inside the phone: the console's buttons keep Element Plus's look
      const submit = await page
        .locator('[data-testid="submit"]')
        .evaluate((b) => getComputedStyle(b).backgroundColor)
      assert.equal(submit, 'rgb(64, 158, 255)')
      await page.locator('[data-testid="preview-switch"]').scrollIntoViewIfNeeded()
      await screenshot(page, `${zh ? 'zh' : 'en'}-fission-wizard-page`)
      assert.deepEqual(unexpectedProblems(), [])
      await page.context().close()
    })
  }

  test('a group campaign from the wizard to a paid red packet: a member’s friends join the group through their own code', async () => {
    const api = await session(siyu.base)
    const sandbox = (await api('GET', '/api/v1/wecom/sandbox')).json
    const sim = async (path, body) => {
      const answer = await fetch(`${siyu.simulator.url}/sim/corps/${sandbox.corpId}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      assert.ok(answer.ok, `${path}: ${answer.status}`)
      return answer.json()
    }
    // 李娜 makes a group in WeCom; once Siyu has synced it, the operator gives it a group live code
    const { chatId } = await sim('/groups', { name: GROUP, owner: 'lina' })
    const code = await eventually(async () => {
      const made = await api('POST', '/api/v1/wecom/group-codes', {
        appId: sandbox.appId,
        name: GROUP_CODE,
        groups: [chatId],
      })
      assert.equal(made.status, 201, JSON.stringify(made.json))
      return made.json
    })
    // the participant-to-be joins the group through the operator's code
    const unionid = (name) => `ou-e2e-group-${name}-${Date.now()}`
    await sim('/scan', {
      configId: code.configId,
      customer: { name: '司马晓琳', gender: 2, unionid: unionid('sima') },
    })
    const member = await eventually(async () => {
      const found = (await api('GET', `/api/v1/customers?q=${encodeURIComponent('司马晓琳')}`)).json
      assert.equal(found.items.length, 1, 'the group member is a customer')
      return found.items[0]
    })

    const { page, unexpectedProblems } = await signIn(browser, siyu.base)
    await page.setViewportSize({ width: 1440, height: 1100 })
    await page.goto(siyu.base + '/growth/campaigns/new')
    await page.locator('[data-testid="kind"]').waitFor()
    await page.locator('input[name="name"]').fill(NEW_CAMPAIGN)
    await page.locator('[data-testid="kind"] .el-radio-button').filter({ hasText: '进群' }).click()
    await pick(page, page.locator('[data-testid="group-code-select"]'), GROUP_CODE)
    const ends = new Date(Date.now() + 7 * 86_400_000)
    await page.locator('input[name="endsAt"]').fill(`${ends.toISOString().slice(0, 10)} 20:00`)
    await page.locator('input[name="endsAt"]').press('Enter')
    await page.locator('input[name="holdHours"]').fill('0')
    await page.locator('input[name="stages.0.invites"]').fill('2')
    const stage = page.locator('[data-stage="1"]')
    await stage.locator('.el-radio-button').filter({ hasText: '红包' }).click()
    await stage.locator('input[name="stages.0.packet"]').fill('1.88')
    await stage.locator('input[name="stages.0.packet"]').press('Tab')
    await page.locator('input[name="budget"]').fill('10')
    await page.locator('input[name="budget"]').press('Tab')
    await page.locator('[data-testid="submit"]').click()
    await page.waitForURL((url) => /^\/growth\/campaigns\/\d+$/.test(url.pathname))
    const id = Number(/(\d+)$/.exec(new URL(page.url()).pathname)[1])
    const created = (await api('GET', `/api/v1/campaigns/${id}`)).json
    assert.equal(created.kind, 'group')
    assert.equal(created.groupCodeId, code.id)
    assert.deepEqual(
      created.stages.map((s) => [s.invites, s.rewardKind, s.amount]),
      [[2, 'red_packet', 188]],
    )
    assert.equal(created.budget.toppedUp, 1000)

    await page.locator('[data-testid="start"]').click()
    await page
      .locator('.el-message-box')
      .getByRole('button', { name: /开始/ })
      .click()
      .catch(() => {})
    await page.locator('[data-testid="join"]').click()
    await page.locator('input[name="customerId"]').fill(String(member.id))
    await page.locator('[data-testid="join-submit"]').click()
    const own = (await page.locator('[data-testid="joined-config"]').innerText()).trim()
    assert.notEqual(own, code.configId, 'the participant shares a code of their own')
    const qr = page.locator('[data-testid="joined-qr"]')
    await qr.evaluate((img) => img.decode())
    assert.ok(await qr.evaluate((img) => img.naturalWidth > 0), 'their QR is drawn')
    await page.keyboard.press('Escape')
    const row = page.locator('[data-testid="participants"] .el-table__row').first()
    await row.locator('[data-testid="progress-link"]').click()
    const link = page.locator('[data-testid="page-link-dialog"]')
    const url = new URL(await link.locator('input[data-testid="page-link-url"]').inputValue())
    await page.keyboard.press('Escape')

    // two WeChat users join the group through the participant's code; the hold is 0 hours
    for (const name of ['欧阳博文', '蔡明']) {
      await sim('/scan', { configId: own, customer: { name, gender: 1, unionid: unionid(name) } })
    }
    const paid = await eventually(async () => {
      const ledger = (await api('GET', `/api/v1/campaigns/${id}/budget`)).json
      assert.equal(ledger.budget.paid, 188, 'the stage’s red packet is paid')
      return ledger
    })
    assert.equal(paid.budget.reserved, 0)
    assert.equal(paid.budget.remaining, 1000 - 188)
    const packets = (await api('GET', `/api/v1/campaigns/${id}/red-packets`)).json.items
    assert.deepEqual(
      packets.map((p) => [p.customerId, p.amount, p.status]),
      [[member.id, 188, 'paid']],
    )
    const announced = await eventually(async () => {
      const sent = (await api('GET', `/api/v1/campaigns/${id}/messages/sent`)).json
      const announcements = sent.filter((m) => m.kind === 'announce')
      assert.equal(announcements.length, 1, 'the group hears of the task once')
      return announcements[0]
    })
    assert.equal(announced.chatId, chatId)
    assert.equal(announced.chatName, GROUP)

    // the operator follows it in the console: two friends counted, the packet paid, the group announced
    await page.locator('[data-testid="refresh"]').click()
    await page.locator('[data-kpi="counted"]').filter({ hasText: /\b2\b/ }).waitFor()
    const panel = await budgetInView(page)
    assert.equal(await panel.locator('[data-figure="paid"] dd').innerText(), '¥1.88')
    const packet = page.locator('[data-testid="red-packets"] .el-table__body .el-table__row')
    assert.equal(await packet.count(), 1)
    assert.match(await packet.innerText(), /¥1\.88[\s\S]*已到账/)
    const log = page.locator('[data-testid="campaign-messages"] [data-testid="message-log"]')
    await log.scrollIntoViewIfNeeded()
    await log.getByText(GROUP).first().waitFor()
    await log.getByText(member.name).first().waitFor()
    await settle(page)
    await screenshot(page, 'zh-group-campaign')
    assert.deepEqual(unexpectedProblems(), [])
    await page.context().close()

    // the participant's phone: both friends, the stage reached
    const { page: h5, context: phone, problems } = await openPhone(browser, siyu.base, url.href)
    await h5.locator('[data-testid="campaign-hero"]').waitFor()
    await h5.waitForLoadState('networkidle')
    assert.equal(await h5.locator('.hero__name').innerText(), NEW_CAMPAIGN)
    assert.match(await h5.locator('[data-testid="progress"]').innerText(), /已邀请 2 位好友/)
    assert.deepEqual(await h5.locator('[data-testid="stage"] .van-tag').allInnerTexts(), ['已获得'])
    assert.match(await h5.locator('[data-testid="stage"]').innerText(), /微信红包/)
    const friends = await h5.locator('.friend__name').allInnerTexts()
    assert.deepEqual(friends.toSorted(), ['欧***', '蔡*'])
    await screenshot(h5, 'zh-h5-group-campaign')
    assert.deepEqual(problems, [])
    await phone.close()
  })
})
