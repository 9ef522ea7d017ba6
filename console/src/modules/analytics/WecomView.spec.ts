import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './WecomView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import { mountApp } from '@/test/app'
import { queries, stubAnalyticsServer, wecom } from '@/test/analytics'
import { jsonResponse } from '@/test/http'
import { settle } from '@/test/settle'

type Series = { type?: string; name?: string; data: unknown[] }

const alerts = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="below-baseline"]')].map((a) => ({
    rate: a.dataset.rate,
    title: a.querySelector('.el-alert__title')?.textContent?.trim(),
    warning: !!a.querySelector('.el-alert--warning') || a.classList.contains('el-alert--warning'),
  }))
const staffRows = () =>
  [...document.querySelectorAll('[data-testid="staff-table"] .el-table__body-wrapper tr')].map(
    (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  )

describe('the WeCom funnel', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('warns about every rate below its baseline', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/wecom')
    expect(document.title).toBe('企微漏斗 · 私域 Siyu')
    expect(alerts()).toEqual([
      { rate: 'service', title: '服务成功率为 38%，低于基线 45%', warning: true },
      { rate: 'monetisation', title: '变现成功率为 33%，低于基线 35%', warning: true },
    ])
    wrapper.unmount()
  })

  it('draws the three rates as gauges with the baseline marked, and their fractions', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/wecom')
    const card = wrapper.findAllComponents(ChartCard)[0]!
    const series = card.props('option')!.series as (Series & {
      axisLine: { lineStyle: { color: [number, string][] } }
    })[]
    expect(series.map((s) => s.type)).toEqual(['gauge', 'gauge', 'gauge'])
    expect(series.map((s) => s.axisLine.lineStyle.color[0]![0])).toEqual([0.7, 0.45, 0.35])
    expect(series.map((s) => s.data)).toEqual([
      [{ value: 0.72, name: '引流成功率\n基线 70%' }],
      [{ value: 0.38, name: '服务成功率\n基线 45%' }],
      [{ value: 0.33, name: '变现成功率\n基线 35%' }],
    ])
    expect(document.querySelector('[data-testid="chart-rates"]')?.textContent).toContain(
      '125 / 380',
    )
    expect(card.props('csv')!.rows[0]).toEqual(['引流成功率', 72, 720, 1000, 70])
    wrapper.unmount()
  })

  it('lists the staff’s KPIs, sortable, with a dash where WeCom gave no data', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/wecom')
    expect(staffRows()).toEqual([
      ['李四', '90', '9', '60', '300', '—', '—', '2', '3'],
      ['张三', '40', '3', '120', '800', '92%', '4.5', '0', '1.33'],
    ])
    const header = [
      ...document.querySelectorAll<HTMLElement>('[data-testid="staff-table"] th'),
    ].find((th) => th.textContent?.trim() === '会话数')!
    header.click()
    await settle(0)
    expect(staffRows().map((r) => r[0])).toEqual(['李四', '张三'])
    header.click()
    await settle(0)
    expect(staffRows().map((r) => r[0])).toEqual(['张三', '李四'])

    const staffChart = wrapper.findAllComponents(ChartCard)[1]!
    const option = staffChart.props('option')!
    expect((option.yAxis as { data: string[] }).data).toEqual(['李四', '张三'])
    expect((option.series as Series[])[0]!.data).toEqual([3, 1.33])
    wrapper.unmount()
  })

  it('filters the page by a staff member when their row is clicked, and shows their name', async () => {
    const { calls } = stubAnalyticsServer()
    const { wrapper, router } = await mountApp('/analytics/wecom')
    const row = [
      ...document.querySelectorAll<HTMLElement>('[data-testid="staff-table"] .el-table__row'),
    ].find((tr) => tr.textContent?.includes('张三'))!
    row.querySelector<HTMLElement>('td')!.click()
    await settle()
    expect(router.currentRoute.value.query.staff).toBe('wecom:zhangsan')
    expect(queries(calls, '/api/v1/analytics/wecom').at(-1)).toMatchObject({
      staff: 'wecom:zhangsan',
    })
    expect(document.querySelector('[data-testid="filter-staff-chip"]')?.textContent?.trim()).toBe(
      '员工：张三',
    )
    expect(
      document.querySelector('[data-testid="staff-table"] .analytics-staff-row--chosen')
        ?.textContent,
    ).toContain('张三')
    // the same row again: everyone
    document
      .querySelector<HTMLElement>('[data-testid="staff-table"] .analytics-staff-row--chosen td')!
      .click()
    await settle()
    expect(router.currentRoute.value.query.staff).toBeUndefined()
    expect(document.querySelector('[data-testid="filter-staff-chip"]')).toBeNull()
    wrapper.unmount()
  })

  it('charts new and lost customers per day with the chats', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/wecom')
    const days = wrapper.findAllComponents(ChartCard)[2]!
    expect((days.props('option')!.series as Series[]).map((s) => [s.name, s.type, s.data])).toEqual(
      [
        ['新增客户', 'bar', [30, 25]],
        ['流失客户', 'bar', [2, 1]],
        ['会话数', 'line', [40, 35]],
      ],
    )
    wrapper.unmount()
  })

  it('warns about nothing when every rate reaches its baseline', async () => {
    stubAnalyticsServer({
      'GET /api/v1/analytics/wecom': () =>
        jsonResponse(
          wecom({ rates: wecom().rates.map((r) => ({ ...r, value: 0.9, below: false })) }),
        ),
    })
    const { wrapper } = await mountApp('/analytics/wecom')
    expect(alerts()).toEqual([])
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/wecom')
    expect(alerts()[0]!.title).toBe('Service success is 38%, below its baseline of 45%')
    const words = [...document.querySelectorAll('.page-header, .el-alert, .chart-card__title, th')]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
