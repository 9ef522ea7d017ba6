import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './WeComView.vue'
import { setLocale } from '@/i18n'
import { createAppRouter } from '@/router'
import { button } from '@/test/dom'
import { mountApp, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import type { SyncRun, WeComApp } from './api'

const TOKEN = 'Q3kV9pLm2XwR7tYb4NcZ8hJd5FgS1aEu'
const AES_KEY = 'k8Vn3Qp7Xr2Lm9Tw4Yb6Zc1Hd5Jf0Gs8Ae3Ru7Ki2Po'

function wecomApp(overrides: Partial<WeComApp> = {}): WeComApp {
  return {
    id: 1,
    name: '私域助手',
    corpId: 'ww1234567890abcdef',
    agentId: '1000002',
    token: TOKEN,
    encodingAesKey: AES_KEY,
    callbackPath: '/callbacks/wecom/Xy3kP9aQ2mR7tLw5nB8vC1dF',
    apiBaseUrl: 'https://qyapi.weixin.qq.com',
    ...overrides,
  }
}

const PROXIED = wecomApp({
  id: 2,
  name: '门店企微',
  corpId: 'wwfedcba0987654321',
  agentId: '1000005',
  token: 'StoreToken42',
  encodingAesKey: 'S'.repeat(43),
  callbackPath: '/callbacks/wecom/Zz9yX8wV7uT6sR5qP4oN3mL2',
  apiBaseUrl: 'http://wecom-proxy.internal:8080',
})

function syncRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: 3,
    appId: 1,
    trigger: 'manual',
    status: 'done',
    progress: { phase: 'contacts', done: 280, total: 280 },
    diff: {
      departments: 4,
      staff: { added: 1, removed: 0, total: 5 },
      contacts: { added: 12, lost: 2, unchanged: 266 },
    },
    error: null,
    startedAt: '2026-11-20T02:00:00Z',
    finishedAt: '2026-11-20T02:01:00Z',
    ...overrides,
  }
}

const DIRECTORY = [
  {
    userId: 'zhangsan',
    name: '张三',
    departments: [1],
    contactEnabled: true,
    status: 1,
    customers: 128,
  },
  {
    userId: 'zhaoliu',
    name: '赵六',
    departments: [2],
    contactEnabled: false,
    status: 1,
    customers: 0,
  },
]

function stubServer(apps: WeComApp[], routes: Record<string, Route> = {}, account = me()) {
  const directory: Record<string, Route> = {}
  for (const app of apps) {
    directory[`GET /api/v1/wecom/apps/${app.id}/sync`] = () => jsonResponse([])
    directory[`GET /api/v1/wecom/apps/${app.id}/staff`] = () => jsonResponse([])
  }
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/apps': () => jsonResponse(apps),
    ...directory,
    ...routes,
  })
}

const card = (id: number) => document.querySelector<HTMLElement>(`[data-app-id="${id}"]`)!
const field = (id: number, name: string) =>
  card(id).querySelector<HTMLElement>(`[data-field="${name}"]`)!
const shownValue = (id: number, name: string) =>
  field(id, name).querySelector('.copy-field__value')?.textContent?.trim()
const input = (name: string) =>
  openDialog().querySelector<HTMLInputElement>(`input[name="${name}"]`)

/** The message under a dialog field, or '' when it has none. */
function fieldError(name: string): string {
  const item = input(name)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

/** The message box on top (one that is closing may still be in the page). */
function messageBox(): HTMLElement {
  const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)
  if (!box) throw new Error('no message box')
  return box
}

const lastSuccess = () =>
  [...document.querySelectorAll('.el-message--success')].at(-1)?.textContent?.trim()

async function bodyOf(calls: Request[], method: string): Promise<unknown> {
  return calls
    .filter((c) => c.method === method)
    .at(-1)
    ?.clone()
    .json()
}

