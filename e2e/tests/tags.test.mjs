// Tags as operators use them: groups and tags on the tag page, a customer tagged from the profile and
// many from the list, the history, a taken name refused on its field; screenshots in both languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn as signInAs } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
// A taken name is a 409 on purpose; so is deleting a group that still has tags.
const CONFLICT = 'status of 409'
const STAFF = { username: 'e2e-tags-staff', password: 'a long enough password', displayName: '标签测试店员' }

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

function signIn(options) {
  return signInAs(browser, siyu.base, options)
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
}

/** Element Plus dialogs, drawers and poppers fade or slide in; screenshots should show them at rest. */
async function atRest(page) {
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
  return { status: response.status(), body: response.status() === 204 ? null : await response.json() }
}

async function findTag(page, name) {
  const groups = await (await page.request.get(siyu.base + '/api/v1/tag-groups')).json()
  return groups.flatMap((g) => g.tags).find((t) => t.name === name)
}

/** Picks a tag in the open dialog's tag picker by typing its name. */
async function pickTag(page, dialog, name) {
  await dialog.locator('.tag-picker').click()
  await dialog.locator('.tag-picker input').fill(name)
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: name }).first().click()
  // close the dropdown so that it does not cover the dialog in screenshots
  await dialog.locator('.el-dialog__title').click()
}

/** The dialog with exactly this title (新建标签 is not 新建标签组). */
const dialog = (page, title) =>
  page.locator('.el-dialog').filter({ has: page.locator('.el-dialog__title', { hasText: new RegExp(`^${title}$`) }) })

const group = (page, name) =>
  page.locator('.tag-group').filter({ has: page.locator('.tag-group__name', { hasText: new RegExp(`^${name}$`) }) })

