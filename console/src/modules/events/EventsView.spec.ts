import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import EventsView from './EventsView.vue'
import ChartCard from '@/modules/home/ChartCard.vue'
import { configureHttp } from '@/api/http'
import { currentLocale, setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { jsonResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import type { EventProperty, EventTypeInfo } from './api'
import { catalogDates } from './chart'
import { exampleRequest } from './example'

const text = (name: string, maxLength: number, required = false): EventProperty => ({
  name,
  kind: 'string',
  required,
  maxLength,
  values: [],
})
const oneOf = (name: string, ...values: string[]): EventProperty => ({
  name,
  kind: 'string',
  required: false,
  maxLength: 32,
  values,
})
const of = (name: string, kind: EventProperty['kind'], required = false): EventProperty => ({
  name,
  kind,
  required,
  values: [],
})

function type(
  name: string,
  code: number,
  displayName: string,
  properties: EventProperty[],
  daily: EventTypeInfo['daily'] = [],
): EventTypeInfo {
  const last30Days = daily.reduce((sum, d) => sum + d.count, 0)
  return { name, code, builtIn: true, displayName, properties, last30Days, daily }
}

/** The server's built-in catalog, as GET /api/v1/event-types answers in Chinese. */
const CATALOG: EventTypeInfo[] = [
  type(
    'view',
    0,
    '浏览',
    [
      text('contentId', 64),
      of('durationSeconds', 'number'),
      text('page', 512),
      text('productId', 64),
    ],
    [
      { date: '2026-11-28', count: 1200 },
      { date: '2026-11-30', count: 34 },
    ],
  ),
  type('favorite', 1, '收藏', [text('productId', 64, true)]),
  type('add_to_cart', 2, '加购', [
    text('productId', 64, true),
    of('price', 'number'),
    of('quantity', 'integer'),
  ]),
  type(
    'purchase',
    3,
    '购买',
    [
      of('amount', 'number', true),
      text('orderId', 64, true),
      oneOf('currency', 'CNY', 'HKD', 'USD'),
      of('paidAt', 'datetime'),
    ],
    [{ date: '2026-11-01', count: 3 }],
  ),
  type('share', 4, '分享', [
    oneOf('channel', 'moments', 'chat', 'group', 'other'),
    text('contentId', 64),
  ]),
  type('message', 5, '消息', [oneOf('direction', 'in', 'out'), text('staffId', 64)]),
]

const NOW = new Date('2026-11-30T10:00:00Z')

async function mountPage(catalog: EventTypeInfo[] = CATALOG) {
  const server = stubFetch({ 'GET /api/v1/event-types': () => jsonResponse(catalog) })
  // jsdom has no canvas; the chart's option is what this page decides.
  const wrapper = mountWithApp(EventsView, { global: { stubs: { Echarts: true } } })
  await settle()
  return { wrapper, ...server }
}

function exampleText(): string {
  return document.querySelector('[data-testid="event-example"]')?.textContent ?? ''
}

async function chooseExample(label: string): Promise<void> {
  document.querySelector<HTMLElement>('.send .el-select__wrapper')!.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (item) => item.textContent?.trim() === label,
  )
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(0)
}

// Mounted pages would otherwise live on and answer the next test's language change.
enableAutoUnmount(afterEach)

describe('the event catalog page', () => {
  afterEach(() => {
    vi.useRealTimers()
    setLocale('zh-CN')
  })

  it('lists every type with its name, totals and property schema', async () => {
    const { wrapper } = await mountPage()
    const rows = wrapper.findAll('.el-table__body tr')
    expect(rows).toHaveLength(6)

    const view = rows[0]!.text()
    expect(view).toContain('浏览')
    expect(view).toContain('内置')
    expect(view).toContain('1,234')
    expect(rows[0]!.find('.siyu-mono').text()).toBe('view')
    expect(view).toContain('最多 512 个字符')

    const purchase = rows[3]!.text()
    expect(purchase).toContain('购买')
    expect(purchase).toContain('purchase')
    expect(purchase).toContain('必填')
    expect(purchase).toContain('数值')
    expect(purchase).toContain('ISO 8601 时间')
    expect(rows[3]!.findAll('code.value').map((c) => c.text())).toEqual(['CNY', 'HKD', 'USD'])
    expect(rows[1]!.text()).not.toContain('选填')
  })

  it('charts the last 30 UTC days by type, with zero on days without events', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const { wrapper } = await mountPage()
    const option = wrapper.findComponent(ChartCard).props('option') as {
      xAxis: { data: string[] }
      series: { name: string; data: number[]; stack: string }[]
    }
    expect(option.xAxis.data).toHaveLength(30)
    expect(option.xAxis.data[0]).toBe('2026-11-01')
    expect(option.xAxis.data.at(-1)).toBe('2026-11-30')
    expect(option.series.map((s) => s.name)).toEqual([
      '浏览',
      '收藏',
      '加购',
      '购买',
      '分享',
      '消息',
    ])
    expect(new Set(option.series.map((s) => s.stack)).size).toBe(1)

    const views = option.series[0]!.data
    expect(views.slice(-3)).toEqual([1200, 0, 34])
    expect(views.reduce((a, b) => a + b, 0)).toBe(1234)
    expect(option.series[3]!.data[0]).toBe(3)
    expect(option.series[1]!.data).toEqual(Array(30).fill(0))
  })

  it('reaches back a day when the server’s 30-day window starts on the day before', () => {
    const early = [type('view', 0, '浏览', [], [{ date: '2026-10-31', count: 5 }])]
    const dates = catalogDates('2026-11-30', early)
    expect(dates[0]).toBe('2026-10-31')
    expect(dates).toHaveLength(31)
    expect(catalogDates('2026-11-30', [])).toHaveLength(30)
  })

  it('shows an empty chart when no events arrived in 30 days', async () => {
    const quiet = CATALOG.map((t) => ({ ...t, daily: [], last30Days: 0 }))
    const { wrapper } = await mountPage(quiet)
    expect(wrapper.findComponent(ChartCard).props('empty')).toBe(true)
    expect(wrapper.find('echarts-stub').exists()).toBe(false)
  })

  it('shows a valid example request for the chosen type and copies exactly that', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('isSecureContext', true)
    const { wrapper, calls } = await mountPage()

    expect(JSON.parse(exampleText()).events[0].type).toBe('view')
    await chooseExample('购买 · purchase')
    const body = JSON.parse(exampleText())
    expect(body.events).toHaveLength(1)
    const [event] = body.events
    expect(event).toMatchObject({
      type: 'purchase',
      occurredAt: '2026-11-30T10:00:00Z',
      customer: { mobile: '13800138000' },
      properties: { orderId: expect.any(String), amount: expect.any(Number), currency: 'CNY' },
    })
    expect(event.eventId).toMatch(/^[A-Za-z0-9._:-]{1,64}$/)

    button('复制请求体').click()
    await settle(0)
    expect(writeText).toHaveBeenCalledWith(exampleText())
    expect(wrapper.find('a[href="/swagger-ui.html"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('/api/v1/events')
    // The page only reads; sending events is for machine clients.
    expect(calls.map((c) => c.method)).toEqual(['GET'])
  })

  it('asks the server again in English, which names the types in English', async () => {
    configureHttp({ locale: currentLocale })
    const { wrapper, calls } = await mountPage()
    setLocale('en')
    await settle()
    expect(calls).toHaveLength(2)
    expect(calls[1]!.headers.get('Accept-Language')).toBe('en')
    expect(wrapper.text()).toContain('Event catalog')
    expect(wrapper.text()).toContain('Required')
  })
})

describe('the example event', () => {
  it('fills every property of every type with a value its schema accepts', () => {
    for (const eventType of CATALOG) {
      const [event] = exampleRequest(eventType, NOW).events
      const properties = event!.properties ?? {}
      expect(Object.keys(properties).sort(), eventType.name).toEqual(
        eventType.properties.map((p) => p.name).sort(),
      )
      for (const p of eventType.properties) {
        const value = properties[p.name]
        const at = `${eventType.name}.${p.name}`
        if (p.values.length > 0) expect(p.values, at).toContain(value)
        if (p.maxLength) expect(String(value).length, at).toBeLessThanOrEqual(p.maxLength)
        if (p.kind === 'integer') expect(Number.isInteger(value), at).toBe(true)
        if (p.kind === 'number') expect(typeof value, at).toBe('number')
        if (p.kind === 'datetime') expect(value, at).toBe('2026-11-30T10:00:00Z')
      }
    }
  })

  it('leaves properties out for a type without any', () => {
    const bare = type('ping', 100, 'ping', [])
    expect(exampleRequest(bare, NOW).events[0]).not.toHaveProperty('properties')
  })
})
