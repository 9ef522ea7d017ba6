// Test data shaped like the analytics API's answers (docs: analytics-api.md), for the specs only.
import type {
  Assets,
  ChannelRow,
  Cohorts,
  Funnel,
  Gmv,
  GmvRow,
  Metric,
  Settings,
  SpendRow,
  Trends,
  TrialProduct,
  Wecom,
} from '@/modules/analytics/api'
import { jsonResponse, stubFetch, type Route } from './http'
import { me } from './session'

const PERIOD = { from: '2026-11-01', to: '2026-11-30' }

/** The rule the server gives a count: customers with the event in the period. */
export const eventRule = (type: string) => ({ and: [{ event: { type, ...PERIOD } }] })

const count = (key: string, value: number, previous: number, type: string | null): Metric => ({
  key,
  kind: 'count',
  value,
  previous,
  rule: type ? eventRule(type) : null,
})
const ratio = (key: string, value: number | null, previous: number | null): Metric => ({
  key,
  kind: 'ratio',
  value,
  previous,
  rule: null,
})
const money = (key: string, value: number, previous: number): Metric => ({
  key,
  kind: 'money',
  value,
  previous,
  rule: null,
})

export function funnel(overrides: Partial<Funnel> = {}): Funnel {
  return {
    ...PERIOD,
    compareFrom: '2026-10-02',
    compareTo: '2026-10-31',
    stages: [
      {
        key: 'acquisition',
        metrics: [
          count('landingUv', 1200, 1100, 'view'),
          count('wecomAdds', 800, 700, 'wecom_add'),
          ratio('addRate', 0.6667, 0.6364),
          money('spend', 12000, 10000),
          money('cac', 15, 14.29),
        ],
      },
      {
        key: 'activation',
        metrics: [
          count('firstInteractions', 500, 520, 'message'),
          ratio('activationRate', 0.625, 0.7429),
          count('welcomeReplies', 300, 300, 'message'),
          ratio('welcomeReplyRate', 0.375, 0.4286),
        ],
      },
      {
        key: 'retention',
        metrics: [
          count('activeCustomers', 2400, 2300, 'view'),
          count('silentCustomers', 900, 1000, null),
          count('lostCustomers', 60, 40, null),
          count('assets', 5200, 4500, null),
        ],
      },
      {
        key: 'revenue',
        metrics: [
          count('buyers', 90, 80, 'purchase'),
          count('orders', 110, 95, null),
          money('gmv', 27000, 24000),
          money('aov', 300, 300),
          ratio('repurchaseRate', 0.2, 0.15),
          count('trialCustomers', 40, 0, 'purchase'),
          ratio('trialToPaid', null, 0.1),
        ],
      },
      {
        key: 'referral',
        metrics: [
          count('sharers', 30, 25, 'share'),
          ratio('shareRate', 0.0125, 0.0109),
          count('referredCustomers', 12, 10, null),
          { key: 'kFactor', kind: 'number', value: 0.4, previous: 0.4, rule: null },
        ],
      },
    ],
    ...overrides,
  }
}

export function trends(): Trends {
  const point = (date: string, n: number) => ({
    date,
    wecomAdds: 30 + n,
    lostCustomers: 2,
    activeCustomers: 400 + n,
    buyers: 20,
    orders: 22,
    gmv: 3300 + n * 10,
  })
  return {
    grain: 'day',
    points: [point('2026-11-01', 0), point('2026-11-02', 5), point('2026-11-03', 2)],
    previous: [point('2026-10-02', 1), point('2026-10-03', 3), point('2026-10-04', 0)],
  }
}

export function cohorts(): Cohorts {
  return {
    grain: 'week',
    cohorts: [
      {
        start: '2026-10-19',
        size: 100,
        rule: { and: [{ event: { type: 'wecom_add', from: '2026-10-19', to: '2026-10-25' } }] },
        periods: [
          { period: 0, active: 80, rate: 0.8 },
          { period: 1, active: 50, rate: 0.5 },
          { period: 2, active: 40, rate: 0.4 },
        ],
      },
      {
        start: '2026-10-26',
        size: 300,
        rule: { and: [{ event: { type: 'wecom_add', from: '2026-10-26', to: '2026-11-01' } }] },
        periods: [
          { period: 0, active: 270, rate: 0.9 },
          { period: 1, active: 90, rate: 0.3 },
        ],
      },
      {
        start: '2026-11-02',
        size: 0,
        rule: null,
        periods: [],
      },
    ],
  }
}

const figures = (assets: number, reachRate: number, conversion: number, aov: number) => {
  const reached = Math.round(assets * reachRate)
  const buyers = Math.round(reached * conversion)
  return {
    assets,
    reached,
    buyers,
    gmv: Math.round(assets * reachRate * conversion * aov * 100) / 100,
    reachRate,
    conversion,
    aov,
  }
}

export function gmvRow(overrides: Partial<GmvRow> = {}): GmvRow {
  return {
    key: 'total',
    label: '合计',
    current: figures(1000, 0.6, 0.15, 300),
    previous: figures(900, 0.65, 0.12, 285),
    change: 27000 - 20007,
    contributions: { assets: 2900, reachRate: -1800, conversion: 5100, aov: 793 },
    ...overrides,
  }
}

export function gmv(by: Gmv['by'] = 'total', rows: GmvRow[] = [gmvRow()]): Gmv {
  return {
    by,
    ...PERIOD,
    compareFrom: '2026-10-02',
    compareTo: '2026-10-31',
    rows,
  }
}

