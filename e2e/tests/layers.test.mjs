// The 客户分层 page as an operator uses it: RFM groups and grid on the demo data, scoring with a mistake the
// server points at, saving a group as a segment, every layer's tab, rule editing, in Chinese and English.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN, startSiyu } from '../support/server.mjs'
import { launch, openPage, screenshot } from '../support/browser.mjs'

const PATH = '/audience/layers'
const TABS = ['lifecycle', 'circle', 'growth', 'intent']
// The browser logs every 4xx the page provokes on purpose (a rejected scoring, a taken name, a bad rule).
const EXPECTED = ['status of 400', 'status of 409']
const HAN = /\p{Script=Han}/u

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

async function signedIn(lang) {
  const opened = await openPage(browser, { locale: lang === 'en' ? 'en-US' : 'zh-CN' })
  // The content scrolls inside the layout, so a full-page screenshot is only as tall as the window.
  await opened.page.setViewportSize({ width: 1440, height: 1400 })
  if (lang === 'en') await opened.context.addInitScript(() => localStorage.setItem('siyu.locale', 'en'))
  await opened.page.goto(siyu.base + '/login')
  await opened.page.locator('input[name="username"]').fill(ADMIN.username)
  await opened.page.locator('input[name="password"]').fill(ADMIN.password)
  await opened.page.locator('form.login-form button[type="submit"], form.login-form .el-button--primary').first().click()
  await opened.page.waitForURL((url) => url.pathname === '/')
  return opened
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
  // ECharts animates for about a second; screenshots should show the finished charts
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500)
}

/** Element Plus dialogs fade in over 300 ms; screenshots should show them at rest. */
const dialogSettled = (page) => page.waitForTimeout(500)

const openDialog = (page) => page.locator('.el-overlay:visible .el-dialog').last()

async function openTab(page, name) {
  await page.locator(`#tab-${name}`).click()
  await page.waitForURL((url) => url.searchParams.get('tab') === name)
  await settle(page)
}

