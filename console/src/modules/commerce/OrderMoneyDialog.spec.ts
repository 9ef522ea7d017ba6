import { describe, expect, it } from 'vitest'
import OrderMoneyDialog from './OrderMoneyDialog.vue'
import { button } from '@/test/dom'
import { choose, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import type { OrderSummary } from './api'
import type { MoneyRecordKind } from './commerce'

function order(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 8520,
    orderNo: 'SO-00008520',
    customerId: 19988,
    status: 'pending',
    totalAmount: 318.8,
    paidAmount: 0,
    refundedAmount: 0,
    currency: 'CNY',
    placedAt: '2026-11-20T02:00:00Z',
    lines: [{ sku: 'HERO-01', name: '玻尿酸修护精华 30ml', quantity: 1, unitPrice: 318.8 }],
    payments: [],
    refunds: [],
    ...overrides,
  }
}

function mountDialog(kind: MoneyRecordKind, shown: OrderSummary, routes: Record<string, Route>) {
  const server = stubFetch(routes)
  const wrapper = mountWithApp(OrderMoneyDialog, {
    props: { modelValue: true, kind, order: shown },
  })
  return { wrapper, ...server }
}

const input = (name: string) =>
  openDialog().querySelector<HTMLInputElement>(`input[name="${name}"]`)

function field(label: string): HTMLElement {
  // The amount's label also says how much is left: "金额 最多可退 ¥308.90".
  const item = [...openDialog().querySelectorAll<HTMLElement>('.el-form-item')].find((i) =>
    i.querySelector('.el-form-item__label')?.textContent?.trim().split(/\s/)[0]?.endsWith(label),
  )
  if (!item) throw new Error(`no field ${label}`)
  return item
}

const errorOf = (label: string) =>
  field(label).querySelector('.el-form-item__error')?.textContent?.trim()

const posts = async (calls: Request[]) =>
  Promise.all(calls.filter((c) => c.method === 'POST').map((c) => c.clone().json()))

describe('recording a payment', { timeout: 15_000 }, () => {
  it('offers what is left to pay under a number made from the order number, and sends it', async () => {
    const shown = order()
    let sent = { paymentNo: '', paidAt: '', method: null as string | null }
    const { wrapper, calls } = mountDialog('payment', shown, {
      'POST /api/v1/orders/SO-00008520/payments': async (request) => {
        sent = (await request.clone().json()) as typeof sent
        return jsonResponse(
          order({
            status: 'paid',
            paidAmount: 318.8,
            payments: [{ ...sent, amount: 318.8 }],
          }),
        )
      },
    })
    await settle()
    expect(openDialog().textContent).toContain('记录付款 · SO-00008520')
    expect(input('amount')?.value).toBe('318.80')
    expect(openDialog().textContent).toContain('待付 ¥318.80')
    expect(input('number')?.value).toMatch(/^SO-00008520-PAY-[0-9A-Z]+$/)
    const number = input('number')?.value
    await choose(field('支付方式'), '微信支付')
    button('记录付款', openDialog()).click()
    await settle()

    const before = Date.now()
    expect(await posts(calls)).toEqual([
      { paymentNo: number, amount: '318.80', paidAt: sent.paidAt, method: 'wechat' },
    ])
    expect(before - Date.parse(String(sent.paidAt))).toBeLessThan(60_000)
    expect(document.querySelector('.el-message')?.textContent).toContain('已记录付款 ¥318.80')
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ status: 'paid' })
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })

  it('sends the same number again after a failed attempt, also from a dialog opened again', async () => {
    let attempt = 0
    const shown = order({ orderNo: 'SO-00008521' })
    const { wrapper, calls } = mountDialog('payment', shown, {
      'POST /api/v1/orders/SO-00008521/payments': async (request) => {
        const body = (await request.clone().json()) as { paymentNo: string }
        if (++attempt < 3) throw new TypeError('Failed to fetch')
        return jsonResponse(
          order({ ...shown, payments: [{ ...body, amount: 100, paidAt: '2026-11-20T03:00:00Z' }] }),
        )
      },
    })
    await settle()
    await type(input('amount'), '100')
    button('记录付款', openDialog()).click()
    await settle()
    expect(document.querySelector('.el-message')?.textContent).toContain('无法连接服务器')
    const number = input('number')?.value

    // Closed and opened again, e.g. to check the order first: the same number.
    await wrapper.setProps({ modelValue: false })
    await settle(400)
    await wrapper.setProps({ modelValue: true })
    await settle()
    expect(input('number')?.value).toBe(number)
    await type(input('amount'), '100')
    button('记录付款', openDialog()).click()
    await settle()
    button('记录付款', openDialog()).click()
    await settle()

    const numbers = (await posts(calls)).map((body: { paymentNo: string }) => body.paymentNo)
    expect(numbers).toEqual([number, number, number])
    expect(wrapper.emitted('saved')).toHaveLength(1)

    // Recorded: the next payment of the order gets a number of its own.
    await wrapper.setProps({ modelValue: false })
    await settle(400)
    await wrapper.setProps({ modelValue: true })
    await settle()
    expect(input('number')?.value).toMatch(/^SO-00008521-PAY-/)
    expect(input('number')?.value).not.toBe(number)
  })

  it('says so when the number was recorded before, with another amount', async () => {
    const shown = order({ orderNo: 'SO-00008522' })
    mountDialog('payment', shown, {
      'POST /api/v1/orders/SO-00008522/payments': async (request) => {
        const body = (await request.clone().json()) as { paymentNo: string }
        return jsonResponse(
          order({ ...shown, payments: [{ ...body, amount: 50, paidAt: '2026-11-20T03:00:00Z' }] }),
        )
      },
    })
    await settle()
    await type(input('amount'), '60')
    button('记录付款', openDialog()).click()
    await settle()
    expect(document.querySelector('.el-message--warning')?.textContent).toContain(
      '此前已记录（¥50.00），本次未重复记录',
    )
  })

  it('shows that a typed number belongs to another order’s payment', async () => {
    const shown = order({ orderNo: 'SO-00008523' })
    const { wrapper } = mountDialog('payment', shown, {
      'POST /api/v1/orders/SO-00008523/payments': () => jsonResponse(shown),
    })
    await settle()
    await type(input('number'), 'WX-4200001')
    button('记录付款', openDialog()).click()
    await settle()
    expect(errorOf('付款单号')).toBe(
      '单号 WX-4200001 已用于其他订单的记录，本次未记录；请换一个单号',
    )
    expect(wrapper.emitted('saved')).toBeUndefined()
  })
})

