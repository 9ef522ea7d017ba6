import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './JourneysView.vue'
import './JourneyEditorView.vue'
import './JourneyStatsView.vue'
import { setLocale } from '@/i18n'
import { mountApp, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { draft, stubJourneyServer } from '@/test/journeys'
import { bodies } from '@/test/segments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const card = (key: string) => openDialog().querySelector<HTMLElement>(`[data-template="${key}"]`)!

describe('the journey list', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('is under 营销自动化 in the navigation and lists each journey with its status, version and figures', async () => {
    stubJourneyServer()
    const { wrapper } = await mountApp('/automation/journeys')
    expect(document.title).toBe('客户旅程 · 私域 Siyu')
    expect(wrapper.find('nav .el-sub-menu.is-opened .el-menu-item.is-active').text()).toBe(
      '客户旅程',
    )
    expect(wrapper.find('nav').text()).toContain('营销自动化')
    expect(wrapper.find('nav').text()).toContain('员工任务')

    const [running, birthday] = rows()
    expect(running!.textContent).toContain('新客 7 天转化')
    expect(running!.querySelector('[data-testid="journey-status"]')?.textContent?.trim()).toBe(
      '运行中',
    )
    expect(running!.querySelector('[data-testid="version"]')?.textContent?.trim()).toBe('V2')
    expect(running!.querySelector('[data-field="entered"]')?.textContent).toBe('1,280')
    expect(running!.querySelector('[data-field="active"]')?.textContent).toBe('96')
    expect(running!.querySelector('[data-field="converted"]')?.textContent).toBe('320')
    expect(running!.textContent).toContain('25%')
    expect(birthday!.querySelector('[data-testid="journey-status"]')?.textContent?.trim()).toBe(
      '草稿',
    )
    expect(birthday!.textContent).toContain('未发布')
  })

  it('marks a journey whose draft has changes not published yet', async () => {
    stubJourneyServer({
      'GET /api/v1/journeys': () =>
        jsonResponse({ items: [draft({ id: 7, version: 3, changed: true })], nextCursor: null }),
    })
    await mountApp('/automation/journeys')
    expect(rows()[0]!.querySelector('[data-testid="changed"]')?.textContent?.trim()).toBe(
      '已修改未发布',
    )
  })

  it('opens a published journey on its figures and a draft in the editor', async () => {
    stubJourneyServer()
    const { router } = await mountApp('/automation/journeys')
    rows()[0]!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/automation/journeys/7')
    await router.push('/automation/journeys')
    await settle()
    rows()[1]!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/automation/journeys/8/edit')
  })

  it('starts a journey from a template in the gallery, named after it, and opens it in the editor', async () => {
    const { calls } = stubJourneyServer({
      'POST /api/v1/journeys': () => jsonResponse(draft({ id: 8, name: '生日关怀' }), 201),
    })
    const { router } = await mountApp('/automation/journeys')
    button('新建旅程').click()
    await settle()
    const gallery = openDialog().querySelector('[data-testid="templates"]')!
    const cards = [...gallery.querySelectorAll<HTMLElement>('[data-template]')]
    expect(cards.map((c) => c.querySelector('.new-journey__name')?.textContent)).toEqual([
      '空白旅程',
      '新客欢迎',
      '生日关怀',
    ])
    expect(cards[1]!.textContent).toContain('添加好友后发欢迎语')
    expect(cards[1]!.textContent).toContain('6 个步骤')

    card('birthday').click()
    await settle(0)
    const name = openDialog().querySelector<HTMLInputElement>('input[name="journey-name"]')!
    expect(name.value).toBe('生日关怀')
    // another template renames it, as long as the name was the template's
    card('new-customer').click()
    await settle(0)
    expect(name.value).toBe('新客欢迎')
    card('birthday').click()
    await settle(0)

    button('创建并编辑', openDialog()).click()
    await settle()
    expect(await bodies(calls, 'POST', '/api/v1/journeys')).toEqual([
      { name: '生日关怀', template: 'birthday' },
    ])
    expect(router.currentRoute.value.fullPath).toBe('/automation/journeys/8/edit')
  })

  it('starts a blank journey with the name typed, and asks for one first', async () => {
    const { calls } = stubJourneyServer({
      'POST /api/v1/journeys': () => jsonResponse(draft({ id: 8, name: '到店邀约' }), 201),
    })
    await mountApp('/automation/journeys')
    button('新建旅程').click()
    await settle()
    button('创建并编辑', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
      '请填写旅程名称',
    )
    expect(await bodies(calls, 'POST', '/api/v1/journeys')).toEqual([])

    await type(openDialog().querySelector('input[name="journey-name"]'), ' 到店邀约 ')
    button('创建并编辑', openDialog()).click()
    await settle()
    expect(await bodies(calls, 'POST', '/api/v1/journeys')).toEqual([{ name: '到店邀约' }])
  })

  it('shows the server’s problem with the name under it', async () => {
    stubJourneyServer({
      'POST /api/v1/journeys': () =>
        problemResponse(400, {
          detail: '请求中有字段不符合要求',
          errors: [{ field: 'name', code: 'journey.name.taken', message: '已有同名旅程' }],
        }),
    })
    await mountApp('/automation/journeys')
    button('新建旅程').click()
    await settle()
    await type(openDialog().querySelector('input[name="journey-name"]'), '新客欢迎')
    button('创建并编辑', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
      '已有同名旅程',
    )
  })

  it('deletes a draft after asking, and offers no delete for a published journey', async () => {
    const { calls } = stubJourneyServer({
      'DELETE /api/v1/journeys/8': () => new Response(null, { status: 204 }),
    })
    await mountApp('/automation/journeys')
    expect(rows()[0]!.querySelector('[data-testid="delete"]')).toBeNull()
    rows()[1]!.querySelector<HTMLElement>('[data-testid="delete"]')!.click()
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain(
      '删除草稿「生日关怀」后无法恢复',
    )
    button('删除', document.querySelector('.el-message-box')!).click()
    await settle()
    expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/api/v1/journeys/8'))).toBe(
      true,
    )
  })

  it('offers 新建 only to accounts that may write, and hides journeys without journeys:read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'journeys:write')
    stubJourneyServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/automation/journeys')
    expect(rows()[0]!.textContent).toContain('新客 7 天转化')
    expect(document.querySelector('[data-testid="create-journey"]')).toBeNull()
    expect(document.querySelector('[data-testid="delete"]')).toBeNull()
    document.body.innerHTML = ''

    // 一线员工: only their tasks
    const staff = ALL_PERMISSIONS.filter((p) => !p.startsWith('journeys:'))
    stubJourneyServer({}, me({ role: 'staff', permissions: staff }))
    const { wrapper, router } = await mountApp('/automation/journeys')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('客户旅程')
    expect(wrapper.find('nav').text()).toContain('员工任务')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubJourneyServer()
    await mountApp('/automation/journeys')
    expect(document.title).toBe('Journeys · 私域 Siyu')
    expect(rows()[0]!.querySelector('[data-testid="journey-status"]')?.textContent?.trim()).toBe(
      'Running',
    )
    expect(rows()[1]!.textContent).toContain('Not published')
  })
})
