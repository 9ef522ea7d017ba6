import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './DistributionView.vue'
import { setLocale } from '@/i18n'
import { mountApp, type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import type { Distributor, Summary, Withdrawal } from './api'

const zero = { pending: 0, available: 0, frozen: 0, debt: 0, withdrawn: 0 }

function distributor(overrides: Partial<Distributor> = {}): Distributor {
  return {
    id: 2,
    customerId: 12,
    customerName: '林小满',
    code: 'K7QP2M9X',
    parentId: 1,
    parentCode: 'A3B4C5D6',
    parentName: '陈一鸣',
    status: 'active',
    source: 'appointed',
    appliedAt: '2026-11-20T02:00:00Z',
    customers: 8,
    invited: 1,
    balances: { ...zero, pending: 36.5, available: 120, withdrawn: 80 },
    ...overrides,
  }
}

function withdrawal(overrides: Partial<Withdrawal> = {}): Withdrawal {
  return {
    id: 5,
    distributorId: 2,
    distributorCode: 'K7QP2M9X',
    customerName: '林小满',
    amount: 50,
    requestKey: 'w-1',
    status: 'requested',
    requestedAt: '2026-11-30T02:00:00Z',
    attempts: 0,
    ...overrides,
  }
}

const summary: Summary = {
  distributors: 3,
  active: 2,
  pendingApplications: 1,
  boundCustomers: 14,
  requestedWithdrawals: 1,
  totals: { pending: 36.5, available: 120, frozen: 50, debt: 0, withdrawn: 80 },
  months: [
    { month: '2026-11', earned: 150, released: 100, reversed: 12 },
    { month: '2026-12', earned: 36.5, released: 0, reversed: 0 },
  ],
}

function stubServer(routes: Record<string, Route> = {}) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account: me() }),
    'GET /api/v1/distribution/summary': () => jsonResponse(summary),
    'GET /api/v1/distribution/reconciliation': () =>
      jsonResponse({
        balanced: true,
        distributors: 3,
        entries: 42,
        totals: summary.totals,
        mismatches: [],
      }),
    'GET /api/v1/distribution/distributors': () =>
      jsonResponse({
        items: [
          distributor(),
          distributor({
            id: 3,
            customerName: '周启航',
            code: 'P9Z8Y7X6',
            status: 'pending',
            source: 'applied',
            parentId: 2,
            parentCode: 'K7QP2M9X',
            parentName: '林小满',
            balances: zero,
          }),
          distributor({ id: 1, customerName: '陈一鸣', parentId: null, parentCode: null }),
        ],
      }),
    'GET /api/v1/distribution/withdrawals': () => jsonResponse({ items: [withdrawal()] }),
    'GET /api/v1/distribution/settings': () =>
      jsonResponse({
        refundWindowDays: 7,
        level1Rate: 10,
        level2Rate: 3,
        minWithdrawal: 1,
        attribution: 'binding_first',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
    'GET /api/v1/distribution/rates': () =>
      jsonResponse([{ id: 1, scope: 'category', target: '护肤', level1Rate: 15, level2Rate: 5 }]),
    ...routes,
  })
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim()
const rowsOf = (testId: string) => [
  ...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"] .el-table__body tr`),
]
const inRow = (row: HTMLElement, testId: string) =>
  text(row.querySelector(`[data-testid="${testId}"]`))
