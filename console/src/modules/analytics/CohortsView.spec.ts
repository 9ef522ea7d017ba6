import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CohortsView.vue'
import '@/modules/segments/SegmentEditorView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import { readSegmentDraft } from '@/modules/segments/draft'
import { mountApp, pickRadio } from '@/test/app'
import { cohorts, queries, stubAnalyticsServer } from '@/test/analytics'
import { jsonResponse } from '@/test/http'
import { settle } from '@/test/settle'

type Series = { type?: string; name?: string; data: unknown[] }

describe('retention by cohort', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('draws the cohorts’ retention as a heatmap, weekly at first', async () => {
    const { calls } = stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/cohorts')
    expect(document.title).toBe('留存分析 · 私域 Siyu')
    expect(queries(calls, '/api/v1/analytics/cohorts')[0]).toMatchObject({ grain: 'week' })
    const heatmap = wrapper.findAllComponents(ChartCard)[0]!
    const option = heatmap.props('option')!
    expect((option.yAxis as { data: string[] }).data).toEqual([
      '2026-10-19（100 人）',
      '2026-10-26（300 人）',
      '2026-11-02（0 人）',
    ])
    expect((option.xAxis as { data: string[] }).data).toEqual(['第 0 周', '第 1 周', '第 2 周'])
    expect((option.series as Series[])[0]!.data).toContainEqual([1, 1, 0.3, 90])
    expect(heatmap.props('csv')).toEqual({
      columns: ['分组', '人数', '第 0 周（%）', '第 1 周（%）', '第 2 周（%）'],
      rows: [
        ['2026-10-19', 100, 80, 50, 40],
        ['2026-10-26', 300, 90, 30, null],
        ['2026-11-02', 0, null, null, null],
      ],
    })
    wrapper.unmount()
  })

  it('asks for months when the grain changes', async () => {
    const { calls } = stubAnalyticsServer({
      'GET /api/v1/analytics/cohorts': (request) =>
        jsonResponse({
          ...cohorts(),
          grain: new URL(request.url).searchParams.get('grain'),
        }),
    })
    const { wrapper } = await mountApp('/analytics/cohorts')
    await pickRadio('按月')
    await settle()
    expect(queries(calls, '/api/v1/analytics/cohorts').at(-1)).toMatchObject({ grain: 'month' })
    const option = wrapper.findAllComponents(ChartCard)[0]!.props('option')!
    expect((option.xAxis as { data: string[] }).data[1]).toBe('第 1 月')
    wrapper.unmount()
  })

  it('opens a cohort’s customers from a click on its row', async () => {
    stubAnalyticsServer()
    const { wrapper, router } = await mountApp('/analytics/cohorts')
    const heatmap = wrapper.findAllComponents(ChartCard)[0]!
    // the third cohort has no rule (nobody in it): nothing to open
    heatmap.vm.$emit('select', { componentType: 'series', value: [0, 2, 0, 0] })
    await settle(0)
    expect(router.currentRoute.value.name).toBe('analytics-cohorts')

    heatmap.vm.$emit('select', { componentType: 'series', value: [1, 1, 0.3, 90] })
    await settle()
    expect(router.currentRoute.value.name).toBe('segment-new')
    expect(readSegmentDraft(router.options.history.state)).toMatchObject({
      name: '2026-10-26 添加的客户',
      rule: cohorts().cohorts[1]!.rule,
    })
    wrapper.unmount()
  })

  it('draws the average curve weighted by cohort size, or one curve per cohort', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/cohorts')
    const curves = () => wrapper.findAllComponents(ChartCard)[1]!
    expect((curves().props('option')!.series as Series[]).map((s) => [s.name, s.data])).toEqual([
      ['平均留存', [0.875, 0.35, 0.4]],
    ])
    await pickRadio('各组曲线')
    expect((curves().props('option')!.series as Series[]).map((s) => s.name)).toEqual([
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
    ])
    expect(curves().props('csv')!.rows[1]).toEqual(['第 1 周', 50, 30, null])
    wrapper.unmount()
  })

  it('shows an empty state without cohorts', async () => {
    stubAnalyticsServer({
      'GET /api/v1/analytics/cohorts': () => jsonResponse({ grain: 'week', cohorts: [] }),
    })
    const { wrapper } = await mountApp('/analytics/cohorts')
    const cards = wrapper.findAllComponents(ChartCard)
    expect(cards.map((c) => c.props('empty'))).toEqual([true, true])
    expect(document.querySelector('[data-testid="chart-heatmap"] .el-empty')).not.toBeNull()
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/cohorts')
    const option = wrapper.findAllComponents(ChartCard)[0]!.props('option')!
    expect((option.yAxis as { data: string[] }).data[0]).toBe('2026-10-19 (100)')
    const words = [...document.querySelectorAll('.page-header, .chart-card, .analytics-filters')]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
