import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ScriptsView.vue'
import { setLocale } from '@/i18n'
import { mountApp, openDialog, type } from '@/test/app'
import { materials, script, scriptGroups } from '@/test/content'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import type { Script } from './api'

const READER = me({
  id: 9,
  role: 'staff',
  displayName: '李店长',
  permissions: ['dashboard:read', 'content:read'],
})

function scripts(): Script[] {
  return [
    script({ id: 1, materials: [materials()[0]!, materials()[2]!] }),
    script({
      id: 2,
      title: '发货时间',
      content: '下单后 48 小时内发货，偏远地区 72 小时。',
      keywords: ['发货'],
      uses: 0,
    }),
  ]
}

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/script-groups': () => jsonResponse(scriptGroups()),
    'GET /api/v1/scripts': () => jsonResponse({ items: scripts(), nextCursor: null }),
    'GET /api/v1/materials': () => jsonResponse({ items: materials(), nextCursor: null }),
    ...routes,
  })
}

const card = (id: number) => document.querySelector<HTMLElement>(`[data-script-id="${id}"]`)!
const group = (key: string) => document.querySelector<HTMLElement>(`[data-group-key="${key}"]`)!
const groupLines = () =>
  [...document.querySelectorAll('.group-list__choose')].map(
    (e) =>
      `${e.querySelector('.group-list__name')?.textContent} ${e.querySelector('.group-list__count')?.textContent}`,
  )
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
const lastSuccess = () =>
  [...document.querySelectorAll('.el-message--success')].at(-1)?.textContent ?? ''

function messageBox(): HTMLElement {
  const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)
  if (!box) throw new Error('no message box')
  return box
}

function menuItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item')].filter(
    (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )
}

async function groupMenu(key: string): Promise<HTMLElement[]> {
  group(key).querySelector<HTMLElement>('.group-list__more .el-button')!.click()
  await settle(0)
  return menuItems()
}

async function addTag(scope: ParentNode, word: string): Promise<void> {
  const input = scope.querySelector<HTMLInputElement>('.el-input-tag input')
  if (!input) throw new Error('no tag input')
  await type(input, word)
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
  await settle(0)
}