const tab = (label: string) =>
  [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((t) =>
    t.textContent?.includes(label),
  )!
const button = (label: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === label,
  )!
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!

describe('the 分销 page', { timeout: 20_000 }, () => {
  const mounted: { unmount: () => void }[] = []
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('shows the figures, that the ledger reconciles, and each distributor with their inviter and balances', async () => {
    stubServer()
    const { wrapper } = await mountApp('/growth/distribution')
    mounted.push(wrapper)
    expect(document.title).toBe('分销 · 私域 Siyu')
    expect(text(document.querySelector('[data-testid="kpi-pending"]'))).toContain('¥36.50')
    expect(text(document.querySelector('[data-testid="kpi-distributors"]'))).toContain(
      '生效 2 人，待审核 1 人；锁定客户 14 人',
    )
    expect(text(document.querySelector('[data-testid="reconciliation"]'))).toContain(
      '账实相符：3 位分销员、42 条流水',
    )
    const [direct, applied, top] = rowsOf('distributors')
    expect(inRow(direct!, 'parent')).toBe('陈一鸣 A3B4C5D6')
    expect(inRow(direct!, 'balance-available')).toBe('¥120.00')
    expect(inRow(direct!, 'counts')).toBe('8 / 1')
    expect(inRow(applied!, 'send-status')).toBe('待审核')
    expect(applied!.querySelector('[data-testid="approve-distributor"]')).not.toBeNull()
    expect(direct!.querySelector('[data-testid="approve-distributor"]')).toBeNull()
    expect(inRow(top!, 'parent')).toBe('—')
  })

  it('approves an application and reads the figures again', async () => {
    const { calls } = stubServer({
      'POST /api/v1/distribution/distributors/3/approve': () =>
        jsonResponse(distributor({ id: 3 })),
    })
    const { wrapper } = await mountApp('/growth/distribution')
    mounted.push(wrapper)
    const summaries = () => calls.filter((c) => c.url.includes('/summary')).length
    const before = summaries()
    rowsOf('distributors')[1]!
      .querySelector<HTMLButtonElement>('[data-testid="approve-distributor"]')!
      .click()
    await settle()
    expect(calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url).pathname)).toEqual([
      '/api/v1/distribution/distributors/3/approve',
    ])
    expect(summaries()).toBeGreaterThan(before)
  })

  it('rejects a withdrawal only with a reason, and shows the server’s refusal of an approval', async () => {
    const { calls } = stubServer({
      'POST /api/v1/distribution/withdrawals/5/approve': () =>
        problemResponse(409, { detail: '不能审核自己提交的提现申请，请由另一位运营审核。' }),
      'POST /api/v1/distribution/withdrawals/5/reject': () =>
        jsonResponse(withdrawal({ status: 'rejected', reason: '账户未实名' })),
    })
    const { wrapper } = await mountApp('/growth/distribution')
    mounted.push(wrapper)
    tab('提现审核').click()
    await settle()
    const [row] = rowsOf('withdrawals')
    expect(inRow(row!, 'withdrawal-amount')).toBe('¥50.00')
    row!.querySelector<HTMLButtonElement>('[data-testid="approve-withdrawal"]')!.click()
    await settle()
    expect(text(document.querySelector('.el-message'))).toContain('不能审核自己提交的提现申请')

    row!.querySelector<HTMLButtonElement>('[data-testid="reject-withdrawal"]')!.click()
    await settle()
    expect(text(messageBox())).toContain('驳回 林小满 的 ¥50.00 提现申请')
    await type(messageBox().querySelector('input'), '账户未实名')
    button('驳回', messageBox()).click()
    await settle()
    const rejects = calls.filter((c) => c.url.endsWith('/5/reject'))
    expect(rejects).toHaveLength(1)
    expect(await rejects[0]!.json()).toEqual({ reason: '账户未实名' })
  })

  it('puts the server’s messages under the settings they are about', async () => {
    stubServer({
      'PUT /api/v1/distribution/settings': () =>
        problemResponse(400, {
          detail: '请求参数有误',
          errors: [
            { field: 'level2Rate', code: 'x', message: '一级与二级佣金比例合计不能超过 50%。' },
          ],
        }),
    })
    const { wrapper } = await mountApp('/growth/distribution')
    mounted.push(wrapper)
    tab('设置与佣金比例').click()
    await settle()
    expect(
      inRow(document.querySelector<HTMLElement>('[data-testid="rates"]')!, 'rate-target'),
    ).toBe('护肤')
    document.querySelector<HTMLButtonElement>('[data-testid="save-settings"]')!.click()
    await settle()
    expect(text(document.querySelector('[data-testid="settings"] .el-form-item__error'))).toBe(
      '一级与二级佣金比例合计不能超过 50%。',
    )
  })

  it('shows the order attribution in force, explains each choice and saves the one chosen', async () => {
    const { calls } = stubServer({
      'PUT /api/v1/distribution/settings': async (request) =>
        jsonResponse({ ...(await request.clone().json()), updatedAt: '2026-12-01T00:00:00Z' }),
    })
    const { wrapper } = await mountApp('/growth/distribution')
    mounted.push(wrapper)
    tab('设置与佣金比例').click()
    await settle()
    const choice = document.querySelector<HTMLElement>('[data-testid="attribution"]')!
    expect(text(choice.querySelector('.el-radio.is-checked'))).toBe('锁客优先')
    expect(text(document.querySelector('[data-testid="attribution-hint"]'))).toContain(
      '未绑定的客户按订单的分销码绑定',
    )
    choice.querySelector<HTMLInputElement>('[data-mode="order_first"] input')!.click()
    await settle()
    expect(text(document.querySelector('[data-testid="attribution-hint"]'))).toContain(
      '这一单的佣金归该分销员（及其邀请人）',
    )
    document.querySelector<HTMLButtonElement>('[data-testid="save-settings"]')!.click()
    await settle()
    const puts = calls.filter((c) => c.method === 'PUT')
    expect(puts).toHaveLength(1)
    expect(await puts[0]!.json()).toEqual({
      refundWindowDays: 7,
      level1Rate: 10,
      level2Rate: 3,
      minWithdrawal: 1,
      shareUrl: null,
      attribution: 'order_first',
    })
  })

  it('speaks English when asked', async () => {
    stubServer()
    setLocale('en')
    const { wrapper } = await mountApp('/growth/distribution')
    mounted.push(wrapper)
    expect(text(document.querySelector('[data-testid="reconciliation"]'))).toContain(
      'Ledger reconciles: 3 distributors, 42 entries',
    )
    expect(inRow(rowsOf('distributors')[1]!, 'send-status')).toBe('To review')
  })
})