describe('refunding', { timeout: 15_000 }, () => {
  const paid = order({
    orderNo: 'SO-00008530',
    status: 'partially_refunded',
    paidAmount: 318.8,
    refundedAmount: 9.9,
  })

  it('checks the amount, then shows the server’s message about a refund larger than what is left', async () => {
    const { wrapper, calls } = mountDialog('refund', paid, {
      'POST /api/v1/orders/SO-00008530/refunds': () =>
        problemResponse(409, {
          code: 'commerce.refund.too-much',
          detail: '退款金额超过可退金额 308.90。',
          errors: [
            {
              field: 'amount',
              code: 'commerce.refund.too-much',
              message: '退款金额超过可退金额 308.90。',
            },
          ],
        }),
    })
    await settle()
    expect(openDialog().textContent).toContain('退款 · SO-00008530')
    expect(input('amount')?.value).toBe('308.90')
    expect(openDialog().textContent).toContain('最多可退 ¥308.90')
    expect(input('number')?.value).toMatch(/^SO-00008530-RF-/)

    await type(input('amount'), '1.234')
    button('确认退款', openDialog()).click()
    await settle()
    expect(errorOf('金额')).toBe('请输入大于 0、最多两位小数的金额')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await type(input('amount'), '400')
    await type(input('reason'), '尺码不合适')
    // A time as the tenant's clocks show it (Asia/Shanghai), sent as the instant it is.
    const picked = field('退款时间').querySelector<HTMLInputElement>('input')!
    await type(picked, '2026-11-20 10:30:00')
    picked.dispatchEvent(new Event('change'))
    await settle(0)
    button('确认退款', openDialog()).click()
    await settle()
    expect(await posts(calls)).toEqual([
      expect.objectContaining({
        amount: '400.00',
        reason: '尺码不合适',
        refundedAt: '2026-11-20T02:30:00.000Z',
      }),
    ])
    expect(errorOf('金额')).toBe('退款金额超过可退金额 308.90。')
    expect(document.querySelector('.el-message')).toBeNull()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })
})
