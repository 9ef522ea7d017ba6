import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './SandboxView.vue'
import { mountApp } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { channelCode, stubLiveCodeServer, withTotals } from '@/test/live-codes'
import { me } from '@/test/session'
import { codeView } from '@/test/wecomops'
import { settle } from '@/test/settle'
import type { Chat } from './api'
import { NICKNAMES } from './sandbox'

const WELCOME_LINK = { type: 'link' as const, title: '新人礼', url: 'https://example.com/gift' }

function chat(messages: Chat['messages'], customerId: number | null): Chat {
  return { customerId, customerName: '晴天', staff: { userId: 'zhangsan', name: '张三' }, messages }
}

const CHANNEL_TAG = {
  tagId: 21,
  name: '直播间',
  groupId: 2,
  groupName: '渠道来源',
  kind: 'source',
  personal: false,
  source: 'wecom',
  taggedAt: '2026-11-30T02:00:01Z',
}

/** The simulator answers the chat with nothing at first, then the welcome and the customer. */
function stubSandbox(account = me()) {
  const chats = [
    chat([], null),
    chat(
      [
        {
          at: '2026-11-30T02:00:01Z',
          from: 'staff',
          text: '晴天 你好，我是张三',
          attachments: [WELCOME_LINK],
        },
      ],
      20001,
    ),
  ]
  let reads = 0
  const stub = stubLiveCodeServer(
    [withTotals(channelCode()), withTotals(channelCode({ id: 8, name: '别的应用的码', appId: 2 }))],
    {
      'POST /api/v1/wecom/sandbox/scan': () =>
        jsonResponse({
          externalUserId: 'wmEXT001',
          userId: 'zhangsan',
          staffName: '张三',
          welcomeCode: 'WC1',
        }),
      'GET /api/v1/wecom/sandbox/chats/wmEXT001': () =>
        jsonResponse(chats[Math.min(reads++, chats.length - 1)]),
      'GET /api/v1/customers/20001/tags': () => jsonResponse([CHANNEL_TAG]),
      'POST /api/v1/wecom/sandbox/customers/wmEXT001/delete-staff': () =>
        new Response(null, { status: 204 }),
    },
    account,
  )
  return { ...stub, reads: () => reads }
}

const phone = () => document.querySelector<HTMLElement>('[data-testid="sandbox-chat"]')!
const panel = () => document.querySelector<HTMLElement>('[data-testid="sandbox-panel"]')
async function scanTarget(label: string): Promise<void> {
  const options = document.querySelectorAll<HTMLElement>('[data-testid="scan-target"] label')
  ;[...options].find((option) => option.textContent?.trim() === label)!.click()
  await settle(0)
}
const nickname = () => document.querySelector<HTMLInputElement>('input[name="nickname"]')!

