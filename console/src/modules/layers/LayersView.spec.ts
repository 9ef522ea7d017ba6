import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './LayersView.vue'
import { configureHttp } from '@/api/http'
import { currentLocale, setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { mountApp, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { ElDatePicker } from 'element-plus'
import LayerChart from './LayerChart.vue'
import TransitionDays from './TransitionDays.vue'
import type { Layer, RfmGrid, SegmentField, Transitions } from './api'

const GROUP_COUNTS = [120, 300, 40, 260, 80, 500, 30, 670]
const RFM_GROUPS = [
  ['important_value', '重要价值客户', 'Important value'],
  ['important_develop', '重要发展客户', 'Important to develop'],
  ['important_keep', '重要保持客户', 'Important to keep'],
  ['important_retain', '重要挽留客户', 'Important to win back'],
  ['general_value', '一般价值客户', 'General value'],
  ['general_develop', '一般发展客户', 'General to develop'],
  ['general_keep', '一般保持客户', 'General to keep'],
  ['general_retain', '一般挽留客户', 'General to win back'],
] as const

const LEVELS: Record<string, [string, string, string][]> = {
  lifecycle: [
    ['new', '新客', 'New'],
    ['active', '活跃', 'Active'],
    ['silent', '沉默', 'Silent'],
    ['churned', '流失', 'Churned'],
  ],
  growth: [
    ['super_koc', '超级用户（KOC）', 'Super KOC'],
    ['koc', 'KOC', 'KOC'],
    ['angel', '天使用户', 'Angel'],
    ['seed', '种子用户', 'Seed'],
    ['regular', '普通用户', 'Regular'],
  ],
  circle: [
    ['core', '核心层', 'Core'],
    ['influence', '影响层', 'Influence'],
    ['outer', '外围层', 'Outer'],
  ],
  intent: [
    ['high', '高意向', 'High intent'],
    ['medium', '中意向', 'Medium intent'],
    ['low', '低意向', 'Low intent'],
    ['none', '无意向', 'No intent'],
  ],
}
const LAYER_NAMES: Record<string, [string, string]> = {
  rfm: ['RFM 分层', 'RFM'],
  lifecycle: ['生命周期', 'Lifecycle'],
  growth: ['成长阶段', 'Growth stage'],
  circle: ['圈层', 'Circle'],
  intent: ['意向等级', 'Intent'],
}

const RULES: Record<string, unknown> = {
  new: { attribute: 'firstSeenAt', op: 'gte', value: { daysAgo: 30 } },
  active: { attribute: 'lastActiveAt', op: 'gte', value: { daysAgo: 30 } },
  silent: { attribute: 'lastActiveAt', op: 'gte', value: { daysAgo: 90 } },
  core: {
    and: [
      { attribute: 'orderCount', op: 'gte', value: 3 },
      { attribute: 'gmv', op: 'gte', value: '1000' },
    ],
  },
  influence: { event: { type: 'share', lastDays: 30 } },
  high: {
    and: [
      { event: { type: 'add_to_cart', lastDays: 7 } },
      { event: { type: 'purchase', lastDays: 7, did: false } },
    ],
  },
  medium: { event: { type: 'favorite', lastDays: 14 } },
  low: { event: { lastDays: 30 } },
  super_koc: { attribute: 'orderCount', op: 'gte', value: 5 },
  koc: { attribute: 'orderCount', op: 'gte', value: 2 },
  angel: { attribute: 'orderCount', op: 'gte', value: 1 },
  seed: { attribute: 'memberSince', op: 'lte', value: { daysAgo: 365 } },
}

function layers(customized: string[] = []): Layer[] {
  const scores = (key: string): Layer => ({
    key,
    editable: false,
    customized: false,
    levels: ['5', '4', '3', '2', '1'].map((level, i) => ({ key: level, rule: {}, count: 400 + i })),
  })
  return [
    {
      key: 'rfm',
      editable: false,
      customized: false,
      levels: RFM_GROUPS.map(([key], i) => ({ key, rule: {}, count: GROUP_COUNTS[i]! })),
    },
    scores('rfmR'),
    scores('rfmF'),
    scores('rfmM'),
    ...Object.entries(LEVELS).map(([key, levels]) => ({
      key,
      editable: true,
      customized: customized.includes(key),
      levels: levels.map(([level], i) => ({
        key: level,
        rule: (RULES[level] ?? null) as Layer['levels'][number]['rule'],
        count: 1000 * (i + 1),
      })),
    })),
  ]
}

function fields(en = false): { fields: SegmentField[] } {
  const field = (key: string, zh: string, english: string): SegmentField => ({
    key,
    label: en ? english : zh,
    kind: 'number',
    ops: [],
    values: [],
  })
  const layer = (key: string, values: readonly (readonly [string, string, string])[]) => ({
    key: `layers.${key}`,
    label: LAYER_NAMES[key]![en ? 1 : 0],
    kind: 'layer',
    ops: ['eq', 'in', 'neq', 'notIn'],
    values: values.map(([value, zh, english]) => ({ value, label: en ? english : zh, count: 1 })),
  })
  return {
    fields: [
      field('orderCount', '订单数', 'Orders'),
      field('gmv', '累计消费（元）', 'Total spent (yuan)'),
      field('firstSeenAt', '首次出现', 'First seen'),
      field('lastActiveAt', '最近活跃', 'Last active'),
      field('memberSince', '入会日期', 'Member since'),
      layer('rfm', RFM_GROUPS),
      ...Object.entries(LEVELS).map(([key, values]) => layer(key, values)),
    ],
  }
}

const GRID: RfmGrid = {
  scoring: {
    mode: 'THRESHOLDS',
    recency: [30, 90, 180, 365],
    frequency: [2, 3, 5, 8],
    monetary: [200, 500, 1000, 3000],
    highFrom: 3,
    computedAt: null,
  },
  groups: RFM_GROUPS.map(([key], i) => ({ key, count: GROUP_COUNTS[i]! })),
  cells: [
    [30, 20, 10, 5, 1],
    [40, 30, 20, 10, 2],
    [50, 40, 30, 20, 3],
    [60, 50, 40, 30, 4],
    [70, 60, 50, 40, 1365],
  ],
  monetaryHigh: [5, 4, 3, 2, 1].map(() => [10, 5, 0, 0, 0]),
  buyers: 2000,
  total: 20000,
  tookMs: 12.34,
}

const LIFECYCLE_FLOWS: Transitions = {
  layer: 'lifecycle',
  from: '2026-11-20',
  to: '2026-11-27',
  levels: ['new', 'active', 'silent', 'churned'],
  matrix: [
    [50, 30, 0, 0, 0],
    [0, 800, 120, 0, 2],
    [0, 40, 600, 90, 0],
    [0, 0, 0, 900, 0],
    [70, 0, 0, 0, 0],
  ],
  days: ['2026-11-20', '2026-11-26', '2026-11-27'],
}

const ONE_DAY: Transitions = {
  layer: 'circle',
  from: '2026-11-27',
  to: '2026-11-27',
  levels: ['core', 'influence', 'outer'],
  matrix: [
    [100, 0, 0, 0],
    [0, 300, 0, 0],
    [0, 0, 1600, 0],
    [0, 0, 0, 0],
  ],
  days: ['2026-11-27'],
}

function stubServer(extra: Record<string, Route> = {}, account = me(), customized: string[] = []) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/layers': () => jsonResponse(layers(customized)),
    'GET /api/v1/segments/fields': (request) =>
      jsonResponse(fields(request.headers.get('Accept-Language') === 'en')),
    'GET /api/v1/layers/rfm/grid': () => jsonResponse(GRID),
    'GET /api/v1/layers/lifecycle/transitions': () => jsonResponse(LIFECYCLE_FLOWS),
    'GET /api/v1/layers/circle/transitions': () => jsonResponse(ONE_DAY),
    // The segment page of the other module, where a saved segment opens.
    'GET /api/v1/segments/42': () => jsonResponse({ id: 42, name: 'RFM·重要价值客户' }),
    ...extra,
  })
}

