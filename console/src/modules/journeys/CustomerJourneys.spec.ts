import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import '@/modules/customers/CustomerDetailView.vue'
import { setLocale } from '@/i18n'
import { mountApp } from '@/test/app'
import { ATTRIBUTES, detail } from '@/test/customers'
import { jsonResponse, problemResponse, type Route } from '@/test/http'
import { CUSTOMER_JOURNEYS, stubJourneyServer } from '@/test/journeys'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubJourneyServer(
    {
      'GET /api/v1/customer-attributes': () => jsonResponse(ATTRIBUTES),
      'GET /api/v1/customers/20001': () => jsonResponse(detail()),
      'GET /api/v1/customers/20001/wecom-contacts': () => jsonResponse([]),
      'GET /api/v1/customers/20001/journeys': () => jsonResponse(CUSTOMER_JOURNEYS),
      ...routes,
    },
    account,
  )
}

const section = () => document.querySelector<HTMLElement>('[data-testid="customer-journeys"]')!
const tabLabels = () =>
  [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].map((t) => t.textContent!.trim())

describe('a customer’s journeys', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('are a tab of the profile, loaded when opened', async () => {
    const { calls } = stubServer()
    await mountApp('/customers/20001')
    expect(tabLabels()).toContain('旅程')
    expect(calls.some((c) => c.url.endsWith('/customers/20001/journeys'))).toBe(false)
  })

  it('show each run, newest first, with the path of steps, their outcomes and times', async () => {
    stubServer()
    await mountApp('/customers/20001?tab=journeys')
    await settle()
    const runs = [...section().querySelectorAll<HTMLElement>('[data-run-id]')]
    expect(runs.map((r) => r.dataset.runId)).toEqual(['901', '850'])
    const first = runs[0]!
    expect(first.querySelector('a')!.getAttribute('href')).toBe('/automation/journeys/7')
    expect(first.textContent).toContain('V2')
    expect(first.querySelector('[data-testid="run-state"]')!.textContent!.trim()).toBe('已完成')
    expect(first.querySelector('[data-testid="converted"]')!.textContent).toContain(
      '2026-11-10 12:00 转化',
    )
    const parts = [
      '.el-timeline-item__timestamp',
      '.customer-journeys__step-name',
      '.el-tag',
      '.customer-journeys__detail',
    ]
    const steps = [...first.querySelectorAll<HTMLElement>('[data-testid="path-step"]')].map(
      (step) =>
        parts
          .map((selector) => step.querySelector(selector)?.textContent?.trim())
          .filter(Boolean)
          .join(' '),
    )
    expect(steps).toEqual([
      '2026-11-09 10:00 欢迎语 已发送 由 李娜 发送',
      '2026-11-10 10:00 等待 已完成',
      '2026-11-10 12:00 等待事件 事件已发生',
    ])
    // the branch a split sent them down; an outcome the console does not know, as the server wrote it
    expect(runs[1]!.textContent).toContain('进入分支 B')
    expect(runs[1]!.textContent).toContain('mystery')
  })

  it('say so when there are none, also when the server has nothing to answer', async () => {
    stubServer({
      'GET /api/v1/customers/20001/journeys': () => problemResponse(404, { detail: 'no route' }),
    })
    await mountApp('/customers/20001?tab=journeys')
    await settle()
    expect(section().textContent).toContain('这位客户还没有进入过任何旅程')
    expect(document.querySelector('.el-message')).toBeNull()
  })

  it('are not offered without journeys:read', async () => {
    const without = ALL_PERMISSIONS.filter((p) => !p.startsWith('journeys:'))
    stubServer({}, me({ permissions: without }))
    await mountApp('/customers/20001')
    expect(tabLabels()).not.toContain('旅程')
  })

  it('speak English', async () => {
    setLocale('en')
    stubServer()
    await mountApp('/customers/20001?tab=journeys')
    await settle()
    expect(tabLabels()).toContain('Journeys')
    expect(section().textContent).toContain('Event happened')
    expect(section().textContent).toContain('entered 2026-11-09 10:00')
  })
})
