import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './LiveCodesView.vue'
import '@/modules/wecom/WeComView.vue'
import { setLocale } from '@/i18n'
import { mountApp, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { channelCode, stubLiveCodeServer, withTotals } from '@/test/live-codes'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import type { ChannelCode } from './api'

const READER = me({
  id: 9,
  role: 'staff',
  displayName: '李店长',
  permissions: ['live-codes:read', 'tags:read'],
})

const card = (id: number) => document.querySelector<HTMLElement>(`[data-code-id="${id}"]`)!
const editor = () => document.querySelector<HTMLElement>('[data-testid="code-editor"]')!
const input = (name: string) =>
  editor().querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
const errorAt = (element: Element | null) =>
  element?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ??
  ''
const staffSelect = () => editor().querySelector('[data-field="staff"]')
const buttons = (scope: Element) =>
  [
    ...(scope.querySelector('.live-code__actions') ?? scope).querySelectorAll(
      'button, a.el-button',
    ),
  ].map((b) => b.textContent?.trim())

/** Opens a select and picks the option that starts with `label` (options show more than a name). */
async function choose(select: Element | null, label: string): Promise<void> {
  select?.querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle(0)
  const option = visibleOptions().find((item) => item.textContent?.trim().startsWith(label))
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(0)
}

function visibleOptions(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
    (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )
}

async function lastBody(calls: Request[], method: string): Promise<unknown> {
  return calls
    .filter((c) => c.method === method)
    .at(-1)
    ?.clone()
    .json()
}

/** The server's answer to a code saved: the body over the code, as the server keeps it. */
async function saved(request: Request, base: ChannelCode): Promise<Response> {
  const body = (await request.clone().json()) as Partial<ChannelCode> & { clear?: string[] }
  const code = { ...base, ...body }
  for (const field of body.clear ?? []) (code as Record<string, unknown>)[field] = null
  return jsonResponse(code, request.method === 'POST' ? 201 : 200)
}

describe('the live code list', { timeout: 30_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    localStorage.clear()
  })

  it('shows each code with its QR, staff, rules, channel tags, totals and actions', async () => {
    stubLiveCodeServer([withTotals(channelCode())])
    const { wrapper } = await mountApp('/acquisition/live-codes')
    expect(document.title).toBe('渠道活码 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('渠道活码')
    expect(wrapper.find('nav').text()).toContain('获客引流')

    const code = card(7)
    expect(code.querySelector('img')?.getAttribute('src')).toBe(
      '/api/v1/wecom/channel-codes/7/qr.png?size=256',
    )
    expect(code.querySelector('.live-code__name')?.textContent).toBe('门店海报')
    expect(code.querySelector('[data-testid="code-staff"]')?.textContent?.trim()).toBe('张三、李四')
    expect(code.querySelector('[data-testid="code-routed"]')?.textContent?.trim()).toBe('张三')
    expect(code.textContent).toContain('轮流分配')
    expect(code.textContent).toContain('每人每天限加 50 位')
    expect(code.querySelector('[data-testid="code-schedule"]')?.textContent).toContain(
      '周一至周五 09:00–18:00',
    )
    expect(code.querySelector('[data-testid="code-schedule"]')?.textContent).toContain(
      '备用员工 王五',
    )
    expect(code.querySelector('[data-testid="code-tags"] .tag-chip')?.textContent).toContain(
      '直播间',
    )
    expect(code.querySelector('[data-testid="code-welcome"]')?.textContent).toContain('客户昵称')
    const totals = code.querySelector('[data-testid="code-totals"]')?.textContent ?? ''
    for (const part of ['累计添加1,284', '今日添加23', '留存1,188', '流失96']) {
      expect(totals.replace(/\s/g, '')).toContain(part)
    }
    expect(buttons(code)).toEqual([
      '编辑',
      '统计',
      '下载二维码',
      '下载海报',
      '门店码',
      '千人千面码',
      '删除',
    ])
    const links = [...code.querySelectorAll<HTMLAnchorElement>('a.el-button')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/api/v1/wecom/channel-codes/7/qr.png?size=1024',
      '/api/v1/wecom/channel-codes/7/poster.png',
    ])
    expect(button('新建活码')).toBeTruthy()
  })

  it('hides what changes codes from accounts without live-codes:write', async () => {
    const { calls } = stubLiveCodeServer([withTotals(channelCode())], {}, READER)
    await mountApp('/acquisition/live-codes')
    expect(buttons(card(7))).toEqual(['统计', '下载二维码', '下载海报', '千人千面码'])
    expect(document.body.textContent).not.toContain('新建活码')
    expect(document.querySelector('[data-testid="code-editor"]')).toBeNull()
    // the app options name the apps; the apps' callback settings are for wecom:manage only
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/wecom/apps')).toBe(false)
  })

  it('explains what a live code is when there is none', async () => {
    stubLiveCodeServer([])
    await mountApp('/acquisition/live-codes')
    const empty = document.querySelector('[data-testid="codes-empty"]')!
    expect(empty.textContent).toContain('还没有渠道活码')
    expect(empty.textContent).toContain('客户扫码就会添加接待员工')
    expect(empty.textContent).toContain('自动打上渠道标签')
    expect(button('新建活码', empty)).toBeTruthy()
  })

  it('says when no WeCom app is connected, with a link for those who may connect one', async () => {
    stubLiveCodeServer([], { 'GET /api/v1/wecom/app-options': () => jsonResponse([]) })
    const { router } = await mountApp('/acquisition/live-codes')
    const noApp = document.querySelector('[data-testid="no-app"]')!
    expect(noApp.textContent).toContain('还没有接入企业微信应用')
    button('去接入企业微信', noApp).click()
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/access/wecom'), {
      // the next page is loaded lazily: slow on a busy machine
      timeout: 10_000,
    })
  })

  it('asks others to have an app connected', async () => {
    stubLiveCodeServer([], { 'GET /api/v1/wecom/app-options': () => jsonResponse([]) }, READER)
    await mountApp('/acquisition/live-codes')
    const noApp = document.querySelector('[data-testid="no-app"]')!
    expect(noApp.textContent).toContain('请联系管理员在「企业微信接入」中接入应用')
    expect(noApp.querySelector('button')).toBeNull()
  })

  it('deletes a code after a confirmation that names it', async () => {
    const { calls } = stubLiveCodeServer([withTotals(channelCode())], {
      'DELETE /api/v1/wecom/channel-codes/7': () => new Response(null, { status: 204 }),
    })
    await mountApp('/acquisition/live-codes')
    button('删除', card(7)).click()
    await settle()
    const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!
    expect(box.textContent).toContain('确定删除「门店海报」吗？删除后二维码立即失效')
    button('删除', box).click()
    await settle()
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1)
    expect(document.querySelector('[data-code-id="7"]')).toBeNull()
    expect(document.querySelector('[data-testid="codes-empty"]')).not.toBeNull()
  })
})

