import { describe, expect, it } from 'vitest'
import CustomerOrders from './CustomerOrders.vue'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'

const ORDERS = '/api/v1/customers/19881/orders'

const order = {
  orderNo: 'SO-00008469',
  status: 'partially_refunded',
  totalAmount: 2858.8,
  paidAmount: 2858.8,
  refundedAmount: 199,
  placedAt: '2026-09-19T13:06:00Z',
  paidAt: '2026-09-19T13:16:00Z',
  lines: [
    { sku: 'HERO-03', name: '丝绒哑光口红', quantity: 2, unitPrice: 169 },
    { sku: 'SET-01', name: '护肤礼盒', quantity: 1, unitPrice: 2520.8 },
  ],
  payments: [
    { paymentNo: 'PAY-1', amount: 2858.8, method: 'wechat', paidAt: '2026-09-19T13:16:00Z' },
  ],
  refunds: [
    { refundNo: 'R-1', amount: 199, reason: '尺码不合适', refundedAt: '2026-09-25T02:00:00Z' },
  ],
}

describe('the customer orders', () => {
  it('lists orders with status, amounts and item count, and their lines on expanding', async () => {
    stubFetch({
      [`GET ${ORDERS}`]: () =>
        jsonResponse({
          items: [
            order,
            { ...order, orderNo: 'SO-2', status: 'paid', refundedAmount: 0, currency: 'HKD' },
          ],
        }),
    })
    const wrapper = mountWithApp(CustomerOrders, { props: { customerId: 19881 } })
    await settle()
    const rows = wrapper.findAll(
      '.orders__table > .el-table__inner-wrapper .el-table__body > tbody > tr',
    )
    expect(rows).toHaveLength(2)
    const first = rows[0]!.text()
    expect(first).toContain('SO-00008469')
    expect(first).toContain('部分退款')
    expect(first).toContain('共 3 件')
    expect(first).toContain('¥2,858.80')
    expect(first).toContain('¥199.00')
    expect(first).toContain('2026-09-19 21:06')
    expect(rows[1]!.text()).toContain('已付款')
    expect(rows[1]!.text()).toContain('HK$2,858.80')

    await rows[0]!.find('.el-table__expand-icon').trigger('click')
    await settle()
    const expanded = wrapper.find('.orders__lines').text()
    expect(expanded).toContain('丝绒哑光口红')
    expect(expanded).toContain('HERO-03')
    expect(expanded).toContain('¥338.00')
    expect(wrapper.text()).toContain('付款 ¥2,858.80 · 微信支付 · 2026-09-19 21:16')
    expect(wrapper.text()).toContain('退款 ¥199.00 · 尺码不合适 · 2026-09-25 10:00')
  })

  it('is quietly empty while the server has no orders for customers (404)', async () => {
    stubFetch({ [`GET ${ORDERS}`]: () => problemResponse(404, { detail: '没有这个接口地址。' }) })
    const wrapper = mountWithApp(CustomerOrders, { props: { customerId: 19881 } })
    await settle()
    expect(wrapper.text()).toContain('暂无订单')
    expect(document.querySelector('.el-message')).toBeNull()
  })
})
