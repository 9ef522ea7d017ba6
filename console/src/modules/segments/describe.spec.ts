import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/i18n'
import { FIELDS } from '@/test/segments'
import { describeRule, type SummaryLabels } from './describe'
import { fromJson } from './rule'

function labels(): SummaryLabels {
  const en = i18n.global.locale.value === 'en'
  return {
    t: (key, params) => i18n.global.t(key, params ?? {}),
    field: (key) => FIELDS.find((f) => f.key === key),
    value: (key, value) =>
      FIELDS.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ??
      String(value),
    tag: (id) => ({ 3: '高意向', 7: '已流失' })[id] ?? `#${id}`,
    event: (type) => ({ favorite: '收藏', purchase: '购买' })[type] ?? type,
    money: (value) => `¥${value.toFixed(2)}`,
    listSeparator: en ? ', ' : '、',
  }
}

describe('the rule in words', () => {
  afterEach(() => setLocale('zh-CN'))

  it('reads like an operator would say it', () => {
    const rule = fromJson({
      and: [
        { attribute: 'gender', op: 'eq', value: 'female' },
        { event: { type: 'favorite', lastDays: 30 } },
      ],
    })
    expect(describeRule(rule, labels())).toBe('性别 = 女 且 最近 30 天 做过 收藏')
    setLocale('en')
    expect(describeRule(rule, labels())).toBe('性别 = 女 and in the last 30 days did 收藏')
  })

  it('names operators, values, dates, tags, events and nested groups', () => {
    const rule = fromJson({
      or: [
        { attribute: 'gmv', op: 'between', values: ['100.00', '999.99'] },
        { attribute: 'memberSince', op: 'lte', value: { daysAgo: 365 } },
        { attribute: 'attributes.skinType', op: 'all', values: ['敏感', '干性'] },
        { attribute: 'name', op: 'contains', value: '王' },
        { attribute: 'city', op: 'isSet' },
        { not: { tags: { any: [3, 7] } } },
        {
          and: [
            { event: { did: false } },
            {
              event: {
                type: 'purchase',
                from: '2026-01-01',
                to: { daysAgo: 0 },
                atLeast: 2,
                atMost: 5,
                where: { property: 'channel', op: 'eq', value: 'live' },
                sum: { property: 'amount', op: 'gte', value: 500 },
                timing: 'first',
              },
            },
          ],
        },
      ],
    })
    expect(describeRule(rule, labels())).toBe(
      [
        '累计消费（元） 介于 ¥100.00 至 ¥999.99',
        '入会日期 不晚于 365 天前',
        '肤质 包含全部 敏感、干性',
        '姓名 包含 “王”',
        '城市 有值',
        '非「有任一标签：高意向、已流失」',
        '（没做过 任意事件 且 2026-01-01 至 今天 首次 做过 购买 至少 2 次 至多 5 次（channel = live、amount 合计 ≥ 500））',
      ].join(' 或 '),
    )
  })
})
