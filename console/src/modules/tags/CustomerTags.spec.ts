import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import '@/modules/customers/CustomerDetailView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { mountApp, openDialog } from '@/test/app'
import { ATTRIBUTES, detail } from '@/test/customers'
import { jsonResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { tagGroups } from '@/test/tags'
import type { CustomerTag, TagHistoryEntry } from './api'

const TAGS: CustomerTag[] = [
  {
    tagId: 11,
    name: '待回访',
    groupId: 1,
    groupName: '跟进阶段',
    kind: 'followUp',
    personal: false,
    source: 'manual',
    taggedAt: '2026-11-20T02:00:00Z',
    taggedBy: { id: 1, name: '王经理' },
  },
  {
    tagId: 13,
    name: '高价值复购',
    groupId: 1,
    groupName: '跟进阶段',
    kind: 'followUp',
    personal: false,
    source: 'rule',
    taggedAt: '2026-11-21T02:00:00Z',
  },
  {
    tagId: 21,
    name: '直播间',
    groupId: 2,
    groupName: '渠道来源',
    kind: 'source',
    personal: false,
    source: 'wecom',
    taggedAt: '2026-11-22T02:00:00Z',
  },
]

const HISTORY: TagHistoryEntry[] = [
  {
    tagId: 12,
    tagName: '已成交',
    groupName: '跟进阶段',
    action: 'removed',
    source: 'manual',
    actor: { id: 1, name: '王经理' },
    at: '2026-11-22T03:00:00Z',
  },
  {
    tagId: 21,
    tagName: '直播间',
    groupName: '渠道来源',
    action: 'added',
    source: 'wecom',
    at: '2026-11-22T02:00:00Z',
  },
]

const OLDER: TagHistoryEntry = {
  tagId: 11,
  tagName: '待回访',
  groupName: '跟进阶段',
  action: 'added',
  source: 'import',
  actor: { id: 1, name: '王经理' },
  at: '2026-11-20T02:00:00Z',
}

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  const assignments: unknown[] = []
  const stub = stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/customer-attributes': () => jsonResponse(ATTRIBUTES),
    'GET /api/v1/customers/20001': () => jsonResponse(detail()),
    'GET /api/v1/customers/20001/tags': () => jsonResponse(TAGS),
    'GET /api/v1/customers/20001/tag-history': (request) =>
      jsonResponse(
        new URL(request.url).searchParams.get('cursor') === 'p2'
          ? { items: [OLDER] }
          : { items: HISTORY, nextCursor: 'p2' },
      ),
    'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
    'POST /api/v1/tags/assignments': async (request) => {
      const body = (await request.json()) as { add?: number[]; remove?: number[] }
      assignments.push(body)
      return jsonResponse({ added: body.add?.length ?? 0, removed: body.remove?.length ?? 0 })
    },
    ...routes,
  })
  return { ...stub, assignments }
}

const panel = () => document.querySelector<HTMLElement>('[data-testid="customer-tags"]')!
const chip = (id: number) => panel().querySelector<HTMLElement>(`[data-tag-id="${id}"]`)!
const history = () =>
  [...document.querySelectorAll('[data-testid="tag-history"] .history__entry')].map((e) =>
    [...e.querySelectorAll('.history__body span')].map((s) => s.textContent?.trim()).join('|'),
  )

/** The text of the tooltip shown for a chip after hovering it. */
async function hover(element: HTMLElement): Promise<string> {
  element.dispatchEvent(new MouseEvent('mouseenter'))
  await settle(300)
  const tip = [...document.querySelectorAll<HTMLElement>('.el-popper.is-dark')]
    .filter((p) => p.style.display !== 'none')
    .at(-1)
  return tip?.textContent ?? ''
}

