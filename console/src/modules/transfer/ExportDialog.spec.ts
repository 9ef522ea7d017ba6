import { describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import '@/modules/customers/CustomersView.vue'
import { button } from '@/test/dom'
import { mountApp, openDialog } from '@/test/app'
import { ATTRIBUTES, CITIES, summary } from '@/test/customers'
import { jsonResponse, stubFetch } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { exportJob as job } from '@/test/transfer'

function stubServer(account = me()) {
  let polls = 0
  const stub = stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/customers': () => jsonResponse({ items: [summary()] }),
    'GET /api/v1/cities': () => jsonResponse(CITIES),
    'GET /api/v1/customer-attributes': () => jsonResponse(ATTRIBUTES),
    'GET /api/v1/staff': () => jsonResponse([]),
    'POST /api/v1/exports': () => jsonResponse(job(), 202),
    'GET /api/v1/exports/12': () => {
      polls++
      return jsonResponse(
        polls === 1
          ? job({ processedRows: 1000 })
          : job({ status: 'done', processedRows: 2000, finishedAt: '2026-11-23T06:01:00Z' }),
      )
    },
  })
  return { ...stub, polls: () => polls }
}

describe('exporting the customer list', { timeout: 20_000 }, () => {
  it('exports what the filters find and offers the file when done', async () => {
    const { calls, polls } = stubServer()
    await mountApp('/customers?q=林&gender=female&city=1&memberLevel=2&attr.skinType=干性')
    button('导出').click()
    await settle()
    const dialog = openDialog()
    expect(dialog.textContent).toContain('导出客户')
    ;[...dialog.querySelectorAll<HTMLElement>('.el-radio')]
      .find((r) => r.textContent?.trim() === 'CSV（逗号分隔）')
      ?.click()
    await settle(0)
    button('开始导出', dialog).click()
    await settle()

    const post = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/exports'))!
    expect(await post.clone().json()).toEqual({
      format: 'csv',
      q: '林',
      gender: 'female',
      city: '1',
      memberLevel: 2,
      attributes: { skinType: '干性' },
    })
    expect(openDialog().textContent).toContain('正在导出：已处理 0 / 2,000 位客户')

    await vi.waitFor(
      () => expect(openDialog().textContent).toContain('导出完成，共 2,000 位客户'),
      { timeout: 4000, interval: 100 },
    )
    await settle(0)
    const link = [...openDialog().querySelectorAll<HTMLAnchorElement>('a')].find(
      (a) => a.textContent?.trim() === '下载',
    )
    expect(link?.getAttribute('href')).toBe('/api/v1/exports/12/file')
    expect(link?.hasAttribute('download')).toBe(true)
    const history = [...openDialog().querySelectorAll<HTMLAnchorElement>('a')].find(
      (a) => a.textContent?.trim() === '查看导出记录',
    )
    expect(history?.getAttribute('href')).toBe('/data/exports')
    const seen = polls()
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect(polls()).toBe(seen)
  })

  it('is not offered without the data transfer permission', async () => {
    stubServer(me({ permissions: ALL_PERMISSIONS.filter((p) => p !== 'data:transfer') }))
    await mountApp('/customers')
    expect(() => button('导出')).toThrow()
    expect(() => button('新建客户')).not.toThrow()
  })
})
