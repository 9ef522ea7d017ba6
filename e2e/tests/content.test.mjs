// The content center as an operator uses it: a material group, an image uploaded into it, a link with a
// cover, the preview as a customer sees it in WeChat; a script group and a script with the image attached,
// found by searching and copied (the clipboard holds its text, the server counts the use); screenshots in
// both languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'
import { startSiyu } from '../support/server.mjs'
import { launch, screenshot, signIn as signInAs } from '../support/browser.mjs'

const HAN = /\p{Script=Han}/u
const IMAGE = 'E2E 双11主图'
const LINK = 'E2E 会员日活动'
const SCRIPT = 'E2E 询问价格'
// The empty file is refused on purpose.
const BAD_UPLOAD = 'status of 400'
const SCRIPT_TEXT = '您好，这款现在会员价 199 元。\n下单前领券还能再减 20 元哦。'

let siyu
let browser

before(async () => {
  siyu = await startSiyu({ demoCustomers: 200 })
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

/** Dialogs, drawers and poppers fade or slide in; screenshots should show them at rest, not hovered. */
async function atRest(page) {
  await page.mouse.move(0, 0)
  await page.waitForTimeout(600)
}

// ---- a small PNG, made here: a diagonal gradient with a light band, so a thumbnail shows something ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(width, height, [r1, g1, b1], [r2, g2, b2]) {
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height)
      const band = Math.abs(y - height / 2) < height / 10 ? 40 : 0
      row[1 + x * 3] = Math.min(255, Math.round(r1 + (r2 - r1) * t) + band)
      row[2 + x * 3] = Math.min(255, Math.round(g1 + (g2 - g1) * t) + band)
      row[3 + x * 3] = Math.min(255, Math.round(b1 + (b2 - b1) * t) + band)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per channel
  header[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---- page helpers ----

/** The dialog with exactly this title. */
const dialog = (page, title) =>
  page.locator('.el-dialog').filter({ has: page.locator('.el-dialog__title', { hasText: new RegExp(`^${title}$`) }) })

const card = (page, title) => page.locator('.material-card').filter({ hasText: title })

async function pickKind(page, form, label) {
  await form.locator('.material-form__kinds .el-radio-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).click()
}

/** Uploads a picture through one of the dialog's upload fields and waits until the server kept it. */
async function upload(form, field, name, buffer) {
  const box = form.locator(`[data-upload="${field}"]`)
  await box.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer })
  await box.locator('[data-testid="upload-kept"]').waitFor()
  return box
}

/** Every image in `scope` has loaded a picture (a broken one is 0 wide). */
async function imagesLoaded(scope) {
  return scope
    .locator('img')
    .evaluateAll((images) => images.length > 0 && images.every((i) => i.complete && i.naturalWidth > 0))
}

async function chooseOption(page, select, label) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).first().click()
}

