// Connecting a WeCom self-built app as a corp's administrator does it: the setup steps, the connect dialog,
// the values to paste into WeCom, a connection test, and the disconnect confirmation. No test calls the real
// WeCom: every app connected here names an API address where nothing listens (127.0.0.1:9).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn as signInAs } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
const NOWHERE = 'http://127.0.0.1:9'
const APP = { name: 'E2E 私域助手', corpId: 'wwe2e0000000000001', agentId: '1000002', secret: 'e2e-secret-not-real' }

let siyu
let browser

before(async () => {
  siyu = await startSiyu()
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

function signIn({ locale = 'zh-CN' } = {}) {
  return signInAs(browser, siyu.base, { locale, clipboard: true })
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
}

/** Element Plus dialogs and message boxes fade in; screenshots should show them at rest, not hovered. */
async function atRest(page) {
  await page.mouse.move(0, 0)
  await page.waitForTimeout(500)
}

async function csrf(context) {
  return (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? ''
}

async function apps(page) {
  return (await page.request.get(siyu.base + '/api/v1/wecom/apps')).json()
}

const dialog = (page, title) =>
  page.locator('.el-dialog').filter({ has: page.locator('.el-dialog__title', { hasText: new RegExp(`^${title}$`) }) })

describe('WeCom connection', () => {
  test('an administrator follows the steps, connects an app, copies its callback settings and tests it', async () => {
    const { page, context, unexpectedProblems } = await signIn()

    // the page is in the access group of the navigation, and explains the setup when nothing is connected
    const group = page.locator('nav .el-sub-menu').filter({ hasText: '账号与权限' })
    await group.locator('.el-menu-item').filter({ hasText: '企业微信接入' }).click()
    await page.waitForURL((url) => url.pathname === '/access/wecom')
    await settle(page)
    const empty = page.locator('[data-testid="wecom-empty"]')
    await empty.waitFor()
    assert.match(await empty.innerText(), /还没有接入企业微信应用/)
    assert.equal(await empty.locator('[data-testid="wecom-steps"] li').count(), 7)
    for (const part of ['应用管理 → 自建', '可调用接口的应用', '接收消息 → 设置API接收', '外部联系人变更回调']) {
      assert.ok((await empty.innerText()).includes(part), `the steps mention ${part}`)
    }
    await screenshot(page, 'zh-wecom-empty')

    // the connect dialog refuses what WeCom would never have given
    await empty.getByRole('button', { name: '接入应用' }).click()
    const connect = dialog(page, '接入企业微信应用')
    await connect.locator('input[name="name"]').fill(APP.name)
    await connect.locator('input[name="corpId"]').fill('ww 企业')
    await connect.locator('input[name="agentId"]').fill('AgentId')
    await connect.getByRole('button', { name: '接入', exact: true }).click()
    // the corp id's message shows on leaving the field already; the submit adds the others
    await connect.locator('.el-form-item__error').nth(2).waitFor()
    const errors = await connect.locator('.el-form-item__error').allInnerTexts()
    assert.deepEqual(errors, [
      '企业ID 须为 1 到 64 个字母、数字、下划线或连字符',
      'AgentId 须为数字',
      '请输入 Secret',
    ])
    await atRest(page)
    await screenshot(page, 'zh-wecom-connect-errors')

    // filled in properly, with the API address pointed where nothing answers
    await connect.locator('input[name="corpId"]').fill(APP.corpId)
    await connect.locator('input[name="agentId"]').fill(APP.agentId)
    await connect.locator('input[name="secret"]').fill(APP.secret)
    await connect.getByRole('button', { name: '高级设置' }).click()
    await connect.locator('input[name="apiBaseUrl"]').fill(NOWHERE)
    await connect.locator('.el-dialog__title').click() // blur: the last field's check runs
    await atRest(page)
    assert.equal(await connect.locator('.el-form-item__error').count(), 0)
    await screenshot(page, 'zh-wecom-connect')
    await connect.getByRole('button', { name: '接入', exact: true }).click()
    await page.locator('.el-message--success').filter({ hasText: `已接入「${APP.name}」` }).waitFor()
    await connect.waitFor({ state: 'hidden' })

    const [stored] = await apps(page)
    assert.equal(stored.apiBaseUrl, NOWHERE, 'the app never calls WeCom itself')
    assert.match(stored.token, /^[A-Za-z0-9]{32}$/, 'a Token was generated')
    assert.match(stored.encodingAesKey, /^[A-Za-z0-9]{43}$/, 'an EncodingAESKey was generated')
    assert.ok(!JSON.stringify(stored).includes(APP.secret), 'the secret is never returned')

    // the card: the full callback URL, the Token and EncodingAESKey masked until revealed
    const card = page.locator(`[data-app-id="${stored.id}"]`)
    const value = (field) => card.locator(`[data-field="${field}"] .copy-field__value`)
    assert.equal(await card.locator('.wecom-app__name').innerText(), APP.name)
    assert.equal(await card.locator('[data-testid="corp-id"]').innerText(), APP.corpId)
    assert.equal(await card.locator('[data-testid="agent-id"]').innerText(), APP.agentId)
    assert.equal(await value('callbackUrl').innerText(), siyu.base + stored.callbackPath)
    assert.match(stored.callbackPath, /^\/callbacks\/wecom\/\w+$/)
    assert.equal(await value('token').innerText(), `••••••••••••${stored.token.slice(-4)}`)
    assert.ok(!(await page.content()).includes(stored.token), 'the Token is not in the page until revealed')
    await card.locator('[data-field="token"]').getByRole('button', { name: '显示' }).click()
    assert.equal(await value('token').innerText(), stored.token)
    await card.locator('[data-field="token"]').getByRole('button', { name: '隐藏' }).click()
    assert.match(await card.locator('[data-testid="api-base-url"]').innerText(), /127\.0\.0\.1:9/)
    assert.match(await page.locator('[data-testid="private-origin"]').innerText(), /内网或本机地址/)

    await card.locator('[data-field="callbackUrl"]').getByRole('button', { name: /复制/ }).click()
    await page.locator('.el-message--success').filter({ hasText: '已复制回调 URL' }).waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), siyu.base + stored.callbackPath)

    // the connection test answers in place: nothing listens at the API address
    await card.getByRole('button', { name: '测试连接' }).click()
    const result = card.locator('[data-testid="check-result"]')
    await result.waitFor()
    assert.match(await result.innerText(), /连接失败：没有收到企业微信的应答/)
    assert.match(await result.innerText(), /请检查 API 地址/)
    assert.match(await result.innerText(), /技术细节：java\.net\.ConnectException/)
    assert.equal(await card.locator('.el-alert--error').count(), 1)
    await atRest(page)
    await screenshot(page, 'zh-wecom-apps')

    // editing keeps the secret when it is left empty
    await card.getByRole('button', { name: '编辑' }).click()
    const edit = dialog(page, `编辑「${APP.name}」`)
    assert.equal(await edit.locator('input[name="secret"]').inputValue(), '')
    assert.equal(await edit.locator('input[name="corpId"]').isDisabled(), true)
    assert.equal(await edit.locator('input[name="apiBaseUrl"]').inputValue(), NOWHERE)
    await atRest(page)
    await screenshot(page, 'zh-wecom-edit')
    await edit.getByRole('button', { name: '取消' }).click()
    await edit.waitFor({ state: 'hidden' })

    // disconnecting names the app and says what WeCom will see; cancelled here
    await card.getByRole('button', { name: '断开' }).click()
    const box = page.locator('.el-message-box')
    await box.filter({ hasText: `确定断开「${APP.name}」吗` }).waitFor()
    assert.match(await box.innerText(), /事件都会报错/)
    await atRest(page)
    await screenshot(page, 'zh-wecom-disconnect')
    await box.getByRole('button', { name: '取消' }).click()
    assert.equal((await apps(page)).length, 1)

    assert.equal(await page.locator('.el-message--error').count(), 0)
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('speaks English, and refuses an agent that is already connected on its field', async () => {
    const { page, context, unexpectedProblems } = await signIn({ locale: 'en' })
    if ((await apps(page)).length === 0) {
      // run alone: the app the first test connects
      const made = await page.request.post(siyu.base + '/api/v1/wecom/apps', {
        data: { ...APP, apiBaseUrl: NOWHERE },
        headers: { 'X-XSRF-TOKEN': await csrf(context) },
      })
      assert.equal(made.status(), 201)
    }
    await page.goto(siyu.base + '/access/wecom')
    await settle(page)
    const nav = await page.locator('nav').first().innerText()
    assert.doesNotMatch(nav, HAN, `the navigation is all English: ${nav}`)
    const card = page.locator('.wecom-app').first()
    await card.waitFor()
    for (const part of ['Enter in WeCom', 'Callback URL', 'Test connection', 'Disconnect']) {
      assert.ok((await card.innerText()).includes(part), `${part} on the English card`)
    }
    await screenshot(page, 'en-wecom-apps')

    await page.getByRole('button', { name: 'Connect an app' }).click()
    const connect = dialog(page, 'Connect a WeCom app')
    await connect.locator('input[name="name"]').fill('Second try')
    await connect.locator('input[name="corpId"]').fill(APP.corpId)
    await connect.locator('input[name="agentId"]').fill(APP.agentId)
    await connect.locator('input[name="secret"]').fill(APP.secret)
    await connect.getByRole('button', { name: 'Advanced' }).click()
    await connect.locator('input[name="apiBaseUrl"]').fill(NOWHERE)
    await connect.getByRole('button', { name: 'Connect', exact: true }).click()
    const taken = connect.locator('.el-form-item__error')
    await taken.waitFor()
    assert.match(await taken.innerText(), /already connected/)
    assert.equal(await page.locator('.el-message--error').count(), 0)
    await atRest(page)
    await screenshot(page, 'en-wecom-connect')
    assert.deepEqual(unexpectedProblems(['status of 409']), [])
    await context.close()
  })
})