const card = (group: string) => document.querySelector<HTMLElement>(`[data-group="${group}"]`)!

function charts(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) {
  return wrapper
    .findAllComponents(LayerChart)
    .map((c) => c.props('option') as Record<string, unknown>)
}

const buttonTexts = () =>
  [...document.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '')

/** A table row as its cells' texts, one space apart. */
const cells = (row: Element) =>
  [...row.children]
    .map((cell) => cell.textContent!.trim())
    .filter((text) => text !== '')
    .join(' ')

async function openTab(name: string): Promise<void> {
  document.querySelector<HTMLElement>(`#tab-${name}`)!.click()
  await settle()
}

describe('the layers page', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the eight RFM groups with the server’s names, counts, shares and advice', async () => {
    stubServer()
    const { wrapper } = await mountApp('/audience/layers')
    const cards = [...document.querySelectorAll<HTMLElement>('[data-group]')]
    expect(cards.map((c) => c.dataset.group)).toEqual(RFM_GROUPS.map(([key]) => key))
    const first = card('important_value').textContent!
    expect(first).toContain('重要价值客户')
    expect(first).toContain('120')
    expect(first).toContain('占购买客户 6%')
    expect(first).toContain('专属客服与新品优先')
    expect(card('important_retain').textContent).toContain('召回礼包')
    expect(card('general_retain').textContent).toContain('670')
    expect(card('general_retain').textContent).toContain('33.5%')
    expect(wrapper.text()).toContain('购买客户 2,000 / 全部客户 20,000')
    expect(wrapper.text()).toContain('计算耗时 12.3 ms')
    expect(wrapper.text()).toContain('评分方式：固定阈值 · 得分 ≥ 3 记为“高”')

    const [heatmap, distribution] = charts(wrapper)
    const yAxis = heatmap!.yAxis as { data: string[] }
    expect(yAxis.data.at(-1)).toBe('R5\n≤30 天')
    expect(yAxis.data[0]).toBe('R1\n>365 天')
    expect((heatmap!.xAxis as { data: string[] }).data[4]).toBe('F5\n≥8 单')
    const tooltip = heatmap!.tooltip as { formatter: (p: unknown) => string }
    // The first cell is recency 5, frequency 5: 30 buyers, 10 of them spending high.
    expect(tooltip.formatter({ dataIndex: 0 })).toBe(
      '<b>最近购买 5 分 · 购买频次 5 分</b><br/>客户 30，占购买客户 1.5%<br/>其中消费金额高的 10（33.3%）',
    )
    const series = distribution!.series as { name: string; data: number[] }[]
    expect(series.map((s) => s.name)).toEqual(['最近购买 R', '购买频次 F', '消费金额 M'])
    expect(series[0]!.data).toEqual([400, 401, 402, 403, 404])
  })

  it('saves a group as a segment and opens it', async () => {
    const { calls } = stubServer({
      'POST /api/v1/segments': () => jsonResponse({ id: 42, name: 'RFM·重要价值客户' }, 201),
    })
    const { router } = await mountApp('/audience/layers')
    button('保存为人群', card('important_value')).click()
    await settle()
    const dialog = openDialog()
    expect(dialog.querySelector<HTMLInputElement>('input[name="name"]')!.value).toBe(
      'RFM·重要价值客户',
    )
    button('保存并查看', dialog).click()
    await settle()
    const sent = calls.find((c) => c.method === 'POST')!
    const body = await sent.json()
    expect(body).toMatchObject({
      name: 'RFM·重要价值客户',
      rule: { attribute: 'layers.rfm', op: 'eq', value: 'important_value' },
    })
    expect(body.description).toContain('重要价值客户')
    // A lazily loaded page may take longer than one settle() to arrive.
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe('/audience/segments/42'),
      {
        // the next page is loaded lazily: slow on a busy machine
        timeout: 10_000,
      },
    )
  })

  it('shows the server’s word at the name when a segment of that name exists', async () => {
    stubServer({
      'POST /api/v1/segments': () =>
        problemResponse(409, {
          detail: '请求中有字段不合要求，请按下列说明修改。',
          errors: [{ field: 'name', code: 'x', message: '已有名为“RFM·重要挽留客户”的人群。' }],
        }),
    })
    const { router } = await mountApp('/audience/layers')
    button('保存为人群', card('important_retain')).click()
    await settle()
    button('保存并查看', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item__error')!.textContent).toContain(
      '已有名为“RFM·重要挽留客户”的人群。',
    )
    expect(router.currentRoute.value.path).toBe('/audience/layers')
  })

  it('changes RFM scoring, with the server’s problems at the cut points', async () => {
    let answer: Route = () =>
      problemResponse(400, {
        detail: '请求中有字段不合要求，请按下列说明修改。',
        errors: [
          {
            field: 'recency',
            code: 'layer.rfm.cuts',
            message: '须为 4 个由小到大的数，且不小于 0。',
          },
        ],
      })
    const { calls } = stubServer({
      'PUT /api/v1/layers/rfm/scoring': (request) => answer(request),
    })
    await mountApp('/audience/layers')
    button('评分设置').click()
    await settle()
    const dialog = openDialog()
    const input = (field: string, score: number) =>
      dialog.querySelector<HTMLInputElement>(
        `[data-field="${field}"] [data-score="${score}"] input`,
      )
    expect(input('recency', 5)!.value).toBe('30')
    expect(input('monetary', 5)!.value).toBe('3000.00')
    await type(input('recency', 4), '10')
    input('recency', 4)!.dispatchEvent(new Event('change'))
    await settle(0)
    button('保存', dialog).click()
    await settle()
    const sent = calls.filter((c) => c.method === 'PUT')
    expect(sent).toHaveLength(1)
    expect(await sent[0]!.json()).toEqual({
      mode: 'thresholds',
      recency: [30, 10, 180, 365],
      frequency: [2, 3, 5, 8],
      monetary: [200, 500, 1000, 3000],
      highFrom: 3,
    })
    expect(
      dialog.querySelector('[data-field="recency"] .el-form-item__error')!.textContent,
    ).toContain('须为 4 个由小到大的数')

    answer = () => jsonResponse({ ...GRID.scoring, mode: 'QUINTILES' })
    dialog.querySelectorAll<HTMLElement>('.el-radio-button')[1]!.click()
    await settle(0)
    expect(input('recency', 5)!.disabled).toBe(true)
    const grids = calls.filter((c) => c.url.endsWith('/rfm/grid')).length
    button('保存', dialog).click()
    await settle()
    expect((await calls.filter((c) => c.method === 'PUT')[1]!.json()).mode).toBe('quintiles')
    expect(calls.filter((c) => c.url.endsWith('/rfm/grid')).length).toBe(grids + 1)
  })

  it('offers nothing to change to staff who may only read', async () => {
    stubServer({}, me({ role: 'staff', permissions: ['segments:read'] }))
    const { wrapper } = await mountApp('/audience/layers?tab=intent')
    await settle()
    expect(wrapper.text()).toContain('高意向')
    expect(buttonTexts()).not.toContain('编辑规则')
    expect(buttonTexts()).not.toContain('保存为人群')
    await openTab('rfm')
    expect(card('important_value').textContent).toContain('重要价值客户')
    expect(buttonTexts()).not.toContain('评分设置')
    expect(buttonTexts()).not.toContain('保存为人群')
  })

  it('draws the lifecycle flow between two snapshot days, with new and gone customers named', async () => {
    const { calls } = stubServer()
    const { wrapper, router } = await mountApp('/audience/layers')
    await openTab('lifecycle')
    expect(router.currentRoute.value.query.tab).toBe('lifecycle')
    expect(calls.some((c) => c.url.includes('/lifecycle/transitions'))).toBe(true)

    const sankey = charts(wrapper).find(
      (o) => (o.series as { type: string }[])[0]!.type === 'sankey',
    )!
    const [series] = sankey.series as {
      data: { id: string; name: string }[]
      links: { value: number }[]
    }[]
    const names = series!.data.map((n) => n.name)
    expect(names).toContain('新进入')
    expect(names).toContain('已离开')
    expect(series!.links.every((l) => l.value > 0)).toBe(true)

    const rows = [...document.querySelectorAll('#pane-lifecycle .level-changes tbody tr')]
    expect(rows.map(cells)).toEqual([
      '新客 80 120 70 30 +40',
      '活跃 922 870 70 122 -52',
      '沉默 730 720 120 130 -10',
      '流失 900 990 90 0 +90',
    ])
    // Level rules read as sentences.
    const pane = document.querySelector('#pane-lifecycle')!.textContent!
    expect(pane).toContain('首次出现在近 30 天内')
    expect(pane).toContain('其余所有客户')
  })

  it('compares only days with a snapshot, the first before the second', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/audience/layers?tab=lifecycle')
    await settle()
    const [from, to] = wrapper.findComponent(TransitionDays).findAllComponents(ElDatePicker)
    const day = (iso: string) => new Date(`${iso}T00:00:00`)
    const offFrom = from!.props('disabledDate') as (date: Date) => boolean
    const offTo = to!.props('disabledDate') as (date: Date) => boolean
    expect(offFrom(day('2026-11-20'))).toBe(false)
    expect(offFrom(day('2026-11-26'))).toBe(false)
    expect(offFrom(day('2026-11-21'))).toBe(true)
    expect(offFrom(day('2026-11-27'))).toBe(true)
    expect(offTo(day('2026-11-26'))).toBe(false)
    expect(offTo(day('2026-11-20'))).toBe(true)

    from!.vm.$emit('update:modelValue', '2026-11-26')
    await settle()
    const asked = calls.filter((c) => c.url.includes('/lifecycle/transitions')).at(-1)!
    expect(Object.fromEntries(new URL(asked.url).searchParams)).toEqual({
      from: '2026-11-26',
      to: '2026-11-27',
    })
  })

  it('explains on the first day that flows need a second snapshot', async () => {
    stubServer({
      'GET /api/v1/layers/lifecycle/transitions': () =>
        jsonResponse({
          ...ONE_DAY,
          layer: 'lifecycle',
          levels: LIFECYCLE_FLOWS.levels,
          matrix: [
            [1, 0, 0, 0, 0],
            [0, 1, 0, 0, 0],
            [0, 0, 1, 0, 0],
            [0, 0, 0, 1, 0],
            [0, 0, 0, 0, 0],
          ],
        }),
    })
    const { wrapper } = await mountApp('/audience/layers?tab=lifecycle')
    await settle()
    expect(
      document.querySelector('#pane-lifecycle [data-testid="one-day"]')!.textContent,
    ).toContain('流转图从明天起显示')
    const types = charts(wrapper).map((o) => (o.series as { type: string }[])[0]!.type)
    expect(types).toEqual(['bar'])
  })

  it('shows the circles as a pyramid and their moves as a table with totals', async () => {
    const circleFlows: Transitions = {
      ...ONE_DAY,
      from: '2026-11-26',
      days: ['2026-11-26', '2026-11-27'],
      matrix: [
        [90, 8, 2, 0],
        [5, 280, 15, 1],
        [3, 20, 1570, 4],
        [0, 1, 12, 0],
      ],
    }
    stubServer({ 'GET /api/v1/layers/circle/transitions': () => jsonResponse(circleFlows) })
    const { wrapper } = await mountApp('/audience/layers?tab=circle')
    await settle()
    const pane = document.querySelector('#pane-circle')!
    expect(pane.textContent).toContain('仰慕链')
    const funnel = charts(wrapper).find(
      (o) => (o.series as { type: string }[])[0]!.type === 'funnel',
    )!
    const label = (funnel.series as { label: { formatter: (p: unknown) => string } }[])[0]!.label
    expect(label.formatter({ dataIndex: 0 })).toBe('核心层\n1,000 人 · 16.7%')

    const rows = [
      ...pane.querySelectorAll('.transition-matrix tbody tr, .transition-matrix tfoot tr'),
    ]
    const text = rows.map(cells)
    expect(text).toEqual([
      '核心层 90 8 2 0 100',
      '影响层 5 280 15 1 301',
      '外围层 3 20 1,570 4 1,597',
      '新进入 0 1 12 13',
      '合计 98 309 1,599 5 2,011',
    ])
    expect(pane.querySelector('.transition-matrix thead')!.textContent).toContain('已离开')
  })

  it('edits a layer’s rules as JSON: mistakes are caught here, the server’s at their level', async () => {
    let answer: Route = () =>
      problemResponse(400, {
        detail: '规则中有条件不合要求',
        errors: [
          {
            field: 'levels[1].rule.and[0].op',
            code: 'x',
            message: '运算“contains”不适用于“orderCount”。',
          },
        ],
      })
    const { calls } = stubServer({ 'PUT /api/v1/layers/intent': (request) => answer(request) })
    await mountApp('/audience/layers?tab=intent')
    await settle()
    button('编辑规则').click()
    await settle()
    const dialog = openDialog()
    const text = (level: string) =>
      dialog.querySelector<HTMLTextAreaElement>(`[data-level="${level}"] textarea`)!
    const error = (level: string) =>
      dialog.querySelector(`[data-level="${level}"] .el-form-item__error`)?.textContent ?? ''
    expect(JSON.parse(text('medium').value)).toEqual(RULES.medium)
    expect(text('none').value).toBe('')

    text('low').value = '{"event": '
    text('low').dispatchEvent(new Event('input'))
    await settle(0)
    button('保存', dialog).click()
    await settle()
    expect(error('low')).toContain('不是有效的 JSON')
    expect(calls.some((c) => c.method === 'PUT')).toBe(false)

    text('low').value = '{"event": {"lastDays": 60}}'
    text('low').dispatchEvent(new Event('input'))
    await settle(0)
    button('保存', dialog).click()
    await settle()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(await put.json()).toEqual({
      levels: [
        { key: 'high', rule: RULES.high },
        { key: 'medium', rule: RULES.medium },
        { key: 'low', rule: { event: { lastDays: 60 } } },
        { key: 'none', rule: null },
      ],
    })
    expect(error('medium')).toBe('运算“contains”不适用于“orderCount”。（rule.and[0].op）')
    expect(error('low')).toBe('')

    answer = () => jsonResponse(layers(['intent']).find((l) => l.key === 'intent'))
    const loads = calls.filter((c) => c.url.endsWith('/api/v1/layers')).length
    button('保存', dialog).click()
    await settle(400)
    expect(calls.filter((c) => c.url.endsWith('/api/v1/layers')).length).toBe(loads + 1)
    expect(document.body.textContent).toContain('“意向等级”的规则已保存')
  })

  it('restores a customised layer’s built-in rules after asking', async () => {
    const { calls } = stubServer(
      { 'DELETE /api/v1/layers/intent': () => new Response(null, { status: 204 }) },
      me(),
      ['intent'],
    )
    const { wrapper } = await mountApp('/audience/layers?tab=intent')
    await settle()
    expect(wrapper.text()).toContain('自定义规则')
    button('恢复默认').click()
    await settle()
    const box = document.querySelector<HTMLElement>('.el-message-box')!
    expect(box.textContent).toContain('“意向等级”将改回内置规则')
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
    button('恢复默认', box).click()
    await settle()
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => new URL(c.url).pathname)).toEqual([
      '/api/v1/layers/intent',
    ])
  })

  it('speaks English, with layer and level names from the server in English', async () => {
    configureHttp({ locale: currentLocale })
    setLocale('en')
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/audience/layers')
    expect(
      calls.find((c) => c.url.endsWith('/segments/fields'))!.headers.get('Accept-Language'),
    ).toBe('en')
    expect(card('important_value').textContent).toContain('Important value')
    expect(card('important_value').textContent).toContain('6% of buyers')
    expect(card('important_value').textContent).toContain('Dedicated service')
    expect(wrapper.text()).toContain('Buyers 2,000 / all customers 20,000')
    await openTab('growth')
    const pane = document.querySelector('#pane-growth')!.textContent!
    expect(pane).toContain('Super KOC')
    expect(pane).toContain('Orders ≥ 5')
    expect(pane).toContain('Member since 365 or more days ago')
    expect(pane).not.toMatch(/\p{Script=Han}/u)
  })
})
