import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MomentDetailView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { moment, momentDetail, poster, POSTERS, stubMomentServer } from '@/test/moments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

// Pages that poll keep doing so until unmounted: none may outlive its test.
const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const text = (selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const staffRows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="moment-staff"] .el-table__body tr'),
]
const cell = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim()
const kpi = (key: string) =>
  [
    `[data-kpi="${key}"] .kpi__label`,
    `[data-kpi="${key}"] .kpi__value`,
    `[data-kpi="${key}"] .kpi__hint`,
  ]
    .map(text)
    .join(' ')
/** What the post's facts say under `label`. */
const fact = (label: string) =>
  [...document.querySelectorAll('[data-testid="moment-facts"] dl > div')]
    .find((row) => row.querySelector('dt')?.textContent?.trim() === label)
    ?.querySelector('dd')
    ?.textContent?.trim()
/** The message box on top (one closed before may still be fading out). */
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!

describe('a 朋友圈 post’s details', { timeout: 30_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('shows what it is: who posts it, who sees it, when, and what it says', async () => {
    stubMomentServer()
    await mountApp('/outreach/moments/7')
    expect(document.title).toBe('朋友圈详情 · 私域 Siyu')
    expect(text('.page-header__title')).toBe('双十一新品上市')
    expect(text('[data-testid="send-status"]')).toBe('待员工发表')
    expect(fact('发表员工')).toBe('张三、李四、王五')
    expect(fact('可见客户')).toBe('带任一标签的客户：直播间')
    expect(fact('发送时间')).toBe('2026-11-10 10:00')
    expect(fact('应用')).toBe('私域助手')
    expect(fact('创建人')).toContain('王经理')
    expect(fact('企业微信朋友圈 ID')).toBe('momABC123')
    expect(text('[data-testid="send-text"]')).toBe('双十一新品今天上市，会员专享 8 折 🎉')
    expect(text('[data-testid="moment-facts"]')).toContain('1 个素材')
    expect(text('[data-testid="send-materials"] .material-chip')).toContain('双11主图')
  })

  it('says every staff member and all their customers when it named none', async () => {
    stubMomentServer({
      'GET /api/v1/moments/7': () => jsonResponse(momentDetail({ staff: [], tagIds: [] })),
    })
    await mountApp('/outreach/moments/7')
    expect(fact('发表员工')).toBe('所有服务客户的员工')
    expect(fact('可见客户')).toBe('员工的全部客户')
  })

  it('counts the staff asked, those who posted it and the customers who can see it, and charts them', async () => {
    stubMomentServer()
    await mountApp('/outreach/moments/7')
    expect(kpi('staff')).toBe('请发表的员工 3 1 位还没发表')
    expect(kpi('published')).toBe('已发表 2 占请发表员工 66.7%')
    expect(kpi('customers')).toContain('能看到的客户 265')
    expect(text('[data-testid="chart-published"] .chart-card__title')).toBe('员工发表情况')
    expect(document.querySelector('[data-testid="chart-published"] .el-empty')).toBeNull()
    expect(text('[data-testid="chart-customers"] .chart-card__title')).toBe('各员工能看到的客户')
  })

  it('lists each staff member with whether and when they posted it and how many customers see it', async () => {
    stubMomentServer()
    await mountApp('/outreach/moments/7')
    const rows = staffRows()
    expect(rows).toHaveLength(3)
    expect(rows.map((row) => row.querySelector('.moment__staff')?.textContent?.trim())).toEqual([
      '张三',
      '李四',
      '王五',
    ])
    expect(rows.map((row) => cell(row, 'published-status'))).toEqual(['已发表', '已发表', '未发表'])
    expect(rows.map((row) => cell(row, 'published-at'))).toEqual([
      '2026-11-10 11:15',
      '2026-11-10 12:00',
      '—',
    ])
    expect(rows.map((row) => cell(row, 'staff-customers'))).toEqual(['128', '96', '41'])
  })

  it('waits for WeCom before counting a scheduled post', async () => {
    stubMomentServer({
      'GET /api/v1/moments/7': () =>
        jsonResponse(
          momentDetail(
            {
              status: 'scheduled',
              sendAt: '2099-11-11T01:00:00Z',
              momentId: null,
              counts: { staff: 0, published: 0, customers: 0 },
            },
            [],
          ),
        ),
    })
    await mountApp('/outreach/moments/7')
    expect(text('[data-testid="send-status"]')).toBe('待发送')
    expect(document.querySelector('[data-kpi]')).toBeNull()
    expect(text('.moment__pending')).toContain('任务交给企业微信后')
    expect(text('[data-testid="moment-staff"] .el-table__empty-text')).toBe('还没有员工任务')
    expect(fact('企业微信朋友圈 ID')).toBeUndefined()
  })

  it('tells why WeCom refused it, and offers no cancel', async () => {
    stubMomentServer({
      'GET /api/v1/moments/7': () =>
        jsonResponse(
          momentDetail(
            {
              status: 'failed',
              error: '图片尺寸不符合要求',
              momentId: null,
              counts: { staff: 0, published: 0, customers: 0 },
            },
            [],
          ),
        ),
    })
    await mountApp('/outreach/moments/7')
    expect(text('[data-testid="send-status"]')).toBe('失败')
    expect(text('[data-testid="moment-error"]')).toBe('图片尺寸不符合要求')
    expect(document.querySelector('[data-testid="cancel"]')).toBeNull()
    expect(document.querySelector('[data-testid="auto-refresh"]')).toBeNull()
  })

  it('cancels it for the staff who have not posted it, after asking', async () => {
    let cancelled = false
    const { calls } = stubMomentServer({
      'GET /api/v1/moments/7': () =>
        jsonResponse(momentDetail({ status: cancelled ? 'cancelled' : 'created' })),
      'POST /api/v1/moments/7/cancel': () => {
        cancelled = true
        return jsonResponse(moment({ status: 'cancelled' }))
      },
    })
    await mountApp('/outreach/moments/7')
    button('取消任务').click()
    await settle()
    expect(messageBox().textContent).toContain('取消「双十一新品上市」？')
    button('不取消', messageBox()).click()
    await settle(500)
    expect(calls.some((c) => c.url.endsWith('/cancel'))).toBe(false)

    button('取消任务').click()
    await settle()
    button('取消任务', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/moments/7/cancel'))).toBe(true)
    expect(text('.el-message--success')).toContain('已取消朋友圈任务「双十一新品上市」')
    expect(text('[data-testid="send-status"]')).toBe('已取消')
    expect(document.querySelector('[data-testid="cancel"]')).toBeNull()
  })

  it('shows the server’s reason when it was done before the cancel arrived', async () => {
    stubMomentServer({
      'POST /api/v1/moments/7/cancel': () =>
        problemResponse(409, { detail: '这条朋友圈任务已经取消', code: 'moments.cancel.done' }),
    })
    await mountApp('/outreach/moments/7')
    button('取消任务').click()
    await settle()
    button('取消任务', messageBox()).click()
    await settle()
    expect(text('.el-message--error')).toContain('这条朋友圈任务已经取消')
  })

  it('offers no cancel once everyone posted it, nor to accounts that may only read', async () => {
    const everyone = POSTERS.map((member) => poster({ ...member, published: true }))
    stubMomentServer({
      'GET /api/v1/moments/7': () =>
        jsonResponse(
          momentDetail({ counts: { staff: 3, published: 3, customers: 265 } }, everyone),
        ),
    })
    await mountApp('/outreach/moments/7')
    expect(staffRows()).toHaveLength(3)
    expect(document.querySelector('[data-testid="cancel"]')).toBeNull()
    expect(document.querySelector('[data-testid="auto-refresh"]')).toBeNull()
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    document.body.innerHTML = ''

    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubMomentServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/outreach/moments/7')
    expect(staffRows()).toHaveLength(3)
    expect(document.querySelector('[data-testid="cancel"]')).toBeNull()
  })

  it('asks again by itself while it is handed over and staff have yet to post, and stops when all did', async () => {
    let reads = 0
    stubMomentServer({
      'GET /api/v1/moments/7': () => {
        reads++
        if (reads === 1) {
          return jsonResponse(
            momentDetail(
              { status: 'creating', counts: { staff: 0, published: 0, customers: 0 } },
              [],
            ),
          )
        }
        const everyone = POSTERS.map((member) => poster({ ...member, published: true }))
        return jsonResponse(
          momentDetail({ counts: { staff: 3, published: 3, customers: 265 } }, everyone),
        )
      },
    })
    await mountApp('/outreach/moments/7')
    expect(text('[data-testid="send-status"]')).toBe('创建中')
    expect(text('[data-testid="auto-refresh"]')).toBe('自动刷新中')
    await vi.waitFor(() => expect(text('[data-testid="send-status"]')).toBe('待员工发表'), {
      timeout: 5000,
    })
    await settle()
    expect(document.querySelector('[data-testid="auto-refresh"]')).toBeNull()
    expect(kpi('published')).toContain('已发表 3')
    await new Promise((r) => setTimeout(r, 3500))
    expect(reads).toBe(2)
  })

  it('keeps refreshing while some staff have not posted it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      let reads = 0
      stubMomentServer({
        'GET /api/v1/moments/7': () => {
          reads++
          return jsonResponse(momentDetail())
        },
      })
      await mountApp('/outreach/moments/7')
      expect(text('[data-testid="auto-refresh"]')).toBe('自动刷新中')
      expect(reads).toBe(1)
      await vi.advanceTimersByTimeAsync(10_000)
      await settle()
      expect(reads).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('says so when there is no such post', async () => {
    stubMomentServer({
      'GET /api/v1/moments/7': () => problemResponse(404, { detail: '朋友圈任务不存在' }),
    })
    await mountApp('/outreach/moments/7')
    expect(text('.moment__missing')).toContain('没能加载这条朋友圈任务')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMomentServer()
    await mountApp('/outreach/moments/7')
    expect(document.title).toBe('Moments post · 私域 Siyu')
    expect(text('[data-testid="send-status"]')).toBe('Waiting for staff')
    expect(fact('Who sees it')).toBe('Customers with any of: 直播间')
    expect(kpi('staff')).toBe('Staff asked 3 Not posted yet: 1')
    expect(kpi('published')).toBe('Posted 2 66.7% of the staff asked')
    expect(staffRows().map((row) => cell(row, 'published-status'))).toEqual([
      'Posted',
      'Posted',
      'Not posted',
    ])
    expect(text('[data-testid="cancel"]')).toBe('Cancel task')
  })
})
