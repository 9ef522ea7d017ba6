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
  { path: '/data/exports', name: 'exports' },
  { path: '/commerce/products', name: 'products' },
  { path: '/commerce/orders', name: 'orders' },
  { path: '/access/accounts', name: 'accounts' },
  { path: '/access/api-keys', name: 'api-keys' },
  { path: '/access/audit', name: 'audit' },
  { path: '/access/tenant', name: 'tenant' },
  { path: '/access/wecom', name: 'wecom' },
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
  await page
    .locator('form.login-form button[type="submit"], form.login-form .el-button--primary')
    .first()
    .click()
}

/** A new page, signed in as the administrator, on the home page. */
async function signedIn() {
  const opened = await openPage(browser)
  await opened.page.goto(siyu.base + '/login')
  await logIn(opened.page)
  await opened.page.waitForURL((url) => url.pathname === '/')
  return opened
}

/** Element Plus dialogs and drawers fade or slide in over 300 ms; screenshots should show them at rest. */
async function dialogSettled(page) {
  await page.waitForTimeout(500)
}

/** A new page signed in as the administrator, in English. */
async function signedInEnglish() {
  const opened = await openPage(browser, { locale: 'en-US' })
  await opened.context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
  await opened.page.goto(siyu.base + '/login')
  await logIn(opened.page)
  await opened.page.waitForURL((url) => url.pathname === '/')
  return opened
}

// Excel in China saves CSV as GBK. Node encodes only UTF-8, so the few characters the test file uses
// are spelled out here as their GBK bytes (checked below by decoding the file again).
const GBK = {
  手: [0xca, 0xd6],
  机: [0xbb, 0xfa],
  号: [0xba, 0xc5],
  姓: [0xd0, 0xd5],
  名: [0xc3, 0xfb],
  性: [0xd0, 0xd4],
  别: [0xb1, 0xf0],
  城: [0xb3, 0xc7],
  市: [0xca, 0xd0],
  导: [0xb5, 0xbc],
  入: [0xc8, 0xeb],
  测: [0xb2, 0xe2],
  试: [0xca, 0xd4],
  甲: [0xbc, 0xd7],
  乙: [0xd2, 0xd2],
  丙: [0xb1, 0xfb],
  女: [0xc5, 0xae],
  男: [0xc4, 0xd0],
  上: [0xc9, 0xcf],
  海: [0xba, 0xa3],
  杭: [0xba, 0xbc],
  州: [0xd6, 0xdd],
}

function gbk(text) {
  const bytes = []
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0))
    else if (GBK[char]) bytes.push(...GBK[char])
    else throw new Error(`no GBK bytes for ${char}`)
  }
  return Buffer.from(bytes)
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
  // ECharts animates for about a second; screenshots should show the finished charts
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500)
}

/** The calendar day before today in a time zone, as YYYY-MM-DD. */
function yesterdayIn(timeZone) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