export function assets(overrides: Partial<Assets> = {}): Assets {
  return {
    grain: 'month',
    layer: null,
    levels: null,
    rows: [
      {
        start: '2026-10-01',
        level: null,
        opening: 800,
        added: 130,
        lost: 30,
        net: 100,
        closing: 900,
      },
      {
        start: '2026-11-01',
        level: null,
        opening: 900,
        added: 150,
        lost: 30,
        net: 120,
        closing: 1020,
      },
    ],
    ...overrides,
  }
}

export function wecom(overrides: Partial<Wecom> = {}): Wecom {
  return {
    rates: [
      {
        key: 'acquisition',
        value: 0.72,
        numerator: 720,
        denominator: 1000,
        baseline: 0.7,
        below: false,
      },
      {
        key: 'service',
        value: 0.38,
        numerator: 380,
        denominator: 1000,
        baseline: 0.45,
        below: true,
      },
      {
        key: 'monetisation',
        value: 0.33,
        numerator: 125,
        denominator: 380,
        baseline: 0.35,
        below: true,
      },
    ],
    staff: [
      {
        staff: 'wecom:zhangsan',
        userId: 'zhangsan',
        name: '张三',
        newCustomers: 40,
        lostCustomers: 3,
        chats: 120,
        messages: 800,
        replyRate: 0.92,
        avgReplyMinutes: 4.5,
        negativeFeedback: 0,
        dailyNew: 1.33,
      },
      {
        staff: 'wecom:lisi',
        userId: 'lisi',
        name: '李四',
        newCustomers: 90,
        lostCustomers: 9,
        chats: 60,
        messages: 300,
        replyRate: null,
        avgReplyMinutes: null,
        negativeFeedback: 2,
        dailyNew: 3,
      },
    ],
    days: [
      { date: '2026-11-01', newCustomers: 30, chats: 40, messages: 300, lostCustomers: 2 },
      { date: '2026-11-02', newCustomers: 25, chats: 35, messages: 280, lostCustomers: 1 },
    ],
    ...overrides,
  }
}

export function channelRows(): ChannelRow[] {
  return [
    {
      channel: '抖音投放',
      adds: 300,
      spend: 9000,
      cac: 30,
      buyers: 40,
      gmv: 12000,
      ltv: 40,
      roi: 1.33,
    },
    {
      channel: '小红书',
      adds: 100,
      spend: 6000,
      cac: 60,
      buyers: 10,
      gmv: 3000,
      ltv: 30,
      roi: 0.5,
    },
    {
      channel: '门店扫码',
      adds: 200,
      spend: 0,
      cac: null,
      buyers: 50,
      gmv: 15000,
      ltv: 75,
      roi: null,
    },
  ]
}

export function trialProducts(): TrialProduct[] {
  return [
    { sku: 'TRIAL-01', name: '精华体验装', trialCustomers: 120, converted: 30, conversion: 0.25 },
    { sku: 'TRIAL-02', name: '洁面小样', trialCustomers: 40, converted: 4, conversion: 0.1 },
    { sku: 'TRIAL-03', name: '口红迷你装', trialCustomers: 0, converted: 0, conversion: null },
  ]
}

export function settings(): Settings {
  return { baselines: { acquisition: 0.7, service: 0.45, monetisation: 0.35 } }
}

export function spendRows(): SpendRow[] {
  return [
    { channel: '抖音投放', month: '2026-11', amount: 9000 },
    { channel: '小红书', month: '2026-10', amount: 5000 },
  ]
}

/** The analytics API answering with the data above (and a session with every permission). */
export function stubAnalyticsServer(extra: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/segments/fields': () =>
      jsonResponse({
        fields: [
          {
            key: 'sourceChannel',
            label: '来源渠道',
            kind: 'textCategory',
            ops: ['eq'],
            values: [
              { value: '抖音投放', label: '抖音投放', count: 300 },
              { value: '小红书', label: '小红书', count: 100 },
            ],
          },
        ],
      }),
    'GET /api/v1/staff': () => jsonResponse([{ id: 9, displayName: '李店长', role: 'staff' }]),
    'GET /api/v1/analytics/staff': () =>
      jsonResponse({
        staff: [
          { key: 'wecom:zhangsan', name: '张三', userId: 'zhangsan', accountId: 9 },
          { key: 'wecom:lisi', name: '李四', userId: 'lisi', accountId: null },
        ],
      }),
    'GET /api/v1/analytics/funnel': () => jsonResponse(funnel()),
    'GET /api/v1/analytics/trends': () => jsonResponse(trends()),
    'GET /api/v1/analytics/cohorts': () => jsonResponse(cohorts()),
    'GET /api/v1/analytics/gmv': (request) => {
      const by = new URL(request.url).searchParams.get('by') ?? 'total'
      return jsonResponse(gmv(by as Gmv['by']))
    },
    'GET /api/v1/analytics/assets': () => jsonResponse(assets()),
    'GET /api/v1/analytics/wecom': () => jsonResponse(wecom()),
    'GET /api/v1/analytics/channels': () => jsonResponse({ rows: channelRows() }),
    'GET /api/v1/analytics/trials': () =>
      jsonResponse({ from: '2026-10-01', to: '2026-10-30', products: trialProducts() }),
    'GET /api/v1/analytics/settings': () => jsonResponse(settings()),
    'GET /api/v1/analytics/spend': () => jsonResponse({ rows: spendRows() }),
    ...extra,
  })
}

/** The query parameters of every call to one path. */
export function queries(calls: Request[], path: string): Record<string, string>[] {
  return calls
    .filter((c) => new URL(c.url).pathname === path)
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))
}
