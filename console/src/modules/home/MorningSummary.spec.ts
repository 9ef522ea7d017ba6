import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './HomeView.vue'
import '@/modules/segments/SegmentEditorView.vue'
import { setLocale } from '@/i18n'
import type { Funnel, Metric } from '@/modules/analytics/api'
import { readSegmentDraft } from '@/modules/segments/draft'
import { mountApp } from '@/test/app'
import { eventRule, funnel, queries, stubAnalyticsServer, wecom } from '@/test/analytics'
import { jsonResponse, problemResponse, type Route } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { addDays, todayInZone } from '@/utils/time'
import { lossesRose } from './summary'

const yesterday = addDays(todayInZone('Asia/Shanghai'), -1)

const overview = {
  days: 30,
  customers: { total: 5200, members: 1300, newInPeriod: 800 },
  staff: { total: 12 },
  events: { inPeriod: 40000 },
  dailyNewCustomers: [],
  dailyEvents: [],
  membersByLevel: [],
  genders: [],
}

/** The analytics stubs with the home page's overview; `extra` replaces or adds routes. */
function stubServer(extra: Record<string, Route> = {}, account = me()) {
  return stubAnalyticsServer(
    { 'GET /api/v1/dashboard/overview': () => jsonResponse(overview), ...extra },
    account,
  )
}

/** The funnel fixture with some figures replaced (by key). */
function funnelWith(replaced: Record<string, Partial<Metric>>): Funnel {
  const base = funnel()
  return {
    ...base,
    stages: base.stages.map((stage) => ({
      ...stage,
      metrics: stage.metrics.map((m) => ({ ...m, ...replaced[m.key] })),
    })),
  }
}

const summary = () => document.querySelector('[data-testid="morning-summary"]')
const figure = (key: string) => {
  const el = summary()?.querySelector<HTMLAnchorElement>(`[data-metric="${key}"]`)
  if (!el) throw new Error(`no figure ${key}`)
  return {
    el,
    value: el.querySelector('.summary-figure__value')?.textContent?.trim(),
    change: el.querySelector('[data-testid="change"]'),
  }
}
const notes = (testid: string) =>
  [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)].map((note) =>
    (note.querySelector('.summary-note__text') ?? note).textContent?.trim(),
  )

