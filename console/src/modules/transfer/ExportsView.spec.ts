import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ExportsView.vue'
import { setLocale } from '@/i18n'
import { mountApp } from '@/test/app'
import { jsonResponse, stubFetch } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { exportJob } from '@/test/transfer'

const DONE = exportJob({
  id: 11,
  format: 'xlsx',
  fileName: '客户-2026-11-22.xlsx',
  status: 'done',
  totalRows: 20000,
  processedRows: 20000,
  createdBy: '王经理',
  createdAt: '2026-11-22T02:00:00Z',
  finishedAt: '2026-11-22T02:01:30Z',
})
const FAILED = exportJob({ id: 10, status: 'failed', processedRows: 500, message: '磁盘已满' })

function stubServer(account = me()) {
  let polls = 0
  const stub = stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/exports': () =>
      jsonResponse({ items: [exportJob({ processedRows: 500 }), DONE, FAILED] }),
    'GET /api/v1/exports/12': () => {
      polls++
      return jsonResponse(
        polls === 1
          ? exportJob({ processedRows: 1500 })
          : exportJob({
              status: 'done',
              processedRows: 2000,
              finishedAt: '2026-11-23T06:01:00Z',
            }),
      )
    },
  })
  return { ...stub, polls: () => polls }
}

const rows = () =>
  [...document.querySelectorAll('.el-table__body tbody tr')].map((r) => r.textContent ?? '')
const downloads = () =>
  [...document.querySelectorAll<HTMLAnchorElement>('.el-table__body a[download]')].map((a) =>
    a.getAttribute('href'),
  )

// The page polls: each test's app is unmounted, or its timers would ask the next test's server.
const apps: { unmount(): void }[] = []
async function open(path: string) {
  const mounted = await mountApp(path)
  apps.push(mounted.wrapper)
  return mounted
}

describe('the export history', { timeout: 20_000 }, () => {
  afterEach(() => {
    apps.splice(0).forEach((app) => app.unmount())
    setLocale('zh-CN')
  })

  it('lists exports with status, progress, rows, creator and time, and a download when done', async () => {
    stubServer()
    const { wrapper } = await open('/data/exports')
    expect(document.title).toBe('导出记录 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('导出记录')
    const [running, done, failed] = rows()
    for (const text of ['customers-12.csv', 'CSV', '进行中', '25%', '500 / 2,000', 'admin']) {
      expect(running).toContain(text)
    }
    for (const text of ['XLSX', '已完成', '20,000', '王经理', '2026-11-22 10:00']) {
      expect(done).toContain(text)
    }
    expect(done).toContain('2026-11-22 10:01')
    expect(failed).toContain('失败')
    expect(failed).toContain('磁盘已满')
    expect(downloads()).toEqual(['/api/v1/exports/11/file'])
  })

  it('follows a running export until it is done, then stops asking', async () => {
    const { polls } = stubServer()
    await open('/data/exports')
    await vi.waitFor(() => expect(rows()[0]).toContain('1,500 / 2,000'), {
      timeout: 4000,
      interval: 100,
    })
    await vi.waitFor(() => expect(rows()[0]).toContain('已完成'), { timeout: 4000, interval: 100 })
    expect(downloads()).toEqual(['/api/v1/exports/12/file', '/api/v1/exports/11/file'])
    const seen = polls()
    await new Promise((resolve) => setTimeout(resolve, 2300))
    expect(polls()).toBe(seen)
  })

  it('stops asking when the page is left', async () => {
    const { polls } = stubServer()
    const { router } = await open('/data/exports')
    await router.push('/')
    await settle()
    // A slow machine may have polled once before the page was left; none may follow.
    const seen = polls()
    await new Promise((resolve) => setTimeout(resolve, 2300))
    expect(polls()).toBe(seen)
  })

  it('speaks English', async () => {
    setLocale('en')
    stubServer()
    const { wrapper } = await open('/data/exports')
    expect(wrapper.find('h1').text()).toBe('Exports')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('Exports')
    expect(rows()[1]).toContain('Done')
    expect(rows()[1]).toContain('Download')
  })

  it('is only for those who may transfer data', async () => {
    stubServer(me({ permissions: ALL_PERMISSIONS.filter((p) => p !== 'data:transfer') }))
    const { router } = await open('/data/exports')
    expect(router.currentRoute.value.name).toBe('home')
    expect(document.querySelector('nav')?.textContent).not.toContain('导出记录')
  })
})
