import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './GmvView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import { choose, mountApp, pickRadio } from '@/test/app'
import { assets, gmv, gmvRow, queries, stubAnalyticsServer } from '@/test/analytics'
import { jsonResponse } from '@/test/http'
import { settle } from '@/test/settle'
import type { Gmv } from './api'

type Series = { type?: string; name?: string; data: unknown[] }

const factor = (key: string) => {
  const el = document.querySelector(`[data-factor="${key}"]`)!
  return {
    value: el.querySelector('.metric-card__value')?.textContent?.trim(),
    change: el.querySelector('[data-testid="change"]'),
    text: el.textContent,
  }
}
const tableRows = () =>
  [...document.querySelectorAll('[data-testid="gmv-table"] .el-table__body-wrapper tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  )

/** GMV by staff: 张三 grew, 李四 lost customers and a factor without a contribution. */
const byStaff = gmv('staff', [
  gmvRow({ key: 'zhangsan', label: '张三' }),
  gmvRow({
    key: 'lisi',
    label: '李四',
    current: { ...gmvRow().current, gmv: 9000 },
    change: -1000,
    contributions: { assets: -1500, reachRate: null, conversion: 300, aov: 200 },
  }),
])

function stubGmv(extra = {}) {
  return stubAnalyticsServer({
    'GET /api/v1/analytics/gmv': (request) => {
      const by = new URL(request.url).searchParams.get('by') as Gmv['by']
      return jsonResponse(by === 'total' ? gmv() : { ...byStaff, by })
    },
    'GET /api/v1/layers': () =>
      jsonResponse([{ key: 'lifecycle', editable: true, customized: false, levels: [] }]),
    'GET /api/v1/segments/fields': () =>
      jsonResponse({
        fields: [
          {
            key: 'layers.lifecycle',
            label: '生命周期',
            kind: 'layer',
            ops: ['eq'],
            values: [
              { value: 'active', label: '活跃', count: 1 },
              { value: 'silent', label: '沉默', count: 1 },
            ],
          },
        ],
      }),
    ...extra,
  })
}

describe('the GMV breakdown', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the formula’s four factors and GMV, now and before', async () => {
    const { calls } = stubGmv()
    const { wrapper } = await mountApp('/analytics/gmv')
    expect(document.title).toBe('GMV 拆解 · 私域 Siyu')
    expect(queries(calls, '/api/v1/analytics/gmv').map((q) => q.by)).toEqual(['total', 'staff'])
    expect(document.querySelector('[data-testid="formula"]')?.textContent).toMatch(
      /客户资产.*×.*营销触达率.*×.*场景转化率.*×.*客单价.*=.*私域 GMV/,
    )
    expect(factor('assets').value).toBe('1,000')
    expect(factor('assets').text).toContain('上期 900')
    expect(factor('reachRate').value).toBe('60%')
    expect(factor('reachRate').change?.textContent?.trim()).toBe('-5.0 个百分点')
    expect(factor('reachRate').change?.classList).toContain('is-bad')
    expect(factor('aov').value).toBe('¥300.00')
    expect(factor('gmv').value).toBe('¥27,000.00')
    expect(factor('gmv').text).toContain('上期 ¥20,007.00')
    expect(factor('gmv').change?.textContent?.trim()).toBe('+35%')
    wrapper.unmount()
  })

  it('walks from the previous GMV through each factor’s contribution to the current GMV', async () => {
    stubGmv()
    const { wrapper } = await mountApp('/analytics/gmv')
    const card = wrapper
      .findAllComponents(ChartCard)
      .find((c) => c.props('title') === 'GMV 变化瀑布图')!
    const option = card.props('option')!
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '上期 GMV',
      '客户资产',
      '营销触达率',
      '场景转化率',
      '客单价',
      '本期 GMV',
    ])
    expect((option.series as Series[]).map((s) => s.type)).toEqual(['bar', 'bar', 'bar'])
    expect(card.props('csv')!.rows).toEqual([
      ['上期 GMV', 20007, 20007],
      ['客户资产', 2900, 22907],
      ['营销触达率', -1800, 21107],
      ['场景转化率', 5100, 26207],
      ['客单价', 793, 27000],
      ['本期 GMV', 27000, 27000],
    ])
    wrapper.unmount()
  })

  it('breaks GMV down by staff, channel, store or month', async () => {
    const { calls } = stubGmv()
    const { wrapper } = await mountApp('/analytics/gmv')
    const rows = tableRows()
    expect(rows.map((r) => r[0])).toEqual(['张三', '李四'])
    expect(rows[1]).toEqual([
      '李四',
      '1,000',
      '60%',
      '15%',
      '¥300.00',
      '¥9,000.00',
      '-¥1,000.00',
      '-¥1,500.00',
      '—',
      '+¥300.00',
      '+¥200.00',
    ])
    expect(
      document.querySelector('[data-testid="gmv-table"] [data-contribution="assets"]')?.classList,
    ).toContain('analytics-good')

    await pickRadio('按渠道')
    await settle()
    expect(queries(calls, '/api/v1/analytics/gmv').at(-1)).toMatchObject({ by: 'channel' })
    // the factors and the waterfall stay: only the table asks again
    expect(queries(calls, '/api/v1/analytics/gmv').filter((q) => q.by === 'total')).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows the user asset table as bars up and down with the closing line, and by layer level', async () => {
    const { calls } = stubGmv({
      'GET /api/v1/analytics/assets': (request: Request) => {
        const layer = new URL(request.url).searchParams.get('layer')
        if (!layer) return jsonResponse(assets())
        return jsonResponse(
          assets({
            layer,
            levels: ['active', 'silent'],
            rows: [
              ...assets().rows,
              {
                start: '2026-11-01',
                level: 'silent',
                opening: 400,
                added: 50,
                lost: 20,
                net: 30,
                closing: 430,
              },
              {
                start: '2026-11-01',
                level: 'active',
                opening: 500,
                added: 100,
                lost: 10,
                net: 90,
                closing: 590,
              },
            ],
          }),
        )
      },
    })
    const { wrapper } = await mountApp('/analytics/gmv')
    const card = () =>
      wrapper.findAllComponents(ChartCard).find((c) => c.props('title') === '用户资产表')!
    expect((card().props('option')!.series as Series[]).map((s) => [s.name, s.data])).toEqual([
      ['新增', [130, 150]],
      ['流失', [-30, -30]],
      ['期末', [900, 1020]],
    ])
    const assetRows = () =>
      [...document.querySelectorAll('[data-testid="asset-rows"] .el-table__body-wrapper tr')].map(
        (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
      )
    expect(assetRows()[1]).toEqual(['2026-11-01', '900', '150', '30', '120', '1,020'])

    await choose(document.querySelector('[data-testid="asset-layer"]'), '生命周期')
    await settle()
    expect(queries(calls, '/api/v1/analytics/assets').at(-1)).toMatchObject({
      grain: 'month',
      layer: 'lifecycle',
    })
    expect((card().props('option')!.series as Series[]).map((s) => s.name)).toEqual([
      '活跃 · 新增',
      '活跃 · 流失',
      '沉默 · 新增',
      '沉默 · 流失',
      '期末',
    ])
    expect(assetRows().map((r) => r[1])).toEqual(['全部客户', '全部客户', '活跃', '沉默'])
    expect(card().props('csv')!.rows[3]).toEqual(['2026-11-01', '沉默', 400, 50, 20, 30, 430])
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubGmv()
    const { wrapper } = await mountApp('/analytics/gmv')
    expect(document.title).toBe('GMV breakdown · 私域 Siyu')
    const words = [
      ...document.querySelectorAll('.page-header, [data-testid="formula"], .chart-card__title, th'),
    ]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
