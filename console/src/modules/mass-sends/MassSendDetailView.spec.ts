import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MassSendDetailView.vue'
import '@/modules/customers/CustomerDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp as mountConsole } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { detail, groupDetail, massSend, share, stubMassSendServer } from '@/test/mass-sends'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

// Pages that poll keep doing so until unmounted: none may outlive its test.
const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const text = (selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const staffRows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="staff-shares"] .el-table__body tr'),
]
const recipientRows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="recipients"] .el-table__body tr'),
]
/** The message box on top (one closed before may still be fading out). */
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!

describe('a mass send’s details', { timeout: 30_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('shows what it is: its audience in words, its staff, its time and its text', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/42')
    expect(document.title).toBe('群发详情 · 私域 Siyu')
    expect(text('.page-header__title')).toBe('双十一会员福利')
    expect(text('[data-testid="send-status"]')).toBe('已下发')
    expect(text('[data-testid="audience-summary"]')).toBe('标签（任一）：直播间')
    expect(text('[data-testid="send-facts"] [data-testid="priority"]')).toBe('普通')
    const facts = text('[data-testid="send-facts"]')
    expect(facts).toContain('客户最近添加的员工')
    expect(facts).toContain('2026-11-10 10:00')
    expect(facts).toContain('王经理')
    expect(facts).toContain('私域助手')
    expect(text('[data-testid="send-text"]')).toBe('双十一会员专享：全场满 300 减 50，点击领取 👉')
  })

  it('shows the send’s materials, and the id of one deleted since', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends/42': () => jsonResponse(detail({ materialIds: [1, 99] })),
    })
    await mountApp('/outreach/mass-sends/42')
    const shown = document.querySelector<HTMLElement>('[data-testid="send-materials"]')!
    expect(shown.querySelector('.material-chip')?.textContent).toContain('双11主图')
    expect(shown.textContent).toContain('#99')
    expect(text('[data-testid="send-facts"]')).toContain('2 个素材')
  })

  it('follows the customers from the audience to handed over, sent by staff and delivered', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/42')
    const kpi = (key: string) =>
      [
        `[data-kpi="${key}"] .kpi__label`,
        `[data-kpi="${key}"] .kpi__value`,
        `[data-kpi="${key}"] .kpi__hint`,
      ]
        .map(text)
        .join(' ')
    // 30 delivered, 8 waiting, 2 no longer friends, 3 over the cap, 1 not a contact
    expect(kpi('audience')).toContain('目标客户 44')
    expect(kpi('audience')).toContain('暂不发送 4')
    expect(kpi('handed')).toContain('已交给企业微信 40')
    expect(kpi('staffSent')).toContain('员工已发送 32')
    expect(kpi('delivered')).toContain('已送达 30')
    expect(kpi('delivered')).toContain('占目标客户 68.2%')
    expect(document.querySelector('[data-testid="chart-funnel"]')).not.toBeNull()
    expect(text('[data-testid="chart-held"]')).toContain('暂不发送的原因')
  })

  it('says so when nobody was held back, instead of drawing an empty chart', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends/42': () => jsonResponse(detail({ recipients: { delivered: 3 } })),
    })
    await mountApp('/outreach/mass-sends/42')
    expect(text('[data-testid="chart-held"]')).toContain('没有客户被暂缓')
  })

  it('lists each staff member’s share with its status, progress and reminders', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/42')
    const [zhang, li] = staffRows()
    expect(zhang!.textContent).toContain('张三')
    expect(zhang!.querySelector('[data-testid="share-status"]')?.textContent?.trim()).toBe(
      '员工已发送',
    )
    expect(zhang!.querySelector('[data-testid="share-progress"]')?.textContent?.trim()).toBe(
      '30 / 32 已送达',
    )
    expect(li!.querySelector('[data-testid="share-status"]')?.textContent?.trim()).toBe(
      '等待员工发送',
    )
    expect(li!.textContent).toContain('1 次')
  })

  it('lists the customers, each linking to the profile, filtered by status', async () => {
    const { calls } = stubMassSendServer()
    const { router } = await mountApp('/outreach/mass-sends/42')
    const rows = recipientRows()
    expect(rows).toHaveLength(3)
    expect(rows[0]!.textContent).toContain('张三')
    expect(
      rows[0]!.querySelector('[data-testid="recipient-status-tag"]')?.textContent?.trim(),
    ).toBe('已送达')
    expect(rows[2]!.textContent).toContain('超过频次上限')

    await choose(document.querySelector('[data-testid="recipient-status"]'), '已送达 (30)')
    await settle()
    const asked = calls.filter((c) => c.url.includes('/recipients')).at(-1)!
    expect(new URL(asked.url).searchParams.get('status')).toBe('delivered')

    recipientRows()[0]!.querySelector<HTMLElement>('[data-testid="recipient-customer"]')!.click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/20007'), {
      timeout: 5000,
    })
  })

  it('reminds the staff who have not sent yet, and says who WeCom would not remind', async () => {
    const { calls } = stubMassSendServer({
      'POST /api/v1/mass-sends/42/remind': () => jsonResponse({ reminded: 1, refused: 1 }),
    })
    await mountApp('/outreach/mass-sends/42')
    button('提醒未发送员工').click()
    await settle()
    expect(messageBox().textContent).toContain('企业微信会再次提醒 1 位还没发送的员工')
    button('发送提醒', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/42/remind'))).toBe(true)
    const messages = [...document.querySelectorAll('.el-message')].map((m) => m.textContent)
    expect(messages.join()).toContain('已提醒 1 位员工')
    expect(messages.join()).toContain('1 位员工今天已提醒过 3 次')
  })

  it('cancels a send that has not been handed over, after asking', async () => {
    let cancelled = false
    const { calls } = stubMassSendServer({
      'GET /api/v1/mass-sends/42': () =>
        jsonResponse(
          detail(
            {
              status: cancelled ? 'cancelled' : 'scheduled',
              sendAt: '2099-11-11T01:00:00Z',
              recipients: {},
            },
            [],
          ),
        ),
      'POST /api/v1/mass-sends/42/cancel': () => {
        cancelled = true
        return jsonResponse(massSend({ status: 'cancelled' }))
      },
    })
    await mountApp('/outreach/mass-sends/42')
    expect(text('[data-testid="send-status"]')).toBe('待发送')
    expect(text('.mass-send__pending')).toContain('到发送时间后')
    button('取消群发').click()
    await settle()
    expect(messageBox().textContent).toContain('取消「双十一会员福利」？')
    button('不取消', messageBox()).click()
    await settle(500)
    expect(calls.some((c) => c.url.endsWith('/cancel'))).toBe(false)

    button('取消群发').click()
    await settle()
    button('取消群发', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/42/cancel'))).toBe(true)
    expect(text('.el-message--success')).toContain('已取消群发「双十一会员福利」')
    expect(text('[data-testid="send-status"]')).toBe('已取消')
    expect(document.querySelector('[data-testid="cancel"]')).toBeNull()
  })

  it('shows the server’s reason when the send was done before the cancel arrived', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends/42': () => jsonResponse(detail({ status: 'sending' })),
      'POST /api/v1/mass-sends/42/cancel': () =>
        problemResponse(409, {
          detail: '这条群发已经全部下发，不能再取消',
          code: 'messaging.cancel.done',
        }),
    })
    await mountApp('/outreach/mass-sends/42')
    button('取消群发').click()
    await settle()
    button('取消群发', messageBox()).click()
    await settle()
    expect(text('.el-message--error')).toContain('这条群发已经全部下发，不能再取消')
  })

  it('asks again by itself while the send is under way, and stops when it is done', async () => {
    let reads = 0
    stubMassSendServer({
      'GET /api/v1/mass-sends/42': () =>
        jsonResponse(
          ++reads === 1
            ? detail({ status: 'sending', recipients: { planned: 40 } }, [
                share({ status: 'pending', delivered: 0, failed: 0, staffSentAt: null }),
              ])
            : detail({}, [share()]),
        ),
    })
    await mountApp('/outreach/mass-sends/42')
    expect(text('[data-testid="send-status"]')).toBe('发送中')
    expect(text('[data-testid="auto-refresh"]')).toBe('自动刷新中')
    await vi.waitFor(() => expect(text('[data-testid="send-status"]')).toBe('已下发'), {
      timeout: 5000,
    })
    await settle()
    expect(document.querySelector('[data-testid="auto-refresh"]')).toBeNull()
    await new Promise((r) => setTimeout(r, 3500))
    expect(reads).toBe(2)
  })

  it('offers neither reminding nor cancelling to accounts that may only read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubMassSendServer(
      { 'GET /api/v1/mass-sends/42': () => jsonResponse(detail({ status: 'sending' })) },
      me({ role: 'operator', permissions: readOnly }),
    )
    await mountApp('/outreach/mass-sends/42')
    expect(staffRows()).toHaveLength(2)
    expect(document.querySelector('[data-testid="remind"]')).toBeNull()
    expect(document.querySelector('[data-testid="cancel"]')).toBeNull()
  })

  it('says so when there is no such send', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends/42': () => problemResponse(404, { detail: '群发不存在' }),
    })
    await mountApp('/outreach/mass-sends/42')
    expect(text('.mass-send__missing')).toContain('没能加载这条群发')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/42')
    expect(text('[data-testid="audience-summary"]')).toBe('Tags (any): 直播间')
    expect(text('[data-kpi="handed"] .kpi__label')).toBe('Handed to WeCom')
    expect(text('[data-kpi="handed"] .kpi__hint')).toBe('90.9% of the audience')
    expect(staffRows()[0]!.textContent).toContain('30 of 32 delivered')
    expect(text('[data-testid="send-status"]')).toBe('Handed over')
  })
})

