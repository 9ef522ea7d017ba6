import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MembersView.vue'
import './MemberDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp as mountConsole, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { memberSummary, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim())
const membersCalls = (calls: Request[]) =>
  calls
    .filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/api/v1/loyalty/members')
    .map((c) => new URL(c.url).searchParams)

describe('the member list', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists each member with their number, tier, growth, points and when they joined', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/members')
    expect(document.title).toBe('会员列表 · 私域 Siyu')
    expect(rows().map(cells)).toEqual([
      ['林晓雯', 'M00020001', '金卡', '3,200', '1,880', '2026-03-01 10:00'],
      ['#20002', 'M00020002', '银卡', '120', '60', '2026-10-20 10:00'],
    ])
  })

  it('searches on Enter, filters by a tier named as the program names it, and resets', async () => {
    const { calls } = stubLoyaltyServer()
    await mountApp('/loyalty/members')
    await type(document.querySelector<HTMLInputElement>('input[name="q"]'), ' 林 ')
    button('搜索').click()
    await settle()
    expect(membersCalls(calls).at(-1)!.get('q')).toBe('林')
    await choose(document.querySelector('[data-testid="tier-filter"]'), '黑金')
    await settle()
    const last = membersCalls(calls).at(-1)!
    expect([last.get('q'), last.get('tier'), last.get('limit')]).toEqual(['林', '3', '20'])
    button('重置').click()
    await settle()
    expect([...membersCalls(calls).at(-1)!.keys()]).toEqual(['limit'])
  })

  it('pages on with the server’s cursor', async () => {
    const { calls } = stubLoyaltyServer({
      'GET /api/v1/loyalty/members': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('cursor') === 'c2'
            ? { items: [memberSummary({ customerId: 20009, name: '周一' })], nextCursor: null }
            : { items: [memberSummary()], nextCursor: 'c2' },
        ),
    })
    await mountApp('/loyalty/members')
    document.querySelector<HTMLElement>('.load-more button')!.click()
    await settle()
    expect(rows().map((row) => cells(row)[0])).toEqual(['林晓雯', '周一'])
    expect(membersCalls(calls).at(-1)!.get('cursor')).toBe('c2')
  })

  it('makes a customer a member by id and opens them', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/members': () => jsonResponse(memberSummary(), 201),
    })
    const { router } = await mountApp('/loyalty/members')
    document.querySelector<HTMLElement>('[data-testid="join-member"]')!.click()
    await settle()
    await type(openDialog().querySelector<HTMLInputElement>('input[name="customerId"]'), '20001')
    button('设为会员', openDialog()).click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toEqual({ customerId: 20001 })
    expect(router.currentRoute.value.fullPath).toBe('/loyalty/members/20001')
    expect(document.body.textContent).toContain('客户 #20001 已是会员，会员号 M00020001')
  })

  it('asks for a customer id before asking the server, and shows the server’s word on the field', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/members': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [{ field: 'customerId', code: 'unknown', message: '没有这位客户' }],
        }),
    })
    await mountApp('/loyalty/members')
    document.querySelector<HTMLElement>('[data-testid="join-member"]')!.click()
    await settle()
    button('设为会员', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请填写客户 ID')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    await type(openDialog().querySelector<HTMLInputElement>('input[name="customerId"]'), '99999')
    button('设为会员', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
      '没有这位客户',
    )
  })

  it('offers 设为会员 only to accounts with loyalty:write', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'loyalty:write')
    stubLoyaltyServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/loyalty/members')
    expect(rows()).toHaveLength(2)
    expect(document.querySelector('[data-testid="join-member"]')).toBeNull()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/members')
    expect(document.title).toBe('Members · 私域 Siyu')
    const headers = [...document.querySelectorAll('.el-table__header th')].map(
      (th) => th.textContent,
    )
    expect(headers.join(' ')).toBe('Member Member no. Tier Growth Points Joined')
    expect(button('Make member')).toBeTruthy()
  })
})
