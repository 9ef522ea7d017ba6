import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import VChart from 'vue-echarts'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CampaignDetailView.vue'
import { setLocale } from '@/i18n'
import type { ChartOption } from '@/modules/home/echarts'
import { mountApp as mountConsole, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import {
  campaign,
  draftCampaign,
  participant,
  PARTICIPANTS,
  REVIEW,
  stats,
  stubGrowthServer,
} from '@/test/growth'
import { jsonResponse, problemResponse } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

// A running campaign's page polls until unmounted: none may outlive its test.
const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const text = (selector: string, scope: ParentNode = document) =>
  scope.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const kpi = (key: string) =>
  ['.kpi__label', '.kpi__value', '.kpi__hint']
    .map((part) => text(`[data-kpi="${key}"] ${part}`))
    .join(' ')
const fact = (key: string) => text(`[data-fact="${key}"] dd`)
const rowsOf = (testId: string) => [
  ...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"] .el-table__body tr`),
]
const drawer = () => document.querySelector<HTMLElement>('.invites-drawer')!
/** The message box on top (one closed before may still be fading out). */
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!
const posts = (calls: Request[], path: string) =>
  calls.filter((c) => c.method === 'POST' && new URL(c.url).pathname === path)

/** The option of the chart in the card `testId`. */
function chart(wrapper: VueWrapper, testId: string): ChartOption {
  const card = wrapper
    .findAll(`[data-testid="${testId}"]`)
    .map((found) => found.findComponent(VChart))
    .find((found) => found.exists())
  if (!card) throw new Error(`no chart in ${testId}`)
  return card.props('option') as ChartOption
}
type Bars = { data: { value: number }[]; label: { formatter: (p: unknown) => string } }
const bars = (option: ChartOption) => (option.series as Bars[])[0]!
const categories = (option: ChartOption) => (option.yAxis as { data: string[] }).data

describe('a 任务宝 campaign’s live dashboard', { timeout: 30_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    vi.useRealTimers()
    setLocale('zh-CN')
  })

  it('says what it is: its status, period, live code, anti-fraud rules and who made it', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    expect(document.title).toBe('任务宝详情 · 私域 Siyu')
    expect(text('.page-header__title')).toBe('老带新 · 邀请好友领好礼')
    expect(text('[data-testid="send-status"]')).toBe('进行中')
    expect(fact('period')).toBe('2026-11-01 10:00 – 2026-11-30 23:59')
    expect(fact('code')).toBe('门店海报 · #7')
    expect(fact('rules')).toBe('保持 24 小时算有效 · 只算新客户 · 每分钟超过 10 个转人工审核')
    expect(fact('createdBy')).toBe('王经理 · 2026-10-28 16:00')
    expect(fact('description')).toBe('双十一期间拉新')
  })

  it('counts participants, invites, counted invites, new customers, rewards and the K factor', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    expect(kpi('participants')).toBe('参与人数 128 人均邀请 2.6 位')
    expect(kpi('invites')).toBe('邀请好友 329 观察中 30 · 待审核 2')
    expect(kpi('counted')).toBe('有效邀请 256 有效率 77.8%')
    expect(kpi('newCustomers')).toBe('新客户 240 此前不是客户的好友')
    expect(kpi('rewarded')).toBe('已发奖励 72 库存不足 5 次')
    expect(kpi('kFactor')).toBe('K 因子 2.00 大于 1 可自行扩散')
  })

  it('charts the funnel from joining to rewarded, each day of the last 30, and why invites did not count', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-10T02:00:00Z') })
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/9')
    // charts, not tables
    expect(document.querySelector('[data-testid="chart-funnel"] table')).toBeNull()

    const funnel = chart(wrapper, 'chart-funnel')
    expect(categories(funnel)).toEqual(['参与', '邀请', '有效', '获奖'])
    expect(bars(funnel).data.map((d) => d.value)).toEqual([128, 329, 256, 72])
    expect(bars(funnel).label.formatter({ value: 256, dataIndex: 2 })).toBe('256 · 77.8%')
    expect(bars(funnel).label.formatter({ value: 128, dataIndex: 0 })).toBe('128')

    const trend = chart(wrapper, 'chart-trend')
    const lines = trend.series as { type: string; name: string; data: number[] }[]
    expect(lines.map((line) => `${line.type}:${line.name}`)).toEqual([
      'line:参与',
      'line:邀请',
      'line:有效',
    ])
    const days = (trend.xAxis as { data: string[] }).data
    expect(days).toHaveLength(30)
    expect(days.at(-1)).toBe('2026-11-10')
    expect(lines[1]!.data[days.indexOf('2026-11-02')]).toBe(90)
    expect(lines[1]!.data[days.indexOf('2026-11-03')]).toBe(0)

    const rejected = chart(wrapper, 'chart-rejected')
    expect(categories(rejected)).toEqual([
      '自己邀请自己',
      '循环邀请',
      '老客户',
      '加后删除',
      '活动未进行',
      '审核拒绝',
    ])
    expect(bars(rejected).data.map((d) => d.value)).toEqual([3, 2, 25, 8, 1, 2])
  })

  it('ranks the participants whose invites counted most, a nameless one by customer id', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    const rows = [...document.querySelectorAll('[data-testid="top-inviter"]')].map((row) =>
      [...row.children]
        .map((cell) => cell.textContent?.trim())
        .filter(Boolean)
        .join(' | '),
    )
    expect(rows).toEqual(['1 | 郑超宇 | 24 位有效', '2 | #20002 | 12 位有效'])
    const bars = [...document.querySelectorAll<HTMLElement>('.top-inviters__fill')].map(
      (bar) => bar.style.width,
    )
    expect(bars).toEqual(['100%', '50%'])
  })

  it('says so when nobody’s invites have counted yet', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/9/stats': () => jsonResponse(stats({ topInviters: [] })),
    })
    await mountApp('/growth/campaigns/9')
    expect(document.querySelectorAll('[data-testid="top-inviter"]')).toHaveLength(0)
    expect(text('[data-testid="top-inviters"]')).toContain('还没有人的邀请生效')
  })

  it('leaves out reasons nobody was rejected for, and says so when none was', async () => {
    const rejected = {
      self: 0,
      loop: 0,
      existing: 4,
      deleted: 0,
      left: 0,
      inactive: 0,
      reviewed: 0,
    }
    stubGrowthServer({
      'GET /api/v1/campaigns/9/stats': () => jsonResponse(stats({ rejected })),
    })
    const { wrapper } = await mountApp('/growth/campaigns/9')
    expect(categories(chart(wrapper, 'chart-rejected'))).toEqual(['老客户'])
    mounted.splice(0).forEach((mountedApp) => mountedApp.unmount())
    document.body.innerHTML = ''

    stubGrowthServer({
      'GET /api/v1/campaigns/9/stats': () =>
        jsonResponse(stats({ rejected: { ...rejected, existing: 0 } })),
    })
    await mountApp('/growth/campaigns/9')
    expect(text('[data-testid="chart-rejected"] .el-empty__description')).toBe('还没有无效邀请')
  })

  it('shows each stage with its reward and how much of its stock is granted, 已发完 when it is gone', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    const cards = [...document.querySelectorAll<HTMLElement>('.stage-card')]
    expect(cards.map((card) => text('[data-testid="stage-ladder"]', card))).toEqual([
      '邀请 3 位好友得 100 积分',
      '邀请 6 位好友得优惠券 CPN-NEW-50',
      '邀请 10 位好友得品牌保温杯',
    ])
    expect(cards.map((card) => text('[data-testid="stage-granted"]', card))).toEqual([
      '已发 40 · 不限量',
      '已发 12 / 100',
      '已发 20 / 20',
    ])
    expect(cards.map((card) => text('[data-testid="sold-out"]', card))).toEqual(['', '', '已发完'])
    // an unlimited stage has nothing to fill up
    expect(cards[0]!.querySelector('.el-progress')).toBeNull()
    expect(cards[1]!.querySelector<HTMLElement>('.el-progress-bar__inner')?.style.width).toBe('12%')
  })

  it('lists the participants with who brought them, their counted invites, rewards and poster', async () => {
    const { calls } = stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    const participants = calls.find(
      (c) => new URL(c.url).pathname === '/api/v1/campaigns/9/participants',
    )!
    expect(new URL(participants.url).searchParams.get('limit')).toBe('20')
    const [first, second] = rowsOf('participants')
    expect(rowsOf('participants')).toHaveLength(2)
    const link = first!.querySelector<HTMLAnchorElement>('[data-testid="customer-link"]')!
    expect(link.textContent?.trim()).toBe('#20001')
    expect(link.getAttribute('href')).toBe('/customers/20001')
    expect(text('[data-testid="participant-source"]', first!)).toBe('直接参加')
    expect(text('[data-testid="participant-source"]', second!)).toBe('由 #20001 邀请')
    expect(text('[data-testid="participant-counted"]', first!)).toBe('12')
    const rewards = [...first!.querySelectorAll<HTMLElement>('[data-status]')].map((tag) => [
      tag.textContent?.trim(),
      tag.dataset.status,
    ])
    expect(rewards).toEqual([
      ['第 1 阶 · 已发放', 'granted'],
      ['第 2 阶 · 已发放', 'granted'],
      ['第 3 阶 · 库存不足', 'out_of_stock'],
    ])
    expect(text('[data-testid="participant-rewards"]', second!)).toBe('还未达标')
    const poster = first!.querySelector<HTMLAnchorElement>('[data-testid="poster-link"]')!
    expect(poster.getAttribute('href')).toBe('/api/v1/campaigns/9/participants/501/poster')
    expect(poster.getAttribute('target')).toBe('_blank')
  })

  it('names a participant as their profile does, and by id when it is gone', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/9/participants': () =>
        jsonResponse({
          items: [
            participant({ id: 510, customerId: 20010, customerName: '林小满' }),
            participant({ id: 511, customerId: 20011, customerName: null }),
          ],
          nextCursor: null,
        }),
    })
    await mountApp('/growth/campaigns/9')
    expect(rowsOf('participants').map((row) => text('[data-testid="customer-link"]', row))).toEqual(
      ['林小满', '#20011'],
    )
  })

  it('pages the participants on with the server’s cursor', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/9/participants': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('cursor') === 'p2'
            ? { items: [participant({ id: 503, customerId: 20003 })], nextCursor: null }
            : { items: PARTICIPANTS, nextCursor: 'p2' },
        ),
    })
    await mountApp('/growth/campaigns/9')
    document.querySelector<HTMLElement>('[data-testid="participants"] .load-more button')!.click()
    await settle()
    expect(rowsOf('participants').map((row) => text('[data-testid="customer-link"]', row))).toEqual(
      ['#20001', '#20002', '#20003'],
    )
  })

  it('shows a participant’s invites in a drawer: each friend, what became of it, why and when', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    rowsOf('participants')[0]!.querySelector<HTMLElement>('[data-testid="show-invites"]')!.click()
    await settle()
    expect(text('.el-drawer__title', drawer())).toBe('客户 #20001 的邀请记录')
    const rows = [...drawer().querySelectorAll<HTMLElement>('.el-table__body tr')]
    const cell = (row: HTMLElement, testId: string) => text(`[data-testid="${testId}"]`, row)
    expect(rows.map((row) => cell(row, 'customer-link'))).toEqual([
      '#30001',
      '#30002',
      '#30003',
      '#30004',
    ])
    expect(rows.map((row) => cell(row, 'invite-status'))).toEqual([
      '有效',
      '观察中',
      '无效',
      '待审核',
    ])
    expect(rows.map((row) => cell(row, 'invite-reason'))).toEqual([
      '—',
      '—',
      '老客户',
      '短时间内邀请过多',
    ])
    expect(cell(rows[0]!, 'invite-at')).toBe('2026-11-01 12:00')
    expect(cell(rows[0]!, 'invite-settled')).toBe('2026-11-02 12:05 结算')
    expect(cell(rows[1]!, 'invite-settled')).toBe('预计 2026-11-11 10:00 结算')
  })

  it('lists the progress messages sent, to whom, what kind and what became of them in WeCom', async () => {
    const messages = {
      enabled: true,
      onHeld: false,
      progress: '已有 {invited} 位好友助力',
      stage: '恭喜达成第 {stage} 阶梯',
      language: 'zh-CN',
      announce: true,
      announcement: '邀请好友进群领好礼',
      link: null,
      digest: true,
      digestHour: 20,
    }
    const sent = [
      {
        id: 3,
        participantId: null,
        chatId: 'wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA',
        chatName: '福利 1 群',
        kind: 'digest',
        stage: null,
        status: 'sent',
        delivery: 'delivered',
        text: '今日邀请榜\n1. 安* 邀请 3 人',
        at: '2026-11-02T12:00:00Z',
        sentAt: '2026-11-02T12:00:05Z',
      },
      {
        id: 2,
        participantId: 501,
        participantName: '安娜',
        chatId: null,
        chatName: null,
        kind: 'progress',
        stage: null,
        status: 'sent',
        delivery: 'submitted',
        text: '已有 2 位好友助力',
        at: '2026-11-02T11:00:00Z',
        sentAt: '2026-11-02T11:01:00Z',
      },
      {
        id: 1,
        participantId: 502,
        participantName: null,
        chatId: null,
        chatName: null,
        kind: 'stage',
        stage: 1,
        status: 'pending',
        delivery: null,
        text: null,
        at: '2026-11-02T10:00:00Z',
        sentAt: null,
      },
    ]
    stubGrowthServer({
      'GET /api/v1/campaigns/9': () => jsonResponse({ ...campaign(), messages }),
      'GET /api/v1/campaigns/9/messages/sent': () => jsonResponse(sent),
    })
    await mountApp('/growth/campaigns/9')
    const rows = rowsOf('message-log')
    const cells = (selector: string) => rows.map((row) => text(selector, row))
    expect(cells('.message-log__to')).toEqual(['群 福利 1 群', '安娜', '参与者 #502'])
    expect(cells('[data-testid="message-kind"]')).toEqual(['每日邀请榜', '助力进度', '达成阶梯'])
    expect(cells('[data-testid="message-status"]')).toEqual(['已送达', '待员工确认', '合并中'])
    expect(cells('[data-testid="message-text"]')).toEqual([
      '今日邀请榜 1. 安* 邀请 3 人',
      '已有 2 位好友助力',
      '—',
    ])
  })

  it('lists invites in review, approves one and rejects another', async () => {
    let queue = REVIEW
    const { calls } = stubGrowthServer({
      'GET /api/v1/campaigns/9/review': () => jsonResponse(queue),
      'POST /api/v1/campaigns/9/invites/30004/approve': () => {
        queue = queue.filter((item) => item.inviteeId !== 30004)
        return new Response(null, { status: 204 })
      },
      'POST /api/v1/campaigns/9/invites/30005/reject': () => {
        queue = queue.filter((item) => item.inviteeId !== 30005)
        return new Response(null, { status: 204 })
      },
    })
    await mountApp('/growth/campaigns/9')
    const rows = rowsOf('review')
    expect(rows.map((row) => text('.el-table__cell:nth-child(1)', row))).toEqual([
      '#30004',
      '#30005',
    ])
    // the inviter as a customer where the participant is loaded
    expect(text('.el-table__cell:nth-child(2)', rows[0]!)).toBe('#20001')
    expect(text('.el-table__cell:nth-child(2)', rows[1]!)).toBe('参与者 #999')
    expect(text('[data-testid="review-reason"]', rows[0]!)).toBe('短时间内邀请过多')

    button('通过', rows[0]!).click()
    await settle()
    expect(posts(calls, '/api/v1/campaigns/9/invites/30004/approve')).toHaveLength(1)
    expect(text('.el-message--success')).toContain('已通过，计为有效邀请')
    expect(rowsOf('review').map((row) => text('.el-table__cell:nth-child(1)', row))).toEqual([
      '#30005',
    ])

    button('拒绝', rowsOf('review')[0]!).click()
    await settle()
    expect(posts(calls, '/api/v1/campaigns/9/invites/30005/reject')).toHaveLength(1)
    expect(text('[data-testid="review"] .el-table__empty-text')).toBe('没有待审核的邀请')
  })

  it('says why an invite waits for review when participants share a device or an IP address', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/9/review': () =>
        jsonResponse([
          { ...REVIEW[0]!, reason: 'device' },
          { ...REVIEW[1]!, reason: 'ip' },
        ]),
    })
    await mountApp('/growth/campaigns/9')
    expect(rowsOf('review').map((row) => text('[data-testid="review-reason"]', row))).toEqual([
      '设备重复',
      'IP 重复',
    ])
  })

  it('saves the device and IP limits and hands out a participant’s progress page link', async () => {
    const sent: unknown[] = []
    const { calls } = stubGrowthServer({
      'PUT /api/v1/campaigns/9/repeats': async (request) => {
        const body = await request.json()
        sent.push(body)
        return jsonResponse(body)
      },
      'POST /api/v1/campaigns/9/participants/501/page-link': () =>
        jsonResponse({
          url: 'http://localhost:8080/h5/campaign?c=9#abc.def',
          expiresAt: '2026-12-31T00:00:00Z',
          qr: 'data:image/png;base64,iVBORw0KGgo=',
        }),
    })
    await mountApp('/growth/campaigns/9')
    const repeats = document.querySelector<HTMLElement>('[data-testid="repeats"]')!
    expect(text('.repeats__title', repeats)).toBe('设备 / IP 防刷')
    const device = repeats.querySelector<HTMLInputElement>('[data-testid="repeats-device"] input')!
    await type(device, '2')
    device.dispatchEvent(new Event('change'))
    await settle()
    button('保存', repeats).click()
    await settle()
    expect(sent).toEqual([{ maxParticipantsPerDevice: 2, maxParticipantsPerIp: 0 }])
    expect(text('.el-message--success')).toContain('防刷设置已保存')

    const row = rowsOf('participants').find((r) =>
      r.querySelector('[data-testid="progress-link"]'),
    )!
    button('进度页链接', row).click()
    await settle()
    const dialog = openDialog()
    expect(text('.el-dialog__title', dialog)).toBe('进度页链接')
    expect(
      dialog.querySelector<HTMLInputElement>('input[data-testid="page-link-url"]')!.value,
    ).toBe('http://localhost:8080/h5/campaign?c=9#abc.def')
    expect(posts(calls, '/api/v1/campaigns/9/participants/501/page-link')).toHaveLength(1)
  })

  it('offers no review verdicts, start, end or new participants to accounts that may only read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'growth:write')
    stubGrowthServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/growth/campaigns/9')
    expect(rowsOf('review')).toHaveLength(2)
    expect(document.querySelector('[data-testid="approve"]')).toBeNull()
    expect(document.querySelector('[data-testid="reject"]')).toBeNull()
    expect(document.querySelector('[data-testid="end"]')).toBeNull()
    expect(document.querySelector('[data-testid="join"]')).toBeNull()
  })

  it('starts a draft, which shows no figures before', async () => {
    let started = false
    const { calls } = stubGrowthServer({
      'GET /api/v1/campaigns/10': () =>
        jsonResponse(draftCampaign(started ? { status: 'active' } : {})),
      'POST /api/v1/campaigns/10/start': () => {
        started = true
        return jsonResponse(draftCampaign({ status: 'active' }))
      },
      'GET /api/v1/campaigns/10/stats': () => jsonResponse(stats({ participants: 0 })),
      'GET /api/v1/campaigns/10/review': () => jsonResponse([]),
      'GET /api/v1/campaigns/10/participants': () => jsonResponse({ items: [], nextCursor: null }),
    })
    await mountApp('/growth/campaigns/10')
    expect(text('[data-testid="send-status"]')).toBe('草稿')
    expect(document.querySelector('[data-kpi]')).toBeNull()
    expect(text('.campaign__pending')).toContain('活动开始后，这里实时显示')
    expect(document.querySelector('[data-testid="participants"]')).toBeNull()
    expect(document.querySelector('[data-testid="auto-refresh"]')).toBeNull()
    expect(document.querySelector('[data-testid="end"]')).toBeNull()

    button('开始活动').click()
    await settle()
    expect(posts(calls, '/api/v1/campaigns/10/start')).toHaveLength(1)
    expect(text('.el-message--success')).toContain('活动「春节裂变预热」已开始')
    expect(text('[data-testid="send-status"]')).toBe('进行中')
    expect(kpi('participants')).toContain('参与人数 0')
    expect(text('[data-testid="participants"] .el-table__empty-text')).toBe('还没有参与者')
    expect(document.querySelector('[data-testid="start"]')).toBeNull()
  })

  it('ends a running campaign after asking, and stops refreshing', async () => {
    let ended = false
    const { calls } = stubGrowthServer({
      'GET /api/v1/campaigns/9': () => jsonResponse(campaign(ended ? { status: 'ended' } : {})),
      'POST /api/v1/campaigns/9/end': () => {
        ended = true
        return jsonResponse(campaign({ status: 'ended' }))
      },
    })
    await mountApp('/growth/campaigns/9')
    expect(text('[data-testid="auto-refresh"]')).toBe('每 10 秒自动刷新')
    button('结束活动').click()
    await settle()
    expect(messageBox().textContent).toContain(
      '结束「老带新 · 邀请好友领好礼」后不再接受新的参与者',
    )
    button('暂不结束', messageBox()).click()
    await settle(500)
    expect(posts(calls, '/api/v1/campaigns/9/end')).toEqual([])

    button('结束活动').click()
    await settle()
    button('结束活动', messageBox()).click()
    await settle()
    expect(posts(calls, '/api/v1/campaigns/9/end')).toHaveLength(1)
    expect(text('.el-message--success')).toContain('活动「老带新 · 邀请好友领好礼」已结束')
    expect(text('[data-testid="send-status"]')).toBe('已结束')
    expect(document.querySelector('[data-testid="auto-refresh"]')).toBeNull()
    expect(document.querySelector('[data-testid="end"]')).toBeNull()
    expect(document.querySelector('[data-testid="join"]')).toBeNull()
    // what it achieved stays on the page
    expect(kpi('counted')).toContain('有效邀请 256')
  })

  it('shows the server’s reason when the campaign’s status no longer allows it', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/10': () => jsonResponse(draftCampaign()),
      'POST /api/v1/campaigns/10/start': () =>
        problemResponse(409, {
          detail: '活动当前为「进行中」，不能这样操作',
          code: 'growth.status',
        }),
    })
    await mountApp('/growth/campaigns/10')
    button('开始活动').click()
    await settle()
    expect(text('.el-message--error')).toContain('活动当前为「进行中」，不能这样操作')
  })

  it('reads its figures again every 10 seconds while it runs', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let reads = 0
    stubGrowthServer({
      'GET /api/v1/campaigns/9/stats': () => {
        reads++
        return jsonResponse(stats({ participants: 128 + reads }))
      },
    })
    await mountApp('/growth/campaigns/9')
    expect(reads).toBe(1)
    expect(kpi('participants')).toContain('参与人数 129')
    await vi.advanceTimersByTimeAsync(10_000)
    await settle()
    expect(reads).toBe(2)
    expect(kpi('participants')).toContain('参与人数 130')
  })

  it('asks nothing again once it has ended', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let reads = 0
    stubGrowthServer({
      'GET /api/v1/campaigns/9': () => {
        reads++
        return jsonResponse(campaign({ status: 'ended' }))
      },
    })
    await mountApp('/growth/campaigns/9')
    await vi.advanceTimersByTimeAsync(25_000)
    await settle()
    expect(reads).toBe(1)
  })

  it('adds a participant by customer id and shows their own code and poster', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns/9/participants': () =>
        jsonResponse(
          participant({
            id: 503,
            customerId: 20003,
            codeId: 603,
            configId: 'cfg-p503',
            qrUrl: 'https://wework.qpic.cn/qr-p503',
            rewards: [],
          }),
        ),
    })
    await mountApp('/growth/campaigns/9')
    button('添加参与者').click()
    await settle()
    button('生成专属活码', openDialog()).click()
    await settle()
    expect(text('.el-form-item__error', openDialog())).toBe('请填写客户 ID')
    await type(openDialog().querySelector<HTMLInputElement>('[name="customerId"]'), ' 20003 ')
    button('生成专属活码', openDialog()).click()
    await settle()

    const joins = posts(calls, '/api/v1/campaigns/9/participants')
    expect(joins).toHaveLength(1)
    expect(await joins[0]!.clone().json()).toEqual({ customerId: 20003 })
    const result = openDialog()
    expect(text('.join__done', result)).toBe('客户 #20003 已参加活动')
    // drawn by Siyu from the code (the page may show no picture from WeCom's servers)
    expect(result.querySelector('[data-testid="joined-qr"]')?.getAttribute('src')).toBe(
      '/api/v1/wecom/channel-codes/603/qr.png?size=256',
    )
    expect(text('[data-testid="joined-config"]', result)).toBe('cfg-p503')
    expect(result.querySelector('[data-testid="joined-poster"]')?.getAttribute('href')).toBe(
      '/api/v1/campaigns/9/participants/503/poster',
    )
  })

  it('shows a 社群裂变 participant the QR of their own group live code', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/9': () =>
        jsonResponse(campaign({ kind: 'group', channelCodeId: null, groupCodeId: 7 })),
      'POST /api/v1/campaigns/9/participants': () =>
        jsonResponse(participant({ id: 504, customerId: 20004, codeId: 604, qrUrl: 'x' })),
    })
    await mountApp('/growth/campaigns/9')
    button('添加参与者').click()
    await settle()
    await type(openDialog().querySelector<HTMLInputElement>('[name="customerId"]'), '20004')
    button('生成专属活码', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('[data-testid="joined-qr"]')?.getAttribute('src')).toBe(
      '/api/v1/wecom/group-codes/604/qr.png?size=256',
    )
  })

  it('shows why a customer cannot join on the field', async () => {
    stubGrowthServer({
      'POST /api/v1/campaigns/9/participants': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [{ field: 'customerId', code: 'x', message: '找不到客户 99999' }],
        }),
    })
    await mountApp('/growth/campaigns/9')
    button('添加参与者').click()
    await settle()
    await type(openDialog().querySelector<HTMLInputElement>('[name="customerId"]'), '99999')
    button('生成专属活码', openDialog()).click()
    await settle()
    expect(text('.el-form-item__error', openDialog())).toBe('找不到客户 99999')
    expect(openDialog().querySelector('[data-testid="joined"]')).toBeNull()
  })

  it('says so when there is no such campaign', async () => {
    stubGrowthServer({
      'GET /api/v1/campaigns/9': () => problemResponse(404, { detail: '活动不存在' }),
    })
    await mountApp('/growth/campaigns/9')
    expect(text('.campaign__missing')).toContain('没能加载这个活动')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/9')
    expect(document.title).toBe('Referral campaign · 私域 Siyu')
    expect(text('[data-testid="send-status"]')).toBe('Running')
    expect(fact('rules')).toBe(
      'Counts after 24 hours · New customers only · Over 10 a minute go to review',
    )
    expect(kpi('counted')).toBe('Counted invites 256 77.8% counted')
    expect(kpi('kFactor')).toBe('K-factor 2.00 Above 1 it spreads itself')
    expect(categories(chart(wrapper, 'chart-funnel'))).toEqual([
      'Joined',
      'Invited',
      'Counted',
      'Rewarded',
    ])
    expect(text('.stage-card [data-testid="stage-ladder"]')).toBe(
      'Invite 3 friends, get 100 points',
    )
    const rewards = [...document.querySelectorAll('[data-testid="participant-rewards"] .el-tag')]
    expect(rewards.map((tag) => tag.textContent?.trim())).toEqual([
      'S1 · Granted',
      'S2 · Granted',
      'S3 · Out of stock',
    ])
    expect(text('[data-testid="review-reason"]')).toBe('Too many at once')
    expect(text('[data-testid="end"]')).toBe('End campaign')
    const words = [
      ...document.querySelectorAll(
        '.campaign__facts dt, .kpi__label, .chart-card__title, .stage-cards__title, .review__title, .review__help, .campaign__title, .el-table__header th',
      ),
    ].map((element) => element.textContent)
    expect(words.join(' ')).not.toMatch(/\p{Script=Han}/u)
  })
})
