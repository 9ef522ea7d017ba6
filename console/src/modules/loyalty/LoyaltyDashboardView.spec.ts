import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './LoyaltyDashboardView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import { mountApp } from '@/test/app'
import { jsonResponse } from '@/test/http'
import { loyaltyStats, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'

/** A KPI card's label, value and hint. */
const kpi = (key: string) =>
  [...document.querySelectorAll(`[data-kpi="${key}"] .kpi__body > div`)]
    .map((line) => line.textContent?.trim())
    .join(' | ')
const cardKpi = (key: string) =>
  [...document.querySelectorAll(`[data-card-kpi="${key}"] .kpi__body > div`)]
    .map((line) => line.textContent?.trim())
    .join(' | ')
const activeNav = () => {
  const item = document.querySelector<HTMLElement>('nav .el-menu-item.is-active')
  const section = item?.closest('.el-sub-menu')?.querySelector('.el-sub-menu__title')
  return [section?.textContent?.trim(), item?.textContent?.trim()]
}
type Series = { name?: string; type?: string; stack?: string; data: unknown[] }

describe('the membership dashboard', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('is 会员看板 in its own 会员 section, with every membership page after it', async () => {
    stubLoyaltyServer()
    const { wrapper } = await mountApp('/loyalty/dashboard')
    expect(document.title).toBe('会员看板 · 私域 Siyu')
    expect(activeNav()).toEqual(['会员', '会员看板'])
    const section = [...document.querySelectorAll('nav .el-sub-menu')].find(
      (menu) => menu.querySelector('.el-sub-menu__title')?.textContent?.trim() === '会员',
    )!
    expect(
      [...section.querySelectorAll('.el-menu-item')].map((i) => i.textContent?.trim()),
    ).toEqual(['会员看板', '会员列表', '积分审批', '优惠券', '积分商城', '会员计划'])
    wrapper.unmount()
  })

  it('counts members, the points liability, points expiring soon and the coupon redemption rate', async () => {
    stubLoyaltyServer()
    const { wrapper } = await mountApp('/loyalty/dashboard')
    expect(kpi('members')).toBe('会员总数 | 1,190 | 近 30 天新增 50')
    expect(kpi('liability')).toBe('积分负债 | 256,000 | 近 30 天发放 90,000 · 消耗 30,000')
    expect(kpi('expiringSoon')).toBe('即将过期积分 | 12,000 | 30 天内到期，近 30 天已过期 2,000')
    expect(kpi('couponRate')).toBe('优惠券核销率 | 25% | 已发 400 · 已用 100')
    wrapper.unmount()
  })

  it('charts members by tier as stacked areas, the points flow per day and the tiers’ shares', async () => {
    stubLoyaltyServer()
    const { wrapper } = await mountApp('/loyalty/dashboard')
    const charts = wrapper.findAllComponents(ChartCard)
    expect(charts.map((c) => c.props('title'))).toEqual([
      '各等级会员数（近 30 天）',
      '会员等级分布',
      '每日积分发放、消耗与过期',
      '付费会员卡：每月收入与售卡数',
    ])
    const series = (i: number) => charts[i]!.props('option')!.series as Series[]
    expect(series(0).map((s) => [s.name, s.type, s.stack])).toEqual([
      ['银卡', 'line', 'members'],
      ['金卡', 'line', 'members'],
      ['黑金', 'line', 'members'],
    ])
    expect(series(0)[0]!.data).toHaveLength(30)
    expect(series(1)[0]!.data).toMatchObject([
      { name: '银卡', value: 900 },
      { name: '金卡', value: 250 },
      { name: '黑金', value: 40 },
    ])
    expect(series(2).map((s) => [s.name, s.type])).toEqual([
      ['发放', 'bar'],
      ['消耗', 'bar'],
      ['过期', 'bar'],
      ['净增', 'line'],
    ])
    expect(wrapper.findAll('echarts-stub')).toHaveLength(4)
    wrapper.unmount()
  })

  it('counts card holders and card revenue, and charts the cards’ revenue and sales by month', async () => {
    stubLoyaltyServer()
    const { wrapper } = await mountApp('/loyalty/dashboard')
    expect(cardKpi('active')).toBe('持卡会员 | 58 | 30 天内到期 6')
    expect(cardKpi('revenue')).toBe('会员卡收入（近 12 个月） | ¥11,940.00 | 售出 60 张')
    const chart = wrapper.findAllComponents(ChartCard)[3]!
    expect(chart.props('empty')).toBe(false)
    const series = chart.props('option')!.series as Series[]
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ['收入（元）', 'bar'],
      ['售卡数', 'line'],
      ['其中续费', 'line'],
    ])
    expect(series[0]!.data).toHaveLength(12)
    expect(series[0]!.data.slice(-3)).toEqual([1990, 3980, 5970])
    expect(series[2]!.data.at(-1)).toBe(4)
    wrapper.unmount()
  })

  it('shows an empty card chart while no card was ever sold', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/cards/stats': () =>
        jsonResponse({
          active: 0,
          endingSoon: 0,
          revenue: 0,
          months: [{ month: '2026-12', sold: 0, renewals: 0, revenue: 0, refunded: 0 }],
        }),
    })
    const { wrapper } = await mountApp('/loyalty/dashboard')
    expect(wrapper.findAllComponents(ChartCard)[3]!.props('empty')).toBe(true)
    expect(cardKpi('active')).toBe('持卡会员 | 0 | 30 天内到期 0')
    wrapper.unmount()
  })

  it('shows an empty tier chart while there are no members', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/stats': () =>
        jsonResponse(loyaltyStats({ members: 0, byTier: [], daily: [] })),
    })
    const { wrapper } = await mountApp('/loyalty/dashboard')
    const charts = wrapper.findAllComponents(ChartCard)
    expect(charts[1]!.props('empty')).toBe(true)
    expect(kpi('members')).toBe('会员总数 | 0 | 近 30 天新增 0')
    wrapper.unmount()
  })

  it('is hidden from the navigation and closed to accounts without loyalty:read', async () => {
    const none = ALL_PERMISSIONS.filter((p) => !p.startsWith('loyalty:'))
    stubLoyaltyServer({}, me({ role: 'staff', permissions: none }))
    const { wrapper, router } = await mountApp('/loyalty/dashboard')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('会员看板')
    wrapper.unmount()
  })

  it('shows operators no approvals or program settings in the navigation', async () => {
    const operator = ALL_PERMISSIONS.filter(
      (p) => p !== 'loyalty:manage' && p !== 'loyalty:approve',
    )
    stubLoyaltyServer({}, me({ role: 'operator', permissions: operator }))
    const { wrapper } = await mountApp('/loyalty/dashboard')
    const nav = wrapper.find('nav').text()
    expect(nav).toContain('会员列表')
    expect(nav).not.toContain('积分审批')
    expect(nav).not.toContain('会员计划')
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    const { wrapper } = await mountApp('/loyalty/dashboard')
    expect(document.title).toBe('Member dashboard · 私域 Siyu')
    expect(activeNav()).toEqual(['Membership', 'Member dashboard'])
    expect(kpi('couponRate')).toBe('Coupon redemption | 25% | 400 issued · 100 used')
    expect(cardKpi('active')).toBe('Card holders | 58 | 6 end within 30 days')
    const words = [...document.querySelectorAll('.page-header, .kpi, .chart-card__title')]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
