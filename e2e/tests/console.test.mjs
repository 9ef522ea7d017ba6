// The console as an operator uses it: log in, visit every page in both languages, with no browser errors.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, OUT, startSiyu } from '../support/server.mjs'
import { launch, openPage, screenshot } from '../support/browser.mjs'

/** Every page the navigation offers an administrator, with a name for its screenshot. */
const PAGES = [
  { path: '/', name: 'home' },
  { path: '/customers', name: 'customers' },
  { path: '/customers/attributes', name: 'customer-attributes' },
  { path: '/data/events', name: 'events' },
  { path: '/data/imports', name: 'imports' },
  { path: '/commerce/products', name: 'products' },
  { path: '/commerce/orders', name: 'orders' },
  { path: '/access/accounts', name: 'accounts' },
  { path: '/access/api-keys', name: 'api-keys' },
  { path: '/access/audit', name: 'audit' },
  { path: '/access/tenant', name: 'tenant' },
]
const WRONG_PASSWORD_401 = 'status of 401'
const HAN = /\p{Script=Han}/u

let siyu
let browser

before(async () => {
  siyu = await startSiyu()
  writeFileSync(join(OUT, 'startup.txt'), `first start incl. demo data: ${siyu.startupMs} ms\n`)
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

async function logIn(page, password = ADMIN.password) {
  await page.locator('input[name="username"]').fill(ADMIN.username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form.login-form button[type="submit"], form.login-form .el-button--primary').first().click()
}

/** A new page, signed in as the administrator, on the home page. */
async function signedIn() {
  const opened = await openPage(browser)
  await opened.page.goto(siyu.base + '/login')
  await logIn(opened.page)
  await opened.page.waitForURL((url) => url.pathname === '/')
  return opened
}

/** Element Plus dialogs fade in and out over 300 ms; screenshots should show them at rest. */
async function dialogSettled(page) {
  await page.waitForTimeout(500)
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
  // ECharts animates for about a second; screenshots should show the finished charts
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500)
}

describe('the console', () => {
  test('refuses a wrong password in Chinese, then logs in and shows the home page with real figures', async () => {
    const { page, context, unexpectedProblems } = await openPage(browser)
    await page.goto(siyu.base + '/')
    await page.waitForURL(/\/login/)
    await screenshot(page, 'zh-login')

    await logIn(page, 'not-the-password')
    await assert.doesNotReject(page.getByText('用户名或密码不正确').waitFor({ timeout: 10_000 }))

    await logIn(page)
    await page.waitForURL((url) => url.pathname === '/')
    await settle(page)
    const overview = await (await page.request.get(siyu.base + '/api/v1/dashboard/overview?days=30')).json()
    const total = overview.customers.total
    assert.equal(total, 20000)
    const body = await page.locator('body').innerText()
    assert.match(body, /20[,，]?000/, 'the home page shows the customer total from the database')
    const charts = await page.locator('canvas').count()
    assert.ok(charts >= 4, `the home page draws its figures as charts (found ${charts} canvases)`)
    await screenshot(page, 'zh-home')

    assert.deepEqual(unexpectedProblems([WRONG_PASSWORD_401]), [])
    await context.close()
  })

  test('offers every page in the navigation, and each renders without browser errors (zh-CN)', async () => {
    const { page, context, unexpectedProblems } = await signedIn()

    const links = await page.locator('nav a[href], nav [role="menuitem"]').allInnerTexts()
    assert.ok(links.length >= PAGES.length - 1, `navigation lists the pages: ${links.join(' | ')}`)

    for (const { path, name } of PAGES) {
      await page.goto(siyu.base + path)
      await settle(page)
      assert.equal(new URL(page.url()).pathname, path, `${path} is reachable by its address`)
      assert.equal(await page.locator('.el-message--error').count(), 0, `${path} shows no error message`)
      assert.match(await page.locator('main, .el-main, body').first().innerText(), HAN, `${path} speaks Chinese`)
      await screenshot(page, `zh-${name}`)
    }
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('switches to English everywhere', async () => {
    const { page, context, unexpectedProblems } = await openPage(browser, { locale: 'en-US' })
    await context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
    await page.goto(siyu.base + '/login')
    await screenshot(page, 'en-login')
    await logIn(page)
    await page.waitForURL((url) => url.pathname === '/')

    for (const { path, name } of PAGES) {
      await page.goto(siyu.base + path)
      await settle(page)
      const nav = await page.locator('nav').first().innerText()
      assert.doesNotMatch(nav, HAN, `the navigation on ${path} is all English: ${nav}`)
      await screenshot(page, `en-${name}`)
    }
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('the customer list opens a customer profile with all its tabs, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const { page, context, unexpectedProblems } = await openPage(browser, { locale: lang === 'en' ? 'en-US' : 'zh-CN' })
      if (lang === 'en') await context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
      await page.goto(siyu.base + '/login')
      await logIn(page)
      await page.waitForURL((url) => url.pathname === '/')

      await page.goto(siyu.base + '/customers')
      await settle(page)
      const first = page.locator('.el-table__body tbody tr').first()
      await first.waitFor()
      const name = (await first.locator('.customer-cell__link').innerText()).trim()
      // a cell away from the name link: the whole row opens the customer
      await first.locator('td').nth(3).click()
      await page.waitForURL((url) => /^\/customers\/\d+$/.test(url.pathname))
      await settle(page)
      assert.equal((await page.locator('.customer__name').innerText()).trim(), name, 'the profile of the clicked customer')
      assert.equal(await page.locator('.el-message--error').count(), 0, 'the profile shows no error message')
      assert.equal(await page.locator('.customer__kpis .kpi').count(), 4, 'the totals are shown')
      await screenshot(page, `${lang}-customer-detail`)

      for (const tab of ['identities', 'merges', 'timeline', 'orders']) {
        await page.locator(`#tab-${tab}`).click()
        await page.waitForURL((url) => url.searchParams.get('tab') === tab)
        await settle(page)
        assert.equal(await page.locator('.el-message--error').count(), 0, `the ${tab} tab shows no error message`)
        await screenshot(page, `${lang}-customer-${tab}`)
      }
      assert.deepEqual(unexpectedProblems(), [])
      await context.close()
    }
  })

  test('a deep link survives the login and a reload', async () => {
    const { page, context, unexpectedProblems } = await openPage(browser)
    await page.goto(siyu.base + '/access/audit')
    await page.waitForURL(/\/login\?redirect=/)
    await logIn(page)
    await page.waitForURL((url) => url.pathname === '/access/audit')
    await page.reload()
    await settle(page)
    assert.equal(new URL(page.url()).pathname, '/access/audit')
    assert.match(await page.locator('body').innerText(), /auth\.login|登录/)
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('the event catalog shows every type with its volume, and its example request is accepted as shown', async () => {
    const { page, context, unexpectedProblems } = await signedIn()

    await page.goto(siyu.base + '/data/events')
    await settle(page)
    const catalog = await (await page.request.get(siyu.base + '/api/v1/event-types')).json()
    assert.deepEqual(
      catalog.map((type) => type.name),
      ['view', 'favorite', 'add_to_cart', 'purchase', 'share', 'message', 'refund'],
    )
    const rows = page.locator('.event-types .el-table__body tr')
    assert.equal(await rows.count(), catalog.length)
    for (const [i, type] of catalog.entries()) {
      const row = await rows.nth(i).innerText()
      assert.ok(row.includes(type.displayName) && row.includes(type.name), `row ${i} names ${type.name}: ${row}`)
      assert.match(row, new RegExp(type.last30Days.toLocaleString('en-US')), `row ${i} shows the 30-day total`)
    }
    assert.ok((await page.locator('canvas').count()) >= 1, 'the daily volumes are drawn as a chart')

    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value
    for (const type of catalog) {
      await page.locator('.send .el-select').click()
      await page.locator('.el-select-dropdown__item').filter({ hasText: ` · ${type.name}` }).click()
      const example = JSON.parse(await page.locator('[data-testid="event-example"]').innerText())
      assert.equal(example.events[0].type, type.name)
      const sent = await page.request.post(siyu.base + '/api/v1/events', {
        data: example,
        headers: { 'X-XSRF-TOKEN': csrf ?? '' },
      })
      const result = await sent.json()
      assert.equal(sent.status(), 200, JSON.stringify(result))
      assert.equal(result.accepted, 1, `the ${type.name} example is accepted as shown: ${JSON.stringify(result)}`)
    }
    await page.locator('.send .el-select').click()
    await page.locator('.el-select-dropdown__item').filter({ hasText: ' · purchase' }).click()
    await page.locator('.el-select-dropdown').first().waitFor({ state: 'hidden' })
    await screenshot(page, 'zh-events-example')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('an administrator creates a staff account and an API key from the console, and both work', async () => {
    const { page, context, unexpectedProblems } = await signedIn()

    await page.goto(siyu.base + '/access/accounts')
    await settle(page)
    await page.getByRole('button', { name: '新建账号' }).click()
    const accountDialog = page.locator('.el-dialog').filter({ hasText: '新建员工账号' })
    await accountDialog.locator('input[name="username"]').fill('e2e-operator')
    await accountDialog.locator('input[name="displayName"]').fill('测试运营')
    await accountDialog.locator('.el-select').click()
    await page.locator('.el-select-dropdown__item').filter({ hasText: '运营专员' }).click()
    await accountDialog.locator('input[name="password"]').fill('a long enough password')
    await dialogSettled(page)
    await screenshot(page, 'zh-account-create')
    await accountDialog.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-table').getByText('e2e-operator').waitFor()
    const login = await fetch(siyu.base + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'e2e-operator', password: 'a long enough password' }),
    })
    assert.equal(login.status, 200, 'the new account can log in')
    assert.equal((await login.json()).role, 'operator')

    await page.goto(siyu.base + '/access/api-keys')
    await settle(page)
    await page.getByRole('button', { name: '新建密钥' }).click()
    const keyDialog = page.locator('.el-dialog').filter({ hasText: '新建 API 密钥' })
    await keyDialog.locator('input[name="name"]').fill('订单系统')
    await keyDialog.locator('.el-select').click()
    await page.locator('.el-select-dropdown__item').filter({ hasText: '运营经理' }).click()
    await keyDialog.getByRole('button', { name: '新建' }).click()
    const secretDialog = page.locator('.el-dialog').filter({ hasText: 'API 密钥已创建' })
    const key = await secretDialog.locator('input').first().inputValue()
    assert.match(key, /^siyu_\d+_[A-Za-z0-9]{40}$/)
    await dialogSettled(page)
    await screenshot(page, 'zh-api-key-secret')
    await secretDialog.getByRole('button', { name: '我已保存' }).click()
    await page.locator('.el-table').getByText('订单系统').waitFor()
    assert.doesNotMatch(await page.locator('body').innerText(), new RegExp(key), 'the key is not shown again')

    const me = await fetch(siyu.base + '/api/v1/auth/me', { headers: { Authorization: `Bearer ${key}` } })
    assert.equal(me.status, 200, 'the new key authenticates a machine client')
    assert.equal((await me.json()).role, 'manager')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
