import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './SegmentsView.vue'
import './SegmentDetailView.vue'
import './SegmentEditorView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { mountApp, openDialog } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { bodies, member, segment, stubSegmentServer } from '@/test/segments'
import { settle } from '@/test/settle'
import { exportJob } from '@/test/transfer'

const rows = () => [...document.querySelectorAll('.segments__table .el-table__body tbody tr')]

describe('the segment list', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('lists segments with size, trend, 7-day change and the rule-tag marker', async () => {
    stubSegmentServer({
      'GET /api/v1/segments': () =>
        jsonResponse([
          segment(),
          segment({ id: 6, name: '高消费', tagId: null, size: 12, description: null }),
        ]),
      'GET /api/v1/segments/6/sizes': () => jsonResponse([]),
    })
    const { wrapper, router } = await mountApp('/audience/segments')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('人群分群')
    const [first, second] = rows().map((r) => r.textContent ?? '')
    expect(first).toContain('近 30 天收藏的女性')
    expect(first).toContain('给女性会员推送新品')
    expect(first).toContain('规则标签')
    expect(first).toContain('5,624')
    expect(first).toContain('+124')
    expect(rows()[0]!.querySelector('svg.sparkline')).not.toBeNull()
    expect(second).not.toContain('规则标签')
    expect(second).toContain('—')

    ;(rows()[1]!.querySelector('td') as HTMLElement).click()
    await settle()
    // A lazily loaded page may take longer than one settle() to arrive.
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe('/audience/segments/6'),
      {
        // the next page is loaded lazily: slow on a busy machine
        timeout: 10_000,
      },
    )
  })

  it('explains what a segment is when there is none', async () => {
    stubSegmentServer({ 'GET /api/v1/segments': () => jsonResponse([]) })
    const { router } = await mountApp('/audience/segments')
    expect(document.body.textContent).toContain('还没有人群')
    expect(document.body.textContent).toContain('人群是按规则圈出的一组客户')
    button('新建第一个人群').click()
    await settle()
    // A lazily loaded page may take longer than one settle() to arrive.
    await vi.waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/audience/segments/new'),
    )
  })

  it('hides writing for those who only read segments', async () => {
    stubSegmentServer(
      {},
      me({ role: 'staff', permissions: ALL_PERMISSIONS.filter((p) => p !== 'segments:write') }),
    )
    await mountApp('/audience/segments')
    expect(document.body.textContent).not.toContain('新建人群')
    expect(document.body.textContent).not.toContain('删除')
  })
})

