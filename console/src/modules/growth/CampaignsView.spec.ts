import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CampaignsView.vue'
import './CampaignEditorView.vue'
import './CampaignDetailView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole } from '@/test/app'
import { campaign, stubGrowthServer } from '@/test/growth'
import { jsonResponse } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

// The detail page of a running campaign polls until unmounted: none may outlive its test.
const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const inRow = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
/** The section the active page is in, and the page. */
const activeNav = () => {
  const item = document.querySelector<HTMLElement>('nav .el-menu-item.is-active')
  const section = item?.closest('.el-sub-menu')?.querySelector('.el-sub-menu__title')
  return [section?.textContent?.trim(), item?.textContent?.trim()]
}
const period = (row: HTMLElement) =>
  [...row.querySelectorAll('[data-testid="period"] > div')].map((line) => line.textContent?.trim())
const chips = (row: HTMLElement) =>
  [...row.querySelectorAll<HTMLElement>('[data-stage]')].map((chip) => ({
    text: chip.textContent?.replace(/\s+/g, ' ').trim(),
    soldOut: chip.classList.contains('is-sold-out'),
  }))

describe('the 任务宝 list', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('is 任务宝 under its own 增长裂变 section, after 获客引流', async () => {
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns')
    expect(document.title).toBe('任务宝 · 私域 Siyu')
    expect(activeNav()).toEqual(['增长裂变', '任务宝'])
    const sections = wrapper.findAll('nav .el-sub-menu__title').map((title) => title.text())
    expect(sections.indexOf('增长裂变')).toBe(sections.indexOf('获客引流') + 1)
  })

  it('lists each campaign with its status, period, participants, counted invites and rewards per stage', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns')
    const [running, draft] = rows()
    expect(rows()).toHaveLength(2)
    expect(running!.textContent).toContain('老带新 · 邀请好友领好礼')
    expect(running!.textContent).toContain('双十一期间拉新')
    expect(inRow(running!, 'send-status')).toBe('进行中')
    expect(period(running!)).toEqual(['2026-11-01 10:00', '至 2026-11-30 23:59'])
    expect(inRow(running!, 'participants')).toBe('128')
    expect(inRow(running!, 'counted')).toBe('256')
    expect(chips(running!)).toEqual([
      { text: '1阶 40/不限', soldOut: false },
      { text: '2阶 12/100', soldOut: false },
      { text: '3阶 20/20', soldOut: true },
    ])
    expect(inRow(draft!, 'send-status')).toBe('草稿')
    expect(inRow(draft!, 'participants')).toBe('0')
  })

  it('tells the three statuses apart', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns': () =>
        jsonResponse({
          items: [
            campaign({ id: 1, status: 'draft' }),
            campaign({ id: 2, status: 'active' }),
            campaign({ id: 3, status: 'ended' }),
          ],
          nextCursor: null,
        }),
    })
    await mountApp('/growth/campaigns')
    expect(rows().map((row) => inRow(row, 'send-status'))).toEqual(['草稿', '进行中', '已结束'])
  })

  it('explains what 任务宝 is when there are no campaigns yet', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns': () => jsonResponse({ items: [], nextCursor: null }),
    })
    await mountApp('/growth/campaigns')
    const empty = document.querySelector('.el-table__empty-text')?.textContent?.trim()
    expect(empty).toContain('还没有任务宝活动')
    expect(empty).toContain('分享自己的专属活码邀请好友')
  })

  it('pages on with the server’s cursor, newest first', async () => {
    const { calls } = stubGrowthServer({
      'GET /api/v1/campaigns': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('cursor') === 'c2'
            ? { items: [campaign({ id: 3, name: '国庆老带新' })], nextCursor: null }
            : { items: [campaign()], nextCursor: 'c2' },
        ),
    })
    await mountApp('/growth/campaigns')
    const first = calls.find((c) => new URL(c.url).pathname === '/api/v1/campaigns')!
    expect(new URL(first.url).searchParams.get('limit')).toBe('20')
    expect(new URL(first.url).searchParams.has('cursor')).toBe(false)
    document.querySelector<HTMLElement>('.load-more button')!.click()
    await settle()
    expect(rows().map((row) => row.querySelector('.campaigns__name')?.textContent?.trim())).toEqual(
      ['老带新 · 邀请好友领好礼', '国庆老带新'],
    )
  })

  it('opens a campaign from its row', async () => {
    stubGrowthServer()
    const { router } = await mountApp('/growth/campaigns')
    rows()[1]!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/growth/campaigns/10')
  })

  it('offers 新建活动 only to accounts with growth:write', async () => {
    stubGrowthServer()
    const { router } = await mountApp('/growth/campaigns')
    const create = document.querySelector<HTMLElement>('[data-testid="create-campaign"]')!
    expect(create.textContent?.trim()).toBe('新建活动')
    create.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/growth/campaigns/new')
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    document.body.innerHTML = ''

    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'growth:write')
    stubGrowthServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/growth/campaigns')
    expect(rows()).toHaveLength(2)
    expect(document.querySelector('[data-testid="create-campaign"]')).toBeNull()
  })

  it('is hidden from the navigation and closed to accounts without growth:read', async () => {
    const none = ALL_PERMISSIONS.filter((p) => !p.startsWith('growth:'))
    stubGrowthServer({}, me({ role: 'staff', permissions: none }))
    const { wrapper, router } = await mountApp('/growth/campaigns')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('增长裂变')
    expect(wrapper.find('nav').text()).not.toContain('任务宝')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubGrowthServer()
    await mountApp('/growth/campaigns')
    expect(document.title).toBe('Referral tasks · 私域 Siyu')
    expect(activeNav()).toEqual(['Growth', 'Referral tasks'])
    const [running] = rows()
    expect(inRow(running!, 'send-status')).toBe('Running')
    expect(period(running!)).toEqual(['2026-11-01 10:00', 'to 2026-11-30 23:59'])
    expect(chips(running!).map((chip) => chip.text)).toEqual(['S1 40/∞', 'S2 12/100', 'S3 20/20'])
    expect(document.querySelector('[data-testid="create-campaign"]')?.textContent?.trim()).toBe(
      'New campaign',
    )
    const headers = [...document.querySelectorAll('.el-table__header th')].map(
      (th) => th.textContent,
    )
    expect(headers.join(' ')).not.toMatch(/\p{Script=Han}/u)
  })
})