describe('the WeCom sandbox', { timeout: 30_000 }, () => {
  afterEach(() => {
    localStorage.clear()
    sessionStorage.clear()
  })

  it('explains that it needs the WeCom simulator when there is none', async () => {
    stubLiveCodeServer([], {
      'GET /api/v1/wecom/sandbox': () =>
        jsonResponse({ enabled: false, appId: null, corpId: null }),
    })
    const { wrapper } = await mountApp('/acquisition/sandbox')
    expect(document.title).toBe('企微沙箱 · 私域 Siyu')
    const off = wrapper.find('[data-testid="sandbox-off"]')
    expect(off.text()).toContain('沙箱需要企业微信模拟器')
    expect(off.find('code').text()).toBe('./siyu run')
    expect(wrapper.find('[data-testid="sandbox-form"]').exists()).toBe(false)
  })

  it('scans a code as a customer and polls the chat until the welcome message arrives', async () => {
    const { calls, reads } = stubSandbox()
    const { wrapper } = await mountApp('/acquisition/sandbox')
    // the sandbox's app only, the first preselected; a nickname to start with
    expect(wrapper.find('[data-field="codeId"]').text()).toContain('门店海报')
    expect(NICKNAMES).toContain(nickname().value)

    nickname().value = '晴天'
    nickname().dispatchEvent(new Event('input'))
    button('扫码添加').click()
    await settle(0)
    const scan = calls.find((c) => c.method === 'POST')!
    expect(await scan.clone().json()).toEqual({
      codeId: 7,
      customer: { name: '晴天', gender: 'female' },
    })

    // nothing yet: the staff member "types", Siyu has no customer yet
    await vi.waitFor(() => expect(reads()).toBe(1))
    await settle(0)
    expect(phone().querySelector('[data-testid="typing"]')).not.toBeNull()
    expect(phone().textContent).toContain('你已添加了张三，现在可以开始聊天了。')
    expect(panel()?.textContent).toContain('等待 Siyu 建立客户档案')

    // a second later: the welcome, the customer and the channel tag
    await vi.waitFor(() => expect(phone().querySelector('[data-testid="bubble"]')).not.toBeNull(), {
      timeout: 3000,
    })
    await settle(0)
    expect(phone().querySelector('[data-testid="bubble"]')?.textContent?.trim()).toBe(
      '晴天 你好，我是张三',
    )
    expect(phone().querySelector('[data-attachment="link"]')?.textContent).toContain('新人礼')
    expect(phone().querySelector('[data-testid="typing"]')).toBeNull()
    expect(panel()?.textContent).toContain('客户已进入 Siyu')
    expect(panel()?.querySelector('[data-testid="customer-link"]')?.getAttribute('href')).toBe(
      '/customers/20001',
    )
    expect(panel()?.querySelector('[data-testid="sandbox-tags"]')?.textContent).toContain('直播间')

    // complete: no more questions
    const asked = reads()
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect(reads()).toBe(asked)

    // remembered for this session, and another nickname ready for the next customer
    expect(wrapper.find('[data-testid="sandbox-history"]').text()).toContain('晴天')
    expect(wrapper.find('[data-testid="sandbox-history"]').text()).toContain('张三（门店海报）')
    expect(nickname().value).not.toBe('晴天')
  })

  it('has the customer delete the staff member: a loss', async () => {
    const { calls } = stubSandbox()
    await mountApp('/acquisition/sandbox')
    button('扫码添加').click()
    await vi.waitFor(() => expect(panel()?.textContent).toContain('客户已进入 Siyu'), {
      timeout: 3000,
    })
    button('客户删除员工', panel()!).click()
    await settle()
    const deleted = calls.find((c) => new URL(c.url).pathname.endsWith('/delete-staff'))!
    expect(await deleted.clone().json()).toEqual({ userId: 'zhangsan' })
    expect(panel()?.textContent).toContain('已流失')
    expect(phone().textContent).toContain('你已删除张三')
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已记为流失')
  })

  it('scans a group live code: the customer joins the group it points at, confirmed in the panel', async () => {
    const { calls } = stubLiveCodeServer([withTotals(channelCode())], {
      'GET /api/v1/wecom/group-codes': () =>
        jsonResponse([codeView(), codeView({ id: 9, name: '别的应用的群码', appId: 2 })]),
      'POST /api/v1/wecom/sandbox/group-scan': () =>
        jsonResponse({ externalUserId: 'wmEXT009', chatId: 'wrB2', groupName: '线上客服答疑群' }),
    })
    const { wrapper } = await mountApp('/acquisition/sandbox')
    await scanTarget('群活码')
    // the sandbox's app only, the first preselected
    expect(wrapper.find('[data-field="groupCodeId"]').text()).toContain('双十一福利群')
    nickname().value = '七七'
    nickname().dispatchEvent(new Event('input'))
    button('扫码入群').click()
    await settle()

    const scan = calls.find((c) => c.method === 'POST')!
    expect(new URL(scan.url).pathname).toBe('/api/v1/wecom/sandbox/group-scan')
    expect(await scan.clone().json()).toEqual({
      groupCodeId: 7,
      customer: { name: '七七', gender: 'female' },
    })
    const group = document.querySelector<HTMLElement>('[data-testid="sandbox-group"]')!
    expect(group.querySelector('h2')?.textContent?.trim()).toBe('已加入群 线上客服答疑群')
    expect(group.textContent).toContain('七七')
    expect(group.textContent).toContain('双十一福利群')
    expect(group.querySelector('[data-testid="group-code-stats"]')?.getAttribute('href')).toBe(
      '/wecom-ops/group-codes/7',
    )
    expect(phone().textContent).toContain('你通过扫描二维码加入了群聊「线上客服答疑群」')
    // nobody to chat with: no chat is asked for
    expect(calls.some((c) => new URL(c.url).pathname.includes('/sandbox/chats/'))).toBe(false)
  })

  it('shows why a group live code cannot be scanned on its field', async () => {
    stubLiveCodeServer([], {
      'GET /api/v1/wecom/group-codes': () => jsonResponse([codeView()]),
      'POST /api/v1/wecom/sandbox/group-scan': () =>
        problemResponse(400, {
          detail: '请求参数有误',
          errors: [
            { field: 'groupCodeId', code: 'x', message: '群活码 7 还没有企业微信的加入群聊方式' },
          ],
        }),
    })
    await mountApp('/acquisition/sandbox')
    await scanTarget('群活码')
    button('扫码入群').click()
    await settle()
    const field = document.querySelector('[data-field="groupCodeId"]')!.closest('.el-form-item')!
    expect(field.querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
      '群活码 7 还没有企业微信的加入群聊方式',
    )
    expect(document.querySelector('[data-testid="sandbox-group"]')).toBeNull()
  })

  it('lets accounts without live-codes:write look but not play', async () => {
    stubSandbox(me({ role: 'staff', permissions: ['live-codes:read'] }))
    const { wrapper } = await mountApp('/acquisition/sandbox')
    expect(wrapper.text()).toContain('扮演客户需要渠道活码的编辑权限')
    expect(button('扫码添加').disabled).toBe(true)
  })
})
