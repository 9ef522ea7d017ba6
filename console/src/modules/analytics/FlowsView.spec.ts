import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './FlowsView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import TransitionDays from '@/modules/layers/TransitionDays.vue'
import type { Transitions } from '@/modules/layers/api'
import { choose, mountApp } from '@/test/app'
import { queries, stubAnalyticsServer } from '@/test/analytics'
import { jsonResponse } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

type Sankey = {
  type: string
  data: { id: string; name: string; depth: number }[]
  links: { source: string; target: string; value: number }[]
}

const LIFECYCLE: Transitions = {
  layer: 'lifecycle',
  from: '2026-11-01',
  to: '2026-11-30',
  levels: ['new', 'active', 'silent'],
  matrix: [
    [5, 20, 0, 1],
    [0, 300, 40, 0],
    [0, 10, 90, 0],
    [30, 0, 0, 0],
  ],
  days: ['2026-11-01', '2026-11-15', '2026-11-30'],
}

function stubFlows(transitions: Partial<Transitions> = {}, account = me()) {
  return stubAnalyticsServer(
    {
      'GET /api/v1/layers': () =>
        jsonResponse([
          { key: 'rfm', editable: false, customized: false, levels: [] },
          { key: 'lifecycle', editable: true, customized: false, levels: [] },
        ]),
      'GET /api/v1/segments/fields': () =>
        jsonResponse({
          fields: [
            {
              key: 'layers.lifecycle',
              label: '生命周期',
              kind: 'layer',
              ops: ['eq'],
              values: [
                { value: 'new', label: '新客', count: 1 },
                { value: 'active', label: '活跃', count: 1 },
                { value: 'silent', label: '沉默', count: 1 },
              ],
            },
            { key: 'layers.rfm', label: 'RFM 分层', kind: 'layer', ops: ['eq'], values: [] },
          ],
        }),
      'GET /api/v1/layers/lifecycle/transitions': (request) => {
        const params = new URL(request.url).searchParams
        return jsonResponse({
          ...LIFECYCLE,
          from: params.get('from') ?? LIFECYCLE.from,
          to: params.get('to') ?? LIFECYCLE.to,
          ...transitions,
        })
      },
      'GET /api/v1/layers/rfm/transitions': () =>
        jsonResponse({
          ...LIFECYCLE,
          layer: 'rfm',
          levels: ['important_value'],
          matrix: [
            [7, 1],
            [2, 0],
          ],
        }),
    },
    account,
  )
}

describe('layer flows', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('draws the lifecycle’s moves between two snapshot days as a Sankey', async () => {
    const { calls } = stubFlows()
    const { wrapper } = await mountApp('/analytics/flows')
    expect(document.title).toBe('分层流转 · 私域 Siyu')
    expect(queries(calls, '/api/v1/layers/lifecycle/transitions')).toEqual([{}])
    const card = wrapper.findComponent(ChartCard)
    const sankey = (card.props('option')!.series as Sankey[])[0]!
    expect(sankey.type).toBe('sankey')
    expect(sankey.data.map((n) => [n.name, n.depth])).toEqual([
      ['新客', 0],
      ['活跃', 0],
      ['沉默', 0],
      ['新进入', 0],
      ['新客', 1],
      ['活跃', 1],
      ['沉默', 1],
      ['已离开', 1],
    ])
    expect(sankey.links).toContainEqual({ source: 'from:active', target: 'to:silent', value: 40 })
    expect(card.props('csv')!.rows).toContainEqual(['新进入', '新客', 30])
    expect(document.querySelector('.level-changes')?.textContent).toContain('2026-11-30')
    wrapper.unmount()
  })

  it('asks for the two days picked, and for another layer', async () => {
    const { calls } = stubFlows()
    const { wrapper } = await mountApp('/analytics/flows')
    wrapper.findComponent(TransitionDays).vm.$emit('change', '2026-11-15', '2026-11-30')
    await settle()
    expect(queries(calls, '/api/v1/layers/lifecycle/transitions').at(-1)).toEqual({
      from: '2026-11-15',
      to: '2026-11-30',
    })

    await choose(document.querySelector('[data-testid="flow-layer"]'), 'RFM 分层')
    await settle()
    expect(queries(calls, '/api/v1/layers/rfm/transitions')).toEqual([{}])
    const sankey = (wrapper.findComponent(ChartCard).props('option')!.series as Sankey[])[0]!
    expect(sankey.links).toHaveLength(3)
    wrapper.unmount()
  })

  it('says when there is only one snapshot day yet', async () => {
    stubFlows({ days: ['2026-11-30'], from: '2026-11-30', to: '2026-11-30' })
    const { wrapper } = await mountApp('/analytics/flows')
    expect(document.querySelector('[data-testid="one-day"]')?.textContent).toContain(
      '流转图从明天起显示',
    )
    expect(wrapper.findComponent(ChartCard).props('option')).toBeNull()
    wrapper.unmount()
  })

  it('is closed to accounts that cannot see the layers', async () => {
    const noSegments = ALL_PERMISSIONS.filter((p) => p !== 'segments:read')
    stubFlows({}, me({ role: 'operator', permissions: noSegments }))
    const { wrapper, router } = await mountApp('/analytics/flows')
    expect(router.currentRoute.value.name).toBe('home')
    const nav = wrapper.find('nav').text()
    expect(nav).toContain('AARRR 漏斗')
    expect(nav).not.toContain('分层流转')
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubFlows()
    const { wrapper } = await mountApp('/analytics/flows')
    expect(document.title).toBe('Layer flows · 私域 Siyu')
    // the layer names come from the server, in the language asked for (Chinese in this stub)
    const words = [
      ...document.querySelectorAll(
        '.page-header__title, .page-header__description, .chart-card__title',
      ),
    ]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
