import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MassSendsView.vue'
import './MassSendDetailView.vue'
import { setLocale } from '@/i18n'
import { mountApp } from '@/test/app'
import { jsonResponse } from '@/test/http'
import { groupSend, massSend, stubMassSendServer } from '@/test/mass-sends'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const row = () => document.querySelector<HTMLElement>('.el-table__body tr')!

describe('the mass sends list', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('is under 客户触达 in the navigation and lists each send with its status and time', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends': () =>
        jsonResponse({
          items: [
            massSend(),
            massSend({
              id: 41,
              name: '新品预告',
              status: 'scheduled',
              sendAt: '2026-11-20T12:00:00Z',
              recipients: {},
              createdBy: null,
            }),
          ],
          nextCursor: null,
        }),
    })
    const { wrapper } = await mountApp('/outreach/mass-sends')
    expect(document.title).toBe('企业群发 · 私域 Siyu')
    const group = wrapper.find('nav .el-sub-menu.is-opened .el-menu-item.is-active')
    expect(group.text()).toBe('企业群发')
    expect(wrapper.find('nav').text()).toContain('客户触达')
    expect(wrapper.find('nav').text()).toContain('发送规则')

    const rows = [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
    expect(rows).toHaveLength(2)
    expect(rows[0]!.textContent).toContain('双十一会员福利')
    expect(rows[0]!.querySelector('[data-testid="send-status"]')?.textContent?.trim()).toBe(
      '已下发',
    )
    expect(rows[0]!.textContent).toContain('2026-11-10 10:00')
    expect(rows[0]!.textContent).toContain('王经理')
    expect(rows[1]!.querySelector('[data-testid="send-status"]')?.textContent?.trim()).toBe(
      '待发送',
    )
    expect(rows[1]!.textContent).toContain('到时间后规划')
    expect(rows[1]!.querySelector('[data-testid="outcome-bar"]')).toBeNull()
  })

  it('draws the customers by outcome as a stacked bar with the numbers in words', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends')
    const bar = row().querySelector<HTMLElement>('[data-testid="outcome-bar"]')!
    const parts = [...bar.querySelectorAll<HTMLElement>('.outcome-bar__part')]
    expect(parts.map((p) => p.dataset.outcome)).toEqual(['delivered', 'waiting', 'held', 'failed'])
    // 30 of 44 delivered, 8 waiting, 4 held, 2 failed
    expect(parts.map((p) => p.style.width)).toEqual(['68.18%', '18.18%', '9.09%', '4.55%'])
    const legend = bar.querySelector('.outcome-bar__legend')!.textContent!.replace(/\s+/g, ' ')
    expect(legend).toContain('已送达 30')
    expect(legend).toContain('等待员工发送 8')
    expect(legend).toContain('暂不发送 4')
    expect(legend).toContain('未送达 2')
    expect(row().textContent).toContain('44 人')
  })

  it('tags each send with whom it goes to, and counts a group send in groups', async () => {
    stubMassSendServer({
      'GET /api/v1/mass-sends': () =>
        jsonResponse({ items: [massSend(), groupSend()], nextCursor: null }),
    })
    await mountApp('/outreach/mass-sends')
    const rows = [...document.querySelectorAll<HTMLElement>('.el-table__body tr')]
    const kind = (row: HTMLElement) =>
      row.querySelector('[data-testid="chat-type"]')?.textContent?.trim()
    expect(rows.map(kind)).toEqual(['客户', '客户群'])
    expect(rows[0]!.textContent).toContain('44 人')
    expect(rows[1]!.textContent).toContain('4 个群')
    const legend = rows[1]!.querySelector('.outcome-bar__legend')!.textContent!.replace(/\s+/g, ' ')
    // the dismissed group was not reached; the one whose owner left was held back
    expect(legend).toContain('已送达 1')
    expect(legend).toContain('未送达 1')
    expect(legend).toContain('暂不发送 1')
  })

  it('opens a send’s details from its row', async () => {
    stubMassSendServer()
    const { router } = await mountApp('/outreach/mass-sends')
    row().click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/outreach/mass-sends/42')
  })

  it('offers 新建群发 only to accounts that may send', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends')
    expect(document.querySelector('[data-testid="create-mass-send"]')).not.toBeNull()
    document.body.innerHTML = ''

    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubMassSendServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/outreach/mass-sends')
    expect(row().textContent).toContain('双十一会员福利')
    expect(document.querySelector('[data-testid="create-mass-send"]')).toBeNull()
  })

  it('is hidden from the navigation and closed to accounts without messaging:read', async () => {
    const none = ALL_PERMISSIONS.filter((p) => !p.startsWith('messaging:'))
    stubMassSendServer({}, me({ role: 'staff', permissions: none }))
    const { wrapper, router } = await mountApp('/outreach/mass-sends')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('nav').text()).not.toContain('客户触达')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMassSendServer()
    await mountApp('/outreach/mass-sends')
    expect(document.title).toBe('Mass sends · 私域 Siyu')
    expect(row().querySelector('[data-testid="send-status"]')?.textContent?.trim()).toBe(
      'Handed over',
    )
    expect(row().textContent).toContain('Delivered 30')
    expect(row().textContent).toContain('44 in all')
    expect(row().querySelector('[data-testid="chat-type"]')?.textContent?.trim()).toBe('Customers')
  })

  it('tells a group send in English', async () => {
    setLocale('en')
    stubMassSendServer({
      'GET /api/v1/mass-sends': () => jsonResponse({ items: [groupSend()], nextCursor: null }),
    })
    await mountApp('/outreach/mass-sends')
    expect(row().querySelector('[data-testid="chat-type"]')?.textContent?.trim()).toBe(
      'Customer groups',
    )
    expect(row().textContent).toContain('Groups: 4')
  })
})
