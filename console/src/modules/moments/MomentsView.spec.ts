import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MomentsView.vue'
import './MomentDetailView.vue'
import { setLocale } from '@/i18n'
import { mountApp } from '@/test/app'
import { jsonResponse } from '@/test/http'
import { moment, stubMomentServer } from '@/test/moments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const inRow = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()

describe('the 客户朋友圈 list', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('is under 客户触达 after 企业群发, and lists each post with its status, staff who posted it and who can see it', async () => {
    stubMomentServer()
    const { wrapper } = await mountApp('/outreach/moments')
    expect(document.title).toBe('客户朋友圈 · 私域 Siyu')
    const active = wrapper.find('nav .el-sub-menu.is-opened .el-menu-item.is-active')
    expect(active.text()).toBe('客户朋友圈')
    const outreach = [...wrapper.findAll('nav .el-sub-menu.is-opened .el-menu-item')].map((item) =>
      item.text(),
    )
    expect(outreach.indexOf('客户朋友圈')).toBe(outreach.indexOf('企业群发') + 1)

    const [created, scheduled] = rows()
    expect(rows()).toHaveLength(2)
    expect(created!.textContent).toContain('双十一新品上市')
    expect(inRow(created!, 'send-status')).toBe('待员工发表')
    expect(inRow(created!, 'published-count')).toBe('2 / 3 位员工已发表')
    expect(inRow(created!, 'customers')).toBe('265 位')
    expect(created!.textContent).toContain('2026-11-10 10:00')
    expect(created!.textContent).toContain('王经理')

    expect(inRow(scheduled!, 'send-status')).toBe('待发送')
    expect(scheduled!.querySelector('[data-testid="published"]')).toBeNull()
    expect(scheduled!.textContent).toContain('交给企业微信后统计')
  })

  it('tells each status in words', async () => {
    stubMomentServer({
      'GET /api/v1/moments': () =>
        jsonResponse({
          items: [
            moment({ id: 1, status: 'creating', counts: { staff: 0, published: 0, customers: 0 } }),
            moment({ id: 2, status: 'failed', error: '图片不合规' }),
            moment({ id: 3, status: 'cancelled' }),
          ],
          nextCursor: null,
        }),
    })
    await mountApp('/outreach/moments')
    expect(rows().map((row) => inRow(row, 'send-status'))).toEqual(['创建中', '失败', '已取消'])
  })

  it('says so when there are none yet', async () => {
    stubMomentServer({
      'GET /api/v1/moments': () => jsonResponse({ items: [], nextCursor: null }),
    })
    await mountApp('/outreach/moments')
    expect(document.querySelector('.el-table__empty-text')?.textContent?.trim()).toBe(
      '还没有客户朋友圈任务',
    )
  })

  it('pages on with the server’s cursor', async () => {
    const { calls } = stubMomentServer({
      'GET /api/v1/moments': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('cursor') === 'c2'
            ? { items: [moment({ id: 3, name: '国庆回顾' })], nextCursor: null }
            : { items: [moment()], nextCursor: 'c2' },
        ),
    })
    await mountApp('/outreach/moments')
    const first = calls.find((c) => new URL(c.url).pathname === '/api/v1/moments')!
    expect(new URL(first.url).searchParams.get('limit')).toBe('20')
    document.querySelector<HTMLElement>('.load-more button')!.click()
    await settle()
    expect(rows().map((row) => row.querySelector('.moments__name')?.textContent?.trim())).toEqual([
      '双十一新品上市',
      '国庆回顾',
    ])
  })

  it('opens a post’s details from its row', async () => {
    stubMomentServer()
    const { router } = await mountApp('/outreach/moments')
    rows()[0]!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/outreach/moments/7')
  })

  it('offers 新建朋友圈 only to accounts that may send', async () => {
    stubMomentServer()
    const { router } = await mountApp('/outreach/moments')
    const create = document.querySelector<HTMLElement>('[data-testid="create-moment"]')!
    expect(create.textContent?.trim()).toBe('新建朋友圈')
    create.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/outreach/moments/new')
    document.body.innerHTML = ''

    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubMomentServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/outreach/moments')
    expect(rows()[0]!.textContent).toContain('双十一新品上市')
    expect(document.querySelector('[data-testid="create-moment"]')).toBeNull()
  })

  it('is hidden from the navigation and closed to accounts without messaging:read', async () => {
    const none = ALL_PERMISSIONS.filter((p) => !p.startsWith('messaging:'))
    stubMomentServer({}, me({ role: 'staff', permissions: none }))
    const { wrapper, router } = await mountApp('/outreach/moments')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('客户朋友圈')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMomentServer()
    const { wrapper } = await mountApp('/outreach/moments')
    expect(document.title).toBe("Customers' Moments · 私域 Siyu")
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe("Customers' Moments")
    const [created, scheduled] = rows()
    expect(inRow(created!, 'send-status')).toBe('Waiting for staff')
    expect(inRow(created!, 'published-count')).toBe('2 of 3 staff posted it')
    expect(inRow(created!, 'customers')).toBe('Customers: 265')
    expect(scheduled!.textContent).toContain('Counted once WeCom has it')
    expect(document.querySelector('[data-testid="create-moment"]')?.textContent?.trim()).toBe(
      'New Moments post',
    )
  })
})
