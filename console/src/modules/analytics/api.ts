import { http, type QueryValue } from '@/api/http'

/** A segment rule (the JSON of POST /api/v1/segments/evaluate); the console passes it on. */
export type Rule = Record<string, unknown>

export const METRIC_KINDS = ['count', 'ratio', 'money', 'number'] as const
/** count: integer; ratio: a fraction (0.4523 = 45.23 %); money: yuan; number: anything else (K factor). */
export type MetricKind = (typeof METRIC_KINDS)[number]

/** What every analytics call may be narrowed to; the server's defaults fill what is left out. */
export interface AnalyticsFilter {
  /** YYYY-MM-DD in the tenant's zone, both ends included. */
  from?: string
  to?: string
  /** A customer source channel, as on the profile. */
  channel?: string
  /**
   * A staff member: `wecom:<userid>` (a WeCom staff member) or `account:<id>` (a staff account); a linked pair
   * is one person either way. Narrows to their customers: those who added them on WeCom and those they own.
   */
  staff?: string
}

/** A staff member the staff filter can take (GET /api/v1/analytics/staff). */
export interface StaffMember {
  /** The filter's value: `wecom:<userid>`, or `account:<id>` for an account linked to no WeCom user. */
  key: string
  name: string
  userId: string | null
  accountId: number | null
}

export interface Period {
  from: string
  to: string
  compareFrom: string
  compareTo: string
}

export interface Metric {
  key: string
  kind: MetricKind
  /** Null when its denominator is 0 (ratios). */
  value: number | null
  previous: number | null
  /** The customers the figure counts, when it counts customers. */
  rule: Rule | null
}

export const STAGES = ['acquisition', 'activation', 'retention', 'revenue', 'referral'] as const
export type StageKey = (typeof STAGES)[number]

export interface Stage {
  key: StageKey | string
  metrics: Metric[]
}

export interface Funnel extends Period {
  stages: Stage[]
}

export const TREND_METRICS = [
  'wecomAdds',
  'activeCustomers',
  'lostCustomers',
  'buyers',
  'orders',
  'gmv',
] as const
export type TrendMetric = (typeof TREND_METRICS)[number]

export type TrendPoint = { date: string } & Record<TrendMetric, number>

export type Grain = 'day' | 'week' | 'month'

export interface Trends {
  grain: Grain
  points: TrendPoint[]
  /** The comparison period, as many points as `points`. */
  previous: TrendPoint[]
}

export interface CohortPeriod {
  /** 0: the cohort's own week or month. */
  period: number
  active: number
  rate: number
}

export interface Cohort {
  /** The first day of its week or month. */
  start: string
  size: number
  rule: Rule | null
  periods: CohortPeriod[]
}

export interface Cohorts {
  grain: 'week' | 'month'
  cohorts: Cohort[]
}

export const GMV_FACTORS = ['assets', 'reachRate', 'conversion', 'aov'] as const
export type GmvFactor = (typeof GMV_FACTORS)[number]

export interface GmvFigures {
  assets: number
  reached: number
  buyers: number
  gmv: number
  reachRate: number
  conversion: number
  aov: number
}

export interface GmvRow {
  key: string
  label: string
  current: GmvFigures
  previous: GmvFigures
  change: number
  /** Each factor's share of the change (they add up to it); null when a factor is 0 in a period. */
  contributions: Record<GmvFactor, number | null>
  /** By staff: the staff filter's value for the row (`wecom:<userid>`); otherwise null. */
  staff?: string | null
}

export const GMV_DIMENSIONS = ['staff', 'channel', 'store', 'month'] as const
export type GmvDimension = 'total' | (typeof GMV_DIMENSIONS)[number]

export interface Gmv extends Period {
  by: GmvDimension
  rows: GmvRow[]
}

export interface AssetRow {
  start: string
  /** Null: every customer; otherwise one level of the layer asked for. */
  level: string | null
  opening: number
  added: number
  lost: number
  net: number
  closing: number
}

export interface Assets {
  grain: 'week' | 'month'
  layer?: string | null
  levels?: string[] | null
  rows: AssetRow[]
}