describe('tags', () => {
  test('an operator keeps tag groups and tags, tags a customer from the profile and many from the list', async () => {
    const { page, context, unexpectedProblems } = await signIn()

    // the tag page: the demo data's groups with their kinds and counts
    await page.goto(siyu.base + '/audience/tags')
    await settle(page)
    const seeded = await group(page, '跟进状态')
    assert.match(await seeded.locator('.kind-badge').innerText(), /跟进状态/)
    assert.match(await seeded.locator('.tag-chip').first().innerText(), /\d/, 'each tag shows how many customers carry it')
    assert.equal(await page.locator('.el-message--error').count(), 0)
    await screenshot(page, 'zh-tags')

    // a new group of a chosen kind
    await page.getByRole('button', { name: '新建标签组' }).click()
    const groupDialog = dialog(page, '新建标签组')
    await groupDialog.locator('input[name="groupName"]').fill('E2E 回访计划')
    await groupDialog.locator('.el-select').click()
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '客户跟进到了哪一步' }).click()
    await atRest(page)
    await screenshot(page, 'zh-tag-group-create')
    await groupDialog.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已新建标签组“E2E 回访计划”' }).waitFor()
    const created = group(page, 'E2E 回访计划')
    await created.waitFor()
    assert.match(await created.locator('.kind-badge').innerText(), /跟进状态/)

    // a tag in it
    await created.getByRole('button', { name: '添加标签' }).click()
    const tagDialog = dialog(page, '新建标签')
    assert.match(await tagDialog.locator('.el-select').innerText(), /E2E 回访计划/, 'the group is chosen')
    await tagDialog.locator('input[name="tagName"]').fill('E2E 待回访')
    await tagDialog.getByRole('button', { name: '新建' }).click()
    await created.locator('.tag-chip').filter({ hasText: 'E2E 待回访' }).waitFor()

    // the same name again is refused on the name field, not as a toast
    await created.getByRole('button', { name: '添加标签' }).click()
    await tagDialog.locator('input[name="tagName"]').fill('E2E 待回访')
    await tagDialog.getByRole('button', { name: '新建' }).click()
    const taken = tagDialog.locator('.el-form-item__error')
    await taken.waitFor()
    assert.match(await taken.innerText(), /已有名为“E2E 待回访”的标签/)
    assert.equal(await page.locator('.el-message--error').count(), 0)
    await atRest(page)
    await screenshot(page, 'zh-tag-duplicate')
    await tagDialog.getByRole('button', { name: '取消' }).click()
    await tagDialog.waitFor({ state: 'hidden' })

    // a personal tag of one's own
    await page.getByRole('button', { name: '新建个人标签' }).click()
    const personalDialog = dialog(page, '新建个人标签')
    await personalDialog.locator('input[name="tagName"]').fill('E2E 周末才回')
    await personalDialog.locator('.el-select').click()
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: 'E2E 回访计划' }).click()
    await personalDialog.getByRole('button', { name: '新建' }).click()
    await page.locator('[data-testid="personal-tags"] .tag-chip').filter({ hasText: 'E2E 周末才回' }).waitFor()
    assert.equal((await findTag(page, 'E2E 周末才回')).personal, true)

    // tag the first customer of the list from the profile
    await page.goto(siyu.base + '/customers')
    await settle(page)
    const firstRow = page.locator('.el-table__body tbody tr').first()
    const href = await firstRow.locator('.customer-cell__link').getAttribute('href')
    const customerId = Number(href.split('/').pop())
    await page.goto(`${siyu.base}/customers/${customerId}?tab=tags`)
    await settle(page)
    const panel = page.locator('[data-testid="customer-tags"]')
    await panel.getByRole('button', { name: '添加标签' }).click()
    const addDialog = dialog(page, '为客户添加标签')
    await pickTag(page, addDialog, 'E2E 待回访')
    await atRest(page)
    await screenshot(page, 'zh-customer-tag-add')
    await addDialog.getByRole('button', { name: '添加' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已添加 1 个标签' }).waitFor()
    const chip = panel.locator('.customer-tag').filter({ hasText: 'E2E 待回访' })
    await chip.waitFor()
    assert.match(await chip.innerText(), /手动/, 'the chip says how it was set')
    const history = page.locator('[data-testid="tag-history"] .history__entry').first()
    await history.filter({ hasText: 'E2E 待回访' }).waitFor()
    assert.match(await history.innerText(), /打上/)
    assert.match(await history.innerText(), /admin|管理员/, `who set it: ${await history.innerText()}`)
    await chip.hover()
    await page.locator('.el-popper.is-dark:visible').filter({ hasText: '来源：手动' }).waitFor()
    await atRest(page)
    await screenshot(page, 'zh-customer-tags')

    // the same tag on the first three customers of the list: the first has it already
    await page.goto(siyu.base + '/customers')
    await settle(page)
    const rows = page.locator('.el-table__body tbody tr')
    for (let i = 0; i < 3; i++) await rows.nth(i).locator('.select-cell .el-checkbox').click()
    const bar = page.locator('[data-testid="bulk-bar"]')
    assert.match(await bar.innerText(), /已选择 3 位客户/)
    assert.equal(new URL(page.url()).pathname, '/customers', 'picking rows does not open a customer')
    await bar.getByRole('button', { name: '批量打标签' }).click()
    const bulkDialog = dialog(page, '批量打标签')
    await pickTag(page, bulkDialog, 'E2E 待回访')
    await atRest(page)
    await screenshot(page, 'zh-customers-bulk-tag')
    await bulkDialog.getByRole('button', { name: '打标签' }).click()
    const done = page.locator('.el-message--success').filter({ hasText: '已为 3 位客户打标签' })
    await done.waitFor()
    assert.match(await done.innerText(), /新打上 2 个/)
    await bar.waitFor({ state: 'hidden' })

    // the counts follow within a second
    const tag = await findTag(page, 'E2E 待回访')
    for (let tries = 0; tries < 20 && (await findTag(page, 'E2E 待回访')).customerCount !== 3; tries++) {
      await page.waitForTimeout(250)
    }
    assert.equal((await findTag(page, 'E2E 待回访')).customerCount, 3)
    await page.goto(siyu.base + '/audience/tags')
    await settle(page)
    await page.locator('input[name="tagSearch"]').fill('E2E')
    const found = page.locator(`.tag-chip[data-tag-id="${tag.id}"]`)
    assert.match(await found.innerText(), /E2E 待回访\s*3/)
    await found.click()
    await page.locator('.tag-chip__card:visible').waitFor()
    assert.match(await page.locator('.tag-chip__card:visible').innerText(), /3 位客户/)
    await atRest(page)
    await screenshot(page, 'zh-tags-search')
    await page.keyboard.press('Escape')

    // a group with tags cannot be deleted: the page says why before asking the server
    await group(page, 'E2E 回访计划').locator('.tag-group__more').click()
    await page.locator('.el-dropdown-menu__item:visible').filter({ hasText: '删除标签组' }).click()
    const box = page.locator('.el-message-box')
    await box.filter({ hasText: '只能删除空的标签组' }).waitFor()
    await atRest(page)
    await screenshot(page, 'zh-tag-group-not-empty')
    await box.getByRole('button', { name: '知道了' }).click()

    // deleting a tag says how many customers lose it
    await page.locator('input[name="tagSearch"]').fill('')
    await page.locator(`.tag-chip[data-tag-id="${tag.id}"]`).click()
    await page.locator('.el-dropdown-menu__item:visible').filter({ hasText: '删除标签' }).click()
    await box.filter({ hasText: '3 位客户将不再带有它' }).waitFor()
    await box.getByRole('button', { name: '删除标签' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已删除标签“E2E 待回访”' }).waitFor()
    const customerTags = await (await page.request.get(`${siyu.base}/api/v1/customers/${customerId}/tags`)).json()
    assert.ok(!customerTags.some((t) => t.tagId === tag.id), 'the customer no longer carries it')
    const kept = await (await page.request.get(`${siyu.base}/api/v1/customers/${customerId}/tag-history`)).json()
    assert.ok(kept.items.some((e) => e.tagName === 'E2E 待回访'), 'the history keeps it')

    assert.deepEqual(unexpectedProblems([CONFLICT]), [])
    await context.close()
  })

  test('staff see the tags and keep personal ones, without the management buttons', async () => {
    const admin = await signIn()
    const made = await api(admin.page, admin.context, 'POST', '/api/v1/accounts', { ...STAFF, role: 'staff' })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    await admin.context.close()

    const { page, context, unexpectedProblems } = await signIn({ account: STAFF })
    await page.goto(siyu.base + '/audience/tags')
    await settle(page)
    assert.equal(await page.getByRole('button', { name: '新建标签组' }).count(), 0)
    assert.equal(await page.locator('.tag-group__more').count(), 0)
    assert.match(await page.locator('body').innerText(), /标签组和公共标签由运营人员维护/)
    await page.getByRole('button', { name: '新建个人标签' }).click()
    const personal = dialog(page, '新建个人标签')
    await personal.locator('input[name="tagName"]').fill('E2E 店员自用')
    await personal.locator('.el-select').click()
    await page.locator('.el-select-dropdown__item:visible').first().click()
    await personal.getByRole('button', { name: '新建' }).click()
    await page.locator('[data-testid="personal-tags"] .tag-chip').filter({ hasText: 'E2E 店员自用' }).waitFor()
    await screenshot(page, 'zh-tags-staff')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })

  test('speaks English on the tag page, the profile tab and the bulk dialog', async () => {
    const { page, context, unexpectedProblems } = await signIn({ locale: 'en' })
    await page.goto(siyu.base + '/audience/tags')
    await settle(page)
    const nav = await page.locator('nav').first().innerText()
    assert.doesNotMatch(nav, HAN, `the navigation is all English: ${nav}`)
    const text = await page.locator('.tags-page').innerText()
    for (const part of ['The six kinds of tag group', 'My personal tags', 'Follow-up', 'New group']) {
      assert.ok(text.includes(part), `${part} on the English tag page`)
    }
    await screenshot(page, 'en-tags')
    await page.getByRole('button', { name: 'New tag', exact: true }).click()
    await atRest(page)
    await screenshot(page, 'en-tag-create')
    await page.locator('.el-dialog:visible').getByRole('button', { name: 'Cancel' }).click()

    await page.goto(siyu.base + '/customers')
    await settle(page)
    const href = await page.locator('.el-table__body tbody tr').first().locator('.customer-cell__link').getAttribute('href')
    await page.goto(`${siyu.base}${href}?tab=tags`)
    await settle(page)
    const panel = await page.locator('[data-testid="customer-tags"]').innerText()
    assert.ok(panel.includes('Tag history') && panel.includes('Add tags'), panel)
    await screenshot(page, 'en-customer-tags')

    await page.goto(siyu.base + '/customers')
    await settle(page)
    const rows = page.locator('.el-table__body tbody tr')
    for (let i = 0; i < 2; i++) await rows.nth(i).locator('.select-cell .el-checkbox').click()
    await page.locator('[data-testid="bulk-bar"]').getByRole('button', { name: 'Tag customers' }).click()
    const bulk = page.locator('.el-dialog').filter({ hasText: 'Add these tags to the 2 selected customers' })
    await bulk.waitFor()
    await atRest(page)
    await screenshot(page, 'en-customers-bulk-tag')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