describe('the script library', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the groups in order and each script with its keywords, materials and uses', async () => {
    stubServer()
    const { wrapper } = await mountApp('/content/scripts')
    expect(document.title).toBe('话术库 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('话术库')
    expect(groupLines()).toEqual(['全部 2', '售前咨询 2', '售后安抚 0'])

    const first = card(1)
    expect(first.querySelector('.script-card__title')?.textContent).toBe('询问价格')
    expect(first.querySelector('[data-testid="script-content"]')?.textContent?.trim()).toBe(
      '您好，这款现在会员价 199 元。\n下单前领券还能再减 20 元哦。',
    )
    expect([...first.querySelectorAll('.el-tag')].map((t) => t.textContent?.trim())).toEqual([
      '售前咨询',
      '价格',
      '多少钱',
    ])
    const chips = [...first.querySelectorAll('.material-chip')]
    expect(chips.map((c) => c.textContent?.trim())).toEqual(['双11主图', '2026 价目表'])
    expect(chips[0]?.querySelector('img')?.getAttribute('src')).toBe('/api/v1/material-files/501')
    expect(first.textContent).toContain('使用 4 次')
  })

  it('searches titles, text and keywords and marks every match', async () => {
    const { calls } = stubServer()
    await mountApp('/content/scripts')
    group('21').querySelector('button')!.click()
    await settle()
    await type(document.querySelector('input[name="q"]'), '价')
    document.querySelector<HTMLFormElement>('.scripts__main form')!.requestSubmit()
    await settle()
    expect(queries(calls, '/api/v1/scripts').at(-1)).toEqual({
      groupId: '21',
      q: '价',
      limit: '20',
    })
    const marks = [...card(1).querySelectorAll('mark')].map((m) => m.textContent)
    // 询问价格, 会员价
    expect(marks).toEqual(['价', '价'])
    const keyword = [...card(1).querySelectorAll('.el-tag')].find(
      (t) => t.textContent?.trim() === '价格',
    )
    expect(keyword?.classList).toContain('el-tag--warning')
    expect(card(2).querySelector('mark')).toBeNull()
  })

  it('copies a script’s text and counts the use', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('isSecureContext', true)
    const { calls } = stubServer({
      'POST /api/v1/scripts/1/used': () => new Response(null, { status: 204 }),
    })
    await mountApp('/content/scripts')
    button('复制', card(1)).click()
    await settle()
    expect(writeText).toHaveBeenCalledWith(
      '您好，这款现在会员价 199 元。\n下单前领券还能再减 20 元哦。',
    )
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/scripts/1/used'))).toBe(true)
    expect(card(1).textContent).toContain('使用 5 次')
    expect(lastSuccess()).toContain('已复制“询问价格”')
  })

  it('writes a script with keywords and materials picked from the library', async () => {
    const { calls } = stubServer({
      'POST /api/v1/scripts': () =>
        jsonResponse(script({ id: 3, title: '包邮说明', materials: materials().slice(0, 2) }), 201),
    })
    await mountApp('/content/scripts')
    button('新建话术').click()
    await settle()
    const dialog = openDialog()
    expect(dialog.querySelector('.el-select')?.textContent).toContain('售前咨询')
    await type(dialog.querySelector('input[name="title"]'), '包邮说明')
    await type(dialog.querySelector('textarea[name="content"]'), '全场满 99 元包邮。')
    expect(dialog.querySelector('.el-input__count')?.textContent?.trim()).toBe('11 / 2000')
    await addTag(dialog, '包邮')

    button('添加素材', dialog).click()
    await settle()
    const picker = openDialog()
    expect(picker.querySelector('.el-dialog__title')?.textContent).toBe('选择素材')
    picker.querySelector<HTMLElement>('[data-material-id="2"]')!.click()
    picker.querySelector<HTMLElement>('[data-material-id="1"]')!.click()
    await settle(0)
    expect(picker.querySelector('[data-testid="picker-count"]')?.textContent?.trim()).toBe(
      '已选 2 / 9 个',
    )
    button('确定', picker).click()
    await settle()
    expect(
      [...dialog.querySelectorAll('[data-testid="script-materials"] .material-chip')].map((c) =>
        c.textContent?.trim(),
      ),
    ).toEqual(['会员日活动说明', '双11主图'])

    button('新建', dialog).click()
    await settle()
    expect(await bodyOf(calls, 'POST')).toEqual({
      groupId: 21,
      title: '包邮说明',
      content: '全场满 99 元包邮。',
      keywords: ['包邮'],
      materialIds: [2, 1],
    })
    expect(lastSuccess()).toContain('已新建话术“包邮说明”')
  })

  it('takes materials off a script and sends only what changed', async () => {
    const { calls } = stubServer({
      'PATCH /api/v1/scripts/1': () =>
        jsonResponse(script({ id: 1, materials: [materials()[2]!] })),
    })
    await mountApp('/content/scripts')
    button('编辑', card(1)).click()
    await settle()
    const dialog = openDialog()
    expect(dialog.textContent).toContain('附带素材（2/9）')
    dialog.querySelector<HTMLElement>('[aria-label="移除“双11主图”"]')!.click()
    await settle(0)
    button('保存', dialog).click()
    await settle()
    expect(await bodyOf(calls, 'PATCH')).toEqual({ materialIds: [3] })
    expect([...card(1).querySelectorAll('.material-chip')]).toHaveLength(1)
  })

  it('moves a group down, and says why a group with scripts cannot be deleted', async () => {
    const { calls } = stubServer({
      'PATCH /api/v1/script-groups/21': () =>
        jsonResponse({ id: 21, name: '售前咨询', position: 1, count: 2 }),
      'DELETE /api/v1/script-groups/21': () =>
        problemResponse(409, {
          code: 'content.group.not-empty',
          detail: '分组里还有 2 条话术，请先删除或移走它们。',
        }),
    })
    await mountApp('/content/scripts')
    const items = await groupMenu('21')
    expect(items.find((i) => i.textContent?.trim() === '上移')?.classList).toContain('is-disabled')
    items.find((i) => i.textContent?.trim() === '下移')!.click()
    await settle()
    expect(await bodyOf(calls, 'PATCH')).toEqual({ position: 1 })
    expect(queries(calls, '/api/v1/script-groups')).toHaveLength(2)

    ;(await groupMenu('21')).find((i) => i.textContent?.trim() === '删除分组')!.click()
    await settle()
    button('删除分组', messageBox()).click()
    await settle()
    expect(messageBox().textContent).toContain('分组里还有 2 条话术，请先删除或移走它们。')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('starts an empty library with a group', async () => {
    stubServer({
      'GET /api/v1/script-groups': () => jsonResponse([]),
      'GET /api/v1/scripts': () => jsonResponse({ items: [], nextCursor: null }),
      'POST /api/v1/script-groups': () =>
        jsonResponse({ id: 30, name: '售前咨询', position: 0, count: 0 }, 201),
    })
    await mountApp('/content/scripts')
    expect(document.body.textContent).toContain('还没有话术分组')
    expect(() => button('新建话术')).toThrow()
    button('新建分组').click()
    await settle()
    await type(openDialog().querySelector('input[name="groupName"]'), '售前咨询')
    button('新建', openDialog()).click()
    await settle()
    expect(lastSuccess()).toContain('已新建分组“售前咨询”')
  })

  it('lets an account with content:read search and copy but not change anything', async () => {
    stubServer({}, READER)
    await mountApp('/content/scripts')
    expect(card(1).textContent).toContain('复制')
    expect(card(1).textContent).not.toContain('编辑')
    expect(card(1).textContent).not.toContain('删除')
    expect(() => button('新建话术')).toThrow()
    expect(document.querySelector('[data-testid="group-create"]')).toBeNull()
    expect(document.querySelector('.group-list__more')).toBeNull()
  })

  it('is in English when the console is', async () => {
    setLocale('en')
    stubServer()
    await mountApp('/content/scripts')
    expect(document.title).toBe('Scripts · 私域 Siyu')
    expect(groupLines()[0]).toBe('All 2')
    expect(card(1).textContent).toContain('Copy')
    expect(card(1).textContent).toContain('Used 4 times')
  })
})