describe('content', () => {
  test('an operator uploads materials, previews one, and writes, finds and copies a script with it', async () => {
    const { page, unexpectedProblems, context } = await signIn({ clipboard: true })

    // the empty library explains itself
    await page.goto(siyu.base + '/content/materials')
    await settle(page)
    assert.match(await page.locator('nav').first().innerText(), /内容中心[\s\S]*素材库[\s\S]*话术库/)
    await page.locator('.materials__results').getByText('素材库还是空的').waitFor()
    await atRest(page)
    await screenshot(page, 'zh-materials-empty')

    // a group
    await page.locator('[data-testid="group-create"]').click()
    const groupDialog = dialog(page, '新建分组')
    await groupDialog.locator('input[name="groupName"]').fill('E2E 双11大促')
    await groupDialog.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已新建分组“E2E 双11大促”' }).waitFor()
    const groupLine = page.locator('.group-list__item.is-active')
    assert.match(await groupLine.innerText(), /E2E 双11大促\s*0/)

    // an image, uploaded into the group (it is the one chosen)
    await page.locator('.page-header').getByRole('button', { name: '新建素材' }).click()
    const form = dialog(page, '新建素材')
    await pickKind(page, form, '图片')

    // a file the server refuses (an empty one) says why right under the upload, in the server's words
    const fileBox = form.locator('[data-upload="file"]')
    await fileBox.locator('input[type=file]').setInputFiles({ name: '空白.png', mimeType: 'image/png', buffer: Buffer.alloc(0) })
    const refused = fileBox.locator('[role="alert"]')
    await refused.waitFor()
    assert.match(await refused.innerText(), /上传的文件是空的/)
    assert.equal(await page.locator('.el-message--error').count(), 0, 'said in the dialog, not in a toast')
    await atRest(page)
    await screenshot(page, 'zh-material-upload-refused')

    const kept = await upload(form, 'file', '双11主图.png', png(480, 320, [224, 69, 123], [255, 178, 64]))
    assert.match(await kept.innerText(), /双11主图\.png[\s\S]*480×320/)
    assert.equal(await form.locator('input[name="title"]').inputValue(), '双11主图', 'named after the file')
    await form.locator('input[name="title"]').fill(IMAGE)
    assert.match(await form.locator('.material-form__group').innerText(), /E2E 双11大促/)
    const tags = form.locator('.el-input-tag input')
    await tags.fill('主图')
    await tags.press('Enter')
    await atRest(page)
    await screenshot(page, 'zh-material-image-create')
    await form.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-message--success').filter({ hasText: `已新建素材“${IMAGE}”` }).waitFor()
    await card(page, IMAGE).waitFor()
    assert.ok(await imagesLoaded(card(page, IMAGE)), 'the card shows the uploaded image')
    assert.match(await groupLine.innerText(), /E2E 双11大促\s*1/)

    // a link with a cover, in no group
    await page.locator('[data-group-key="all"] .group-list__choose').click()
    await settle(page)
    await page.locator('.page-header').getByRole('button', { name: '新建素材' }).click()
    await pickKind(page, form, '链接')
    await form.locator('input[name="title"]').fill(LINK)
    await form.locator('input[name="url"]').fill('https://shop.example.com/member-day')
    await form.locator('textarea[name="description"]').fill('本周六会员专享 8 折，到店再送小样')
    await upload(form, 'cover', 'cover.png', png(200, 200, [47, 111, 237], [14, 159, 140]))
    await form.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-message--success').filter({ hasText: `已新建素材“${LINK}”` }).waitFor()
    await card(page, LINK).waitFor()
    assert.ok(await imagesLoaded(card(page, LINK)), 'the link card shows its cover')

    // the tabs count the kinds
    assert.match(await page.locator('#tab-all').innerText(), /全部\s*2/)
    assert.match(await page.locator('#tab-image').innerText(), /图片\s*1/)
    assert.match(await page.locator('#tab-link').innerText(), /链接\s*1/)
    assert.match(await page.locator('[data-group-key="none"]').innerText(), /未分组\s*1/)
    await atRest(page)
    await screenshot(page, 'zh-materials')

    // the search finds by title
    await page.locator('.materials__main input[name="q"]').fill('会员日')
    await page.locator('.materials__main input[name="q"]').press('Enter')
    await page.locator('#tab-all').filter({ hasText: /全部\s*1/ }).waitFor()
    await card(page, IMAGE).waitFor({ state: 'detached' })
    assert.equal(await page.locator('.material-card').count(), 1)

    // the preview: the link card in the customer's chat
    await card(page, LINK).locator('.material-card__thumb').click()
    const drawer = page.locator('.material-preview')
    const chat = drawer.locator('[data-testid="phone"] [data-attachment="link"]')
    await chat.waitFor()
    assert.match(await chat.innerText(), /E2E 会员日活动[\s\S]*本周六会员专享 8 折/)
    assert.ok(await imagesLoaded(chat), 'the card in the chat shows the cover')
    await atRest(page)
    await screenshot(page, 'zh-material-preview')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // a mini program and a file, as their chat cards
    await page.locator('.materials__main').getByRole('button', { name: '重置' }).click()
    await card(page, IMAGE).waitFor()
    await page.locator('.page-header').getByRole('button', { name: '新建素材' }).click()
    await pickKind(page, form, '小程序')
    await form.locator('input[name="title"]').fill('E2E 小程序商城首页')
    await form.locator('input[name="appId"]').fill('wx1234567890abcdef')
    await form.locator('input[name="page"]').fill('pages/index/index')
    await upload(form, 'cover', 'mini.png', png(250, 200, [7, 193, 96], [47, 111, 237]))
    await form.getByRole('button', { name: '新建' }).click()
    await card(page, 'E2E 小程序商城首页').waitFor()

    await page.locator('.page-header').getByRole('button', { name: '新建素材' }).click()
    await pickKind(page, form, '文件')
    await form
      .locator('[data-upload="file"] input[type=file]')
      .setInputFiles({ name: '2026 价目表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e price list\n') })
    await form.locator('[data-upload="file"] [data-testid="upload-kept"]').waitFor()
    await form.getByRole('button', { name: '新建' }).click()
    const fileCard = card(page, '2026 价目表')
    await fileCard.waitFor()
    assert.match(await fileCard.locator('[data-testid="material-size"]').innerText(), /\d+ B/)
    await atRest(page)
    await screenshot(page, 'zh-materials-kinds')

    await card(page, 'E2E 小程序商城首页').locator('.material-card__thumb').click()
    const mini = drawer.locator('[data-attachment="miniprogram"]')
    await mini.waitFor()
    assert.ok(await imagesLoaded(mini), 'the mini-program card shows its cover')
    await atRest(page)
    await screenshot(page, 'zh-material-miniprogram-preview')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    await fileCard.locator('.material-card__thumb').click()
    assert.match(await drawer.locator('[data-attachment="file"]').innerText(), /2026 价目表\.pdf[\s\S]*PDF/)
    await atRest(page)
    await screenshot(page, 'zh-material-file-preview')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // a script group and a script with the image attached
    await page.goto(siyu.base + '/content/scripts')
    await settle(page)
    await page.getByText('还没有话术分组').waitFor()
    await page.locator('.scripts__results').getByRole('button', { name: '新建分组' }).click()
    const scriptGroup = dialog(page, '新建分组')
    await scriptGroup.locator('input[name="groupName"]').fill('E2E 售前咨询')
    await scriptGroup.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-message--success').filter({ hasText: '已新建分组“E2E 售前咨询”' }).waitFor()

    await page.locator('.page-header').getByRole('button', { name: '新建话术' }).click()
    const scriptForm = dialog(page, '新建话术')
    assert.match(await scriptForm.locator('.el-select').first().innerText(), /E2E 售前咨询/)
    await scriptForm.locator('input[name="title"]').fill(SCRIPT)
    await scriptForm.locator('textarea[name="content"]').fill(SCRIPT_TEXT)
    assert.match(await scriptForm.locator('.el-input__count').innerText(), /34 \/ 2000/)
    const keywords = scriptForm.locator('.el-input-tag input')
    await keywords.fill('价格')
    await keywords.press('Enter')
    await keywords.fill('多少钱')
    await keywords.press('Enter')
    await scriptForm.getByRole('button', { name: '添加素材' }).click()
    const picker = dialog(page, '选择素材')
    await picker.locator('.material-picker__item').filter({ hasText: IMAGE }).click()
    assert.match(await picker.locator('[data-testid="picker-count"]').innerText(), /已选 1 \/ 9 个/)
    await atRest(page)
    await screenshot(page, 'zh-material-picker')
    await picker.getByRole('button', { name: '确定' }).click()
    await scriptForm.locator('[data-testid="script-materials"] .material-chip').filter({ hasText: IMAGE }).waitFor()
    await atRest(page)
    await screenshot(page, 'zh-script-create')
    await scriptForm.getByRole('button', { name: '新建' }).click()
    await page.locator('.el-message--success').filter({ hasText: `已新建话术“${SCRIPT}”` }).waitFor()

    // found by a word of its text, every match marked
    await page.locator('.scripts__main input[name="q"]').fill('会员价')
    await page.locator('.scripts__main input[name="q"]').press('Enter')
    await settle(page)
    const found = page.locator('.script-card').filter({ hasText: SCRIPT })
    await found.waitFor()
    assert.deepEqual(await found.locator('mark').allInnerTexts(), ['会员价'])
    assert.ok(await imagesLoaded(found.locator('.material-chip')), 'the attached image shows as a chip')
    await page.locator('.scripts__main input[name="q"]').fill('运费')
    await page.locator('.scripts__main input[name="q"]').press('Enter')
    await page.getByText('没有标题、内容或关键词包含“运费”的话术').waitFor()
    await page.locator('.scripts__main input[name="q"]').fill('多少钱')
    await page.locator('.scripts__main input[name="q"]').press('Enter')
    await found.waitFor()
    assert.equal(await found.locator('.el-tag--warning').innerText(), '多少钱', 'found by its keyword')

    // copied: the clipboard holds the text and the use is counted
    await found.getByRole('button', { name: '复制' }).click()
    await page.locator('.el-message--success').filter({ hasText: `已复制“${SCRIPT}”` }).waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), SCRIPT_TEXT)
    await found.getByText('使用 1 次').waitFor()
    const stored = await (await page.request.get(siyu.base + '/api/v1/scripts?q=' + encodeURIComponent(SCRIPT))).json()
    assert.equal(stored.items[0].uses, 1)
    assert.deepEqual(
      stored.items[0].materials.map((m) => m.title),
      [IMAGE],
    )
    await atRest(page)
    await screenshot(page, 'zh-scripts')

    // the image's preview from the script
    await found.locator('.material-chip').click()
    const imagePreview = page.locator('.material-preview [data-attachment="image"]')
    await imagePreview.waitFor()
    assert.ok(await imagesLoaded(imagePreview), 'the image shows in the chat')
    await atRest(page)
    await screenshot(page, 'zh-script-material-preview')

    assert.deepEqual(unexpectedProblems([BAD_UPLOAD]), [])
    await context.close()
  })

  test('speaks English in the content center', async () => {
    const { page, unexpectedProblems, context } = await signIn({ locale: 'en' })
    await page.goto(siyu.base + '/content/materials')
    await settle(page)
    await card(page, IMAGE).waitFor()
    const nav = await page.locator('nav').first().innerText()
    assert.doesNotMatch(nav, HAN, `the navigation is all English: ${nav}`)
    assert.match(nav, /Content[\s\S]*Materials[\s\S]*Scripts/)
    // only the operators' own names (materials, groups) are Chinese
    const chrome = (await page.locator('.materials').innerText()).replace(/E2E [^\n]*|双11主图|2026 价目表/g, '')
    assert.doesNotMatch(chrome, HAN, `the page is in English: ${chrome.match(/.*\p{Script=Han}.*/u)?.[0]}`)
    assert.match(await page.locator('#tab-image').innerText(), /Image\s*1/)
    assert.match(await page.locator('#tab-all').innerText(), /All\s*4/)
    await atRest(page)
    await screenshot(page, 'en-materials')

    await page.locator('.page-header').getByRole('button', { name: 'New material' }).click()
    const form = dialog(page, 'New material')
    await pickKind(page, form, 'Mini program')
    await atRest(page)
    await screenshot(page, 'en-material-miniprogram-create')
    await form.getByRole('button', { name: 'Cancel' }).click()

    await page.goto(siyu.base + '/content/scripts')
    await settle(page)
    await page.locator('.script-card').filter({ hasText: SCRIPT }).waitFor()
    assert.match(await page.locator('.script-card').first().innerText(), /Used once[\s\S]*Copy/)
    await atRest(page)
    await screenshot(page, 'en-scripts')
    assert.deepEqual(unexpectedProblems(), [])
    await context.close()
  })
})