/** What the send's facts say under `label`. */
const fact = (label: string) =>
  [...document.querySelectorAll('[data-testid="send-facts"] dl > div')]
    .find((row) => row.querySelector('dt')?.textContent?.trim() === label)
    ?.querySelector('dd')
    ?.textContent?.trim()

describe('a group send’s details', { timeout: 30_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  const kpi = (key: string) =>
    [
      `[data-kpi="${key}"] .kpi__label`,
      `[data-kpi="${key}"] .kpi__value`,
      `[data-kpi="${key}"] .kpi__hint`,
    ]
      .map(text)
      .join(' ')

  it('tells its audience and its progress in groups, from the groups named to delivered', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/43')
    expect(text('.page-header__title')).toBe('双十一群公告')
    expect(text('[data-testid="audience-summary"]')).toBe('指定的 4 个客户群')
    // caps are per customer: a group send has no priority to show
    expect(document.querySelector('[data-testid="send-facts"] [data-testid="priority"]')).toBeNull()
    expect(fact('群主')).toBe('每个群的群主')
    // 1 delivered, 1 dismissed before its owner sent, 1 waiting for 李四, 1 whose owner left
    expect(kpi('audience')).toBe('目标客户群 4 暂不发送 1')
    expect(kpi('handed')).toBe('已交给企业微信 3 占目标客户群 75%')
    expect(kpi('staffSent')).toBe('群主已发送 2 占目标客户群 50%')
    expect(kpi('delivered')).toBe('已送达 1 占目标客户群 25%')
    expect(text('[data-testid="chart-held"]')).toContain('客户群暂不发送的原因')
  })

  it('says the whole of the app’s groups when it named none', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends/43': () =>
        jsonResponse(groupDetail({ audience: {}, staff: ['lisi'] })),
    })
    await mountApp('/outreach/mass-sends/43')
    expect(text('[data-testid="audience-summary"]')).toBe('全部客户群')
    expect(fact('群主')).toBe('李四')
  })

  it('lists each owner’s share counted in groups', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/43')
    const section = document.querySelector<HTMLElement>('[data-testid="staff-shares"]')!
    expect(text('[data-testid="staff-shares"] .mass-send__title')).toBe('群主发送情况')
    expect(section.querySelector('.el-table__header th')?.textContent?.trim()).toBe('群主')
    const [zhang, li] = staffRows()
    expect(zhang!.querySelector('[data-testid="share-progress"]')?.textContent?.trim()).toBe(
      '1 / 2 个群已送达',
    )
    expect(li!.querySelector('[data-testid="share-status"]')?.textContent?.trim()).toBe(
      '等待员工发送',
    )
  })

  it('lists the groups with their owners and what became of each, filtered by the group statuses', async () => {
    const { calls } = stubMassSendServer()
    await mountApp('/outreach/mass-sends/43')
    expect(text('[data-testid="recipients"] .mass-send__title')).toBe('客户群明细')
    const headers = [
      ...document.querySelectorAll('[data-testid="recipients"] .el-table__header th'),
    ].map((th) => th.textContent?.trim())
    expect(headers).toEqual(['客户群', '群主', '状态', '更新时间'])
    const rows = recipientRows()
    expect(
      rows.map((row) => row.querySelector('[data-testid="recipient-group"]')?.textContent),
    ).toEqual(['会员福利一群', '会员福利二群', '售后答疑群', '—'])
    expect(rows[0]!.textContent).toContain('张三')
    expect(rows[3]!.textContent).toContain('wrGone5')
    expect(rows[3]!.textContent).toContain('wangwu')
    expect(
      rows.map((row) =>
        row.querySelector('[data-testid="recipient-status-tag"]')?.textContent?.trim(),
      ),
    ).toEqual(['已送达', '群已解散', '等待群主发送', '群主不可发送（离职/交接中）'])
    expect(document.querySelector('[data-testid="recipient-customer"]')).toBeNull()

    await choose(document.querySelector('[data-testid="recipient-status"]'), '群已解散 (1)')
    await settle()
    const asked = calls.filter((c) => c.url.includes('/43/recipients')).at(-1)!
    expect(new URL(asked.url).searchParams.get('status')).toBe('dismissed')
    const offered = [...document.querySelectorAll('.el-select-dropdown__item')].map((item) =>
      item.textContent?.trim(),
    )
    expect(offered).toEqual([
      '全部状态',
      '等待群主发送 (1)',
      '已送达 (1)',
      '群已解散 (1)',
      '群主不可发送（离职/交接中） (1)',
    ])
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/43')
    expect(text('[data-testid="audience-summary"]')).toBe('Chosen groups: 4')
    expect(kpi('audience')).toBe('Groups 4 Held back 1')
    expect(kpi('staffSent')).toContain('Sent by owners 2')
    expect(staffRows()[0]!.textContent).toContain('Groups delivered: 1 of 2')
    expect(text('[data-testid="recipients"] .mass-send__title')).toBe('Groups')
    expect(
      recipientRows().map((row) =>
        row.querySelector('[data-testid="recipient-status-tag"]')?.textContent?.trim(),
      ),
    ).toEqual([
      'Delivered',
      'Group dismissed',
      'Waiting for the owner',
      'Owner cannot send (left or being handed over)',
    ])
  })
})
