import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MaterialsView.vue'
import { setLocale } from '@/i18n'
import { mountApp, openDialog, pickRadio, type } from '@/test/app'
import { fileInfo, material, materialGroups, materials } from '@/test/content'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { stubUpload, type UploadAnswer, type UploadCall } from '@/test/upload'
import type { Material } from './api'

const READER = me({
  id: 9,
  role: 'staff',
  displayName: '李店长',
  permissions: ['dashboard:read', 'content:read'],
})

const KINDS = { article: 1, image: 1, video: 0, link: 1, miniprogram: 1, file: 1, poster: 0 }

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/material-groups': () => jsonResponse(materialGroups()),
    'GET /api/v1/materials/kinds': () => jsonResponse(KINDS),
    'GET /api/v1/materials': () => jsonResponse({ items: materials(), nextCursor: null }),
    ...routes,
  })
}

const card = (id: number) => document.querySelector<HTMLElement>(`[data-material-id="${id}"]`)!
const group = (key: string) => document.querySelector<HTMLElement>(`[data-group-key="${key}"]`)!
const tab = (kind: string) => document.querySelector<HTMLElement>(`#tab-${kind}`)!
/** Each element's words, one space between the parts (a name and its count). */
const lines = (selector: string) =>
  [...document.querySelectorAll(selector)].map((e) =>
    [...e.querySelectorAll('span:not(:has(span))')]
      .map((part) => part.textContent?.trim())
      .filter(Boolean)
      .join(' '),
  )
const lastSuccess = () =>
  [...document.querySelectorAll('.el-message--success')].at(-1)?.textContent ?? ''
const queries = (calls: Request[], path: string) =>
  calls
    .filter((c) => c.method === 'GET' && new URL(c.url).pathname === path)
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))
const bodyOf = async (calls: Request[], method: string) =>
  (await calls
    .filter((c) => c.method === method)
    .at(-1)
    ?.clone()
    .json()) as unknown

/** The message box on top (one that is closing may still be in the page). */
function messageBox(): HTMLElement {
  const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)
  if (!box) throw new Error('no message box')
  return box
}

/** The items of the dropdown menu that is open. */
function menuItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item')].filter(
    (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )
}

async function chooseFile(scope: ParentNode, name: string, bytes = 'bytes'): Promise<void> {
  const input = scope.querySelector<HTMLInputElement>('.el-upload input[type=file]')
  if (!input) throw new Error('no file input')
  const file = new File([bytes], name)
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle(0)
}

const pickKind = (label: string) => pickRadio(label, openDialog())

/** Saves a material the way the server does: the body over `base`, fields in `clear` emptied. */
async function saved(request: Request, base: Material): Promise<Response> {
  const body = (await request.clone().json()) as Record<string, unknown> & { clear?: string[] }
  const result = { ...base, ...body } as Record<string, unknown>
  for (const field of body.clear ?? []) result[field === 'group' ? 'groupId' : field] = null
  delete result.clear
  return jsonResponse(result, request.method === 'POST' ? 201 : 200)
}

