import { describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './SegmentEditorView.vue'
import './SegmentDetailView.vue'
import { segmentDraftLocation } from './draft'
import { button } from '@/test/dom'
import { mountApp, type } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import { bodies, evaluation, segment, stubSegmentServer } from '@/test/segments'
import { settle } from '@/test/settle'

const conditions = () => [...document.querySelectorAll<HTMLElement>('[data-testid="condition"]')]

/** Opens a select and picks the option whose label (without its count) is `label`. */
async function pick(select: Element | null | undefined, label: string): Promise<void> {
  const wrapper = select?.querySelector<HTMLElement>('.el-select__wrapper')
  if (!wrapper) throw new Error('no select')
  wrapper.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .filter((item) => {
      const own = item.querySelector('.value-input__label')?.textContent ?? item.textContent
      return own?.trim() === label
    })
    .at(-1)
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(0)
}

/** 添加条件 of the top group, then the kind from its menu. */
async function addCondition(kind: string): Promise<void> {
  const buttons = [...document.querySelectorAll<HTMLElement>('.rule-group__actions')]
  button('添加条件', buttons.at(-1)!).click()
  await settle(0)
  const item = [...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item')].find(
    (i) => i.querySelector('.rule-group__kind-name')?.textContent?.trim() === kind,
  )
  if (!item) throw new Error(`no menu item ${kind}`)
  item.click()
  await settle(0)
}

const live = () => document.querySelector('[data-testid="live-count"]')?.textContent ?? ''

describe('the segment builder', { timeout: 30_000 }, () => {
  it('counts as the rule is built, shows the first members, and saves', async () => {
    const { calls } = stubSegmentServer({
      'POST /api/v1/segments': () => jsonResponse(segment(), 201),
    })
    const { router } = await mountApp('/audience/segments/new')
    expect(document.title).toBe('人群规则 · 私域 Siyu')
    expect(conditions()).toHaveLength(1)
    expect(live()).toContain('添加条件后这里显示符合的人数')

    await pick(conditions()[0]!.querySelector('[data-testid="field-select"]'), '性别')
    await pick(conditions()[0]!.querySelector('[data-testid="value-input"]'), '女')
    await settle(500)
    expect(await bodies(calls, 'POST', '/api/v1/segments/evaluate')).toEqual([
      { rule: { and: [{ attribute: 'gender', op: 'eq', value: 'female' }] }, preview: 10 },
    ])
    expect(live()).toContain('约 5,624 人')
    expect(live()).toContain('占全部 28.1%')
    expect(live()).toContain('耗时 7.9 ms')
    const preview = document.querySelector('[data-testid="members"]')!
    expect(preview.textContent).toContain('林晓雯')
    expect(preview.textContent).toContain('上海')
    expect(preview.querySelector('a')?.getAttribute('href')).toBe('/customers/20001')

    await addCondition('行为事件')
    await settle(500)
    const sent = await bodies(calls, 'POST', '/api/v1/segments/evaluate')
    expect(sent.at(-1)).toEqual({
      rule: {
        and: [{ attribute: 'gender', op: 'eq', value: 'female' }, { event: { lastDays: 30 } }],
      },
      preview: 10,
    })

    await type(document.querySelector<HTMLInputElement>('input[name="name"]'), '近 30 天活跃的女性')
    button('保存人群').click()
    await settle()
    expect(await bodies(calls, 'POST', '/api/v1/segments')).toEqual([
      {
        name: '近 30 天活跃的女性',
        rule: {
          and: [{ attribute: 'gender', op: 'eq', value: 'female' }, { event: { lastDays: 30 } }],
        },
        tagId: null,
      },
    ])
    // A lazily loaded page may take longer than one settle() to arrive.
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe('/audience/segments/5'),
      {
        // the next page is loaded lazily: slow on a busy machine
        timeout: 10_000,
      },
    )
  })

  it('shows the server’s problem at the condition it names, and the database badge', async () => {
    let answer = 0
    stubSegmentServer({
      'POST /api/v1/segments/evaluate': () =>
        ++answer === 1
          ? jsonResponse(evaluation({ usedSql: true, tookMs: 338.4 }))
          : problemResponse(400, {
              detail: '规则中有条件不合要求，请按下列说明修改。',
              errors: [
                {
                  field: 'rule.and[1].event.atMost',
                  code: 'segment.rule.count.order',
                  message: '“至多”次数不能小于“至少”次数。',
                },
              ],
            }),
    })
    await mountApp('/audience/segments/new')
    await pick(conditions()[0]!.querySelector('[data-testid="field-select"]'), '姓名')
    await pick(conditions()[0]!.querySelector('[data-testid="op-select"]'), '包含')
    await type(
      conditions()[0]!.querySelector<HTMLInputElement>('[data-testid="value-input"] input'),
      '王',
    )
    await settle(500)
    expect(live()).toContain('耗时 338 ms')
    expect(document.querySelector('[data-testid="used-sql"]')?.textContent).toContain(
      '含数据库计算',
    )

    await addCondition('行为事件')
    await settle(500)
    const [first, second] = conditions()
    expect(first!.querySelector('[role="alert"]')).toBeNull()
    expect(second!.querySelector('[role="alert"]')?.textContent).toContain(
      '“至多”次数不能小于“至少”次数。',
    )
    expect(second!.classList).toContain('rule-condition--error')
    expect(live()).toContain('规则有误')
  })

  it('picks a layer level (RFM group, lifecycle stage) from its levels with their counts', async () => {
    const { calls } = stubSegmentServer()
    await mountApp('/audience/segments/new')
    const field = conditions()[0]!.querySelector('[data-testid="field-select"] .el-select__wrapper')
    ;(field as HTMLElement).click()
    await settle(0)
    const groups = [...document.querySelectorAll<HTMLElement>('.el-select-group__title')]
      .filter((g) => g.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
      .map((g) => g.textContent?.trim())
    expect(groups).toEqual(['基础资料', '消费', '自定义属性', '客户分层'])
    await pick(conditions()[0]!.querySelector('[data-testid="field-select"]'), '生命周期')
    await pick(conditions()[0]!.querySelector('[data-testid="value-input"]'), '活跃')
    await settle(500)
    expect(await bodies(calls, 'POST', '/api/v1/segments/evaluate')).toEqual([
      {
        rule: { and: [{ attribute: 'layers.lifecycle', op: 'eq', value: 'active' }] },
        preview: 10,
      },
    ])
  })

  it('opens with a rule another page hands over, counts it, and creates nothing until saved', async () => {
    const { calls } = stubSegmentServer({
      'POST /api/v1/segments': () => jsonResponse(segment(), 201),
    })
    const rule = { and: [{ event: { type: 'view', from: '2026-11-01', to: '2026-11-30' } }] }
    const { router } = await mountApp(
      segmentDraftLocation({ name: '落地页UV 2026-11-01~2026-11-30', rule }),
    )
    await settle(500)
    expect(router.currentRoute.value.fullPath).toBe('/audience/segments/new')
    expect((document.querySelector('input[name="name"]') as HTMLInputElement).value).toBe(
      '落地页UV 2026-11-01~2026-11-30',
    )
    expect(conditions()).toHaveLength(1)
    expect(conditions()[0]!.textContent).toContain('做过')
    expect(document.querySelector('[data-testid="from-draft"]')?.textContent).toContain(
      '点击「保存人群」后才会创建',
    )
    expect(await bodies(calls, 'POST', '/api/v1/segments/evaluate')).toEqual([
      { rule, preview: 10 },
    ])
    expect(await bodies(calls, 'POST', '/api/v1/segments')).toEqual([])

    button('保存人群').click()
    await settle()
    expect(await bodies(calls, 'POST', '/api/v1/segments')).toEqual([
      { name: '落地页UV 2026-11-01~2026-11-30', rule, tagId: null },
    ])
  })

  it('refuses to save unfinished conditions and points at them', async () => {
    const { calls } = stubSegmentServer()
    await mountApp('/audience/segments/new')
    expect(document.querySelector('[data-testid="from-draft"]')).toBeNull()
    await type(document.querySelector<HTMLInputElement>('input[name="name"]'), '未完成')
    button('保存人群').click()
    await settle()
    expect(document.body.textContent).toContain('还有条件没有填写完整')
    expect(conditions()[0]!.classList).toContain('rule-condition--error')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('edits a saved segment: its rule in the builder, saved with PUT', async () => {
    const { calls } = stubSegmentServer({
      'PUT /api/v1/segments/5': async (request) =>
        jsonResponse(segment((await request.clone().json()) as Record<string, never>)),
    })
    const { router } = await mountApp('/audience/segments/5/edit')
    await settle(500)
    expect((document.querySelector('input[name="name"]') as HTMLInputElement).value).toBe(
      '近 30 天收藏的女性',
    )
    expect(conditions()).toHaveLength(2)
    expect(conditions()[1]!.textContent).toContain('做过')
    expect(document.querySelector('[data-testid="tag-picker"]')?.textContent).toContain('女性会员')
    expect(live()).toContain('约 5,624 人')

    button('保存人群').click()
    await settle()
    expect(await bodies(calls, 'PUT', '/api/v1/segments/5')).toEqual([
      {
        name: '近 30 天收藏的女性',
        description: '给女性会员推送新品',
        rule: segment().rule,
        tagId: 9,
      },
    ])
    // A lazily loaded page may take longer than one settle() to arrive.
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe('/audience/segments/5'),
      {
        // the next page is loaded lazily: slow on a busy machine
        timeout: 10_000,
      },
    )
  })
})
