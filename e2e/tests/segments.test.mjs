// Segments as an operator builds them: a rule in the visual builder with its live count, saved, its page with
// the size chart, everyone in it tagged and exported (its members only); a rule the server refuses; both languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN, startSiyu } from '../support/server.mjs'
import { launch, openPage, screenshot } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
const REFUSED_RULE_400 = 'status of 400'

let siyu
let browser
/** The segment the first test saves, for the ones after it. */
let saved = null

before(async () => {
  siyu = await startSiyu()
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await siyu?.stop()
})

async function logIn(page) {
  await page.locator('input[name="username"]').fill(ADMIN.username)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.locator('form.login-form button[type="submit"], form.login-form .el-button--primary').first().click()
  await page.waitForURL((url) => url.pathname === '/')
}

async function signedIn(lang = 'zh') {
  const opened = await openPage(browser, { locale: lang === 'en' ? 'en-US' : 'zh-CN' })
  if (lang === 'en') await opened.context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
  await opened.page.goto(siyu.base + '/login')
  await logIn(opened.page)
  return opened
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
  // ECharts animates for about a second; screenshots should show the finished charts
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500)
}

/** Element Plus dialogs fade in over 300 ms; screenshots should show them at rest. */
async function dialogSettled(page) {
  await page.waitForTimeout(500)
}

/** Opens an Element Plus select inside `scope` and picks the option that starts with `label`. */
async function pick(page, scope, label) {
  await scope.locator('.el-select__wrapper').first().click()
  const option = page
    .locator('.el-select-dropdown__item:visible')
    .filter({ hasText: new RegExp(`^\\s*${label}`) })
    .first()
  await option.click()
}

async function addCondition(page, kind, addLabel = '添加条件') {
  await page.locator('.rule-group__actions').last().getByRole('button', { name: addLabel, exact: true }).click()
  await page.locator('.el-dropdown-menu__item:visible').filter({ hasText: kind }).click()
}

const conditions = (page) => page.locator('[data-testid="condition"]')

/** The live count's number, once it is shown and no newer count is on its way. */
async function liveCount(page, other) {
  const number = page.locator('[data-testid="live-number"]:not(.is-stale)')
  await number.waitFor()
  if (other !== undefined) {
    await page.waitForFunction(
      (previous) => {
        const el = document.querySelector('[data-testid="live-number"]:not(.is-stale)')
        return el && Number(el.textContent.replace(/\D/g, '')) !== previous
      },
      other,
      { timeout: 15_000 },
    )
  }
  return Number((await number.innerText()).replace(/\D/g, ''))
}

/**
 * The size chart: a curve once the segment has two days of history. A segment saved today has one, so the
 * card says when the curve comes instead of drawing a lone point.
 */
async function sizeChart(page) {
  const id = new URL(page.url()).pathname.split('/').pop()
  const days = await (await page.request.get(`${siyu.base}/api/v1/segments/${id}/sizes?days=90`)).json()
  assert.ok(days.length >= 1, 'the day it was saved is recorded')
  const chart = page.getByTestId('size-chart')
  if (days.length > 1) await chart.locator('canvas').waitFor()
  else await chart.getByText(/明天|tomorrow/).waitFor()
}

