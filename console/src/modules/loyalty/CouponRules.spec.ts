import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CouponTemplatesView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import { pickCoupon, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import type { CouponRuleInput } from './api'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const section = () => document.querySelector<HTMLElement>('[data-testid="coupon-rules"]')!
const rows = () => [...section().querySelectorAll<HTMLElement>('.el-table__body tbody tr')]
const cell = (row: number, testId: string) =>
  rows()[row]!.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const sent = (calls: Request[], method: string) =>
  calls.filter((c) => c.method === method && new URL(c.url).pathname.includes('coupon-rules'))
const click = async (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click')
  ;(element as HTMLElement).click()
  await settle()
}
const button = (label: string, scope: ParentNode) =>
  [...scope.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === label)
async function pickType(label: string): Promise<string[]> {
  openDialog().querySelector<HTMLElement>('[data-field="eventType"] .el-select__wrapper')!.click()
  await settle(0)
  const shown = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
    (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )
  const texts = shown.map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '')
  const option = shown.find((item) => item.textContent?.trim().startsWith(label))
  if (!option) throw new Error(`no option ${label} in ${texts.join(', ')}`)
  option.click()
  await settle(0)
  return texts
}

describe('the coupon rules', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists the rules: trigger and filter, coupon, limits and how many were issued', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/coupons')
    expect(section().textContent).toContain('发券规则')
    expect(rows()).toHaveLength(2)
    expect(cell(0, 'coupon-rule-trigger')).toBe('评价 · rating ≥ 5')
    expect(cell(0, 'coupon-rule-limits')).toBe('每人 3 张')
    expect(rows()[0]!.textContent).toContain('总数不限')
    expect(rows()[1]!.textContent).toContain('共 500 张')
    expect(cell(1, 'coupon-rule-issued')).toBe('500')
  })

  it('adds a rule: a coupon picked from the templates, an event from the catalog', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/coupon-rules': async (request) =>
        jsonResponse(
          {
            ...(await request.clone().json()),
            id: 3,
            issued: 0,
            updatedAt: '2026-11-06T02:00:00Z',
          },
          201,
        ),
    })
    await mountApp('/loyalty/coupons')
    await click(section().querySelector('[data-testid="add-coupon-rule"]'))
    await type(openDialog().querySelector<HTMLInputElement>('[name="name"]'), '分享送券')
    await pickCoupon(openDialog().querySelector('[data-testid="coupon-select"]'), 'NEW-20')
    await pickType('分享')
    await click(button('保存', openDialog()))
    const body = (await sent(calls, 'POST')[0]!.json()) as CouponRuleInput
    expect(body).toEqual({
      name: '分享送券',
      templateCode: 'NEW-20',
      eventType: 'share',
      perCustomer: 1,
      totalLimit: null,
      active: true,
      filter: null,
    })
    expect(rows()).toHaveLength(3)
  })

  it('shows the server’s problem on the field it names', async () => {
    stubLoyaltyServer({
      'PUT /api/v1/loyalty/coupon-rules/2': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [{ field: 'totalLimit', code: 'total', message: '总数上限不对' }],
        }),
    })
    await mountApp('/loyalty/coupons')
    await click(rows()[1]!.querySelector('[data-testid="edit-coupon-rule"]'))
    await click(button('保存', openDialog()))
    expect(
      openDialog()
        .querySelector('[name="totalLimit"]')
        ?.closest('.el-form-item')
        ?.querySelector('.el-form-item__error')
        ?.textContent?.trim(),
    ).toBe('总数上限不对')
  })

  it('shows the rules without changing them to those who may not manage loyalty', async () => {
    stubLoyaltyServer(
      {},
      me({ permissions: ALL_PERMISSIONS.filter((p) => p !== 'loyalty:manage') }),
    )
    await mountApp('/loyalty/coupons')
    expect(rows()).toHaveLength(2)
    expect(section().querySelector('[data-testid="add-coupon-rule"]')).toBeNull()
    expect(section().querySelector('[data-testid="edit-coupon-rule"]')).toBeNull()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/coupons')
    expect(section().textContent).toContain('Coupon rules')
    expect(cell(0, 'coupon-rule-limits')).toBe('3 per member')
    expect(rows()[1]!.textContent).toContain('500 in all')
  })
})