export const WECOM_RATES = ['acquisition', 'service', 'monetisation'] as const
export type WecomRateKey = (typeof WECOM_RATES)[number]

export interface WecomRate {
  key: WecomRateKey
  value: number | null
  numerator: number
  denominator: number
  baseline: number
  below: boolean
}

export interface StaffKpi {
  /** The staff filter's value for the row: `wecom:<userid>`. */
  staff: string
  userId: string
  name: string
  newCustomers: number
  lostCustomers: number
  /** From WeCom's 联系客户统计; null when WeCom gave none. */
  chats: number | null
  messages: number | null
  /** Null when WeCom gave no data. */
  replyRate: number | null
  avgReplyMinutes: number | null
  negativeFeedback: number | null
  dailyNew: number
}

export interface WecomDay {
  date: string
  newCustomers: number
  chats: number | null
  messages: number | null
  lostCustomers: number
}

export interface Wecom {
  rates: WecomRate[]
  staff: StaffKpi[]
  days: WecomDay[]
}

export interface ChannelRow {
  channel: string
  adds: number
  /** Null: no spend entered for the channel. */
  spend: number | null
  cac: number | null
  buyers: number
  gmv: number
  ltv: number | null
  /** Null without spend. */
  roi: number | null
}

/** Trial → paid conversion of one lead product (引流品). */
export interface TrialProduct {
  sku: string
  name: string
  trialCustomers: number
  converted: number
  /** Null without trial customers. */
  conversion: number | null
}

export type Baselines = Record<WecomRateKey, number>

export interface Settings {
  baselines: Baselines
}

export interface SpendRow {
  channel: string
  /** YYYY-MM. */
  month: string
  amount: number
}

const BASE = '/api/v1/analytics'

function query(filter: AnalyticsFilter, extra: Record<string, QueryValue> = {}) {
  return {
    from: filter.from,
    to: filter.to,
    channel: filter.channel,
    staff: filter.staff,
    ...extra,
  }
}

export const analyticsApi = {
  funnel: (filter: AnalyticsFilter, signal?: AbortSignal) =>
    http.get<Funnel>(`${BASE}/funnel`, query(filter), signal),
  trends: (filter: AnalyticsFilter, signal?: AbortSignal) =>
    http.get<Trends>(`${BASE}/trends`, query(filter), signal),
  cohorts: (filter: AnalyticsFilter, grain: 'week' | 'month', signal?: AbortSignal) =>
    http.get<Cohorts>(`${BASE}/cohorts`, query(filter, { grain }), signal),
  gmv: (filter: AnalyticsFilter, by: GmvDimension, signal?: AbortSignal) =>
    http.get<Gmv>(`${BASE}/gmv`, query(filter, { by }), signal),
  assets: (
    filter: AnalyticsFilter,
    grain: 'week' | 'month',
    layer: string | null,
    signal?: AbortSignal,
  ) => http.get<Assets>(`${BASE}/assets`, query(filter, { grain, layer }), signal),
  wecom: (filter: AnalyticsFilter, signal?: AbortSignal) =>
    http.get<Wecom>(`${BASE}/wecom`, query(filter), signal),
  channels: (filter: AnalyticsFilter, signal?: AbortSignal) =>
    http.get<{ rows: ChannelRow[] }>(`${BASE}/channels`, query(filter), signal),
  trials: (filter: AnalyticsFilter, signal?: AbortSignal) =>
    http.get<{ from: string; to: string; products: TrialProduct[] }>(
      `${BASE}/trials`,
      query(filter),
      signal,
    ),
  staff: (signal?: AbortSignal) =>
    http.get<{ staff: StaffMember[] }>(`${BASE}/staff`, undefined, signal),
  settings: (signal?: AbortSignal) => http.get<Settings>(`${BASE}/settings`, undefined, signal),
  saveSettings: (settings: Settings) => http.put<Settings>(`${BASE}/settings`, settings),
  spend: (from: string, to: string, signal?: AbortSignal) =>
    http.get<{ rows: SpendRow[] }>(`${BASE}/spend`, { from, to }, signal),
  saveSpend: (rows: SpendRow[]) =>
    http.put<{ rows: SpendRow[] } | undefined>(`${BASE}/spend`, { rows }),
}
