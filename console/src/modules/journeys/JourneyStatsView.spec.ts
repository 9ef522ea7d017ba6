import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import VChart from 'vue-echarts'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './JourneyStatsView.vue'
import { setLocale } from '@/i18n'
import type { ChartOption } from '@/modules/home/echarts'
import { choose, mountApp } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { journey, RUNS, stats, stubJourneyServer } from '@/test/journeys'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const query = (calls: Request[], path: string) =>
  calls
    .filter((c) => new URL(c.url).pathname === path)
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))
const kpi = (key: string) =>
  document.querySelector(`[data-kpi="${key}"]`)?.textContent?.replace(/\s+/g, '')
const rows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="runs"] .el-table__body tr'),
]
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!

// A page left mounted keeps polling its figures: its calls would count in the next test's.
enableAutoUnmount(afterEach)

describe('a journey’s figures', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('show the totals as cards, each step’s customers as bars and the last 48 hours as lines, live', async () => {
    const { calls } = stubJourneyServer()
    const { wrapper } = await mountApp('/automation/journeys/7')
    expect(document.title).toBe('旅程数据 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('客户旅程')
    expect(query(calls, '/api/v1/journeys/7/stats')).toEqual([{}])
    expect(document.querySelector('[data-testid="live"]')!.textContent!.trim()).toBe('实时更新中')

    expect(kpi('entered')).toBe('累计进入1,280客户进入旅程的次数')
    expect(kpi('converted')).toBe('已转化320占进入的25%')
    expect(kpi('failed')).toContain('24')

    const [steps, hourly] = wrapper
      .findAllComponents(VChart)
      .map((chart) => chart.props('option') as ChartOption)
    // the welcome of both versions in one row, named as the newest version names it
    expect((steps!.yAxis as { data: string[] }).data).toEqual(['欢迎语', '等待'])
    const series = steps!.series as { name: string; data: number[] }[]
    expect(series.map((s) => s.name)).toEqual([
      '累计进入',
      '等待中',
      '已完成',
      '已退出',
      '失败',
      '已转化',
    ])
    expect(series[0]!.data).toEqual([1280, 790])
    expect(series[4]!.data).toEqual([14, 0])
    // in numbers too, with what each step handed on (a message step's customers in messaging)
    const table = document.querySelector('[data-testid="steps-table"]')!
    const welcome = table.querySelector('.el-table__body tr')!
    expect(welcome.textContent).toContain('欢迎语')
    expect(
      [...welcome.querySelectorAll('[data-testid="effects"] .el-tag')].map((tag) =>
        tag.textContent!.trim(),
      ),
    ).toEqual(['已送达 1,170', '等待员工发送 80', '超过频次上限 10', '排队交给企业微信 10'])
    // hours in the tenant's time zone, oldest first
    expect((hourly!.xAxis as { data: string[] }).data).toEqual(['11-10 08:00', '11-10 09:00'])
    expect((hourly!.series as { data: number[] }[])[0]!.data).toEqual([5, 3])
  })

  it('are asked for one version when it is picked', async () => {
    const { calls } = stubJourneyServer()
    await mountApp('/automation/journeys/7')
    await choose(document.querySelector('[data-testid="version-select"]'), 'V1')
    await settle()
    expect(query(calls, '/api/v1/journeys/7/stats').at(-1)).toEqual({ version: '1' })
    await choose(document.querySelector('[data-testid="version-select"]'), '全部版本')
    await settle()
    expect(query(calls, '/api/v1/journeys/7/stats').at(-1)).toEqual({})
  })

  it('list the customers in the journey, by state and step, a page at a time', async () => {
    const { calls } = stubJourneyServer({
      'GET /api/v1/journeys/7/runs': (request) => {
        const params = new URL(request.url).searchParams
        if (params.get('cursor') === 'next')
          return jsonResponse({
            items: [
              RUNS[1],
              { ...RUNS[1], id: 903, state: 'exited', exitReason: 'goal', error: null },
            ],
            nextCursor: null,
          })
        return jsonResponse({ items: [RUNS[0]], nextCursor: 'next' })
      },
    })
    await mountApp('/automation/journeys/7')
    expect(rows()).toHaveLength(1)
    const first = rows()[0]!
    expect(first.textContent).toContain('林晓雯')
    // the step by its name in the flow
    expect(first.textContent).toContain('等待事件')
    expect(first.querySelector('[data-testid="run-state"]')!.textContent!.trim()).toBe('等待中')
    expect(first.querySelector('a')!.getAttribute('href')).toBe('/customers/20001?tab=journeys')

    button('加载更多').click()
    await settle()
    expect(rows()).toHaveLength(3)
    expect(rows()[1]!.textContent).toContain('员工已离职')
    // why a run exited
    expect(rows()[2]!.textContent).toContain('达成转化目标')
    expect(query(calls, '/api/v1/journeys/7/runs').at(-1)).toEqual({ limit: '50', cursor: 'next' })

    await choose(document.querySelector('[data-testid="run-state-filter"]'), '失败')
    await settle()
    await choose(document.querySelector('[data-testid="run-step-filter"]'), '高意向？')
    await settle()
    expect(query(calls, '/api/v1/journeys/7/runs').at(-1)).toEqual({
      state: 'failed',
      step: 'vip',
      limit: '50',
    })
  })

  it('show customers who entered meanwhile in the list when the figures change', async () => {
    let reads = 0
    const { calls } = stubJourneyServer({
      'GET /api/v1/journeys/7/stats': () => {
        const entered = ++reads === 1 ? 1280 : 1281
        return jsonResponse(stats({ totals: { ...stats().totals, entered } }))
      },
      'GET /api/v1/journeys/7/runs': () =>
        jsonResponse({ items: reads <= 1 ? [RUNS[0]] : RUNS, nextCursor: null }),
    })
    await mountApp('/automation/journeys/7')
    expect(rows()).toHaveLength(1)
    button('刷新').click()
    await settle()
    // (the live timer may ask for the figures too on a slow machine; only a change reads the list)
    expect(query(calls, '/api/v1/journeys/7/stats').length).toBeGreaterThanOrEqual(2)
    expect(query(calls, '/api/v1/journeys/7/runs')).toHaveLength(2)
    expect(rows()).toHaveLength(RUNS.length)

    // the same figures again: nothing to read
    button('刷新').click()
    await settle()
    expect(query(calls, '/api/v1/journeys/7/stats').length).toBeGreaterThanOrEqual(3)
    expect(query(calls, '/api/v1/journeys/7/runs')).toHaveLength(2)
  })

  it('pause a running journey after asking, then resume it', async () => {
    const { calls } = stubJourneyServer({
      'POST /api/v1/journeys/7/pause': () => jsonResponse(journey({ status: 'paused' })),
      'POST /api/v1/journeys/7/resume': () => jsonResponse(journey({ status: 'active' })),
    })
    await mountApp('/automation/journeys/7')
    expect(document.querySelector('[data-testid="resume"]')).toBeNull()
    button('暂停').click()
    await settle()
    expect(messageBox().textContent).toContain('暂停后「新客 7 天转化」不再接纳新客户')
    button('取消', messageBox()).click()
    await settle()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    button('暂停').click()
    await settle()
    button('暂停', messageBox()).click()
    await settle()
    expect(document.querySelector('[data-testid="journey-status"]')!.textContent!.trim()).toBe(
      '已暂停',
    )
    expect(document.querySelector('[data-testid="pause"]')).toBeNull()

    button('恢复').click()
    await settle()
    button('恢复', messageBox()).click()
    await settle()
    expect(document.querySelector('[data-testid="journey-status"]')!.textContent!.trim()).toBe(
      '运行中',
    )
    expect(calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url).pathname)).toEqual([
      '/api/v1/journeys/7/pause',
      '/api/v1/journeys/7/resume',
    ])
  })

  it('stop a journey after a warning, and show why when the server refuses', async () => {
    stubJourneyServer({
      'POST /api/v1/journeys/7/stop': () =>
        problemResponse(409, { detail: '旅程已经停止', code: 'journey.stopped' }),
      'GET /api/v1/journeys/7': () => jsonResponse(journey()),
    })
    await mountApp('/automation/journeys/7')
    button('停止').click()
    await settle()
    expect(messageBox().textContent).toContain('所有进行中的客户都会退出，且无法恢复')
    button('停止', messageBox()).click()
    await settle()
    expect(document.querySelector('.el-message--error')?.textContent).toContain('旅程已经停止')
  })

  it('offer no pause or stop to accounts that may only read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'journeys:write')
    stubJourneyServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/automation/journeys/7')
    expect(kpi('entered')).toContain('1,280')
    expect(document.querySelector('[data-testid="pause"]')).toBeNull()
    expect(document.querySelector('[data-testid="stop"]')).toBeNull()
  })

  it('speak English', async () => {
    setLocale('en')
    stubJourneyServer()
    const { wrapper } = await mountApp('/automation/journeys/7')
    expect(document.title).toBe('Journey statistics · 私域 Siyu')
    expect(kpi('converted')).toBe('Converted32025%ofentries')
    const [steps] = wrapper.findAllComponents(VChart).map((c) => c.props('option') as ChartOption)
    expect((steps!.yAxis as { data: string[] }).data).toEqual(['欢迎语', 'Wait'])
  })

  it('show what a shared step made: group sends and their groups, 朋友圈 tasks and who posted', async () => {
    const shared = {
      version: 2,
      entered: 40,
      waiting: 0,
      done: 40,
      exited: 0,
      failed: 0,
      converted: 0,
    }
    stubJourneyServer({
      'GET /api/v1/journeys/7/stats': () =>
        jsonResponse(
          stats({
            steps: [
              {
                ...shared,
                id: 'groups',
                type: 'group_message',
                name: null,
                effects: { sends: 1, delivered: 2, no_owner: 1 },
              },
              {
                ...shared,
                id: 'post',
                type: 'moment',
                name: '新品朋友圈',
                effects: { posts: 1, staff: 3, published: 2, customers: 420 },
              },
            ],
          }),
        ),
    })
    await mountApp('/automation/journeys/7')
    const effects = (name: string) => {
      const row = [
        ...document.querySelectorAll<HTMLElement>('[data-testid="steps-table"] .el-table__body tr'),
      ].find((tr) => tr.textContent!.includes(name))!
      return [...row.querySelectorAll('[data-testid="effects"] .el-tag')].map((tag) =>
        tag.textContent!.trim(),
      )
    }
    expect(effects('客户群群发')).toEqual([
      '已送达 2',
      '已发起群发 1',
      '群主不可发送（离职/交接中） 1',
    ])
    expect(effects('新品朋友圈')).toEqual([
      '能看到的客户 420',
      '请发表的员工 3',
      '已发表的员工 2',
      '已创建朋友圈任务 1',
    ])
  })
})