describe('the material library', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the groups and kinds with their counts and a card per material', async () => {
    stubServer()
    const { wrapper } = await mountApp('/content/materials')
    expect(document.title).toBe('素材库 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('素材库')
    expect(wrapper.find('nav').text()).toContain('内容中心')

    expect(lines('.group-list__choose')).toEqual(['全部 5', '未分组 3', '双11大促 2', '售后 0'])
    expect(lines('.materials__kinds .el-tabs__item')).toEqual([
      '全部 5',
      '文章 1',
      '图片 1',
      '视频 0',
      '链接 1',
      '小程序 1',
      '文件 1',
      '海报 0',
    ])

    // the image itself, the link's cover, an icon for a file without a picture
    expect(card(1).querySelector('img')?.getAttribute('src')).toBe('/api/v1/material-files/501')
    expect(card(2).querySelector('img')?.getAttribute('src')).toBe('/api/v1/material-files/502')
    expect(card(3).querySelector('img')).toBeNull()
    expect(card(3).querySelector('[data-testid="kind-icon"]')).not.toBeNull()
    expect(card(3).querySelector('[data-testid="material-size"]')?.textContent).toBe('1.5 MB')
    expect(card(1).querySelector('.kind-tag')?.textContent?.trim()).toBe('图片')
    expect(card(1).textContent).toContain('双11主图')
    expect(card(1).textContent).toContain('使用 12 次')
    expect(card(1).querySelector('[data-testid="material-updated"]')?.getAttribute('title')).toBe(
      '更新于 2026-11-28 10:00',
    )
  })

  it('lists by group, kind and search words', async () => {
    const { calls } = stubServer()
    await mountApp('/content/materials')
    expect(queries(calls, '/api/v1/materials').at(-1)).toEqual({ limit: '24' })

    group('none').querySelector('button')!.click()
    await settle()
    expect(queries(calls, '/api/v1/materials').at(-1)).toEqual({ groupId: '0', limit: '24' })
    expect(queries(calls, '/api/v1/materials/kinds').at(-1)).toEqual({ groupId: '0' })

    tab('image').click()
    await settle()
    expect(queries(calls, '/api/v1/materials').at(-1)).toEqual({
      kind: 'image',
      groupId: '0',
      limit: '24',
    })

    await type(document.querySelector('input[name="q"]'), ' 双11 ')
    document.querySelector<HTMLFormElement>('.materials__main form')!.requestSubmit()
    await settle()
    expect(queries(calls, '/api/v1/materials').at(-1)).toEqual({
      kind: 'image',
      groupId: '0',
      q: '双11',
      limit: '24',
    })
    expect(queries(calls, '/api/v1/materials/kinds').at(-1)).toEqual({ groupId: '0', q: '双11' })
  })

  it('loads the next page with the cursor the server gave', async () => {
    const { calls } = stubServer({
      'GET /api/v1/materials': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'c2'
          ? jsonResponse({ items: [material({ id: 6, title: '第二页的素材' })], nextCursor: null })
          : jsonResponse({ items: materials(), nextCursor: 'c2' }),
    })
    await mountApp('/content/materials')
    button('加载更多').click()
    await settle()
    expect(queries(calls, '/api/v1/materials').at(-1)).toEqual({ cursor: 'c2', limit: '24' })
    expect(document.querySelectorAll('[data-material-id]')).toHaveLength(6)
    expect(document.body.textContent).toContain('已全部加载，共 6 条')
  })

  it('uploads an image with its progress and creates the material named after the file', async () => {
    let release!: (answer: UploadAnswer) => void
    const uploads = stubUpload(() => new Promise<UploadAnswer>((resolve) => (release = resolve)))
    const { calls } = stubServer({
      'POST /api/v1/materials': (request) => saved(request, material({ id: 9 })),
    })
    await mountApp('/content/materials')
    button('新建素材').click()
    await settle()
    await pickKind('图片')
    expect(openDialog().textContent).toContain('JPG、PNG 或 GIF，不超过 10 MB')

    await chooseFile(openDialog(), '新品海报.png')
    const call = uploads.calls[0] as UploadCall
    expect(call.file?.name).toBe('新品海报.png')
    call.progress(40)
    await settle(0)
    const progress = openDialog().querySelector('[data-testid="upload-progress"]')
    expect(progress?.textContent).toContain('正在上传 新品海报.png')
    expect(progress?.textContent).toContain('40%')

    release({ status: 201, body: fileInfo({ id: 601, name: '新品海报.png' }) })
    await settle()
    expect(openDialog().querySelector('[data-testid="upload-kept"]')?.textContent).toContain(
      '1080×1080',
    )
    expect(openDialog().querySelector<HTMLInputElement>('input[name="title"]')?.value).toBe(
      '新品海报',
    )

    button('新建', openDialog()).click()
    await settle()
    expect(await bodyOf(calls, 'POST')).toEqual({
      kind: 'image',
      title: '新品海报',
      tags: [],
      fileId: 601,
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已新建素材“新品海报”',
    )
    expect(queries(calls, '/api/v1/materials')).toHaveLength(2)
    expect(queries(calls, '/api/v1/material-groups')).toHaveLength(2)
  })

  it('says why a file is refused, in the dialog: its own check first, then the server’s', async () => {
    const uploads = stubUpload(() => ({
      status: 413,
      body: {
        status: 413,
        detail: '文件太大：视频 最多 10 MB（企业微信的限制）。',
        code: 'content.file.too-large',
      },
    }))
    stubServer()
    await mountApp('/content/materials')
    button('新建素材').click()
    await settle()
    await pickKind('视频')

    await chooseFile(openDialog(), 'clip.mov')
    expect(uploads.calls).toHaveLength(0)
    expect(openDialog().querySelector('[role="alert"]')?.textContent).toContain(
      '“clip.mov”的格式不支持，请选择 MP4 文件',
    )

    await chooseFile(openDialog(), 'clip.mp4')
    await settle()
    expect(uploads.calls).toHaveLength(1)
    expect(openDialog().querySelector('[role="alert"]')?.textContent).toContain(
      '文件太大：视频 最多 10 MB（企业微信的限制）。',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()

    // the material needs its video: said on the field, nothing sent
    await type(openDialog().querySelector('input[name="title"]'), '开箱视频')
    button('新建', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请上传视频')
  })

  it('refuses a file the server did not read as a picture', async () => {
    stubUpload(() => ({
      status: 201,
      body: fileInfo({ id: 700, name: 'notes.png', contentType: 'application/octet-stream' }),
    }))
    stubServer()
    await mountApp('/content/materials')
    button('新建素材').click()
    await settle()
    await pickKind('海报')
    await chooseFile(openDialog(), 'notes.png')
    await settle()
    expect(openDialog().querySelector('[role="alert"]')?.textContent).toContain(
      '“notes.png”不是 JPG、PNG 或 GIF 图片',
    )
    expect(openDialog().querySelector('[data-testid="upload-kept"]')).toBeNull()
  })

  it('asks a mini program for a valid AppID, its page and a cover', async () => {
    const { calls } = stubServer()
    await mountApp('/content/materials')
    button('新建素材').click()
    await settle()
    await pickKind('小程序')
    await type(openDialog().querySelector('input[name="title"]'), '商城首页')
    await type(openDialog().querySelector('input[name="appId"]'), 'wx123')
    button('新建', openDialog()).click()
    await settle()
    const text = openDialog().textContent ?? ''
    expect(text).toContain('AppID 以 wx 开头，共 18 位字母和数字')
    expect(text).toContain('请输入小程序页面路径')
    expect(text).toContain('小程序卡片需要一张封面')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('shows the server’s field problems on their fields', async () => {
    stubServer({
      'POST /api/v1/materials': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [
            {
              field: 'url',
              code: 'content.url',
              message: '请填写以 http:// 或 https:// 开头的完整链接（最多 2048 个字符）。',
            },
          ],
        }),
    })
    await mountApp('/content/materials')
    button('新建素材').click()
    await settle()
    await pickKind('链接')
    await type(openDialog().querySelector('input[name="title"]'), '活动页')
    await type(openDialog().querySelector('input[name="url"]'), 'https://localhost')
    button('新建', openDialog()).click()
    await settle()
    const error = openDialog()
      .querySelector('input[name="url"]')
      ?.closest('.el-form-item')
      ?.querySelector('.el-form-item__error')
    expect(error?.textContent).toContain('请填写以 http:// 或 https:// 开头的完整链接')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('edits a link: only what changed is sent, an emptied field named in clear', async () => {
    const link = materials()[1]!
    const { calls } = stubServer({
      'PATCH /api/v1/materials/2': (request) => saved(request, link),
    })
    await mountApp('/content/materials')
    button('编辑', card(2)).click()
    await settle()
    expect(openDialog().querySelector('.el-dialog__title')?.textContent).toBe('编辑链接素材')
    // the kind is fixed once made
    expect(openDialog().querySelector('.material-form__kinds')).toBeNull()
    expect(openDialog().querySelector<HTMLInputElement>('input[name="url"]')?.value).toBe(
      'https://shop.example.com/member-day',
    )
    await type(openDialog().querySelector('input[name="title"]'), '会员日（周六）')
    await type(openDialog().querySelector('textarea[name="description"]'), '')
    button('保存', openDialog()).click()
    await settle()
    expect(await bodyOf(calls, 'PATCH')).toEqual({
      title: '会员日（周六）',
      clear: ['description'],
    })
    expect(card(2).textContent).toContain('会员日（周六）')
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已保存素材“会员日（周六）”',
    )
  })

  it('previews a material as the customer sees it in WeChat', async () => {
    stubServer()
    await mountApp('/content/materials')
    card(2).querySelector<HTMLElement>('.material-card__thumb')!.click()
    await settle()
    const drawer = document.querySelector<HTMLElement>('[data-preview-id="2"]')!
    const chat = drawer.querySelector('[data-testid="phone"] [data-attachment="link"]')
    expect(chat?.textContent).toContain('会员日活动说明')
    expect(chat?.textContent).toContain('本周六会员专享 8 折')
    expect(chat?.querySelector('img')?.getAttribute('src')).toBe('/api/v1/material-files/502')
    expect(drawer.querySelector('[data-testid="phone"]')?.textContent).toContain('王经理')
    expect(drawer.textContent).toContain('双11大促')

    card(5).querySelector<HTMLElement>('.material-card__thumb')!.click()
    await settle()
    const article = document.querySelector<HTMLElement>('[data-preview-id="5"]')!
    expect(article.querySelector('[data-testid="article-body"]')?.textContent).toBe(
      '第一步：清洁\n第二步：保湿',
    )

    card(3).querySelector<HTMLElement>('.material-card__thumb')!.click()
    await settle()
    const file = document.querySelector<HTMLElement>('[data-preview-id="3"]')!
    expect(file.querySelector('[data-attachment="file"]')?.textContent).toContain('价目表.pdf')
    expect(file.querySelector('[data-attachment="file"]')?.textContent).toContain('PDF')
    expect(file.querySelector('a[href="/api/v1/material-files/503?download=true"]')).not.toBeNull()
  })

  it('deletes a material after a confirmation that names it', async () => {
    const { calls } = stubServer({
      'DELETE /api/v1/materials/3': () => new Response(null, { status: 204 }),
    })
    await mountApp('/content/materials')
    button('删除', card(3)).click()
    await settle()
    expect(messageBox().textContent).toContain('确定删除素材“2026 价目表”吗？')
    button('删除', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true)
    expect(card(3)).toBeNull()
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已删除素材“2026 价目表”',
    )
  })

  it('adds, renames and deletes groups; a deleted group’s materials go to 未分组', async () => {
    const { calls } = stubServer({
      'POST /api/v1/material-groups': () => jsonResponse({ id: 12, name: '新品', count: 0 }, 201),
      'PATCH /api/v1/material-groups/11': () =>
        jsonResponse({ id: 11, name: '售后服务', count: 0 }),
      'DELETE /api/v1/material-groups/10': () => new Response(null, { status: 204 }),
    })
    await mountApp('/content/materials')

    document.querySelector<HTMLElement>('[data-testid="group-create"]')!.click()
    await settle()
    await type(openDialog().querySelector('input[name="groupName"]'), ' 新品 ')
    button('新建', openDialog()).click()
    await settle()
    expect(await bodyOf(calls, 'POST')).toEqual({ name: '新品' })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已新建分组“新品”',
    )

    group('11').querySelector<HTMLElement>('.group-list__more .el-button')!.click()
    await settle(0)
    menuItems()
      .find((i) => i.textContent?.trim() === '重命名')!
      .click()
    await settle()
    expect(openDialog().querySelector<HTMLInputElement>('input[name="groupName"]')?.value).toBe(
      '售后',
    )
    await type(openDialog().querySelector('input[name="groupName"]'), '售后服务')
    button('保存', openDialog()).click()
    await settle()
    expect(await bodyOf(calls, 'PATCH')).toEqual({ name: '售后服务' })

    group('10').querySelector<HTMLElement>('.group-list__more .el-button')!.click()
    await settle(0)
    menuItems()
      .find((i) => i.textContent?.trim() === '删除分组')!
      .click()
    await settle()
    expect(messageBox().textContent).toContain('其中的 2 个素材会移到“未分组”，素材本身不会删除')
    button('删除分组', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true)
    expect(lastSuccess()).toContain('已删除分组“双11大促”')
  })

  it('shows a taken group name on the name field', async () => {
    stubServer({
      'POST /api/v1/material-groups': () =>
        problemResponse(409, {
          code: 'content.group.name-taken',
          detail: '已有名为“售后”的分组。',
        }),
    })
    await mountApp('/content/materials')
    document.querySelector<HTMLElement>('[data-testid="group-create"]')!.click()
    await settle()
    await type(openDialog().querySelector('input[name="groupName"]'), '售后')
    button('新建', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item__error')?.textContent).toContain(
      '已有名为“售后”的分组。',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('lets an account with content:read look but not change anything', async () => {
    stubServer({}, READER)
    const { wrapper } = await mountApp('/content/materials')
    expect(wrapper.find('nav').text()).toContain('素材库')
    expect(document.querySelectorAll('[data-material-id]')).toHaveLength(5)
    expect(() => button('新建素材')).toThrow()
    expect(card(1).textContent).not.toContain('编辑')
    expect(card(1).textContent).not.toContain('删除')
    expect(document.querySelector('[data-testid="group-create"]')).toBeNull()
    expect(document.querySelector('.group-list__more')).toBeNull()
  })

  it('is in English when the console is', async () => {
    setLocale('en')
    stubServer()
    await mountApp('/content/materials')
    expect(document.title).toBe('Materials · 私域 Siyu')
    expect(lines('.materials__kinds .el-tabs__item').slice(0, 3)).toEqual([
      'All 5',
      'Article 1',
      'Image 1',
    ])
    expect(lines('.group-list__choose').slice(0, 2)).toEqual(['All 5', 'Ungrouped 3'])
    expect(card(1).textContent).toContain('Used 12 times')
    const chrome = document.querySelector('.materials')!.textContent!
    for (const m of materials()) {
      // only the materials' and groups' own names are Chinese
      expect(chrome.includes(m.title)).toBe(true)
    }
    expect(
      chrome
        .replace(
          /双11主图|会员日活动说明|2026 价目表|小程序商城首页|秋冬护肤指南|双11大促|售后/g,
          '',
        )
        .match(/\p{Script=Han}/u),
    ).toBeNull()
  })
})
