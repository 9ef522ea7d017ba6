import { afterEach, describe, expect, it, vi } from 'vitest'
import CustomerTimeline from './CustomerTimeline.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'

const EVENTS = '/api/v1/customers/20001/events'

const page1 = {
  items: [
    {
      eventId: 'order:SO-1',
      type: 'purchase',
      occurredAt: '2026-11-30T01:00:00Z',
      properties: { orderId: 'SO-1', amount: 2858.8, currency: 'CNY' },
      customerId: 20001,
    },
    // imported history can come without an id
    { eventId: '', type: 'view', occurredAt: '2026-11-30T00:30:00Z', customerId: 20001 },
    {
      eventId: '',
      type: 'message',
      occurredAt: '2026-11-29T03:00:00Z',
      properties: { direction: 'in' },
      customerId: 20002,
    },
  ],
  nextCursor: 'page-2',
}
const page2 = {
  items: [
    {
      eventId: 'r-1',
      type: 'refund',
      occurredAt: '2026-10-01T03:00:00Z',
      properties: { durationSeconds: 35, coupon: 'NEW10' },
      customerId: 20001,
    },
  ],
}

function days(): string[] {
  return [...document.querySelectorAll('.day__label')].map((d) => d.textContent?.trim() ?? '')
}

/** Each entry's texts, one space apart (the layout separates them, textContent would not). */
function entries(): string[] {
  return [...document.querySelectorAll('.event')].map((entry) => {
    const walker = document.createTreeWalker(entry, NodeFilter.SHOW_TEXT)
    const texts: string[] = []
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim()
      if (text) texts.push(text)
    }
    return texts.join(' ')
  })
}

describe('the customer timeline', () => {
  afterEach(() => {
    vi.useRealTimers()
    setLocale('zh-CN')
  })

  it('shows events newest first by day, with names, properties and where they came from', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-30T04:00:00Z'))
    const { calls } = stubFetch({
      [`GET ${EVENTS}`]: (request) =>
        jsonResponse(new URL(request.url).searchParams.get('cursor') ? page2 : page1),
    })
    mountWithApp(CustomerTimeline, { props: { customerId: 20001 } })
    await settle()

    expect(days()).toEqual(['今天 · 2026-11-30', '昨天 · 2026-11-29'])
    expect(entries()).toEqual([
      '09:00 购买 订单号 SO-1 金额 ¥2,858.80',
      '08:30 浏览',
      '11:00 消息 来自 #20002 方向 客户发来',
    ])
    expect(document.querySelectorAll('.event__icon')).toHaveLength(3)

    button('加载更多').click()
    await settle()
    expect(new URL(calls[1]!.url).searchParams.get('cursor')).toBe('page-2')
    expect(days().at(-1)).toBe('2026-10-01')
    expect(entries().at(-1)).toBe('11:00 退款 停留 35 秒 coupon NEW10')
    expect(document.body.textContent).toContain('已全部加载，共 4 条')
  })

  it('is quietly empty while the server has no timeline (404)', async () => {
    stubFetch({ [`GET ${EVENTS}`]: () => problemResponse(404, { detail: '没有这个接口地址。' }) })
    mountWithApp(CustomerTimeline, { props: { customerId: 20001 } })
    await settle()
    expect(document.body.textContent).toContain('暂无动态')
    expect(document.querySelector('.el-message')).toBeNull()
    expect(document.body.textContent).not.toContain('加载更多')
  })

  it('reports other failures', async () => {
    stubFetch({ [`GET ${EVENTS}`]: () => problemResponse(500, { detail: '服务器开小差了' }) })
    mountWithApp(CustomerTimeline, { props: { customerId: 20001 } })
    await settle()
    expect(document.querySelector('.el-message')?.textContent).toContain('服务器开小差了')
  })

  it('names event types in English too', async () => {
    setLocale('en')
    stubFetch({ [`GET ${EVENTS}`]: () => jsonResponse({ items: page1.items.slice(0, 2) }) })
    mountWithApp(CustomerTimeline, { props: { customerId: 20001 } })
    await settle()
    const text = entries().join(' | ')
    expect(text).toContain('Purchase Order SO-1 Amount ¥2,858.80')
    expect(text).toContain('View')
  })
})
