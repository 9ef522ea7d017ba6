import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ProgramView.vue'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import { cardPlan, stubLoyaltyServer } from '@/test/loyalty'
import { settle } from '@/test/settle'
import type { CardPlanInput } from './api'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="card-plans"] tbody tr'),
]
const cell = (row: number, testId: string) =>
  rows()[row]!.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const sent = (calls: Request[], method: string) => calls.filter((c) => c.method === method)
const click = async (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click')
  ;(element as HTMLElement).click()
  await settle()
}
const button = (label: string, scope: ParentNode) =>
  [...scope.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === label)
async function typeNumber(name: string, value: string): Promise<void> {
  const input = openDialog().querySelector<HTMLInputElement>(`[name="${name}"]`)!
  await type(input, value)
  input.dispatchEvent(new Event('change'))
  await settle(0)
}
async function pick(field: string, label: string): Promise<void> {
  openDialog().querySelector<HTMLElement>(`[data-field="${field}"] .el-select__wrapper`)!.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .find((item) => item.textContent?.trim() === label)
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(0)
}

describe('the paid membership cards of the program', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists the plans: price, validity, the floor tier by name, cards sold', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/cards/plans': () =>
        jsonResponse([
          cardPlan(),
          cardPlan({ id: 8, name: '体验月卡', price: 19.9, validity: 30, validityUnit: 'days' }),
        ]),
    })
    await mountApp('/loyalty/program')
    expect(document.querySelector('[data-testid="card-plans-section"]')?.textContent).toContain(
      '只有持卡会员能入会',
    )
    expect(rows()).toHaveLength(2)
    expect(cell(0, 'card-plan-name')).toBe('黑金年卡')
    expect(cell(0, 'card-plan-price')).toBe('¥199.00')
    expect(cell(0, 'card-plan-validity')).toBe('12 个月')
    expect(cell(0, 'card-plan-tier')).toBe('金卡')
    expect(cell(1, 'card-plan-validity')).toBe('30 天')
    expect(rows()[0]!.querySelector('[data-testid="delete-card-plan"]')).toBeNull()
  })

  it('adds a plan with a floor tier and benefits', async () => {
    const { calls } = stubLoyaltyServer({
      'GET /api/v1/loyalty/cards/plans': () => jsonResponse([]),
      'POST /api/v1/loyalty/cards/plans': async (request) =>
        jsonResponse(
          { ...(await request.clone().json()), id: 9, sold: 0, updatedAt: '2026-12-01T02:00:00Z' },
          201,
        ),
    })
    await mountApp('/loyalty/program')
    await click(document.querySelector('[data-testid="add-card-plan"]'))
    await type(openDialog().querySelector<HTMLInputElement>('[name="name"]'), ' 黑金年卡 ')
    await typeNumber('price', '199')
    await pick('floorTier', '3 级 · 黑金')
    await type(
      openDialog().querySelector<HTMLInputElement>('[name="benefits"]'),
      '全场 9 折，新品优先购',
    )
    await click(button('保存', openDialog()))
    const body = (await sent(calls, 'POST')[0]!.json()) as CardPlanInput
    expect(body).toEqual({
      name: '黑金年卡',
      price: 199,
      validity: 12,
      validityUnit: 'months',
      floorTier: 3,
      benefits: '全场 9 折，新品优先购',
      active: true,
    })
    expect(rows()).toHaveLength(1)
    expect(cell(0, 'card-plan-tier')).toBe('黑金')
  })

  it('shows the server’s problems on the fields they name', async () => {
    stubLoyaltyServer({
      'POST /api/v1/loyalty/cards/plans': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [
            { field: 'price', code: 'loyalty.card.price', message: '售价须在 0 到 100000 元之间' },
            {
              field: 'validity',
              code: 'loyalty.card.validity-days',
              message: '有效期须为 1 到 3650 天',
            },
          ],
        }),
    })
    await mountApp('/loyalty/program')
    await click(document.querySelector('[data-testid="add-card-plan"]'))
    await type(openDialog().querySelector<HTMLInputElement>('[name="name"]'), '月卡')
    await click(button('保存', openDialog()))
    const errors = [...openDialog().querySelectorAll('.el-form-item__error')].map((e) =>
      e.textContent?.trim(),
    )
    expect(errors).toEqual(['售价须在 0 到 100000 元之间', '有效期须为 1 到 3650 天'])
  })

  it('takes a plan off sale, sending it back as it was', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/cards/plans/7': async (request) =>
        jsonResponse({ ...cardPlan(), ...(await request.clone().json()) }),
    })
    await mountApp('/loyalty/program')
    await click(rows()[0]!.querySelector('[data-testid="card-plan-active"]'))
    const body = (await sent(calls, 'PUT')[0]!.json()) as CardPlanInput
    expect(body).toEqual({
      name: '黑金年卡',
      price: 199,
      validity: 12,
      validityUnit: 'months',
      floorTier: 2,
      benefits: '全场 95 折，每月一张免邮券',
      active: false,
    })
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/program')
    expect(cell(0, 'card-plan-validity')).toBe('12 months')
    expect(document.body.textContent).toContain('Paid membership cards')
    await click(document.querySelector('[data-testid="add-card-plan"]'))
    expect(openDialog().textContent).toContain('Floor tier')
  })
})