/** A funnel figure as the console shows it in Chinese: counts grouped, money in yuan with cents. */
function shownInChinese(metric) {
  if (metric.value === null) return '—'
  if (metric.kind === 'money') {
    return new Intl.NumberFormat('zh-CN', {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    }).format(metric.value)
  }
  return new Intl.NumberFormat('zh-CN').format(metric.value)
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
    const overview = await (
      await page.request.get(siyu.base + '/api/v1/dashboard/overview?days=30')
    ).json()
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

  test('the home page opens with yesterday’s summary: the figures the analytics API counts for yesterday', async () => {
    const { page, context, unexpectedProblems } = await signedIn()
    const get = async (path) => {
      const response = await page.request.get(siyu.base + path)
      assert.equal(response.status(), 200, path)
      return response.json()
    }
    const { account } = await get('/api/v1/auth/session')
    const day = yesterdayIn(account.tenant.timeZone)
    const funnel = await get(`/api/v1/analytics/funnel?from=${day}&to=${day}`)
    const metrics = new Map(funnel.stages.flatMap((stage) => stage.metrics.map((m) => [m.key, m])))
    const week = new Date(Date.parse(`${day}T00:00:00Z`) - 6 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const rates = (await get(`/api/v1/analytics/wecom?from=${week}&to=${day}`)).rates

    const summary = page.locator('[data-testid="morning-summary"]')
    await summary.locator('[data-metric]').first().waitFor()
    await settle(page)
    assert.match(await summary.innerText(), /昨日早报/)
    // each figure and the analytics page it opens
    const pages = {
      wecomAdds: 'wecom',
      lostCustomers: 'wecom',
      activeCustomers: 'funnel',
      buyers: 'gmv',
      gmv: 'gmv',
      orders: 'funnel',
    }
    assert.ok(
      metrics.get('wecomAdds').value > 0,
      `the demo has WeCom adds yesterday: ${metrics.get('wecomAdds').value}`,
    )
    for (const [key, target] of Object.entries(pages)) {
      const metric = metrics.get(key)
      const figure = summary.locator(`[data-metric="${key}"]`)
      const value = (await figure.locator('.summary-figure__value').innerText()).trim()
      assert.equal(value, shownInChinese(metric), `${key} yesterday`)
      const previous = `前日 ${shownInChinese({ ...metric, value: metric.previous })}`
      assert.ok((await figure.innerText()).includes(previous), `${key} the day before: ${previous}`)
      assert.equal(await figure.getAttribute('href'), `/analytics/${target}?from=${day}&to=${day}`)
    }

    const below = rates.filter((r) => r.below && r.value !== null)
    assert.equal(
      await summary.locator('[data-testid="below-baseline"]').count(),
      below.length,
      'a line per rate below its baseline',
    )
    assert.equal(
      await summary.locator('[data-testid="rates-note"]').count(),
      below.length === 0 ? 1 : 0,
    )
    const lost = metrics.get('lostCustomers')
    const rose =
      lost.previous === 0 ? lost.value > 0 : (lost.value - lost.previous) / lost.previous > 0.2
    assert.equal(
      await summary.locator('[data-testid="loss-rise"]').count(),
      rose ? 1 : 0,
      `losses ${lost.previous} → ${lost.value}`,
    )
    assert.equal(await page.locator('.el-message--error').count(), 0, 'no error message')
    await screenshot(page, 'home-summary')

    // a figure opens its analytics page for yesterday
    await summary.locator('[data-metric="activeCustomers"]').click()
    await page.waitForURL(
      (url) => url.pathname === '/analytics/funnel' && url.searchParams.get('from') === day,
    )
    const card = page.locator(
      '.analytics-stages [data-metric="activeCustomers"] .metric-card__value',
    )
    await card.waitFor()
    assert.equal((await card.innerText()).trim(), shownInChinese(metrics.get('activeCustomers')))

    await page.setViewportSize({ width: 1024, height: 900 })
    await page.goto(siyu.base + '/')
    await summary.locator('[data-metric]').first().waitFor()
    await settle(page)
    await screenshot(page, 'home-summary-1024')
    assert.deepEqual(unexpectedProblems(), [])
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
      assert.equal(
        await page.locator('.el-message--error').count(),
        0,
        `${path} shows no error message`,
      )
      assert.match(
        await page.locator('main, .el-main, body').first().innerText(),
        HAN,
        `${path} speaks Chinese`,
      )
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
      const { page, context, unexpectedProblems } = await openPage(browser, {
        locale: lang === 'en' ? 'en-US' : 'zh-CN',
      })
      if (lang === 'en')
        await context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
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
      assert.equal(
        (await page.locator('.customer__name').innerText()).trim(),
        name,
        'the profile of the clicked customer',
      )
      assert.equal(
        await page.locator('.el-message--error').count(),
        0,
        'the profile shows no error message',
      )
      assert.equal(await page.locator('.customer__kpis .kpi').count(), 4, 'the totals are shown')
      await screenshot(page, `${lang}-customer-detail`)

      for (const tab of ['identities', 'merges', 'timeline', 'orders']) {
        await page.locator(`#tab-${tab}`).click()
        await page.waitForURL((url) => url.searchParams.get('tab') === tab)
        await settle(page)
        assert.equal(
          await page.locator('.el-message--error').count(),
          0,
          `the ${tab} tab shows no error message`,
        )
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
      [
        'view',
        'favorite',
        'add_to_cart',
        'purchase',
        'share',
        'message',
        'refund',
        'wecom_add',
        'wecom_loss',
        'points_expiring',
        'tier_change',
        'check_in',
        'review',
        'tier_drop_warning',
        'member_anniversary',
        'card_expiring',
      ],
    )
    const rows = page.locator('.event-types .el-table__body tr')
    assert.equal(await rows.count(), catalog.length)
    for (const [i, type] of catalog.entries()) {
      const row = await rows.nth(i).innerText()
      assert.ok(
        row.includes(type.displayName) && row.includes(type.name),
        `row ${i} names ${type.name}: ${row}`,
      )
      assert.match(
        row,
        new RegExp(type.last30Days.toLocaleString('en-US')),
        `row ${i} shows the 30-day total`,
      )
    }
    assert.ok((await page.locator('canvas').count()) >= 1, 'the daily volumes are drawn as a chart')

    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value
    for (const type of catalog) {
      await page.locator('.send .el-select').click()
      await page
        .locator('.el-select-dropdown__item')
        .filter({ hasText: ` · ${type.name}` })
        .click()
      const example = JSON.parse(await page.locator('[data-testid="event-example"]').innerText())
      assert.equal(example.events[0].type, type.name)
      const sent = await page.request.post(siyu.base + '/api/v1/events', {
        data: example,
        headers: { 'X-XSRF-TOKEN': csrf ?? '' },
      })
      const result = await sent.json()
      assert.equal(sent.status(), 200, JSON.stringify(result))
      assert.equal(
        result.accepted,
        1,
        `the ${type.name} example is accepted as shown: ${JSON.stringify(result)}`,
      )
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
    assert.doesNotMatch(
      await page.locator('body').innerText(),
      new RegExp(key),
      'the key is not shown again',
    )

    const me = await fetch(siyu.base + '/api/v1/auth/me', {
      headers: { Authorization: `Bearer ${key}` },
    })
    assert.equal(me.status, 200, 'the new key authenticates a machine client')
    assert.equal((await me.json()).role, 'manager')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('an administrator imports a GBK customer file through the wizard, and finds the customers', async () => {
    const { page, context, unexpectedProblems } = await signedIn()
    const lines = [
      '手机号,姓名,性别,城市',
      '19288880001,导入测试甲,女,上海',
      '19288880002,导入测试乙,男,杭州',
      '1234,导入测试,女,上海',
      '19288880003,导入测试丙,女,杭州',
    ]
    const file = gbk(lines.join('\r\n') + '\r\n')
    assert.equal(
      new TextDecoder('gbk').decode(file),
      lines.join('\r\n') + '\r\n',
      'the file is GBK',
    )

    await page.goto(siyu.base + '/data/imports')
    await settle(page)
    await page.locator('.imports__upload input[type=file]').setInputFiles({
      name: '会员名单.csv',
      mimeType: 'text/csv',
      buffer: file,
    })
    const mapping = page.locator('.imports__mapping')
    await mapping.locator('.imports__columns').waitFor()
    assert.match(await mapping.innerText(), /会员名单\.csv（GBK）/, 'the encoding is detected')
    assert.match(await mapping.innerText(), /导入测试甲 · 导入测试乙/, 'the samples are decoded')
    const chosen = await mapping
      .locator('.imports__columns .el-select__selected-item')
      .allInnerTexts()
    assert.deepEqual(
      chosen.map((c) => c.trim()).filter(Boolean),
      ['手机号', '姓名', '性别', '城市'],
      'the suggested mapping',
    )
    await screenshot(page, 'zh-import-mapping')

    await page.getByRole('button', { name: '试运行' }).click()
    const dry = page.locator('.imports__dry-run')
    await dry.waitFor()
    assert.match(await dry.innerText(), /试运行：3 行可导入，1 行被拒绝/)
    const badRow = dry.locator('.el-table__body tr').filter({ hasText: '拒绝' })
    assert.equal(await badRow.count(), 1, 'one rejected row')
    assert.match(
      await badRow.locator('td').first().innerText(),
      /^\s*4\s*$/,
      'the fourth line of the file',
    )
    const problem = (await badRow.locator('.imports__error').first().innerText()).trim()
    assert.ok(
      HAN.test(problem) && !/[A-Za-z]/.test(problem),
      `the row says why, in Chinese only: ${problem}`,
    )
    await screenshot(page, 'zh-import-dry-run')

    await page.getByRole('button', { name: '开始导入' }).click()
    const run = page.locator('.imports__run')
    await run.getByText('已完成').waitFor({ timeout: 60_000 })
    await settle(page)
    await page.waitForTimeout(700) // the progress bar grows for 0.6 s
    const counts = await run.innerText()
    assert.match(counts, /已处理 4 \/ 4 行/)
    assert.match(counts, /成功 3 行/)
    assert.match(counts, /拒绝 1 行/)
    await screenshot(page, 'zh-import-done')

    const report = run.locator('.imports__download')
    const href = await report.getAttribute('href')
    assert.match(href, /^\/api\/v1\/imports\/\d+\/errors$/)
    const errors = await page.request.get(siyu.base + href)
    assert.equal(errors.status(), 200)
    const csv = (await errors.text()).replace(/^\uFEFF/, '')
    assert.match(csv, /^行号,字段,错误/, `the report has a Chinese header: ${csv}`)
    const reported = csv.split(/\r?\n/).filter((line) => line.startsWith('4,'))
    assert.equal(reported.length, 1, `the report names row 4 once: ${csv}`)
    assert.match(reported[0], /^4,[^,]*,.+/, `with the column and the reason: ${reported[0]}`)
    assert.match(
      await page.locator('.imports__history').innerText(),
      /会员名单\.csv/,
      'the history lists the import',
    )

    await page.goto(siyu.base + '/customers')
    await settle(page)
    await page.locator('input[name="q"]').fill('导入测试甲')
    // The search request starts after the address changes: wait for its answer, not for an idle network
    const searched = page.waitForResponse(
      (r) =>
        r.url().includes('/api/v1/customers?') &&
        new URL(r.url()).searchParams.get('q') === '导入测试甲',
    )
    await page.locator('input[name="q"]').press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === '导入测试甲')
    await searched
    await settle(page)
    const rows = page.locator('.el-table__body tbody tr')
    assert.equal(await rows.count(), 1, 'the imported customer is found by name')
    const row = await rows.first().innerText()
    for (const part of ['导入测试甲', '192****0001', '女', '上海'])
      assert.ok(row.includes(part), `${part} in ${row}`)
    await screenshot(page, 'zh-customers-imported')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('a paid order is refunded in part from its drawer; more than is left is refused on the amount', async () => {
    const { page, context, unexpectedProblems } = await signedIn()
    await page.goto(siyu.base + '/commerce/orders')
    await settle(page)
    await page
      .locator('.el-radio-button')
      .filter({ hasText: /^\s*已付款\s*$/ })
      .click()
    await settle(page)
    await page.locator('.el-table__body tbody tr').first().locator('td').nth(3).click()
    const drawer = page.locator('.order-drawer')
    await drawer.getByText('商品明细').waitFor()
    await settle(page)
    const orderNo = ((await drawer.locator('.el-drawer__title').innerText()).match(/订单 (\S+)/) ??
      [])[1]
    assert.ok(orderNo, 'the drawer names the order')
    const before = await (
      await page.request.get(`${siyu.base}/api/v1/orders/${encodeURIComponent(orderNo)}`)
    ).json()
    assert.equal(before.status, 'paid')
    assert.match(await drawer.innerText(), /可退/)
    await dialogSettled(page)
    await screenshot(page, 'zh-order-drawer')

    await drawer.getByRole('button', { name: '退款' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: `退款 · ${orderNo}` })
    const amount = dialog.locator('input[name="amount"]')
    const left = Number(await amount.inputValue())
    assert.ok(left > 1, `the whole refundable amount is offered: ${left}`)
    const refundNo = await dialog.locator('input[name="number"]').inputValue()
    assert.ok(refundNo.startsWith(`${orderNo}-RF-`), refundNo)
    await amount.fill(String(left + 100))
    await dialog.getByRole('button', { name: '确认退款' }).click()
    const error = dialog.locator('.el-form-item__error')
    await error.waitFor()
    assert.match(await error.innerText(), /退款金额超过可退金额/)
    await dialogSettled(page)
    await screenshot(page, 'zh-order-refund-too-much')

    await amount.fill('1')
    await dialog.locator('input[name="reason"]').fill('浏览器测试退款')
    assert.equal(
      await dialog.locator('input[name="number"]').inputValue(),
      refundNo,
      'a retry keeps the number',
    )
    await dialog.getByRole('button', { name: '确认退款' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已退款 ¥1.00' }).waitFor()
    await drawer.getByText(refundNo).waitFor()
    assert.match(await drawer.innerText(), /部分退款/)
    assert.match(
      await page.locator('.el-table__body tbody tr').first().innerText(),
      /部分退款/,
      'the list shows it too',
    )
    await dialogSettled(page)
    await screenshot(page, 'zh-order-refunded')

    // The refund number is the server's idempotency key: the same refund sent again changes nothing.
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value
    const again = await page.request.post(
      `${siyu.base}/api/v1/orders/${encodeURIComponent(orderNo)}/refunds`,
      {
        data: { refundNo, amount: '1.00', refundedAt: new Date().toISOString(), reason: 'again' },
        headers: { 'X-XSRF-TOKEN': csrf ?? '' },
      },
    )
    assert.equal(again.status(), 200)
    const after = await again.json()
    assert.equal(
      Math.round(after.refundedAmount * 100),
      Math.round(before.refundedAmount * 100) + 100,
    )
    assert.equal(after.refunds.filter((r) => r.refundNo === refundNo).length, 1)
    // The refused refund is a 409 on purpose.
    assert.deepEqual(unexpectedProblems(['status of 409']), [])
    await context.close()

    const english = await signedInEnglish()
    await english.page.goto(siyu.base + '/commerce/orders')
    await settle(english.page)
    await english.page
      .locator('.el-table__body tbody tr')
      .filter({ hasText: orderNo })
      .locator('td')
      .nth(3)
      .click()
    const drawerEn = english.page.locator('.order-drawer')
    await drawerEn.getByText('Lines').waitFor()
    await settle(english.page)
    await dialogSettled(english.page)
    const textEn = await drawerEn.innerText()
    for (const part of [
      `Order ${orderNo}`,
      'Partly refunded',
      'Refundable',
      'Payments',
      'Refunds',
    ]) {
      assert.ok(textEn.includes(part), `${part} in the English drawer`)
    }
    await screenshot(english.page, 'en-order-drawer')
    await drawerEn.getByRole('button', { name: 'Refund' }).click()
    await dialogSettled(english.page)
    await screenshot(english.page, 'en-order-refund')
    assert.deepEqual(english.unexpectedProblems(), [])
    await english.context.close()
  })

  test('an export started from the customer list shows in the export history and downloads', async () => {
    const { page, context, unexpectedProblems } = await signedIn()
    await page.goto(siyu.base + '/customers?memberLevel=3')
    await settle(page)
    await page.getByRole('button', { name: '导出' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '导出客户' })
    await dialog.locator('.el-radio').filter({ hasText: 'CSV' }).click()
    await dialog.getByRole('button', { name: '开始导出' }).click()
    await dialog.getByText('导出完成').waitFor({ timeout: 60_000 })
    await dialog.getByText('查看导出记录').click()
    await page.waitForURL((url) => url.pathname === '/data/exports')
    await settle(page)
    const first = page.locator('.el-table__body tbody tr').first()
    assert.match(await first.innerText(), /已完成/)
    const href = await first.locator('a[download]').getAttribute('href')
    const file = await page.request.get(siyu.base + href)
    assert.equal(file.status(), 200)
    assert.match(file.headers()['content-type'], /text\/csv/)
    assert.match(await file.text(), /客户编号/, 'the file has the Chinese header')
    await screenshot(page, 'zh-exports-done')

    await page.goto(siyu.base + '/customers')
    await settle(page)
    const owner = page
      .locator('.filters .el-select')
      .filter({ has: page.locator('input[aria-label="负责人"]') })
    await owner.click()
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    const options = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    assert.match(options[0], /^我（/, `the signed-in account first: ${options.join(' | ')}`)
    await screenshot(page, 'zh-customers-owner-filter')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
