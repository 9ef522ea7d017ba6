import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/test/mount'
import { jsonResponse, stubFetch } from '@/test/http'
import { settle } from '@/test/settle'
import CustomerWeComContacts from './CustomerWeComContacts.vue'

describe('the customer’s 企微好友 card', () => {
  it('lists every staff member the customer is or was a contact of, with the status', async () => {
    stubFetch({
      'GET /api/v1/customers/20001/wecom-contacts': () =>
        jsonResponse([
          {
            userId: 'lina',
            staffName: '李娜',
            externalUserId: 'wm1',
            channelCode: '门店海报码',
            addWay: 1,
            addedAt: '2026-11-01T02:00:00Z',
          },
          {
            userId: 'zhangwei',
            staffName: '张伟',
            externalUserId: 'wm1',
            addWay: 1,
            addedAt: '2026-11-02T02:00:00Z',
          },
          {
            userId: 'wangfang',
            staffName: '王芳',
            externalUserId: 'wm1',
            addWay: 1,
            addedAt: '2026-10-01T02:00:00Z',
            lostAt: '2026-10-20T02:00:00Z',
            lostBy: 'customer',
          },
        ]),
    })
    const wrapper = mountWithApp(CustomerWeComContacts, { props: { customerId: 20001 } })
    await settle()
    expect(wrapper.text()).toContain('企微好友')
    expect(wrapper.text()).toContain('2 位员工共享')
    const rows = wrapper.findAll('.wecom-contacts__item').map((r) => r.text())
    expect(rows[0]).toContain('李娜')
    expect(rows[0]).toContain('门店海报码')
    expect(rows[0]).toContain('好友中')
    expect(rows[1]).toContain('未经活码')
    expect(rows[2]).toContain('已流失：客户删除')
    expect(rows[2]).toContain('2026-10-20 流失')
  })

  it('says so in the card when the relations cannot be read', async () => {
    stubFetch({})
    const wrapper = mountWithApp(CustomerWeComContacts, { props: { customerId: 20001 } })
    await settle()
    expect(wrapper.text()).toContain('没能加载企微好友')
    expect(document.querySelector('.el-message')).toBeNull()
  })
})