describe('the layers page', () => {
  test('shows the RFM groups and grid; scoring mistakes are shown at the field; a group saves as a segment', async () => {
    const { page, context, unexpectedProblems } = await signedIn('zh')
    await page.goto(siyu.base + PATH)
    await page.locator('[data-group="important_value"]').waitFor()
    await settle(page)

    const grid = await (await page.request.get(siyu.base + '/api/v1/layers/rfm/grid')).json()
    assert.ok(grid.buyers > 0, 'the demo data has buyers')
    assert.equal(await page.locator('[data-group]').count(), 8, 'eight RFM group cards')
    const first = await page.locator('[data-group="important_value"]').innerText()
    assert.match(first, /重要价值客户/, 'named as the server names the level')
    const count = grid.groups.find((g) => g.key === 'important_value').count
    assert.ok(first.includes(count.toLocaleString('zh-CN')), `the card shows ${count}: ${first}`)
    assert.match(first, /占购买客户 \d/, 'with its share of the buyers')
    assert.match(await page.locator('[data-testid="rfm-buyers"]').innerText(), /购买客户 [\d,]+ \/ 全部客户 20,000/)
    assert.ok((await page.locator('canvas').count()) >= 2, 'the R×F heatmap and the score distribution are charts')
    assert.equal(await page.locator('.el-message--error').count(), 0)
    await screenshot(page, 'zh-layers-rfm')

    // Cut points must rise: 4 分 at most 10 days after 5 分 at most 30 is refused, and said so at the field.
    await page.getByRole('button', { name: '评分设置' }).click()
    const dialog = openDialog(page)
    await dialog.waitFor()
    await dialog.getByText('固定阈值').click()
    const four = dialog.locator('[data-field="recency"] [data-score="4"] input')
    await four.fill('10')
    await four.blur()
    await dialog.getByRole('button', { name: '保存' }).click()
    const error = dialog.locator('[data-field="recency"] .el-form-item__error')
    await error.waitFor()
    assert.match(await error.innerText(), /由小到大/, 'the server’s message, in Chinese, at the recency inputs')
    await dialogSettled(page)
    await screenshot(page, 'zh-layers-scoring-error')
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // A group becomes a segment; a second one of the same name is refused at the name.
    await page.locator('[data-group="important_retain"]').getByRole('button', { name: '保存为人群' }).click()
    const save = openDialog(page)
    await save.waitFor()
    assert.equal(await save.locator('input[name="name"]').inputValue(), 'RFM·重要挽留客户')
    await save.getByRole('button', { name: '保存并查看' }).click()
    await page.waitForURL((url) => /^\/audience\/segments\/\d+$/.test(url.pathname))

    await page.goto(siyu.base + PATH)
    await page.locator('[data-group="important_retain"]').getByRole('button', { name: '保存为人群' }).click()
    const again = openDialog(page)
    await again.waitFor()
    await again.getByRole('button', { name: '保存并查看' }).click()
    const taken = again.locator('.el-form-item__error')
    await taken.waitFor()
    assert.match(await taken.innerText(), /已有名为“RFM·重要挽留客户”的人群/)
    assert.equal(new URL(page.url()).pathname, PATH, 'stays on the page')
    await again.getByRole('button', { name: '取消' }).click()

    assert.deepEqual(unexpectedProblems(EXPECTED), [])
    await context.close()
  })

  test('every layer has its tab with sizes and rules; a fresh install explains when flows appear', async () => {
    const { page, context, unexpectedProblems } = await signedIn('zh')
    await page.goto(siyu.base + PATH)
    await settle(page)

    for (const tab of TABS) {
      await openTab(page, tab)
      const panel = page.locator(`#pane-${tab}`)
      assert.ok((await panel.locator('canvas').count()) >= 1, `${tab} draws its sizes`)
      assert.ok((await panel.locator('.layer-rules__level').count()) >= 3, `${tab} lists its levels and rules`)
      assert.equal(await page.locator('.el-message--error').count(), 0, `${tab} shows no error`)
      assert.match(await panel.innerText(), HAN)
      await screenshot(page, `zh-layers-${tab}`)
    }
    // Snapshots are daily: on the first day there is nothing to compare yet.
    await openTab(page, 'lifecycle')
    assert.match(await page.locator('#pane-lifecycle [data-testid="one-day"]').innerText(), /明天/)
    const lifecycle = await page.locator('#pane-lifecycle').innerText()
    assert.match(lifecycle, /近 30 天内/, 'rules read as sentences')

    // Rules are edited as JSON: not JSON is caught here, a wrong operator by the server, each at its level.
    await openTab(page, 'intent')
    await page.locator('#pane-intent').getByRole('button', { name: '编辑规则' }).click()
    const dialog = openDialog(page)
    await dialog.waitFor()
    const high = dialog.locator('[data-level="high"] textarea')
    const medium = dialog.locator('[data-level="medium"] textarea')
    await high.fill('{"attribute": "orderCount", "op": "contains", "value": 1}')
    await medium.fill('{"event": ')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.locator('[data-level="medium"] .el-form-item__error').waitFor()
    assert.match(await dialog.locator('[data-level="medium"] .el-form-item__error').innerText(), /JSON/)
    await medium.fill('{"event": {"type": "favorite", "lastDays": 14}}')
    await dialog.getByRole('button', { name: '保存' }).click()
    const serverError = dialog.locator('[data-level="high"] .el-form-item__error')
    await serverError.waitFor()
    assert.match(await serverError.innerText(), /contains/, 'the server names the operator at the first level')
    assert.match(await serverError.innerText(), /rule\.op/)
    await dialogSettled(page)
    await screenshot(page, 'zh-layers-rules-error')
    await dialog.getByRole('button', { name: '取消' }).click()

    assert.deepEqual(unexpectedProblems(EXPECTED), [])
    await context.close()
  })

  test('speaks English, with the server’s English names for layers and levels', async () => {
    const { page, context, unexpectedProblems } = await signedIn('en')
    await page.goto(siyu.base + PATH)
    await page.locator('[data-group="important_value"]').waitFor()
    await settle(page)
    const body = await page.locator('main, .el-main, body').first().innerText()
    assert.match(body, /Important value/)
    assert.match(body, /RFM value/)
    assert.match(body, /of buyers/)
    await screenshot(page, 'en-layers-rfm')

    await page.getByRole('button', { name: 'Scoring' }).click()
    await openDialog(page).waitFor()
    await dialogSettled(page)
    await screenshot(page, 'en-layers-scoring')
    await openDialog(page).getByRole('button', { name: 'Cancel' }).click()

    for (const tab of TABS) {
      await openTab(page, tab)
      const text = await page.locator(`#pane-${tab}`).innerText()
      assert.doesNotMatch(text, HAN, `${tab} is all English: ${text.match(HAN)}`)
      await screenshot(page, `en-layers-${tab}`)
    }
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