describe('the morning summary on the home page', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows yesterday’s figures against the day before, each opening its analytics page', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/')
    expect(queries(calls, '/api/v1/analytics/funnel')).toEqual([{ from: yesterday, to: yesterday }])
    expect(summary()?.querySelector('.summary__title')?.textContent).toBe('昨日早报')
    const keys = [...summary()!.querySelectorAll<HTMLElement>('[data-metric]')].map(
      (el) => el.dataset.metric,
    )
    expect(keys).toEqual([
      'wecomAdds',
      'lostCustomers',
      'activeCustomers',
      'buyers',
      'gmv',
      'orders',
    ])
    expect(figure('wecomAdds').el.textContent).toContain('企微添加数')
    expect(figure('wecomAdds').value).toBe('800')
    expect(figure('wecomAdds').change?.textContent?.trim()).toBe('+14.3%')
    expect(figure('wecomAdds').change?.classList).toContain('is-good')
    expect(figure('wecomAdds').el.textContent).toContain('前日 700')
    expect(figure('lostCustomers').change?.textContent?.trim()).toBe('+50%')
    expect(figure('lostCustomers').change?.classList).toContain('is-bad')
    expect(figure('gmv').value).toBe('¥27,000.00')
    expect(figure('orders').change?.textContent?.trim()).toBe('+15.8%')

    const day = `from=${yesterday}&to=${yesterday}`
    expect(figure('wecomAdds').el.getAttribute('href')).toBe(`/analytics/wecom?${day}`)
    expect(figure('activeCustomers').el.getAttribute('href')).toBe(`/analytics/funnel?${day}`)
    expect(figure('gmv').el.getAttribute('href')).toBe(`/analytics/gmv?${day}`)
    expect(figure('gmv').el.title).toBe('在「GMV 拆解」中查看')
    // the rest of the home page is still there, after the summary
    expect(document.querySelector('.home__kpis')?.textContent).toContain('5,200')
    wrapper.unmount()
  })

  it('warns about each WeCom rate of the last 7 days below its baseline', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/')
    expect(queries(calls, '/api/v1/analytics/wecom')).toEqual([
      { from: addDays(yesterday, -6), to: yesterday },
    ])
    expect(notes('below-baseline')).toEqual([
      '近 7 天服务成功率 38%，低于基线 45%',
      '近 7 天变现成功率 33%，低于基线 35%',
    ])
    const links = document.querySelectorAll('[data-testid="below-baselines"] a')
    expect(links).toHaveLength(1)
    const link = links[0]
    expect(link?.getAttribute('href')).toBe(
      `/analytics/wecom?from=${addDays(yesterday, -6)}&to=${yesterday}`,
    )
    expect(notes('rates-note')).toEqual([])
    wrapper.unmount()
  })

  it('says so when every WeCom rate reached its baseline', async () => {
    stubServer({
      'GET /api/v1/analytics/wecom': () =>
        jsonResponse(
          wecom({ rates: wecom().rates.map((r) => ({ ...r, value: 0.9, below: false })) }),
        ),
    })
    const { wrapper } = await mountApp('/')
    expect(notes('below-baseline')).toEqual([])
    expect(notes('rates-note')).toEqual(['近 7 天企微引流、服务、变现成功率均达到基线'])
    expect(document.querySelector('[data-testid="rates-note"]')?.classList).toContain('is-success')
    wrapper.unmount()
  })

  it('points at yesterday’s lost customers when losses rose by more than 20%', async () => {
    const rule = eventRule('wecom_loss')
    stubServer({
      'GET /api/v1/analytics/funnel': () =>
        jsonResponse(funnelWith({ lostCustomers: { value: 60, previous: 40, rule } })),
    })
    const { wrapper, router } = await mountApp('/')
    expect(notes('loss-rise')).toEqual(['昨日流失客户 60 人（前日 40 人，+50%），需要关注'])
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="loss-rise"] a')!
    expect(link.textContent?.trim()).toBe('查看流失客户')
    link.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('segment-new')
    expect(readSegmentDraft(router.options.history.state)).toEqual({
      name: `流失客户 ${yesterday}~${yesterday}`,
      description: '来自数据分析 · 昨日早报',
      rule,
    })
    wrapper.unmount()
  })

  it('sends accounts that cannot make segments to the WeCom funnel for the losses', async () => {
    const noSegments = ALL_PERMISSIONS.filter((p) => p !== 'segments:write')
    stubServer(
      {
        'GET /api/v1/analytics/funnel': () =>
          jsonResponse(
            funnelWith({ lostCustomers: { value: 3, previous: 0, rule: eventRule('wecom_loss') } }),
          ),
      },
      me({ role: 'operator', permissions: noSegments }),
    )
    const { wrapper } = await mountApp('/')
    const link = document.querySelector('[data-testid="loss-rise"] a')
    expect(link?.textContent?.trim()).toBe('查看企微漏斗')
    expect(link?.getAttribute('href')).toBe(`/analytics/wecom?from=${yesterday}&to=${yesterday}`)
    wrapper.unmount()
  })

  it('gives no loss hint when losses rose by 20% or less, or fell', async () => {
    for (const [value, previous] of [
      [48, 40],
      [30, 40],
      [0, 0],
    ]) {
      stubServer({
        'GET /api/v1/analytics/funnel': () =>
          jsonResponse(funnelWith({ lostCustomers: { value, previous } })),
      })
      const { wrapper } = await mountApp('/')
      expect(figure('lostCustomers').value).toBe(String(value))
      expect(notes('loss-rise'), `${previous} → ${value}`).toEqual([])
      wrapper.unmount()
    }
  })

  it('counts losses against the day before', () => {
    expect(lossesRose({ value: 49, previous: 40 })).toBe(true)
    expect(lossesRose({ value: 48, previous: 40 })).toBe(false)
    expect(lossesRose({ value: 1, previous: 0 })).toBe(true)
    expect(lossesRose({ value: 0, previous: 0 })).toBe(false)
    expect(lossesRose({ value: 9, previous: null })).toBe(false)
    expect(lossesRose(undefined)).toBe(false)
  })

  it('shows a placeholder while loading, and a way to try again when loading failed', async () => {
    let answer: Route = () => problemResponse(503, { detail: '服务暂时不可用' })
    let release = () => {}
    stubServer({
      'GET /api/v1/analytics/funnel': async (request) => {
        await new Promise<void>((resolve) => (release = resolve))
        return answer(request)
      },
    })
    const { wrapper } = await mountApp('/')
    expect(document.querySelector('[data-testid="summary-loading"]')).not.toBeNull()
    expect(summary()?.getAttribute('aria-busy')).toBe('true')
    release()
    await settle()
    expect(document.querySelector('[data-testid="summary-loading"]')).toBeNull()
    expect(document.querySelector('[data-testid="summary-error"]')?.textContent).toContain(
      '早报没有加载成功',
    )
    expect(document.querySelector('.el-message--error')?.textContent).toContain('服务暂时不可用')

    answer = () => jsonResponse(funnel())
    document.querySelector<HTMLButtonElement>('[data-testid="summary-error"] button')!.click()
    await settle(0)
    release()
    await settle()
    expect(document.querySelector('[data-testid="summary-error"]')).toBeNull()
    expect(figure('wecomAdds').value).toBe('800')
    wrapper.unmount()
  })

  it('is not there for accounts without analytics:read, and asks nothing', async () => {
    const noAnalytics = ALL_PERMISSIONS.filter((p) => !p.startsWith('analytics:'))
    const { calls } = stubServer({}, me({ role: 'operator', permissions: noAnalytics }))
    const { wrapper } = await mountApp('/')
    expect(summary()).toBeNull()
    expect(calls.some((c) => new URL(c.url).pathname.startsWith('/api/v1/analytics'))).toBe(false)
    expect(document.querySelector('.home__kpis')?.textContent).toContain('5,200')
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubServer({
      'GET /api/v1/analytics/funnel': () =>
        jsonResponse(funnelWith({ lostCustomers: { rule: eventRule('wecom_loss') } })),
    })
    const { wrapper } = await mountApp('/')
    expect(summary()?.querySelector('.summary__title')?.textContent).toBe('Yesterday at a glance')
    expect(notes('below-baseline')[0]).toBe(
      'Service success over the last 7 days is 38%, below its baseline of 45%',
    )
    expect(notes('loss-rise')).toEqual([
      '60 customers lost yesterday (40 the day before, +50%): worth a look',
    ])
    expect(summary()?.textContent).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
