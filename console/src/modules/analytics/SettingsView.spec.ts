import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './SettingsView.vue'
import { setLocale } from '@/i18n'
import { mountApp } from '@/test/app'
import { settings, stubAnalyticsServer } from '@/test/analytics'
import { jsonResponse, problemResponse } from '@/test/http'
import { bodies } from '@/test/segments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
async function enter(name: string, value: string): Promise<void> {
  input(name).value = value
  input(name).dispatchEvent(new Event('input'))
  input(name).dispatchEvent(new Event('change'))
  await settle(0)
}
const save = async () => {
  document.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click()
  await settle()
}
const fieldError = (name: string) =>
  input(name).closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

describe('the analytics settings', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the baselines as percentages and saves them as fractions', async () => {
    const { calls } = stubAnalyticsServer({
      'PUT /api/v1/analytics/settings': async (request) =>
        jsonResponse(await request.clone().json()),
    })
    await mountApp('/analytics/settings')
    expect(document.title).toBe('分析设置 · 私域 Siyu')
    expect(['acquisition', 'service', 'monetisation'].map((k) => input(k).value)).toEqual([
      '70.0',
      '45.0',
      '35.0',
    ])
    expect(document.body.textContent).toContain('行业参考：40%～50%')

    await enter('service', '50')
    await save()
    expect(await bodies(calls, 'PUT', '/api/v1/analytics/settings')).toEqual([
      { baselines: { acquisition: 0.7, service: 0.5, monetisation: 0.35 } },
    ])
    expect(document.querySelector('.el-message--success')?.textContent).toContain('基线已保存')
  })

  it('refuses a baseline of 0 before asking the server', async () => {
    const { calls } = stubAnalyticsServer()
    await mountApp('/analytics/settings')
    await enter('acquisition', '0')
    await save()
    expect(fieldError('acquisition')).toBe('请输入 0 到 100 之间、大于 0 的百分比')
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
  })

  it('shows the server’s problem at the baseline it names', async () => {
    stubAnalyticsServer({
      'PUT /api/v1/analytics/settings': () =>
        problemResponse(400, {
          detail: '请检查基线',
          errors: [
            {
              field: 'baselines.monetisation',
              code: 'analytics.baseline',
              message: '基线须在 0 与 1 之间',
            },
          ],
        }),
    })
    await mountApp('/analytics/settings')
    await save()
    expect(fieldError('monetisation')).toBe('基线须在 0 与 1 之间')
    expect(fieldError('service')).toBeUndefined()
  })

  it('is only for analytics:manage', async () => {
    const operator = ALL_PERMISSIONS.filter((p) => p !== 'analytics:manage')
    stubAnalyticsServer({}, me({ role: 'operator', permissions: operator }))
    const { wrapper, router } = await mountApp('/analytics/settings')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).toContain('企微漏斗')
    expect(wrapper.find('nav').text()).not.toContain('分析设置')
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubAnalyticsServer({ 'GET /api/v1/analytics/settings': () => jsonResponse(settings()) })
    await mountApp('/analytics/settings')
    expect(document.title).toBe('Analytics settings · 私域 Siyu')
    expect(document.querySelector('.analytics-settings')?.textContent).not.toMatch(
      /\p{Script=Han}/u,
    )
  })
})
