import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './StaffTasksView.vue'
import { setLocale } from '@/i18n'
import { mountApp, pickRadio } from '@/test/app'
import { jsonResponse } from '@/test/http'
import { stubJourneyServer, task } from '@/test/journeys'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const statuses = (calls: Request[]) =>
  calls
    .filter((c) => new URL(c.url).pathname === '/api/v1/staff-tasks')
    .map((c) => new URL(c.url).searchParams.get('status'))

async function pick(label: string): Promise<void> {
  await pickRadio(label, document.querySelector('[data-testid="task-status"]')!)
  await settle()
}

describe('staff tasks', { timeout: 30_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    vi.useRealTimers()
  })

  it('list the open tasks first, with the customer, the staff member, the journey and the deadline', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-12T02:00:00Z') })
    const { calls } = stubJourneyServer({
      'GET /api/v1/staff-tasks': () =>
        jsonResponse({
          items: [task(), task({ id: 32, title: '到店邀约', dueAt: '2026-11-20T02:00:00Z' })],
          nextCursor: null,
        }),
    })
    const { wrapper } = await mountApp('/automation/tasks')
    expect(document.title).toBe('员工任务 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('员工任务')
    expect(statuses(calls)).toEqual(['open'])
    const [late, later] = rows()
    for (const text of [
      '电话回访',
      '问问是否收到货',
      '林晓雯',
      'lina',
      '新客 7 天转化',
      '2026-11-11 10:00',
    ])
      expect(late!.textContent).toContain(text)
    expect(late!.textContent).toContain('已逾期')
    expect(later!.textContent).not.toContain('已逾期')
    expect(late!.querySelector('a[href="/customers/20001"]')).not.toBeNull()
    expect(late!.querySelector('a[href="/automation/journeys/7"]')).not.toBeNull()
  })

  it('mark a task done, which leaves the open list', async () => {
    const { calls } = stubJourneyServer({
      'POST /api/v1/staff-tasks/31/done': () =>
        jsonResponse(task({ status: 'done', doneAt: '2026-11-12T02:00:00Z' })),
    })
    await mountApp('/automation/tasks')
    rows()[0]!.querySelector<HTMLElement>('[data-testid="mark-done"]')!.click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/staff-tasks/31/done'))).toBe(
      true,
    )
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已完成任务「电话回访」',
    )
    expect(document.querySelector('.el-table__empty-text')?.textContent?.trim()).toBe(
      '没有待处理的任务',
    )
  })

  it('show done ones with when, and everything, on asking', async () => {
    const { calls } = stubJourneyServer({
      'GET /api/v1/staff-tasks': (request) =>
        jsonResponse({
          items:
            new URL(request.url).searchParams.get('status') === 'done'
              ? [task({ status: 'done', doneAt: '2026-11-11T06:30:00Z', doneBy: '李娜' })]
              : [task()],
          nextCursor: null,
        }),
    })
    await mountApp('/automation/tasks')
    await pick('已完成')
    expect(rows()[0]!.textContent).toContain('2026-11-11 14:30')
    expect(rows()[0]!.textContent).toContain('李娜')
    expect(rows()[0]!.querySelector('[data-testid="mark-done"]')).toBeNull()
    await pick('全部')
    expect(statuses(calls)).toEqual(['open', 'done', null])
  })

  it('are open to staff accounts, who may not see journeys', async () => {
    const staff = ALL_PERMISSIONS.filter((p) => !p.startsWith('journeys:') && p !== 'customers:all')
    const { calls } = stubJourneyServer({}, me({ role: 'staff', permissions: staff }))
    const { router } = await mountApp('/automation/tasks')
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/journeys')).toBe(false)
    expect(router.currentRoute.value.name).toBe('staff-tasks')
    // the journey by number: its name is for those who may see journeys
    expect(rows()[0]!.textContent).toContain('旅程 #7')
    expect(rows()[0]!.querySelector('a[href="/automation/journeys/7"]')).toBeNull()
  })

  it('speak English', async () => {
    setLocale('en')
    stubJourneyServer()
    await mountApp('/automation/tasks')
    expect(document.title).toBe('Staff tasks · 私域 Siyu')
    expect(rows()[0]!.querySelector('[data-testid="mark-done"]')!.textContent!.trim()).toBe(
      'Mark done',
    )
  })
})
