import { describe, expect, it } from 'vitest'
import { GROUP_PREVIEW, PREVIEW } from '@/test/mass-sends'
import { funnelOption, heldEntries, heldOption, reachOption, staffOption } from './charts'
import { funnel } from './status'

type Series = { data: unknown[]; label?: { formatter?: (p: { value: unknown }) => string } }
const series = (option: { series?: unknown }) => (option.series as Series[])[0]!

const WORDS: Record<string, string> = { no_contact: '未添加企业微信', frequency: '超过频次上限' }

describe('the preview charts', () => {
  it('show the reachable customers and each reason for holding some back, in words', () => {
    const option = reachOption(PREVIEW, {
      reachable: '可发送',
      held: (reason) => WORDS[reason] ?? reason,
    })
    expect(series(option).data).toMatchObject([
      { name: '可发送', value: 38 },
      { name: '未添加企业微信', value: 1 },
      { name: '超过频次上限', value: 3 },
    ])
  })

  it('list held reasons in a fixed order, only those with customers', () => {
    expect(heldEntries({ quota: 2, opted_out: 0, no_contact: 5 })).toEqual([
      { reason: 'no_contact', count: 5 },
      { reason: 'quota', count: 2 },
    ])
  })

  it('show the customers of each staff member, most first as the server sorts them', () => {
    const option = staffOption(PREVIEW.staff, '客户')
    expect(series(option).data).toEqual([30, 8])
    expect((option.yAxis as { data: string[] }).data).toEqual(['张三', '李四'])
    expect(series(option).label!.formatter!({ value: 30 })).toBe('30')
  })

  it('tell how many groups each owner sends to, and why groups are held back', () => {
    const option = staffOption(GROUP_PREVIEW.staff, '各群主要发送的群', (n) => `${n} 个群`)
    expect(series(option).label!.formatter!({ value: 2 })).toBe('2 个群')
    expect(heldEntries(GROUP_PREVIEW.held, 'group')).toEqual([
      { reason: 'no_owner', count: 1 },
      { reason: 'quota', count: 1 },
    ])
  })
})

describe('the detail charts', () => {
  it('label each stage with its number and its share of the audience', () => {
    const option = funnelOption(funnel({ delivered: 3, submitted: 1, no_contact: 4 }), {
      audience: '目标客户',
      handed: '已交给企业微信',
      staffSent: '员工已发送',
      delivered: '已送达',
    })
    const bars = series(option)
    expect(bars.data.map((d) => (d as { value: number }).value)).toEqual([8, 4, 3, 3])
    expect(bars.label!.formatter!({ value: 4 })).toBe('4 · 50%')
  })

  it('show the held reasons as bars', () => {
    const option = heldOption([{ reason: 'quota', count: 2 }], () => '超过企业微信群发额度')
    expect((option.yAxis as { data: string[] }).data).toEqual(['超过企业微信群发额度'])
    expect(series(option).data).toMatchObject([{ value: 2 }])
  })
})
