import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './AdjustmentsView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole, pickRadio } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import { adjustment, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const inRow = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const click = (row: HTMLElement, testId: string) =>
  row.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!.click()
/** The refusal shown in place: its title and what it says. */
const refusal = () =>
  ['.el-alert__title', '.el-alert__description']
    .map((part) => document.querySelector(`[data-testid="refusal"] ${part}`)?.textContent?.trim())
    .join(' | ')

describe('the points approvals', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists the pending adjustments with member, signed points, reason and who asked', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/adjustments': () =>
        jsonResponse([
          adjustment(),
          adjustment({ id: 32, customerName: null, customerId: 20002, points: -80 }),
        ]),
    })
    await mountApp('/loyalty/adjustments')
    expect(document.title).toBe('积分审批 · 私域 Siyu')
    expect(
      rows().map((row) => [
        inRow(row, 'adjustment-member'),
        inRow(row, 'adjustment-points'),
        inRow(row, 'adjustment-reason'),
      ]),
    ).toEqual([
      ['林晓雯', '+500', '客诉补偿'],
      ['#20002', '-80', '客诉补偿'],
    ])
    expect(rows()[0]!.textContent).toContain('李运营')
  })

  it('approves one and rejects another, reading the queue again after each', async () => {
    let pending = [adjustment(), adjustment({ id: 32 })]
    const { calls } = stubLoyaltyServer({
      'GET /api/v1/loyalty/adjustments': () => jsonResponse(pending),
      'POST /api/v1/loyalty/adjustments/31/approve': () => {
        pending = pending.filter((a) => a.id !== 31)
        return jsonResponse(adjustment({ status: 'applied', decidedBy: '王经理' }))
      },
      'POST /api/v1/loyalty/adjustments/32/reject': () => {
        pending = []
        return jsonResponse(adjustment({ id: 32, status: 'rejected' }))
      },
    })
    await mountApp('/loyalty/adjustments')
    click(rows()[0]!, 'approve')
    await settle()
    expect(document.body.textContent).toContain('已通过，林晓雯 的积分已调整')
    expect(rows()).toHaveLength(1)
    click(rows()[0]!, 'reject')
    await settle()
    expect(document.body.textContent).toContain('已拒绝这条调整')
    expect(document.querySelector('.el-table__empty-text')?.textContent).toBe(
      '没有待审批的积分调整',
    )
    const posts = calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url).pathname)
    expect(posts).toEqual([
      '/api/v1/loyalty/adjustments/31/approve',
      '/api/v1/loyalty/adjustments/32/reject',
    ])
  })

  it('refusesToApproveOwnAdjustment: says clearly that someone else has to approve it', async () => {
    stubLoyaltyServer({
      'POST /api/v1/loyalty/adjustments/31/approve': () =>
        problemResponse(409, {
          code: 'loyalty.adjustment.own',
          detail: 'Adjustment 31 was requested by admin',
        }),
    })
    await mountApp('/loyalty/adjustments')
    click(rows()[0]!, 'approve')
    await settle()
    expect(refusal()).toBe(
      '没能审批 | 不能审批自己提交的积分调整：需要由另一位有审批权限的同事来审批',
    )
    expect(rows()[0]!.classList).toContain('is-refused')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('says so when a deduction is larger than the member’s balance', async () => {
    stubLoyaltyServer({
      'POST /api/v1/loyalty/adjustments/31/approve': () =>
        problemResponse(409, { code: 'loyalty.points.insufficient', detail: 'balance 10' }),
    })
    await mountApp('/loyalty/adjustments')
    click(rows()[0]!, 'approve')
    await settle()
    expect(refusal()).toContain('会员积分不足')
  })

  it('shows the server’s words when the adjustment was decided meanwhile', async () => {
    stubLoyaltyServer({
      'POST /api/v1/loyalty/adjustments/31/reject': () =>
        problemResponse(409, {
          code: 'loyalty.adjustment.decided',
          detail: '这条调整已经审批过了',
        }),
    })
    await mountApp('/loyalty/adjustments')
    click(rows()[0]!, 'reject')
    await settle()
    expect(refusal()).toBe('没能审批 | 这条调整已经审批过了')
  })

  it('shows decided adjustments with their status, who decided and when', async () => {
    const { calls } = stubLoyaltyServer({
      'GET /api/v1/loyalty/adjustments': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('status') === 'applied'
            ? [
                adjustment({
                  status: 'applied',
                  decidedBy: '王经理',
                  decidedAt: '2026-11-05T03:00:00Z',
                }),
              ]
            : [adjustment()],
        ),
    })
    await mountApp('/loyalty/adjustments')
    await pickRadio('已生效')
    await settle()
    const last = calls.filter((c) => c.url.includes('/adjustments')).at(-1)!
    expect(new URL(last.url).searchParams.get('status')).toBe('applied')
    expect(inRow(rows()[0]!, 'send-status')).toBe('已生效')
    expect(rows()[0]!.textContent).toContain('王经理')
    expect(rows()[0]!.textContent).toContain('2026-11-05 11:00')
    expect(document.querySelector('[data-testid="approve"]')).toBeNull()
  })

  it('is closed to accounts without loyalty:approve', async () => {
    const operator = ALL_PERMISSIONS.filter((p) => p !== 'loyalty:approve')
    stubLoyaltyServer({}, me({ role: 'operator', permissions: operator }))
    const { router, wrapper } = await mountApp('/loyalty/adjustments')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('积分审批')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer({
      'POST /api/v1/loyalty/adjustments/31/approve': () =>
        problemResponse(409, { code: 'loyalty.adjustment.own', detail: '服务器' }),
    })
    await mountApp('/loyalty/adjustments')
    expect(document.title).toBe('Points approvals · 私域 Siyu')
    click(rows()[0]!, 'approve')
    await settle()
    expect(refusal()).toMatch(
      /^Could not approve \| You cannot approve an adjustment you asked for/,
    )
  })
})
