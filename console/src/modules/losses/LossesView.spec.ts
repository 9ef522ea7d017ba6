import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './LossesView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { APP, STAFF } from '@/test/wecomops'

const REPORT = {
  from: '2026-10-22',
  to: '2026-11-20',
  days: [{ day: '2026-11-20', byCustomer: 3, byStaff: 1 }],
  staff: [{ userId: 'lina', name: '李娜', losses: 4, added: 20, lossRate: 0.2 }],
  codes: [],
  total: 4,
  medianDays: 12.46,
}

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/apps': () => jsonResponse([APP]),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/wecom/losses': () => jsonResponse(REPORT),
    'GET /api/v1/wecom/settings': () => jsonResponse({ lossNotify: 'staff', lossManagerId: null }),
    ...routes,
  })
}

const kpi = (key: string) => document.querySelector(`[data-kpi="${key}"]`)?.textContent ?? ''

describe('the customer losses page', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the headline numbers and asks for the last 30 days', async () => {
    const { calls } = stubServer()
    await mountApp('/wecom-ops/losses')
    expect(kpi('total')).toContain('流失总数')
    expect(kpi('total')).toContain('4')
    expect(kpi('byCustomer')).toContain('75%')
    expect(kpi('median')).toContain('12.5 天')
    const query = new URL(calls.find((c) => c.url.includes('/losses'))!.url).searchParams
    const days = (Date.parse(query.get('to')!) - Date.parse(query.get('from')!)) / 86_400_000
    expect(days).toBe(29)
    expect(document.querySelector('[data-testid="chart-codes"] .el-empty')).not.toBeNull()
    expect(document.querySelector('[data-testid="loss-settings"]')).not.toBeNull()
  })

  it('saves who is told of a loss and shows the server’s refusal on the manager field', async () => {
    const { calls } = stubServer({
      'PUT /api/v1/wecom/settings': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [{ field: 'lossManagerId', code: 'x', message: '员工 lina 不存在' }],
        }),
    })
    await mountApp('/wecom-ops/losses')
    const card = document.querySelector<HTMLElement>('[data-testid="loss-settings"]')!
    const manager = [...card.querySelectorAll<HTMLElement>('.el-radio')].find((r) =>
      r.textContent?.includes('提醒指定负责人'),
    )!
    manager.querySelector('input')!.click()
    await settle(0)
    await choose(card.querySelector('.el-select'), '李娜 lina')
    button('保存', card).click()
    await settle()
    expect(
      await calls
        .find((c) => c.method === 'PUT')
        ?.clone()
        .json(),
    ).toEqual({
      lossNotify: 'manager',
      lossManagerId: 'lina',
    })
    expect(card.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('员工 lina 不存在')
  })

  it('keeps the settings to those who manage WeCom', async () => {
    const permissions = ALL_PERMISSIONS.filter((p) => p !== 'wecom:manage')
    const { calls } = stubServer(
      {
        'GET /api/v1/wecom/sandbox': () => jsonResponse({ enabled: true, appId: 1 }),
      },
      me({ role: 'operator', permissions }),
    )
    await mountApp('/wecom-ops/losses')
    expect(kpi('total')).toContain('4')
    expect(document.querySelector('[data-testid="loss-settings"]')).toBeNull()
    expect(calls.some((c) => c.url.includes('/wecom/settings'))).toBe(false)
  })
})