async function csrf(context) {
  return (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? ''
}

const RULE = {
  and: [
    { attribute: 'gender', op: 'eq', value: 'female' },
    { event: { lastDays: 30 } },
  ],
}

describe('segments', () => {
  test('builds 性别 = 女 且 最近 30 天做过任意事件 with a live count, saves it, tags and exports everyone in it', async () => {
    const { page, context, unexpectedProblems } = await signedIn()
    await page.goto(siyu.base + '/audience/segments')
    await settle(page)
    await screenshot(page, 'zh-segments-empty')

    await page.getByRole('button', { name: '新建人群' }).first().click()
    await page.waitForURL((url) => url.pathname === '/audience/segments/new')
    await settle(page)

    await pick(page, conditions(page).nth(0).locator('[data-testid="field-select"]'), '性别')
    await pick(page, conditions(page).nth(0).locator('[data-testid="value-input"]'), '女')
    const women = await liveCount(page)
    assert.ok(women > 1000, `about half of the 20,000 demo customers are women: ${women}`)
    assert.match(await page.locator('[data-testid="live-count"]').innerText(), /占全部 \d/)
    assert.ok((await page.locator('[data-testid="members"] tbody tr').count()) > 0, 'the first members are shown')

    await addCondition(page, '行为事件')
    const active = await liveCount(page, women)
    assert.ok(active < women && active > 0, `fewer women were active in the last 30 days: ${active} of ${women}`)
    const evaluated = await page.request.post(siyu.base + '/api/v1/segments/evaluate', {
      data: { rule: RULE, preview: 0 },
      headers: { 'X-XSRF-TOKEN': await csrf(context) },
    })
    assert.equal((await evaluated.json()).count, active, 'the builder sends the rule as written')
    const firstMember = page.locator('[data-testid="members"] tbody tr a').first()
    assert.match(await firstMember.getAttribute('href'), /^\/customers\/\d+$/)

    await page.locator('input[name="name"]').fill('近 30 天活跃的女性')
    await page.locator('input[name="description"]').fill('浏览器测试创建')
    await screenshot(page, 'zh-segment-builder')

    await page.getByTestId('save').click()
    await page.waitForURL((url) => /^\/audience\/segments\/\d+$/.test(url.pathname))
    saved = { id: Number(new URL(page.url()).pathname.split('/').pop()), size: active }
    await settle(page)
    await sizeChart(page)
    await page.getByTestId('rule-summary').getByText('性别 = 女').waitFor()
    const summary = await page.getByTestId('rule-summary').innerText()
    assert.match(summary, /最近 30 天 做过 任意事件/)
    const size = await page.locator('.segment__kpis .kpi').first().innerText()
    assert.equal(Number(size.split('\n').find((line) => /^[\d,]+$/.test(line.trim()))?.replace(/\D/g, '')), active)
    await page.locator('[data-testid="members"] tbody tr a[href^="/customers/"]').first().waitFor()
    await screenshot(page, 'zh-segment-detail')

    // A tag to put on everyone: the demo data's first organisation tag, or a new one.
    const headers = { 'X-XSRF-TOKEN': await csrf(context) }
    const groups = await (await page.request.get(siyu.base + '/api/v1/tag-groups')).json()
    let tag = groups.flatMap((g) => g.tags).find((t) => !t.personal && t.segmentId == null)
    if (!tag) {
      const created = await page.request.post(siyu.base + '/api/v1/tags', {
        data: { groupId: groups[0].id, name: '浏览器测试' },
        headers,
      })
      tag = await created.json()
      await page.reload()
      await settle(page)
    }
    await page.getByRole('button', { name: '给所有成员打标签' }).click()
    const tagDialog = page.locator('.el-dialog').filter({ hasText: '给所有成员打标签' })
    await pick(page, tagDialog.getByTestId('tag-add'), tag.name)
    await page.keyboard.press('Escape')
    await dialogSettled(page)
    await screenshot(page, 'zh-segment-tag-everyone')
    await tagDialog.getByRole('button', { name: '执行' }).click()
    const result = tagDialog.getByTestId('tag-result')
    await result.waitFor()
    assert.match(await result.innerText(), new RegExp(`已处理 ${active.toLocaleString('en-US')} 位成员`))
    await dialogSettled(page)
    await screenshot(page, 'zh-segment-tagged')
    await tagDialog.locator('.el-dialog__footer').getByRole('button', { name: '关闭' }).click()

    await page.getByRole('button', { name: '导出' }).click()
    const exportDialog = page.locator('.el-dialog').filter({ hasText: '导出人群成员' })
    await exportDialog.locator('.el-radio').filter({ hasText: 'CSV' }).click()
    await exportDialog.getByRole('button', { name: '开始导出' }).click()
    await exportDialog.getByText('导出完成').waitFor({ timeout: 60_000 })
    assert.match(await exportDialog.innerText(), new RegExp(`共 ${active.toLocaleString('en-US')} 位客户`))
    await dialogSettled(page)
    await screenshot(page, 'zh-segment-export')
    await exportDialog.getByText('查看导出记录').click()
    await page.waitForURL((url) => url.pathname === '/data/exports')
    await settle(page)
    assert.match(await page.locator('.el-table__body tbody tr').first().innerText(), /已完成/)

    await page.goto(siyu.base + '/audience/segments')
    await settle(page)
    const row = page.locator('.el-table__body tbody tr').filter({ hasText: '近 30 天活跃的女性' })
    assert.match(await row.innerText(), new RegExp(active.toLocaleString('en-US')))
    await screenshot(page, 'zh-segments')

    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('the export of a segment holds its members only', async () => {
    assert.ok(saved, 'the first test saved a segment')
    const { page, context } = await signedIn()
    const jobs = await (await page.request.get(siyu.base + '/api/v1/exports?limit=1')).json()
    assert.equal(jobs.items[0].totalRows, saved.size)
    await context.close()
  })

  test('a rule the server refuses shows the reason at the condition it names', async () => {
    const { page, context, unexpectedProblems } = await signedIn()
    await page.goto(siyu.base + '/audience/segments/new')
    await settle(page)
    await pick(page, conditions(page).nth(0).locator('[data-testid="field-select"]'), '性别')
    await pick(page, conditions(page).nth(0).locator('[data-testid="value-input"]'), '女')
    await liveCount(page)
    await addCondition(page, '行为事件')
    const event = conditions(page).nth(1)
    await pick(page, event.getByTestId('event-type'), '购买')
    await event.getByRole('button', { name: '更多' }).click()
    await event.getByLabel('至少').fill('3')
    await event.getByLabel('至少').blur()
    await event.getByLabel('至多').fill('2')
    await event.getByLabel('至多').blur()
    const alert = event.getByRole('alert')
    await alert.waitFor({ timeout: 10_000 })
    assert.match(await alert.innerText(), /至多.*不能小于.*至少/)
    assert.equal(await conditions(page).nth(0).getByRole('alert').count(), 0, 'only the condition named is marked')
    assert.match(await page.getByTestId('live-count').innerText(), /规则有误/)
    await screenshot(page, 'zh-segment-builder-error')
    assert.deepEqual(unexpectedProblems([REFUSED_RULE_400]), [])
    await context.close()
  })

  test('speaks English on the list, the builder and the segment page', async () => {
    assert.ok(saved, 'the first test saved a segment')
    const { page, context, unexpectedProblems } = await signedIn('en')
    await page.goto(siyu.base + '/audience/segments')
    await settle(page)
    await page.getByRole('button', { name: 'New segment' }).waitFor()
    await screenshot(page, 'en-segments')

    await page.goto(`${siyu.base}/audience/segments/${saved.id}`)
    await settle(page)
    await sizeChart(page)
    await page.getByTestId('rule-summary').getByText('Gender = Female').waitFor()
    const summary = await page.getByTestId('rule-summary').innerText()
    assert.match(summary, /in the last 30 days did any event/)
    assert.doesNotMatch(summary, HAN, `the rule reads in English: ${summary}`)
    await screenshot(page, 'en-segment-detail')

    await page.getByRole('button', { name: 'Edit rule' }).click()
    await page.waitForURL((url) => url.pathname.endsWith('/edit'))
    await liveCount(page)
    assert.equal(await liveCount(page), saved.size, 'the saved rule counts the same')
    await addCondition(page, 'Attribute', 'Add condition')
    await pick(page, conditions(page).nth(2).locator('[data-testid="field-select"]'), 'City')
    await pick(page, conditions(page).nth(2).locator('[data-testid="op-select"]'), 'is any of')
    await pick(page, conditions(page).nth(2).locator('[data-testid="value-input"]'), 'Shanghai')
    await page.keyboard.press('Escape')
    await liveCount(page, saved.size)
    const builder = await page.locator('.rule-group').first().innerText()
    assert.doesNotMatch(builder, HAN, `the builder is all English: ${builder}`)
    await screenshot(page, 'en-segment-builder')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
