import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import '@/modules/live-codes/SandboxView.vue'
import type { Chat } from '@/modules/live-codes/api'
import type { PlayedCustomer } from '@/modules/live-codes/sandbox'
import { choose, mountApp } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse } from '@/test/http'
import { channelCode, stubLiveCodeServer, withTotals } from '@/test/live-codes'
import { PENDING } from '@/test/mass-sends'
import { me } from '@/test/session'
import { settle } from '@/test/settle'

const staffSide = () => document.querySelector<HTMLElement>('[data-testid="sandbox-staff"]')!
const phone = () => document.querySelector<HTMLElement>('[data-testid="sandbox-chat"]')!

const PLAYED: PlayedCustomer = {
  externalUserId: 'wmEXT001',
  name: '晴天',
  gender: 'female',
  codeId: 7,
  codeName: '门店海报',
  userId: 'zhangsan',
  staffName: '张三',
  customerId: 20001,
  lost: false,
  at: '2026-11-30T02:00:00Z',
}

const WELCOME = {
  at: '2026-11-30T02:00:01Z',
  from: 'staff' as const,
  text: '晴天 你好，我是张三',
  attachments: [],
}
const MASS = {
  at: '2026-11-30T03:00:00Z',
  from: 'staff' as const,
  text: PENDING[0]!.text!,
  attachments: [],
}
const chat = (messages: Chat['messages']): Chat => ({
  customerId: 20001,
  customerName: '晴天',
  staff: { userId: 'zhangsan', name: '张三' },
  messages,
})

/** 张三 has one 企业群发 task waiting; once he sends it, 晴天's chat shows it. */
function stubStaffSide(account = me()) {
  let sent = false
  return stubLiveCodeServer(
    [withTotals(channelCode())],
    {
      'GET /api/v1/wecom/sandbox/staff/zhangsan/pending-messages': () =>
        jsonResponse(sent ? [] : PENDING),
      'POST /api/v1/wecom/sandbox/staff/zhangsan/pending-messages/msgA1/send': () => {
        sent = true
        return new Response(null, { status: 204 })
      },
      'GET /api/v1/wecom/sandbox/chats/wmEXT001': () =>
        jsonResponse(chat(sent ? [WELCOME, MASS] : [WELCOME])),
      'GET /api/v1/customers/20001/tags': () => jsonResponse([]),
    },
    account,
  )
}

describe('the sandbox’s 员工端', { timeout: 30_000 }, () => {
  afterEach(() => {
    sessionStorage.clear()
  })

  it('lists the 企业群发 tasks waiting for the chosen staff member', async () => {
    stubStaffSide()
    await mountApp('/acquisition/sandbox')
    expect(staffSide().textContent).toContain('员工端')
    await choose(staffSide().querySelector('[data-testid="sandbox-staff-select"]'), '张三')
    await settle()
    const task = staffSide().querySelector<HTMLElement>('[data-msgid="msgA1"]')!
    expect(task.textContent).toContain('双十一会员专享：全场满 300 减 50')
    expect(task.textContent).toContain('发给 8 位客户')
    expect(task.textContent).toContain('1 个附件')
    expect(task.textContent).toContain('已提醒 1 次')
  })

  it('confirms a task as the staff member, and the played customer’s chat shows the message', async () => {
    sessionStorage.setItem('siyu.sandbox.history', JSON.stringify([PLAYED]))
    const { calls } = stubStaffSide()
    await mountApp('/acquisition/sandbox')
    document.querySelector<HTMLElement>('.sandbox__played-item')!.click()
    // the staff member the customer added is chosen for the 员工端
    await vi.waitFor(() => expect(staffSide().querySelector('[data-msgid="msgA1"]')).not.toBeNull())
    expect(phone().querySelectorAll('[data-testid="bubble"]')).toHaveLength(1)

    button('确认发送', staffSide()).click()
    await settle()
    expect(
      calls.some(
        (c) =>
          c.method === 'POST' &&
          c.url.endsWith('/sandbox/staff/zhangsan/pending-messages/msgA1/send'),
      ),
    ).toBe(true)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('张三 已确认发送')
    expect(staffSide().textContent).toContain('这位员工没有待确认的企业群发')
    await vi.waitFor(() =>
      expect(phone().querySelectorAll('[data-testid="bubble"]')).toHaveLength(2),
    )
    expect(phone().querySelectorAll('[data-testid="bubble"]')[1]!.textContent?.trim()).toBe(
      '双十一会员专享：全场满 300 减 50',
    )
  })

  it('lets accounts without live-codes:write see the tasks but not send them', async () => {
    stubStaffSide(me({ role: 'staff', permissions: ['live-codes:read'] }))
    await mountApp('/acquisition/sandbox')
    await choose(staffSide().querySelector('[data-testid="sandbox-staff-select"]'), '张三')
    await settle()
    expect(staffSide().querySelector('[data-msgid="msgA1"]')).not.toBeNull()
    expect(staffSide().querySelector('[data-testid="confirm-send"]')).toBeNull()
  })
})
