import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MemberDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp as mountConsole, openDialog, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { LEDGER, adjustment, member, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

/** The words of the first match, each piece of text separated by a space. */
function text(selector: string, scope: ParentNode = document): string | undefined {
  const element = scope.querySelector(selector)
  if (!element) return undefined
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const parts: string[] = []
  while (walker.nextNode()) parts.push(walker.currentNode.textContent!.replace(/\s+/g, ' ').trim())
  return parts.filter(Boolean).join(' ')
}
const rowsOf = (section: string) => [
  ...document.querySelectorAll<HTMLElement>(`[data-testid="${section}"] .el-table__body tr`),
]
const inRow = (row: HTMLElement, testId: string) => text(`[data-testid="${testId}"]`, row)
const unmountAll = () => mounted.splice(0).forEach((wrapper) => wrapper.unmount())

describe('a member’s page', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('shows the card: number, tier, points, growth, the way to the next tier and the benefits', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/members/20001')
    expect(text('.page-header__title')).toBe('林晓雯')
    expect(text('[data-testid="member-no"]')).toBe('M00020001')
    expect(text('[data-testid="member-card"] [data-testid="tier"]')).toBe('金卡')
    expect(text('[data-figure="points"]')).toBe('可用积分 1,880')
    expect(text('[data-figure="growth"]')).toBe('成长值 3,200')
    expect(text('[data-testid="tier-next"]')).toBe('再获得 1,800 成长值升级为「黑金」')
    expect(
      document
        .querySelector('[data-testid="tier-progress"] .el-progress')
        ?.getAttribute('aria-valuenow'),
    ).toBe('64')
    expect(text('[data-testid="benefits"]')).toBe('会员权益 会员价优惠 5% 包邮 生日送 300 积分')
    expect(text('[data-testid="referral"]')).toBe('推荐码 K7Q2ZP4M 已邀请 3 位会员')
    expect(text('[data-testid="member-card"]')).toContain('下单入会')
  })

  it('shows the paid card: plan, valid until the renewal’s end, the floor tier, benefits and purchases', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/members/20001': () =>
        jsonResponse(
          member({
            card: {
              planId: 7,
              planName: '黑金年卡',
              valid: true,
              validUntil: '2027-12-15T04:00:00Z',
              floorTier: 2,
              benefits: '全场 95 折，每月一张免邮券',
            },
          }),
        ),
    })
    await mountApp('/loyalty/members/20001')
    expect(text('[data-testid="paid-card-summary"]')).toBe(
      '生效中 黑金年卡 有效期至 2027-12-15 持卡保底「金卡」 全场 95 折，每月一张免邮券',
    )
    const rows = rowsOf('paid-card-history')
    expect(rows.map((row) => text('td', row))).toEqual(['黑金年卡 续费', '黑金年卡'])
    expect(inRow(rows[1]!, 'paid-card-period')).toBe('2025-12-15 – 2026-12-15')
    expect(rows[0]!.textContent).toContain('¥179.00')
  })

  it('says when the paid card ended, and that a member never held one', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/members/20001': () =>
        jsonResponse(
          member({
            card: {
              planId: 7,
              planName: '黑金年卡',
              valid: false,
              validUntil: '2026-11-20T04:00:00Z',
              floorTier: 2,
              benefits: '全场 95 折',
            },
          }),
        ),
      'GET /api/v1/loyalty/members/20001/cards': () => jsonResponse([]),
    })
    await mountApp('/loyalty/members/20001')
    expect(text('[data-testid="paid-card-summary"]')).toBe('已失效 黑金年卡 已于 2026-11-20 结束')
    unmountAll()

    setLocale('en')
    stubLoyaltyServer({
      'GET /api/v1/loyalty/members/20001': () => jsonResponse(member({ card: null })),
      'GET /api/v1/loyalty/members/20001/cards': () => jsonResponse([]),
    })
    await mountApp('/loyalty/members/20001')
    expect(text('[data-testid="paid-card"]')).toBe('Paid membership card Holds no paid card')
  })

  it('warns of points about to expire, and says so at the highest tier', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/members/20001': () =>
        jsonResponse(member({ nextTier: null, tier: 3, tierName: '黑金' })),
    })
    await mountApp('/loyalty/members/20001')
    expect(text('[data-testid="expiring"]')).toBe('200 积分将于 2026-11-30 过期')
    expect(text('[data-testid="tier-next"]')).toBe('已是最高等级')
  })

  it('shows no warning when nothing expires within 30 days', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/members/20001': () => jsonResponse(member({ expiring: null })),
    })
    await mountApp('/loyalty/members/20001')
    expect(document.querySelector('[data-testid="expiring"]')).toBeNull()
  })

  it('shows the tier history newest first, with the program’s tier names', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/members/20001')
    const items = [...document.querySelectorAll('[data-testid="tier-history"] .el-timeline-item')]
    expect(items.map((item) => text('.el-timeline-item__content', item))).toEqual([
      '升级 · 从「银卡」到「金卡」',
      '入会 · 入会，成为「银卡」',
    ])
    expect(text('.el-timeline-item__timestamp', items[0]!)).toBe('2026-06-18 10:00')
  })

  it('lists the points ledger: kinds as tags, signed points, balance, source, note and expiry', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/members/20001')
    const rows = rowsOf('ledger')
    expect(rows).toHaveLength(LEDGER.length)
    expect(
      rows.map((row) => [
        inRow(row, 'entry-kind'),
        row.querySelector('[data-testid="entry-kind"]')?.className.match(/el-tag--(\w+)/)?.[1],
        inRow(row, 'entry-points'),
        inRow(row, 'entry-balance'),
        inRow(row, 'entry-source'),
        inRow(row, 'entry-expires'),
      ]),
    ).toEqual([
      ['调整', 'warning', '+500', '1,880', '人工调整', '—'],
      ['消耗', 'primary', '-300', '1,380', '积分商城 MO-77', '—'],
      ['冲回', 'danger', '-120', '1,680', '退款 SO-1002', '—'],
      ['获得', 'success', '+1,800', '1,800', '购物 SO-1001', '2027-12-31'],
    ])
    expect(inRow(rows[0]!, 'entry-reason')).toBe('客诉补偿 李运营，王经理 审批')
    expect(inRow(rows[2]!, 'entry-reason')).toBe('已用掉 20 积分无法冲回')
  })

  it('lists the coupons with what they take off, their status and dates', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/members/20001')
    const rows = rowsOf('coupons')
    expect(rows.map((row) => inRow(row, 'coupon-rule'))).toEqual([
      '减 ¥20.00 · 满 ¥100.00 可用',
      '8.5 折，最多减 ¥50.00 · 无门槛',
    ])
    expect(rows.map((row) => inRow(row, 'send-status'))).toEqual(['已使用', '未使用'])
    expect(rows[0]!.textContent).toContain('订单 SO-0901 抵扣 ¥20.00')
  })

  it('asks for a points adjustment with a reason, explaining a second person approves it', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/members/20001/adjustments': () =>
        jsonResponse(adjustment({ points: -200 }), 201),
    })
    await mountApp('/loyalty/members/20001')
    button('调整积分').click()
    await settle()
    expect(text('[data-testid="adjust-help"]', openDialog())).toContain('需要由另一位')
    expect(openDialog().textContent).toContain('当前可用 1,880 积分')
    button('提交审批', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请填写 1 到 1,000,000 之间的积分数')
    expect(openDialog().textContent).toContain('请填写调整原因')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    await pickRadio('扣减', openDialog())
    const points = openDialog().querySelector<HTMLInputElement>('input[name="points"]')!
    await type(points, '200')
    points.dispatchEvent(new Event('change'))
    await type(
      openDialog().querySelector<HTMLTextAreaElement>(
        'textarea[name="reason"]',
      ) as unknown as HTMLInputElement,
      ' 重复发放 ',
    )
    button('提交审批', openDialog()).click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toEqual({ points: -200, reason: '重复发放' })
    expect(document.body.textContent).toContain('已提交，等待另一位同事审批')
    // the balance changes only once approved
    expect(text('[data-figure="points"]')).toBe('可用积分 1,880')
  })

  it('gives a coupon of an active template, and says why when none was given', async () => {
    let issued = 1
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/coupon-templates/4/issue': () =>
        jsonResponse({ issued, skipped: { limit: 1 - issued, stock: 0 } }),
    })
    await mountApp('/loyalty/members/20001')
    button('发优惠券').click()
    await settle()
    const select = openDialog().querySelector('[data-testid="template-select"]')
    await expect(choose(select, '旧版满减')).rejects.toThrow()
    await choose(select, '金卡 85 折')
    expect(text('[data-testid="template-terms"]', openDialog())).toBe(
      '8.5 折，最多减 ¥50.00 · 无门槛 · 2026-11-01 至 2026-12-31',
    )
    button('发放', openDialog()).click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')!
    const body = (await post.json()) as { customerIds: number[]; key: string }
    expect(body.customerIds).toEqual([20001])
    expect(body.key).toMatch(/\S{8,}/)
    expect(document.body.textContent).toContain('已发放「金卡 85 折」')
    const couponReads = calls.filter((c) => c.url.endsWith('/members/20001/coupons'))
    expect(couponReads).toHaveLength(2)

    issued = 0
    button('发优惠券').click()
    await settle()
    await choose(openDialog().querySelector('[data-testid="template-select"]'), '金卡 85 折')
    button('发放', openDialog()).click()
    await settle()
    expect(document.body.textContent).toContain('没有发放：这位会员领取「金卡 85 折」已达上限')
  })

  it('hands out a fresh member page link with its QR code each time it is opened', async () => {
    let made = 0
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/members/20001/page-link': () =>
        jsonResponse({
          url: `https://shop.example/h5/member#token-${++made}`,
          expiresAt: '2026-12-31T04:00:00Z',
          qr: 'data:image/png;base64,iVBORw0KGgo=',
        }),
    })
    await mountApp('/loyalty/members/20001')
    button('会员页链接').click()
    await settle()
    const dialog = openDialog()
    expect(
      dialog.querySelector<HTMLInputElement>('input[data-testid="page-link-url"]')!.value,
    ).toBe('https://shop.example/h5/member#token-1')
    expect(dialog.querySelector<HTMLImageElement>('[data-testid="page-link-qr"]')!.src).toContain(
      'data:image/png;base64,',
    )
    expect(dialog.textContent).toContain('有效期至 2026-12-31 12:00')
    expect(dialog.textContent).toContain('请只发给本人')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
  })

  it('offers no points or coupon actions to accounts that may only read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'loyalty:write')
    stubLoyaltyServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/loyalty/members/20001')
    expect(text('[data-testid="member-no"]')).toBe('M00020001')
    expect(document.querySelector('[data-testid="adjust"]')).toBeNull()
    expect(document.querySelector('[data-testid="give-coupon"]')).toBeNull()
    expect(document.querySelector('[data-testid="page-link"]')).toBeNull()
  })

  it('says so when the customer is no member', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/members/20001': () => problemResponse(404, { detail: '不是会员' }),
    })
    await mountApp('/loyalty/members/20001')
    expect(document.body.textContent).toContain('没有找到这位会员')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/members/20001')
    expect(text('[data-testid="tier-next"]')).toBe('1,800 more growth to reach “黑金”')
    expect(text('[data-testid="benefits"]')).toBe(
      'Benefits 5% member discount Free shipping 300 birthday points',
    )
    expect(rowsOf('coupons').map((row) => inRow(row, 'coupon-rule'))).toEqual([
      '¥20.00 off · On orders from ¥100.00',
      '15% off, up to ¥50.00 · No minimum',
    ])
    expect(inRow(rowsOf('ledger')[0]!, 'entry-kind')).toBe('Adjusted')
  })
})