describe('the live code editor', { timeout: 30_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    localStorage.clear()
  })

  it('creates a code: the only app chosen, staff with their customers, organisation tags, a welcome with variables', async () => {
    const { calls } = stubLiveCodeServer([], {
      'POST /api/v1/wecom/channel-codes': (request) => saved(request, channelCode({ id: 8 })),
    })
    await mountApp('/acquisition/live-codes')
    button('新建活码').click()
    await settle()
    expect(editor().querySelector('.el-drawer__title')?.textContent).toBe('新建渠道活码')
    expect(editor().querySelector('[data-field="appId"]')?.textContent).toContain('私域助手')

    await type(input('name') as HTMLInputElement, ' 新品直播间 ')
    staffSelect()!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    const offered = visibleOptions().map((o) => o.textContent?.trim())
    // only staff who may use customer contact, each with how many customers they have now
    expect(offered).toEqual(['张三zhangsan128 位客户', '李四lisi96 位客户', '王五wangwu41 位客户'])
    await choose(staffSelect(), '张三')
    await choose(staffSelect(), '李四')

    const tagPicker = editor().querySelector('[data-testid="tag-picker"]')
    tagPicker!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    const tags = visibleOptions().map((o) => o.textContent?.trim() ?? '')
    expect(tags.some((t) => t.startsWith('高价值复购'))).toBe(false) // a rule tag
    expect(tags.some((t) => t.startsWith('周末才回'))).toBe(false) // a personal tag
    await choose(tagPicker, '直播间')

    // the variables go where the caret is
    const text = input('welcomeText') as HTMLTextAreaElement
    await type(text as unknown as HTMLInputElement, '你好，欢迎！')
    text.setSelectionRange(2, 2)
    editor().querySelector<HTMLElement>('[data-variable="nickname"]')!.click()
    await settle(0)
    expect(text.value).toBe('你好{nickname}，欢迎！')
    text.setSelectionRange(text.value.length, text.value.length)
    editor().querySelector<HTMLElement>('[data-variable="staff"]')!.click()
    await settle(0)
    expect(text.value).toBe('你好{nickname}，欢迎！{staff}')
    expect(editor().querySelector('[data-testid="welcome-bytes"]')?.textContent?.trim()).toBe(
      '35 / 4,000 字节',
    )

    // the preview fills the variables: a sample nickname and the first staff member
    const preview = editor().querySelector('[data-testid="welcome-preview"]')!
    expect(preview.querySelector('.phone__title')?.textContent).toBe('张三')
    expect(preview.querySelector('[data-testid="bubble"]')?.textContent?.trim()).toBe(
      '你好晴天，欢迎！张三',
    )

    button('创建活码', editor()).click()
    await settle()
    expect(await lastBody(calls, 'POST')).toEqual({
      appId: 1,
      name: '新品直播间',
      staff: ['zhangsan', 'lisi'],
      backupStaff: [],
      assignment: 'round_robin',
      dailyCap: null,
      schedule: null,
      skipVerify: true,
      tagIds: [21],
      welcome: { text: '你好{nickname}，欢迎！{staff}', attachments: [] },
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已创建「新品直播间」',
    )
    expect(card(8).querySelector('.live-code__name')?.textContent).toBe('新品直播间')
  })

  it('sends only what changed, and clear for the daily cap and hours removed', async () => {
    const code = channelCode()
    const { calls } = stubLiveCodeServer([withTotals(code)], {
      'PATCH /api/v1/wecom/channel-codes/7': (request) => saved(request, code),
    })
    await mountApp('/acquisition/live-codes')
    button('编辑', card(7)).click()
    await settle()
    expect(editor().querySelector('.el-drawer__title')?.textContent).toBe('编辑「门店海报」')
    expect(editor().querySelector('[data-field="appId"] input')?.hasAttribute('disabled')).toBe(
      true,
    )
    await type(input('name') as HTMLInputElement, '门店海报（春季）')
    const cap = input('dailyCap') as HTMLInputElement
    await type(cap, '')
    cap.dispatchEvent(new Event('change'))
    editor().querySelector<HTMLElement>('[name="scheduled"]')!.click()
    await settle(0)
    expect(editor().querySelector('[data-testid="schedule"]')).toBeNull()

    button('保存', editor()).click()
    await settle()
    expect(await lastBody(calls, 'PATCH')).toEqual({
      name: '门店海报（春季）',
      clear: ['dailyCap', 'schedule'],
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已保存「门店海报（春季）」',
    )
    expect(card(7).querySelector('[data-testid="code-schedule"]')?.textContent).toContain(
      '全天接待',
    )
  })

  it('saves nothing when nothing changed', async () => {
    const { calls } = stubLiveCodeServer([withTotals(channelCode())])
    await mountApp('/acquisition/live-codes')
    button('编辑', card(7)).click()
    await settle()
    button('保存', editor()).click()
    await settle()
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false)
    expect(document.querySelector('.el-message--info')?.textContent).toContain('没有需要保存的修改')
  })

  it('shows the server’s field errors at their fields: a staff member, a time, an attachment’s address', async () => {
    const code = channelCode()
    const { calls } = stubLiveCodeServer([withTotals(code)], {
      'PATCH /api/v1/wecom/channel-codes/7': () =>
        problemResponse(400, {
          code: 'problem.invalid-request',
          detail: '请求参数有误',
          errors: [
            {
              field: 'staff[1]',
              code: 'wecom.code.staff.unknown',
              message: '员工 lisi 不在通讯录中',
            },
            { field: 'schedule.from', code: 'wecom.code.schedule.time', message: '时间须为 HH:mm' },
            {
              field: 'welcome.attachments[0].url',
              code: 'wecom.code.attachment.url',
              message: '链接须以 http:// 或 https:// 开头',
            },
          ],
        }),
    })
    await mountApp('/acquisition/live-codes')
    button('编辑', card(7)).click()
    await settle()
    await type(input('attachments.0.title') as HTMLInputElement, '新人礼包')
    button('保存', editor()).click()
    await settle()
    expect(await lastBody(calls, 'PATCH')).toEqual({
      welcome: {
        text: '{nickname} 你好，我是{staff}',
        attachments: [{ type: 'link', title: '新人礼包', url: 'https://example.com/gift' }],
      },
    })
    expect(errorAt(staffSelect())).toBe('员工 lisi 不在通讯录中')
    expect(errorAt(input('from'))).toBe('时间须为 HH:mm')
    expect(errorAt(input('to'))).toBe('')
    expect(errorAt(input('attachments.0.url'))).toBe('链接须以 http:// 或 https:// 开头')
    expect(errorAt(input('attachments.0.title'))).toBe('')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('counts the welcome’s bytes and refuses more than WeCom takes', async () => {
    const { calls } = stubLiveCodeServer([withTotals(channelCode())])
    await mountApp('/acquisition/live-codes')
    button('编辑', card(7)).click()
    await settle()
    await type(input('welcomeText') as HTMLInputElement, '欢'.repeat(1334))
    const counter = editor().querySelector('[data-testid="welcome-bytes"]')!
    expect(counter.textContent?.trim()).toBe('4,002 / 4,000 字节')
    expect(counter.classList).toContain('is-over')
    button('保存', editor()).click()
    await settle()
    expect(errorAt(input('welcomeText'))).toBe('欢迎语最多 4000 字节（现在是 4002 字节）')
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false)
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLiveCodeServer([withTotals(channelCode())])
    const { wrapper } = await mountApp('/acquisition/live-codes')
    expect(document.title).toBe('Live codes · 私域 Siyu')
    expect(wrapper.find('nav').text()).toContain('Acquisition')
    expect(card(7).querySelector('[data-testid="code-schedule"]')?.textContent).toContain(
      'Mon–Fri, 09:00–18:00',
    )
    expect(buttons(card(7))).toContain('Download QR')
    button('Edit', card(7)).click()
    await settle()
    expect(editor().textContent).toContain('What the customer sees')
    expect(
      editor()
        .querySelector('[data-testid="welcome-preview"] [data-testid="bubble"]')
        ?.textContent?.trim(),
    ).toBe('Sunny 你好，我是张三')
  })
})