describe('a segment', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows its rule in words, figures, chart and members', async () => {
    const { calls } = stubSegmentServer({
      'GET /api/v1/segments/5/members': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('cursor')
            ? { items: [member({ id: 20009, name: '赵强' })] }
            : { items: [member()], nextCursor: 'next' },
        ),
    })
    await mountApp('/audience/segments/5')
    const text = document.body.textContent ?? ''
    expect(document.querySelector('.segment__name')?.textContent).toBe('近 30 天收藏的女性')
    expect(text).toContain('给女性会员推送新品')
    expect(text).toContain('女性会员') // the rule tag, by name
    const rule = document.querySelector('[data-testid="rule-summary"]')!.textContent ?? ''
    expect(rule).toContain('满足以下全部条件')
    expect(rule).toContain('性别 = 女')
    expect(rule).toContain('最近 30 天 做过 收藏')
    const kpis = [...document.querySelectorAll('.segment__kpis .kpi')].map((k) => k.textContent)
    expect(kpis[0]).toContain('5,624')
    expect(kpis[1]).toContain('+124')
    expect(kpis[2]).toContain('170')
    expect(kpis[3]).toContain('46')
    expect(document.querySelector('[data-testid="size-chart"]')).not.toBeNull()
    expect(calls.some((c) => c.url.endsWith('/api/v1/segments/5/sizes?days=90'))).toBe(true)

    const members = document.querySelector('[data-testid="members"]')!
    expect(members.textContent).toContain('林晓雯')
    button('加载更多').click()
    await settle()
    expect(document.querySelector('[data-testid="members"]')!.textContent).toContain('赵强')
    expect(document.body.textContent).toContain('已全部加载，共 2 条')
  })

  it('tags everyone in it and shows how many changed', async () => {
    const { calls } = stubSegmentServer({
      'POST /api/v1/segments/5/tags': () =>
        jsonResponse({ customers: 5624, added: 5000, removed: 12 }),
    })
    await mountApp('/audience/segments/5')
    button('给所有成员打标签').click()
    await settle()
    const dialog = openDialog()
    expect(dialog.textContent).toContain('当前的 5,624 位成员')
    button('执行', dialog).click()
    await settle()
    expect(dialog.textContent).toContain('请至少选择一个要添加或移除的标签')
    expect(calls.filter((c) => c.url.endsWith('/segments/5/tags'))).toHaveLength(0)

    const picker = dialog.querySelector(
      '[data-testid="tag-add"] .el-select__wrapper',
    ) as HTMLElement
    picker.click()
    await settle(0)
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
      (o) => o.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
    )
    // Rule tags are kept by their segment: not offered here.
    expect(options.map((o) => o.textContent)).not.toContain('女性会员5,624')
    options.find((o) => o.textContent?.startsWith('高意向'))!.click()
    await settle(0)
    button('执行', dialog).click()
    await settle()
    expect(await bodies(calls, 'POST', '/api/v1/segments/5/tags')).toEqual([
      { add: [3], remove: [] },
    ])
    const result = dialog.querySelector('[data-testid="tag-result"]')!.textContent
    expect(result).toContain('已处理 5,624 位成员')
    expect(result).toContain('新打上 5,000 个标签，移除 12 个')
  })

  it('exports its members and points to the export history', async () => {
    const { calls } = stubSegmentServer({
      'POST /api/v1/exports': () => jsonResponse(exportJob({ status: 'done' }), 202),
    })
    await mountApp('/audience/segments/5')
    button('导出').click()
    await settle()
    const dialog = openDialog()
    expect(dialog.textContent).toContain('导出人群成员')
    expect(dialog.textContent).toContain('导出人群「近 30 天收藏的女性」的全部成员')
    button('开始导出', dialog).click()
    await settle()
    expect(await bodies(calls, 'POST', '/api/v1/exports')).toEqual([
      { format: 'xlsx', segmentId: 5 },
    ])
    const link = [...dialog.querySelectorAll('a')].find((a) => a.textContent?.includes('导出记录'))
    expect(link?.getAttribute('href')).toBe('/data/exports')
  })

  it('is deleted after a confirmation', async () => {
    const { calls } = stubSegmentServer({
      'DELETE /api/v1/segments/5': () => new Response(null, { status: 204 }),
    })
    const { router } = await mountApp('/audience/segments/5')
    button('删除').click()
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain(
      '确定删除人群「近 30 天收藏的女性」吗？',
    )
    button('删除', document.querySelector('.el-message-box')!).click()
    await settle()
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true)
    expect(router.currentRoute.value.fullPath).toBe('/audience/segments')
  })

  it('says so when it does not exist', async () => {
    stubSegmentServer({
      'GET /api/v1/segments/5': () => problemResponse(404, { detail: '人群不存在' }),
    })
    await mountApp('/audience/segments/5')
    expect(document.body.textContent).toContain('人群不存在或已被删除')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubSegmentServer()
    await mountApp('/audience/segments/5')
    const rule = document.querySelector('[data-testid="rule-summary"]')!.textContent ?? ''
    expect(rule).toContain('Match all of the following')
    expect(rule).toContain('in the last 30 days did 收藏')
    expect(document.body.textContent).toContain('Tag all members')
  })
})
