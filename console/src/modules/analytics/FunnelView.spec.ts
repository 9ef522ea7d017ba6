import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './FunnelView.vue'
import '@/modules/segments/SegmentEditorView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import { readSegmentDraft } from '@/modules/segments/draft'
import { choose, mountApp, pickRadio } from '@/test/app'
import { eventRule, queries, stubAnalyticsServer } from '@/test/analytics'
import { problemResponse } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { addDays, todayInZone } from '@/utils/time'

type Series = { type?: string; name?: string; data: unknown[]; lineStyle?: { type?: string } }

/** A metric card's label, value and comparison line. */
const card = (key: string) => {
  const el = document.querySelector(`[data-metric="${key}"]`)
  if (!el) throw new Error(`no metric ${key}`)
  return {
    el,
    value: el.querySelector('.metric-card__value')?.textContent?.trim(),
    change: el.querySelector('[data-testid="change"]'),
    view: el.querySelector<HTMLButtonElement>('[data-testid="view-customers"]'),
  }
}
const today = todayInZone('Asia/Shanghai')

describe('the AARRR funnel', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('opens 数据分析 right after 首页, asking for the last 30 days', async () => {
    const { calls } = stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics')
    expect(document.title).toBe('AARRR 漏斗 · 私域 Siyu')
    const titles = [...document.querySelectorAll('nav .el-sub-menu__title')].map((t) =>
      t.textContent?.trim(),
    )
    expect(titles[0]).toBe('数据分析')
    expect(document.querySelector('nav .el-menu-item.is-active')?.textContent?.trim()).toBe(
      'AARRR 漏斗',
    )
    const expected = { from: addDays(today, -29), to: today }
    expect(queries(calls, '/api/v1/analytics/funnel')).toEqual([expected])
    expect(queries(calls, '/api/v1/analytics/trends')).toEqual([expected])
    expect(document.querySelector('[data-testid="compare"]')?.textContent).toContain(
      '对比 2026-10-02 ~ 2026-10-31',
    )
    wrapper.unmount()
  })

  it('draws trial-to-paid conversion per lead product for the same period, exportable as CSV', async () => {
    const { calls } = stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/funnel')
    const expected = { from: addDays(today, -29), to: today }
    expect(queries(calls, '/api/v1/analytics/trials')).toEqual([expected])
    const chart = wrapper
      .findAllComponents(ChartCard)
      .find((c) => c.props('title') === '体验课转化（按引流品）')!
    expect(chart.props('empty')).toBe(false)
    const option = chart.props('option')!
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '精华体验装',
      '洁面小样',
      '口红迷你装',
    ])
    const series = option.series as Series[]
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '体验课客户'],
      ['bar', '转正价客户'],
      ['line', '体验转正价率'],
    ])
    expect(series[0]!.data).toEqual([120, 40, 0])
    expect(series[1]!.data).toEqual([30, 4, 0])
    expect(series[2]!.data).toEqual([0.25, 0.1, null])
    const csv = chart.props('csv')!
    expect(csv.columns).toEqual(['引流品', 'SKU', '体验课客户', '转正价客户', '体验转正价率（%）'])
    expect(csv.rows).toEqual([
      ['精华体验装', 'TRIAL-01', 120, 30, 25],
      ['洁面小样', 'TRIAL-02', 40, 4, 10],
      ['口红迷你装', 'TRIAL-03', 0, 0, null],
    ])
    wrapper.unmount()
  })

  it('draws the five stages’ headline counts as a funnel, exportable as CSV', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/funnel')
    const chart = wrapper.findAllComponents(ChartCard)[0]!
    expect(chart.props('title')).toBe('转化漏斗')
    const series = chart.props('option')!.series as Series[]
    expect(series[0]!.type).toBe('funnel')
    expect(series[0]!.data).toMatchObject([
      { name: '落地页UV', value: 1200 },
      { name: '企微添加数', value: 800 },
      { name: '首次互动', value: 500 },
      { name: '成交客户', value: 90 },
      { name: '分享人数', value: 30 },
    ])
    const csv = chart.props('csv')!
    expect(csv.columns).toEqual(['步骤', '本期', '上期', '较上一步（%）', '占首步（%）'])
    expect(csv.rows[1]).toEqual(['企微添加数', 800, 700, 66.67, 66.67])
    expect(csv.rows[3]).toEqual(['成交客户', 90, 80, 18, 7.5])
    wrapper.unmount()
  })

  it('shows every stage’s figures formatted by kind, with the change coloured by whether it is good', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/funnel')
    const stages = [...document.querySelectorAll('[data-stage] .analytics-stage__name > span')]
    expect(stages.filter((_, i) => i % 2 === 0).map((s) => s.textContent)).toEqual([
      '获客',
      '激活',
      '留存',
      '变现',
      '传播',
    ])
    expect(card('landingUv').value).toBe('1,200')
    expect(card('landingUv').change?.textContent?.trim()).toBe('+9.1%')
    expect(card('landingUv').change?.classList).toContain('is-good')
    expect(card('addRate').value).toBe('66.7%')
    expect(card('addRate').change?.textContent?.trim()).toBe('+3.0 个百分点')
    expect(card('cac').value).toBe('¥15.00')
    expect(card('cac').change?.classList).toContain('is-bad')
    expect(card('spend').change?.classList).toContain('is-neutral')
    expect(card('lostCustomers').change?.classList).toContain('is-bad')
    expect(card('silentCustomers').change?.classList).toContain('is-good')
    expect(card('firstInteractions').change?.textContent?.trim()).toBe('-3.8%')
    expect(card('trialToPaid').value).toBe('—')
    expect(card('trialToPaid').change).toBeNull()
    expect(card('trialCustomers').change?.textContent?.trim()).toBe('+40')
    expect(card('kFactor').value).toBe('0.4')
    expect(card('kFactor').change?.textContent?.trim()).toBe('0%')
    expect(card('gmv').el.textContent).toContain('上期 ¥24,000.00')
    wrapper.unmount()
  })

  it('opens a figure’s customers in the segment editor with its rule and a suggested name', async () => {
    stubAnalyticsServer()
    const { wrapper, router } = await mountApp('/analytics/funnel')
    expect(card('addRate').view).toBeNull()
    expect(card('orders').view).toBeNull()
    card('landingUv').view!.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('segment-new')
    expect(readSegmentDraft(router.options.history.state)).toEqual({
      name: '落地页UV 2026-11-01~2026-11-30',
      description: '来自数据分析 · AARRR 漏斗',
      rule: eventRule('view'),
    })
    wrapper.unmount()
  })

  it('offers no 查看客户 to accounts that cannot make segments', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'segments:write')
    stubAnalyticsServer({}, me({ role: 'operator', permissions: readOnly }))
    const { wrapper } = await mountApp('/analytics/funnel')
    expect(card('landingUv').view).toBeNull()
    expect(card('landingUv').value).toBe('1,200')
    wrapper.unmount()
  })

  it('asks again for another period, channel or trend figure, and keeps the filters in the address', async () => {
    const { calls } = stubAnalyticsServer()
    const { wrapper, router } = await mountApp('/analytics/funnel')
    await pickRadio('近 7 天')
    await settle()
    expect(queries(calls, '/api/v1/analytics/funnel').at(-1)).toEqual({
      from: addDays(today, -6),
      to: today,
    })
    expect(router.currentRoute.value.query).toEqual({ days: '7' })

    await choose(document.querySelector('[data-testid="filter-channel"]'), '抖音投放')
    await settle()
    expect(queries(calls, '/api/v1/analytics/trends').at(-1)).toEqual({
      from: addDays(today, -6),
      to: today,
      channel: '抖音投放',
    })
    expect(router.currentRoute.value.query).toEqual({ days: '7', channel: '抖音投放' })

    const trend = () => wrapper.findAllComponents(ChartCard)[1]!
    expect((trend().props('option')!.series as Series[])[0]!.data).toEqual([30, 35, 32])
    await choose(document.querySelector('[data-testid="trend-metric"]'), 'GMV')
    const series = trend().props('option')!.series as Series[]
    expect(series.map((s) => [s.name, s.lineStyle?.type])).toEqual([
      ['本期', undefined],
      ['对比期', 'dashed'],
    ])
    expect(series[0]!.data).toEqual([3300, 3350, 3320])
    expect(series[1]!.data).toEqual([3310, 3330, 3300])
    expect(trend().props('csv')!.rows[0]).toEqual(['2026-11-01', 3300, '2026-10-02', 3310])
    wrapper.unmount()
  })

  it('reads the period from the address', async () => {
    const { calls } = stubAnalyticsServer()
    const { wrapper } = await mountApp(
      '/analytics/funnel?from=2026-09-01&to=2026-09-30&staff=wecom:lisi',
    )
    expect(queries(calls, '/api/v1/analytics/funnel')).toEqual([
      { from: '2026-09-01', to: '2026-09-30', staff: 'wecom:lisi' },
    ])
    expect(document.querySelector('[data-testid="filter-staff-chip"]')?.textContent?.trim()).toBe(
      '员工：李四',
    )
    expect(document.querySelector('.el-radio-button.is-active')).toBeNull()
    wrapper.unmount()
  })

  it('shows the server’s problem when it refuses the period', async () => {
    stubAnalyticsServer({
      'GET /api/v1/analytics/funnel': () =>
        problemResponse(400, {
          detail: '统计周期最长 366 天',
          errors: [{ field: 'from', code: 'analytics.range.too-large', message: '最长 366 天' }],
        }),
    })
    const { wrapper } = await mountApp('/analytics/funnel')
    expect(document.querySelector('.el-message--error')?.textContent).toContain(
      '统计周期最长 366 天',
    )
    wrapper.unmount()
  })

  it('is hidden and closed without analytics:read', async () => {
    const none = ALL_PERMISSIONS.filter((p) => !p.startsWith('analytics:'))
    stubAnalyticsServer({}, me({ role: 'staff', permissions: none }))
    const { wrapper, router } = await mountApp('/analytics/funnel')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('数据分析')
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/funnel')
    expect(document.title).toBe('AARRR funnel · 私域 Siyu')
    expect(card('addRate').change?.textContent?.trim()).toBe('+3.0 pp')
    const words = [...document.querySelectorAll('.page-header, .analytics-stages, .chart-card')]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