describe('the tags of a customer', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the tags by group, who set them and how, and the tag history', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/customers/20001?tab=tags')
    expect(wrapper.find('#tab-tags').text()).toContain('标签')
    expect(wrapper.find('#tab-tags').text()).toContain('3')
    const groups = [...panel().querySelectorAll('.customer-tags__group')].map((g) => g.textContent)
    expect(groups[0]).toContain('跟进阶段')
    expect(groups[0]).toContain('跟进状态')
    expect(groups[0]).toContain('待回访')
    expect(groups[0]).toContain('高价值复购')
    expect(groups[1]).toContain('直播间')
    expect(chip(21).textContent).toContain('企业微信')

    const tip = await hover(chip(11))
    expect(tip).toContain('来源：手动')
    expect(tip).toContain('操作人：王经理')
    expect(tip).toContain('时间：2026-11-20 10:00')

    // a rule tag cannot be taken off by hand
    expect(chip(11).querySelector('.el-tag__close')).not.toBeNull()
    expect(chip(13).querySelector('.el-tag__close')).toBeNull()
    expect(await hover(chip(13))).toContain('规则标签由人群自动维护，不能手动移除')

    expect(history()).toEqual([
      '移除|已成交|跟进阶段|2026-11-22 11:00|王经理|手动',
      '打上|直播间|渠道来源|2026-11-22 10:00|系统|企业微信',
    ])
    button('加载更多', document.querySelector('[data-testid="tag-history"]')!).click()
    await settle()
    expect(history()).toHaveLength(3)
    expect(history()[2]).toContain('导入')
    expect(calls.some((c) => c.url.includes('tag-history?limit=20&cursor=p2'))).toBe(true)
  })

  it('adds tags with the picker, leaving out rule tags and those the customer has', async () => {
    const { calls, assignments } = stubServer()
    await mountApp('/customers/20001?tab=tags')
    button('添加标签', panel()).click()
    await settle()
    openDialog().querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .filter((o) => o.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
      .map((o) => o.textContent?.trim())
    expect(options).toEqual(['已成交0', '周末才回个人3'])
    document
      .querySelectorAll<HTMLElement>('.el-select-dropdown__item')
      .forEach((o) => o.textContent?.startsWith('已成交') && o.click())
    await settle(0)
    button('添加', openDialog()).click()
    await settle()
    expect(assignments).toEqual([{ customerIds: [20001], add: [12] }])
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已添加 1 个标签')
    // the tags and the history are read again
    expect(calls.filter((c) => c.url.endsWith('/customers/20001/tags'))).toHaveLength(2)
  })

  it('removes a tag after confirmation', async () => {
    const { assignments } = stubServer()
    await mountApp('/customers/20001?tab=tags')
    chip(11).querySelector<HTMLElement>('.el-tag__close')!.click()
    await settle()
    const box = document.querySelector<HTMLElement>('.el-message-box')!
    expect(box.textContent).toContain('从客户身上移除标签“待回访”')
    expect(assignments).toEqual([])
    button('移除', box).click()
    await settle()
    expect(assignments).toEqual([{ customerIds: [20001], remove: [11] }])
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已移除标签“待回访”',
    )
  })

  it('shows the tags without the add and remove buttons to those who may only read them', async () => {
    stubServer({}, me({ role: 'staff', permissions: ['customers:read', 'tags:read'] }))
    await mountApp('/customers/20001?tab=tags')
    expect(panel().textContent).toContain('待回访')
    expect(panel().textContent).not.toContain('添加标签')
    expect(panel().querySelector('.el-tag__close')).toBeNull()
  })

  it('has no tag tab without tags:read', async () => {
    stubServer({}, me({ role: 'staff', permissions: ['customers:read'] }))
    const { wrapper } = await mountApp('/customers/20001')
    expect(wrapper.find('#tab-tags').exists()).toBe(false)
  })

  it('says so when the customer has no tags yet, in English too', async () => {
    stubServer({
      'GET /api/v1/customers/20001/tags': () => jsonResponse([]),
      'GET /api/v1/customers/20001/tag-history': () => jsonResponse({ items: [] }),
    })
    setLocale('en')
    await mountApp('/customers/20001?tab=tags')
    expect(panel().textContent).toContain('No tags yet')
    expect(panel().textContent).toContain('No tag history yet')
    expect(panel().textContent).toContain('Add tags')
  })
})
