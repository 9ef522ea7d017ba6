import { afterEach, describe, expect, it } from 'vitest'
import VChart from 'vue-echarts'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './LiveCodesView.vue'
import { setLocale } from '@/i18n'
import { mountApp, openDialog, type } from '@/test/app'
import { summary } from '@/test/customers'
import { button } from '@/test/dom'
import { jsonResponse, type Route } from '@/test/http'
import { channelCode, stubLiveCodeServer, withTotals } from '@/test/live-codes'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import type { ChartOption } from '@/modules/home/echarts'
import type { CodeWithTotals } from './api'

function personal(id: number, sharerId: number, name: string, adds: number, losses: number) {
  return {
    code: channelCode({
      id,
      parentId: 7,
      kind: 'personal',
      sharerCustomerId: sharerId,
      createdAt: '2026-11-20T02:00:00Z',
    }),
    totals: { adds, losses, active: adds - losses, addsToday: 0 },
    sharer: { id: sharerId, name },
  } satisfies CodeWithTotals
}

const STORE = withTotals(
  channelCode({ id: 31, parentId: 7, kind: 'store', store: '上海静安店', name: '门店海报' }),
  88,
)

/** The live code list with 门店海报 (7), whose children are `children()` (asked again after a change). */
function stubServer(
  children: () => CodeWithTotals[],
  routes: Record<string, Route> = {},
  account = me(),
) {
  return stubLiveCodeServer(
    [],
    {
      'GET /api/v1/wecom/channel-codes': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('parentId') === '7'
            ? children()
            : [withTotals(channelCode())],
        ),
      ...routes,
    },
    account,
  )
}

async function openPersonalCodes(): Promise<HTMLElement> {
  await mountApp('/acquisition/live-codes')
  button('千人千面码', document.querySelector<HTMLElement>('[data-code-id="7"]')!).click()
  await settle()
  return openDialog()
}

const rows = (dialog: HTMLElement) => [
  ...dialog.querySelectorAll<HTMLElement>('[data-testid="personal-codes"] .el-table__body tr'),
]
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim())

describe('千人千面码 of a live code', { timeout: 30_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    localStorage.clear()
  })

  it('lists each sharer with what their code brought and its QR, the ranking drawn as a chart', async () => {
    stubServer(() => [
      personal(41, 20001, '林晓雯', 5, 1),
      STORE,
      personal(42, 20002, '王小明', 7, 0),
    ])
    const dialog = await openPersonalCodes()
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe('「门店海报」的千人千面码')
    expect(dialog.querySelector('[data-testid="personal-summary"]')?.textContent?.trim()).toBe(
      '2 位客户在分享，共带来添加 12 · 流失 1 · 净增 +11',
    )
    // the store code is not a personal code
    expect(rows(dialog).map(cells)).toEqual([
      ['林晓雯', '2026-11-20 10:00', '5', '1', '+4', '下载'],
      ['王小明', '2026-11-20 10:00', '7', '0', '+7', '下载'],
    ])
    const sharer = rows(dialog)[0]!.querySelector('a')
    expect(sharer?.getAttribute('href')).toBe('/customers/20001')
    expect(rows(dialog)[0]!.querySelector('img')?.getAttribute('src')).toBe(
      '/api/v1/wecom/channel-codes/41/qr.png?size=128',
    )
    expect(rows(dialog)[0]!.querySelector('a.el-button')?.getAttribute('href')).toBe(
      '/api/v1/wecom/channel-codes/41/qr.png?size=1024',
    )

    const charts = document.querySelectorAll('[data-testid="sharer-ranking"]')
    expect(charts).toHaveLength(1)
    expect(charts[0]!.querySelector('table')).toBeNull()
  })

  it('charts the ranking with the most net adds at the top', async () => {
    stubServer(() => [personal(41, 20001, '林晓雯', 5, 1), personal(42, 20002, '王小明', 7, 0)])
    const { wrapper } = await mountApp('/acquisition/live-codes')
    button('千人千面码', document.querySelector<HTMLElement>('[data-code-id="7"]')!).click()
    await settle()
    const option = wrapper.findComponent(VChart).props('option') as ChartOption
    // drawn bottom-up: the first in the ranking is the last category
    expect((option.yAxis as { data: string[] }).data).toEqual(['林晓雯', '王小明'])
  })

  it('explains what a personal code is while there is none', async () => {
    stubServer(() => [STORE])
    const dialog = await openPersonalCodes()
    expect(dialog.querySelector('[data-testid="personal-empty"]')?.textContent).toContain(
      '千人千面码是给每位分享客户的专属活码',
    )
    expect(dialog.querySelector('[data-testid="personal-codes"]')).toBeNull()
  })

  it('makes one for a customer found by name and lists it', async () => {
    let children: CodeWithTotals[] = []
    const { calls } = stubServer(() => children, {
      'GET /api/v1/customers': () => jsonResponse({ items: [summary({ id: 20001 })] }),
      'POST /api/v1/wecom/channel-codes/7/personal': () => {
        children = [personal(41, 20001, '林晓雯', 0, 0)]
        return jsonResponse(children[0]!.code)
      },
    })
    const dialog = await openPersonalCodes()
    const picker = dialog.querySelector('[data-testid="personal-customer"]')!
    picker.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await type(picker.querySelector<HTMLInputElement>('input'), '林晓')
    await settle(400)
    const search = calls.find((c) => new URL(c.url).pathname === '/api/v1/customers')!
    expect(new URL(search.url).searchParams.get('q')).toBe('林晓')
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
      .find((item) => item.textContent?.includes('林晓雯'))!
    option.click()
    await settle(0)
    button('生成千人千面码', dialog).click()
    await settle()

    const posted = calls.find((c) => c.method === 'POST')!
    expect(await posted.clone().json()).toEqual({ customerId: 20001 })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已为「林晓雯」生成千人千面码',
    )
    expect(rows(dialog).map((row) => cells(row)[0])).toEqual(['林晓雯'])
    expect(rows(dialog)[0]!.classList).toContain('is-fresh')
  })

  it('speaks English, one sharer in the singular', async () => {
    setLocale('en')
    stubServer(() => [personal(41, 20001, '林晓雯', 5, 1)])
    await mountApp('/acquisition/live-codes')
    button('Personal codes', document.querySelector<HTMLElement>('[data-code-id="7"]')!).click()
    await settle()
    const dialog = openDialog()
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe(
      'Personal codes of "门店海报"',
    )
    expect(dialog.querySelector('[data-testid="personal-summary"]')?.textContent?.trim()).toBe(
      '1 customer shares it; 5 added · 1 lost · +4 net',
    )
    const headings = [...dialog.querySelectorAll('th')].map((th) => th.textContent?.trim())
    expect(headings).toEqual(['Sharing customer', 'Made', 'Added', 'Lost', 'Net', 'QR code'])
  })

  it('shows the list to accounts without live-codes:write but not the form', async () => {
    stubServer(
      () => [personal(41, 20001, '林晓雯', 5, 1)],
      {},
      me({ role: 'staff', permissions: ['live-codes:read'] }),
    )
    const dialog = await openPersonalCodes()
    expect(rows(dialog)).toHaveLength(1)
    expect(dialog.querySelector('[data-testid="personal-make"]')).toBeNull()
    // no customers:read: the sharer is a name, not a link to a page they cannot open
    const links = [...rows(dialog)[0]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(links).toEqual(['/api/v1/wecom/channel-codes/41/qr.png?size=1024'])
    expect(cells(rows(dialog)[0]!)[0]).toBe('林晓雯')
  })
})
