import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { describeRule, parseRuleText, problemLevel, ruleText, type RuleWords } from './rules'

const FIELDS: Record<string, string> = {
  orderCount: '订单数',
  gmv: '累计消费（元）',
  lastActiveAt: '最近活跃',
  lastPurchaseAt: '最近购买',
  memberSince: '入会日期',
  firstSeenAt: '首次出现',
  'layers.lifecycle': '生命周期',
}

function words(locale: 'zh-CN' | 'en' = 'zh-CN'): RuleWords {
  return {
    say: (key, params = {}) => i18n.global.t(`layers.describe.${key}`, params, { locale }),
    field: (key) => FIELDS[key] ?? key,
    value: (field, value) =>
      field === 'layers.lifecycle' ? ({ active: '活跃', new: '新客' }[String(value)] ?? '') : '',
    eventType: (type) => ({ share: '分享', purchase: '购买', add_to_cart: '加购' })[type] ?? type,
    number: (n) => n.toLocaleString('zh-CN'),
  }
}

// The built-in rules of the server (StandardLayers).
const SUPER_KOC = {
  and: [
    { attribute: 'orderCount', op: 'gte', value: 5 },
    { event: { type: 'share', lastDays: 30 } },
  ],
}
const HIGH_INTENT = {
  and: [
    { event: { type: 'add_to_cart', lastDays: 7 } },
    { event: { type: 'purchase', lastDays: 7, did: false } },
  ],
}
const CORE = {
  and: [
    { attribute: 'orderCount', op: 'gte', value: 3 },
    { attribute: 'gmv', op: 'gte', value: '1000' },
    { attribute: 'lastPurchaseAt', op: 'gte', value: { daysAgo: 180 } },
  ],
}

describe('a level rule in words', () => {
  it('reads the built-in rules as sentences', () => {
    expect(describeRule(SUPER_KOC, words(), '其余')).toBe('订单数 ≥ 5 且 近 30 天有分享')
    expect(describeRule(HIGH_INTENT, words(), '其余')).toBe('近 7 天有加购 且 近 7 天没有购买')
    expect(describeRule(CORE, words(), '其余')).toBe(
      '订单数 ≥ 3 且 累计消费（元） ≥ 1,000 且 最近购买在近 180 天内',
    )
    expect(
      describeRule(
        { attribute: 'memberSince', op: 'lte', value: { daysAgo: 365 } },
        words(),
        '其余',
      ),
    ).toBe('入会日期在 365 天前或更早')
    expect(describeRule({ event: { lastDays: 30 } }, words(), '其余')).toBe('近 30 天有任意互动')
  })

  it('says "everyone else" for a level without a rule', () => {
    expect(describeRule(null, words(), '其余所有客户')).toBe('其余所有客户')
  })

  it('groups nested and / or, and names layer levels', () => {
    const rule = {
      or: [
        { event: { type: 'share', lastDays: 30, atLeast: 2 } },
        {
          and: [
            { attribute: 'layers.lifecycle', op: 'in', values: ['active', 'new'] },
            { not: { attribute: 'lastPurchaseAt', op: 'isSet' } },
          ],
        },
      ],
    }
    expect(describeRule(rule, words(), '')).toBe(
      '近 30 天分享至少 2 次 或 （生命周期为 活跃、新客 且 不满足（最近购买有记录））',
    )
  })

  it('reads in English too', () => {
    expect(describeRule(SUPER_KOC, words('en'), '')).toBe(
      '订单数 ≥ 5 and 分享 events in the last 30 days',
    )
    expect(describeRule(HIGH_INTENT, words('en'), '')).toBe(
      '加购 events in the last 7 days and no 购买 events in the last 7 days',
    )
  })

  it('shows what it does not know as JSON rather than hiding it', () => {
    expect(describeRule({ magic: 1 }, words(), '')).toBe('{"magic":1}')
  })

  it('starts an English sentence with a capital', () => {
    expect(describeRule({ event: { lastDays: 30 } }, words('en'), '')).toBe(
      'Interaction events in the last 30 days',
    )
  })
})

describe('editing a rule as text', () => {
  it('shows rules as pretty JSON and "everyone else" as empty', () => {
    expect(ruleText(null)).toBe('')
    expect(ruleText({ event: { lastDays: 30 } })).toBe(
      '{\n  "event": {\n    "lastDays": 30\n  }\n}',
    )
  })

  it('reads empty as everyone else, an object as a rule, anything else as a mistake', () => {
    expect(parseRuleText('  ')).toEqual({ ok: true, rule: null })
    expect(parseRuleText('{"event": {}}')).toEqual({ ok: true, rule: { event: {} } })
    expect(parseRuleText('[1]')).toEqual({ ok: false, reason: 'notObject' })
    expect(parseRuleText('{"event": ')).toMatchObject({ ok: false, reason: 'syntax' })
  })

  it('finds the level a server problem is about', () => {
    expect(problemLevel('levels[1].rule.and[0].op')).toBe(1)
    expect(problemLevel('levels[12].rule')).toBe(12)
    expect(problemLevel('levels')).toBeNull()
  })
})
