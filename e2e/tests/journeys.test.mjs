// Journeys (客户旅程) in the console against the simulated corp: a journey made from the 促活 SOP template in the
// visual editor, published, entered by a customer who adds a staff member through a live code, followed live on
// its figures page and on the customer's own 旅程 tab; a draft the server refuses shows the problem on its step;
// the same pages in English.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn as signInAs } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
const NICKNAME = 'E2E旅程客户'

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

const signIn = (options = {}) => signInAs(browser, siyu.base, options)

async function atRest(page) {
  await page.mouse.move(0, 0)
  await page.waitForTimeout(500)
}

async function api(page, context, method, path, data) {
  const token = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? ''
  const response = await page.request.fetch(siyu.base + path, { method, data, headers: { 'X-XSRF-TOKEN': token } })
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`)
  return response.status() === 204 ? null : response.json()
}

/** 发布 asks first which version it makes. */
async function publish(page) {
  await page.getByTestId('publish').click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await atRest(page)
  await box.locator('.el-button--primary').click()
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

describe('journeys', () => {
  let journeyId
  let customerId

  test('a journey from the 促活 SOP template: edited, published, entered by a customer and followed live', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    await page.goto(`${siyu.base}/automation/journeys`)
    await page.getByTestId('create-journey').click()
    const dialog = page.getByTestId('new-journey')
    await dialog.locator('.new-journey__card').filter({ hasText: '促活' }).click()
    await atRest(page)
    await screenshot(page, 'journeys-templates')
    await dialog.getByTestId('create-submit').click()
    await page.waitForURL(/\/automation\/journeys\/\d+\/edit/)
    journeyId = Number(page.url().match(/journeys\/(\d+)\/edit/)[1])

    const flow = page.getByTestId('flow')
    await flow.locator('.flow-card').first().waitFor()
    assert.equal(await flow.locator('.flow-card').count(), 7, 'the template’s seven steps are drawn')
    await flow.locator('.flow-card[data-step-id="intro"]').click()
    const drawer = page.getByTestId('drawer')
    await drawer.waitFor()
    const text = drawer.locator('textarea').first()
    await text.fill('你好，我是你的专属顾问小林，有问题随时找我～')
    await atRest(page)
    await screenshot(page, 'journeys-editor-step')
    await drawer.getByTestId('drawer-done').click()
    await publish(page)
    await eventually('the journey to be active', async () =>
      (await api(page, context, 'GET', `/api/v1/journeys/${journeyId}`)).status === 'active',
    )
    const published = await api(page, context, 'GET', `/api/v1/journeys/${journeyId}`)
    assert.equal(published.version, 1)
    assert.equal(published.definition.steps[0].text, '你好，我是你的专属顾问小林，有问题随时找我～')
    await atRest(page)
    await screenshot(page, 'journeys-editor')

    // a customer adds a staff member through a live code in the sandbox: the journey's trigger
    const sandbox = await api(page, context, 'GET', '/api/v1/wecom/sandbox')
    const code = await api(page, context, 'POST', '/api/v1/wecom/channel-codes', {
      appId: sandbox.appId,
      name: 'E2E 旅程活码',
      staff: ['lina'],
    })
    const scanned = await page.request.post(`${siyu.simulator.url}/sim/corps/${sandbox.corpId}/scan`, {
      data: { configId: code.configId, customer: { name: NICKNAME, gender: 2, unionid: 'ou-e2e-journey' } },
    })
    assert.ok(scanned.ok(), `scan: ${scanned.status()}`)

    await page.goto(`${siyu.base}/automation/journeys/${journeyId}`)
    const entered = page.getByTestId('kpis').locator('[data-kpi="entered"]')
    await eventually('the customer to be in the journey', async () => /累计进入\s*1\b/.test(await entered.textContent()))
    const runs = await eventually('a run', async () => {
      const page1 = await api(page, context, 'GET', `/api/v1/journeys/${journeyId}/runs`)
      return page1.items.length === 1 && page1.items[0].state === 'waiting' ? page1.items : null
    })
    customerId = runs[0].customerId
    assert.equal(runs[0].step, 'wait1', 'past the introduction, waiting an hour for the article')
    const canvas = page.getByTestId('chart-steps').locator('canvas').first()
    await canvas.waitFor()
    const box = await canvas.boundingBox()
    assert.ok(box && box.width > 150 && box.height > 60, 'the per-step chart is drawn')
    await page.getByTestId('runs').getByText(NICKNAME).waitFor()
    await page.setViewportSize({ width: 1440, height: 1500 })
    await atRest(page)
    await screenshot(page, 'journeys-stats')
    await page.setViewportSize({ width: 1440, height: 900 })

    await page.goto(`${siyu.base}/customers/${customerId}`)
    await page.locator('.el-tabs__item').filter({ hasText: '旅程' }).click()
    const path = page.getByTestId('customer-journeys')
    await path.getByTestId('path-step').first().waitFor()
    assert.match(await path.textContent(), /促活 SOP/)
    await atRest(page)
    await screenshot(page, 'journeys-customer-path')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('the daily community SOP posts in the customer groups: once a day, to the groups and owners picked', async () => {
    const { page, unexpectedProblems } = await signIn()
    await page.goto(`${siyu.base}/automation/journeys`)
    await page.getByTestId('create-journey').click()
    const dialog = page.getByTestId('new-journey')
    await dialog.locator('.new-journey__card').filter({ hasText: '社群每日' }).click()
    await dialog.getByTestId('create-submit').click()
    await page.waitForURL(/\/automation\/journeys\/\d+\/edit/)
    const flow = page.getByTestId('flow')
    const morning = flow.locator('.flow-card[data-step-id="morning"]')
    await morning.waitFor()
    assert.match(await morning.textContent(), /客户群/)
    await morning.click()
    const drawer = page.getByTestId('drawer')
    const hint = drawer.getByTestId('shared-step-hint')
    await hint.waitFor()
    assert.match(await hint.textContent(), /每天最多/)
    await drawer.getByTestId('group-audience').filter({ hasText: /全部 \d+ 个客户群/ }).waitFor()
    await atRest(page)
    await screenshot(page, 'journeys-editor-group-step')
    await drawer.getByTestId('drawer-done').click()
    assert.deepEqual(unexpectedProblems(), [])
  })

  test('a draft the server refuses shows the problem on the step it names', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    const draft = await api(page, context, 'POST', '/api/v1/journeys', {
      name: 'E2E 有问题的旅程',
      definition: {
        trigger: { type: 'event', eventType: 'wecom_add' },
        start: 'hello',
        steps: [{ id: 'hello', type: 'message', name: '空消息', text: '', materialIds: [], next: null }],
      },
    })
    await page.goto(`${siyu.base}/automation/journeys/${draft.id}/edit`)
    await page.getByTestId('flow').locator('.flow-card').first().waitFor()
    await publish(page)
    const wrong = page.locator('.flow-card.is-wrong[data-step-id="hello"]')
    await wrong.waitFor()
    assert.match(await wrong.getByTestId('step-problems').textContent(), /消息正文|素材/)
    assert.equal((await api(page, context, 'GET', `/api/v1/journeys/${draft.id}`)).status, 'draft')
    await atRest(page)
    await screenshot(page, 'journeys-editor-problem')
    assert.deepEqual(unexpectedProblems([`/api/v1/journeys/${draft.id}/publish`]), [], 'only the refusal itself')
    await context.close()
  })

  test('a reward step gives coupons of a template picked from the tenant’s, and the server takes its code', async () => {
    const { page, context, unexpectedProblems } = await signIn()
    const draft = await api(page, context, 'POST', '/api/v1/journeys', {
      name: 'E2E 新客礼券',
      definition: {
        trigger: { type: 'event', eventType: 'wecom_add' },
        start: 'gift',
        steps: [
          { id: 'gift', type: 'reward', name: '新客礼券', kind: 'points', amount: 10, next: null },
        ],
      },
    })
    const templates = await api(page, context, 'GET', '/api/v1/loyalty/coupon-templates')
    const chosen = templates.find((template) => template.active)
    assert.ok(chosen, 'the demo has an active coupon template')
    await page.goto(`${siyu.base}/automation/journeys/${draft.id}/edit`)
    await page.getByTestId('flow').locator('.flow-card[data-step-id="gift"]').click()
    const drawer = page.getByTestId('drawer')
    await drawer.locator('.el-radio-button').filter({ hasText: '优惠券' }).click()
    await drawer.getByTestId('coupon-select').click()
    const options = page.locator('.coupon-select__dropdown .el-select-dropdown__item:visible')
    await options.filter({ hasText: chosen.code }).waitFor()
    assert.equal(await options.count(), templates.length, 'every template of the tenant is listed')
    assert.match(
      await options.filter({ hasText: chosen.code }).innerText(),
      new RegExp(chosen.name),
    )
    await atRest(page)
    await screenshot(page, 'journeys-reward-coupon-picker')
    await options.filter({ hasText: chosen.code }).click()
    await drawer.locator('input[name="amount"]').fill('2')
    await drawer.getByTestId('drawer-done').click()
    await page.getByTestId('validate').click()
    await page.locator('.el-message--success').filter({ hasText: '校验通过' }).waitFor()
    const saved = await api(page, context, 'GET', `/api/v1/journeys/${draft.id}`)
    const { kind, couponId, amount } = saved.definition.steps[0]
    assert.deepEqual({ kind, couponId, amount }, { kind: 'coupon', couponId: chosen.code, amount: 2 })
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('the journey pages in English', async () => {
    const { page, context, unexpectedProblems } = await signIn({ locale: 'en' })
    await page.goto(`${siyu.base}/automation/journeys`)
    await page.locator('.el-table__row').first().waitFor()
    await atRest(page)
    await screenshot(page, 'journeys-list-en')
    await page.goto(`${siyu.base}/automation/journeys/${journeyId}`)
    const kpis = page.getByTestId('kpis')
    await kpis.waitFor()
    assert.doesNotMatch(await kpis.textContent(), HAN, 'the figures are labelled in English')
    await atRest(page)
    await screenshot(page, 'journeys-stats-en')
    await page.goto(`${siyu.base}/automation/journeys/${journeyId}/edit`)
    await page.getByTestId('flow').locator('.flow-card').first().waitFor()
    await atRest(page)
    await screenshot(page, 'journeys-editor-en')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