describe('the WeCom connection page', { timeout: 20_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    localStorage.clear()
  })

  it('explains the setup in numbered steps when no app is connected', async () => {
    stubServer([])
    const { wrapper } = await mountApp('/access/wecom')
    expect(document.title).toBe('企业微信接入 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('企业微信接入')
    const empty = wrapper.find('[data-testid="wecom-empty"]')
    expect(empty.text()).toContain('还没有接入企业微信应用')
    const steps = empty.findAll('[data-testid="wecom-steps"] li').map((li) => li.text())
    expect(steps).toHaveLength(7)
    expect(steps[0]).toMatch(/^1\s*创建自建应用/)
    expect(steps[0]).toContain('AgentId 和 Secret')
    expect(steps[1]).toContain('我的企业 → 企业信息')
    expect(steps[2]).toContain('可调用接口的应用')
    expect(steps[4]).toContain('接收消息 → 设置API接收')
    expect(steps[5]).toContain('外部联系人变更回调')
    // one way to start: the header has no second button
    expect(wrapper.findAll('button').filter((b) => b.text() === '接入应用')).toHaveLength(1)

    button('接入应用').click()
    await settle()
    expect(openDialog().querySelector('.el-dialog__title')?.textContent).toBe('接入企业微信应用')
    expect(openDialog().textContent).toContain('留空时由 Siyu 生成')
    expect(input('secret')?.type).toBe('password')
    expect(input('secret')?.getAttribute('autocomplete')).toBe('new-password')
    // the API address waits under the fold
    expect(openDialog().querySelector<HTMLElement>('[data-testid="advanced"]')?.style.display).toBe(
      'none',
    )
  })

  it('checks the server’s rules before sending', async () => {
    const { calls } = stubServer([])
    await mountApp('/access/wecom')
    button('接入应用').click()
    await settle()
    await type(input('name'), '私域助手')
    await type(input('corpId'), 'ww 1234!')
    await type(input('agentId'), '10000o2')
    await type(input('token'), 'too-short!')
    await type(input('encodingAesKey'), 'abc')
    button('高级设置', openDialog()).click()
    await settle(0)
    await type(input('apiBaseUrl'), 'qyapi.weixin.qq.com')
    button('接入', openDialog()).click()
    await settle()

    expect(fieldError('name')).toBe('')
    expect(fieldError('corpId')).toBe('企业ID 须为 1 到 64 个字母、数字、下划线或连字符')
    expect(fieldError('agentId')).toBe('AgentId 须为数字')
    expect(fieldError('secret')).toBe('请输入 Secret')
    expect(fieldError('token')).toBe('Token 须为 1 到 32 个字母或数字')
    expect(fieldError('encodingAesKey')).toBe(
      'EncodingAESKey 须为 43 个字母或数字（现在是 3 个字符）',
    )
    expect(fieldError('apiBaseUrl')).toBe('API 地址须为 http:// 或 https:// 开头的完整地址')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('shows the server’s field errors on their fields, a taken agent on AgentId, then connects', async () => {
    const answers: Route[] = [
      () =>
        problemResponse(400, {
          code: 'problem.invalid-request',
          detail: '请求参数有误',
          errors: [
            {
              field: 'corpId',
              code: 'wecom.app.corp-id',
              message: '企业 ID（corpid）须为 1 到 64 个字母、数字、下划线或连字符。',
            },
            {
              field: 'secret',
              code: 'wecom.app.secret',
              message: '请填写自建应用的 Secret（不超过 256 个字符）。',
            },
          ],
        }),
      () =>
        problemResponse(409, {
          code: 'wecom.app.exists',
          detail: '企业 ww1234567890abcdef 的应用 1000002 已经接入。',
        }),
      () => jsonResponse(wecomApp({ apiBaseUrl: 'http://127.0.0.1:9' }), 201),
    ]
    const { calls } = stubServer([], {
      'POST /api/v1/wecom/apps': (request) => answers.shift()!(request),
    })
    const { wrapper } = await mountApp('/access/wecom')
    button('接入应用').click()
    await settle()
    await type(input('name'), ' 私域助手 ')
    await type(input('corpId'), 'ww1234567890abcdef ')
    await type(input('agentId'), '1000002')
    await type(input('secret'), 'the-app-secret')
    button('高级设置', openDialog()).click()
    await settle(0)
    await type(input('apiBaseUrl'), 'http://127.0.0.1:9')

    button('接入', openDialog()).click()
    await settle()
    expect(fieldError('corpId')).toBe(
      '企业 ID（corpid）须为 1 到 64 个字母、数字、下划线或连字符。',
    )
    expect(fieldError('secret')).toBe('请填写自建应用的 Secret（不超过 256 个字符）。')
    expect(document.querySelector('.el-message--error')).toBeNull()

    button('接入', openDialog()).click()
    await settle()
    expect(fieldError('corpId')).toBe('')
    expect(fieldError('agentId')).toBe('企业 ww1234567890abcdef 的应用 1000002 已经接入。')
    expect(document.querySelector('.el-message--error')).toBeNull()

    button('接入', openDialog()).click()
    await settle()
    // trimmed; the Token and EncodingAESKey left empty are left out, to be generated
    expect(await bodyOf(calls, 'POST')).toEqual({
      name: '私域助手',
      corpId: 'ww1234567890abcdef',
      agentId: '1000002',
      secret: 'the-app-secret',
      apiBaseUrl: 'http://127.0.0.1:9',
    })
    expect(lastSuccess()).toContain('已接入「私域助手」')
    expect(wrapper.find('[data-testid="wecom-empty"]').exists()).toBe(false)
    expect(shownValue(1, 'callbackUrl')).toBe(
      `${window.location.origin}/callbacks/wecom/Xy3kP9aQ2mR7tLw5nB8vC1dF`,
    )
    expect(document.body.innerHTML).not.toContain('the-app-secret')
  })

  it('lists each app with its callback URL, masked Token and EncodingAESKey, and copies them', async () => {
    stubServer([wecomApp(), PROXIED])
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('isSecureContext', true)
    const { wrapper } = await mountApp('/access/wecom')

    expect(card(1).querySelector('.wecom-app__name')?.textContent).toBe('私域助手')
    expect(card(1).querySelector('[data-testid="corp-id"]')?.textContent).toBe('ww1234567890abcdef')
    expect(card(1).querySelector('[data-testid="agent-id"]')?.textContent).toBe('1000002')
    expect(shownValue(1, 'callbackUrl')).toBe(
      `${window.location.origin}/callbacks/wecom/Xy3kP9aQ2mR7tLw5nB8vC1dF`,
    )
    // masked, with the last characters to match against WeCom's settings
    expect(shownValue(1, 'token')).toBe('••••••••••••1aEu')
    expect(shownValue(1, 'encodingAesKey')).toBe('••••••••••••i2Po')
    expect(document.body.innerHTML).not.toContain(TOKEN)
    expect(document.body.innerHTML).not.toContain(AES_KEY)
    expect(card(1).querySelector('.wecom-app__api')?.textContent).toContain(
      'https://qyapi.weixin.qq.com',
    )
    expect(card(1).querySelector('.wecom-app__api')?.textContent).toContain('企业微信官方')
    expect(card(2).querySelector('.wecom-app__api')?.textContent).toContain(
      'http://wecom-proxy.internal:8080',
    )
    expect(card(2).querySelector('.wecom-app__api')?.textContent).toContain('自定义')
    // the console is reached at localhost here: WeCom could never call that address
    expect(wrapper.find('[data-testid="private-origin"]').text()).toContain(window.location.origin)

    button('显示', field(1, 'token')).click()
    await settle(0)
    expect(shownValue(1, 'token')).toBe(TOKEN)
    expect(shownValue(1, 'encodingAesKey')).toBe('••••••••••••i2Po')
    button('隐藏', field(1, 'token')).click()
    await settle(0)
    expect(shownValue(1, 'token')).toBe('••••••••••••1aEu')

    // copied in full without being revealed
    button('复制', field(1, 'encodingAesKey')).click()
    await settle(0)
    expect(writeText).toHaveBeenCalledWith(AES_KEY)
    expect(lastSuccess()).toBe('已复制EncodingAESKey')
    button('复制', field(1, 'callbackUrl')).click()
    await settle(0)
    expect(writeText).toHaveBeenLastCalledWith(
      `${window.location.origin}/callbacks/wecom/Xy3kP9aQ2mR7tLw5nB8vC1dF`,
    )
    expect(lastSuccess()).toBe('已复制回调 URL')
  })

  it('tests the connection and says what WeCom answered, with advice for known errors', async () => {
    const failures = [
      {
        ok: false,
        errcode: 60020,
        error: 'gettoken: errcode 60020, not allow to access from your ip',
      },
      { ok: false, errcode: -99999, error: 'gettoken: errcode -99999, java.net.ConnectException' },
    ]
    const { calls } = stubServer([wecomApp(), PROXIED], {
      'POST /api/v1/wecom/apps/1/check': () => jsonResponse({ ok: true, name: '私域助手（企微）' }),
      'POST /api/v1/wecom/apps/2/check': () => jsonResponse(failures.shift()),
    })
    await mountApp('/access/wecom')
    const result = (id: number) =>
      card(id).querySelector('[data-testid="check-result"]')?.textContent ?? ''

    button('测试连接', card(1)).click()
    await settle()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(card(1).querySelector('.el-alert--success')).not.toBeNull()
    expect(result(1)).toContain('连接成功：企业微信中的应用名为「私域助手（企微）」')
    expect(result(2)).toBe('')

    button('测试连接', card(2)).click()
    await settle()
    expect(card(2).querySelector('.el-alert--error')).not.toBeNull()
    expect(result(2)).toContain('连接失败（错误码 60020）')
    expect(result(2)).toContain('不在应用的「企业可信IP」中')
    expect(result(2)).toContain('企业微信返回：not allow to access from your ip')
    expect(result(2)).not.toContain('gettoken')

    button('测试连接', card(2)).click()
    await settle()
    expect(result(2)).toContain('连接失败：没有收到企业微信的应答')
    expect(result(2)).toContain('请检查 API 地址')
    expect(result(2)).toContain('技术细节：java.net.ConnectException')
    expect(result(2)).not.toContain('60020')
    expect(result(2)).not.toContain('-99999')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('edits an app, keeping the secret when it is left empty', async () => {
    const { calls } = stubServer([wecomApp(), PROXIED], {
      // the server answers the app as saved; the secret never comes back
      'PATCH /api/v1/wecom/apps/1': async (request) => {
        const { secret: _secret, ...changed } = (await request.clone().json()) as WeComApp & {
          secret?: string
        }
        return jsonResponse({ ...wecomApp(), ...changed, apiBaseUrl: wecomApp().apiBaseUrl })
      },
    })
    await mountApp('/access/wecom')
    button('编辑', card(1)).click()
    await settle()
    expect(openDialog().querySelector('.el-dialog__title')?.textContent).toBe('编辑「私域助手」')
    expect(input('corpId')?.disabled).toBe(true)
    expect(input('agentId')?.disabled).toBe(true)
    expect(input('secret')?.value).toBe('')
    expect(input('secret')?.placeholder).toBe('留空则保留现在的 Secret')
    expect(input('apiBaseUrl')?.value).toBe('')
    expect(openDialog().querySelector('.el-alert--warning')).toBeNull()

    await type(input('name'), '私域助手（总部）')
    await type(input('token'), 'NewToken2026')
    expect(openDialog().querySelector('.el-alert--warning')?.textContent).toContain(
      '须在企业微信「接收消息 → 设置API接收」中保存同样的值',
    )
    button('保存', openDialog()).click()
    await settle()
    expect(await bodyOf(calls, 'PATCH')).toEqual({
      name: '私域助手（总部）',
      token: 'NewToken2026',
      encodingAesKey: AES_KEY,
      apiBaseUrl: '',
    })
    expect(lastSuccess()).toBe('已保存「私域助手（总部）」')
    expect(card(1).querySelector('.wecom-app__name')?.textContent).toBe('私域助手（总部）')
  })

  it('disconnects an app only after a confirmation that names it', async () => {
    const { calls } = stubServer([wecomApp()], {
      'DELETE /api/v1/wecom/apps/1': () => new Response(null, { status: 204 }),
    })
    const { wrapper } = await mountApp('/access/wecom')

    button('断开', card(1)).click()
    await settle()
    expect(messageBox().textContent).toContain('确定断开「私域助手」吗')
    expect(messageBox().textContent).toContain('企业微信推送到这个回调 URL 的事件都会报错')
    button('取消', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
    expect(card(1)).not.toBeNull()

    button('断开', card(1)).click()
    await settle()
    button('断开', messageBox()).click()
    await settle()
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1)
    expect(lastSuccess()).toBe('已断开「私域助手」')
    expect(wrapper.find('[data-testid="wecom-empty"]').exists()).toBe(true)
  })

  it('syncs the directory and contacts, following the run until it is done, then shows what changed', async () => {
    const runs = [
      [],
      [
        syncRun({
          status: 'running',
          progress: { phase: 'contacts', done: 120, total: 480 },
          diff: {},
          finishedAt: null,
        }),
      ],
      [syncRun()],
    ]
    let staffReads = 0
    const { calls } = stubServer([wecomApp()], {
      'GET /api/v1/wecom/apps/1/sync': () => jsonResponse(runs.length > 1 ? runs.shift() : runs[0]),
      'POST /api/v1/wecom/apps/1/sync': () =>
        jsonResponse(syncRun({ status: 'running', progress: {}, diff: {}, finishedAt: null }), 202),
      'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(staffReads++ ? DIRECTORY : []),
    })
    await mountApp('/access/wecom')
    const sync = () => card(1).querySelector<HTMLElement>('[data-testid="wecom-sync"]')!
    expect(sync().textContent).toContain('还没有同步过')

    button('同步通讯录与客户', sync()).click()
    await settle()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(lastSuccess()).toContain('已开始同步「私域助手」的通讯录与客户')
    expect(sync().querySelector('[data-testid="sync-status"]')?.textContent?.trim()).toBe('同步中')
    expect(sync().querySelector('[data-testid="sync-progress"]')?.textContent).toContain('正在开始')

    // every 2 s: the progress, then the end
    await vi.waitFor(
      () =>
        expect(sync().querySelector('[data-testid="sync-progress"]')?.textContent).toContain(
          '120 / 480',
        ),
      { timeout: 3000 },
    )
    expect(sync().querySelector('[data-testid="sync-progress"]')?.textContent).toContain(
      '正在同步客户',
    )
    expect(sync().querySelector('.el-progress-bar__inner')?.getAttribute('style')).toContain(
      'width: 25%',
    )
    await vi.waitFor(
      () =>
        expect(sync().querySelector('[data-testid="sync-status"]')?.textContent?.trim()).toBe(
          '已完成',
        ),
      { timeout: 3000 },
    )
    expect(sync().querySelector('[data-testid="sync-progress"]')).toBeNull()
    const diff = sync().querySelector('[data-testid="sync-diff"]')?.textContent?.replace(/\s/g, '')
    expect(diff).toContain('部门4')
    expect(diff).toContain('员工新增1移除0共5人')
    expect(diff).toContain('客户新增12流失2未变266')

    // the staff the sync found, with who may receive customers
    await settle()
    expect(sync().querySelector('[data-testid="staff-count"]')?.textContent).toContain('2 人')
    expect(sync().querySelector('[data-testid="staff-count"]')?.textContent).toContain(
      '1 人已开通客户联系',
    )
    const rows = [...sync().querySelectorAll('[data-testid="staff-table"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    )
    expect(rows).toEqual([
      ['张三', 'zhangsan', '已开通', '128'],
      ['赵六', 'zhaoliu', '未开通', '0'],
    ])
  })

  it('says so when a sync is already running', async () => {
    stubServer([wecomApp()], {
      'POST /api/v1/wecom/apps/1/sync': () =>
        problemResponse(409, {
          code: 'wecom.sync.running',
          detail: '这个应用正在同步，请稍后再试。',
        }),
      'GET /api/v1/wecom/apps/1/sync': () =>
        jsonResponse([syncRun({ status: 'failed', error: 'errcode 60011' })]),
    })
    await mountApp('/access/wecom')
    const sync = card(1).querySelector<HTMLElement>('[data-testid="wecom-sync"]')!
    expect(sync.textContent).toContain('同步失败：errcode 60011')
    button('同步通讯录与客户', sync).click()
    await settle()
    expect(document.querySelector('.el-message--warning')?.textContent).toContain(
      '这个应用正在同步，请稍后再试。',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubServer([wecomApp()])
    const { wrapper } = await mountApp('/access/wecom')
    expect(document.title).toBe('WeCom connection · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('WeCom connection')
    const text = card(1).textContent ?? ''
    for (const part of ['Test connection', 'Corp ID', 'Callback URL', 'Enter in WeCom', 'Show']) {
      expect(text).toContain(part)
    }
  })

  it('is open only to accounts with wecom:manage', async () => {
    const manager = me({ role: 'manager', permissions: ['dashboard:read', 'accounts:read'] })
    stubServer([], {}, manager)
    const router = createAppRouter({ pinia: createPinia(), history: createMemoryHistory() })
    await router.push('/access/wecom')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'), {
      // the next page is loaded lazily: slow on a busy machine
      timeout: 10_000,
    })
    expect(document.body.textContent).toContain('你没有访问该页面的权限')
  })
})
