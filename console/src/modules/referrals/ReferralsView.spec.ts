import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ReferralsView.vue'
import { i18n, setLocale } from '@/i18n'
import { mountApp, openDialog } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { referralView } from './fixtures'

function stubServer(routes: Record<string, Route> = {}) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account: me() }),
    'GET /api/v1/growth/referrals': () => jsonResponse(referralView()),
    'GET /api/v1/growth/referrals/koc': () =>
      jsonResponse({ threshold: 10, tagId: 3, candidates: 4 }),
    ...routes,
  })
}

const text = (selector: string, scope: ParentNode = document) =>
  scope.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const kpi = (key: string) =>
  ['.kpi__label', '.kpi__value', '.kpi__hint']
    .map((part) => text(`[data-kpi="${key}"] ${part}`))
    .join(' ')
const inviterRows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="top-inviters"] .el-table__body tr'),
]

describe('裂变关系', { timeout: 20_000 }, () => {
  const mounted: { unmount: () => void }[] = []
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('asks for the last 90 days and shows the figures across campaigns', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/growth/referrals')
    mounted.push(wrapper)
    await settle()
    expect(document.title).toBe('裂变关系 · 私域 Siyu')
    const asked = new URL(calls.find((c) => c.url.includes('/growth/referrals'))!.url)
    const from = asked.searchParams.get('from')!
    const to = asked.searchParams.get('to')!
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(89)
    expect(kpi('customers')).toBe('参与客户 120 134 人次参加活动')
    expect(kpi('kFactor')).toBe('K 因子 1.28 171 个有效邀请 ÷ 参与人次')
    expect(kpi('cycle')).toBe('裂变周期（中位数） 31.4 小时 从参与到所邀好友参与')
    expect(kpi('depth')).toContain('最深层级 5')
  })

  it('lists the top inviters with their KOC-candidate mark and a link to each customer', async () => {
    stubServer()
    const { wrapper } = await mountApp('/growth/referrals')
    mounted.push(wrapper)
    await settle()
    const [first, second] = inviterRows()
    expect(text('[data-testid="customer-link"]', first)).toBe('赵敏')
    expect(text('[data-testid="koc-tag"]', first)).toBe('KOC 候选')
    expect(text('[data-testid="invites"]', first)).toBe('14')
    expect(second!.querySelector('[data-testid="koc-tag"]')).toBeNull()
    expect(first!.querySelector<HTMLAnchorElement>('a[data-testid="customer-link"]')!.href).toMatch(
      /\/customers\/11$/,
    )
    expect(text('[data-testid="edge-key"]')).toBe(
      '邀好友 领定制保温杯 春季老带新 邀 2 人得积分 会员推荐',
    )
    expect(text('[data-testid="campaign-table"]')).toContain('第 1 代 0.50 · 第 2 代 0.33')
  })

  it('says so when nobody invited anyone in the period', async () => {
    stubServer({
      'GET /api/v1/growth/referrals': () =>
        jsonResponse(
          referralView({
            campaigns: [],
            depths: [],
            inviters: [],
            graph: { nodes: [], edges: [], truncated: false },
          }),
        ),
    })
    const { wrapper } = await mountApp('/growth/referrals')
    mounted.push(wrapper)
    await settle()
    expect(text('[data-testid="referral-graph"]')).toContain('这段时间没有邀请')
    expect(text('[data-testid="top-inviters"]')).toContain('这段时间还没有人邀请成功')
  })

  it('saves a new KOC threshold and reads the marks again', async () => {
    const { calls } = stubServer({
      'PUT /api/v1/growth/referrals/koc': () =>
        jsonResponse({ threshold: 5, tagId: 3, candidates: 9 }),
    })
    const { wrapper } = await mountApp('/growth/referrals')
    mounted.push(wrapper)
    await settle()
    const views = () => calls.filter((c) => new URL(c.url).pathname === '/api/v1/growth/referrals')
    expect(views()).toHaveLength(1)
    document.querySelector<HTMLButtonElement>('[data-testid="koc-threshold"]')!.click()
    await settle()
    const dialog = openDialog()
    expect(dialog.textContent).toContain('当前 4 位 KOC 候选')
    const input = dialog.querySelector<HTMLInputElement>('.el-input-number input')!
    input.value = '5'
    input.dispatchEvent(new Event('input'))
    input.dispatchEvent(new Event('change'))
    await settle()
    dialog.querySelector<HTMLButtonElement>('[data-testid="koc-save"]')!.click()
    await settle()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(await put.json()).toEqual({ threshold: 5 })
    expect(views()).toHaveLength(2)
  })

  it('shows the server’s problem when the threshold is refused', async () => {
    stubServer({
      'PUT /api/v1/growth/referrals/koc': () =>
        problemResponse(400, {
          detail: '请求参数有误',
          errors: [
            { field: 'threshold', code: 'x', message: 'KOC 候选门槛须是 1 到 10,000 之间的整数。' },
          ],
        }),
    })
    const { wrapper } = await mountApp('/growth/referrals')
    mounted.push(wrapper)
    await settle()
    document.querySelector<HTMLButtonElement>('[data-testid="koc-threshold"]')!.click()
    await settle()
    openDialog().querySelector<HTMLButtonElement>('[data-testid="koc-save"]')!.click()
    await settle()
    expect(document.querySelector('.el-message')?.textContent).toContain('请求参数有误')
    expect(openDialog().textContent).toContain('KOC 候选门槛')
  })

  it('has every word in English too', async () => {
    setLocale('en')
    stubServer()
    const { wrapper } = await mountApp('/growth/referrals')
    mounted.push(wrapper)
    await settle()
    expect(document.title).toBe('Referrals · 私域 Siyu')
    expect(kpi('cycle')).toBe(
      'Viral cycle time (median) 31.4 h Joining to an invited friend joining',
    )
    expect(text('[data-testid="koc-tag"]')).toBe('KOC candidate')
    expect(i18n.global.te('referrals.legend.member', 'en')).toBe(true)
  })
})
