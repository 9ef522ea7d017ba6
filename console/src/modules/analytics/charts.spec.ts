import { describe, expect, it } from 'vitest'
import { assets, channelRows, cohorts, gmvRow, trends } from '@/test/analytics'
import {
  COLORS,
  assetsOption,
  averageCurve,
  cacLtvOption,
  clickedCohort,
  cohortCells,
  cohortCurves,
  flowRows,
  funnelOption,
  gaugesOption,
  heatmapOption,
  stepDelta,
  stepRates,
  trendOption,
  waterfallBars,
  waterfallOption,
  waterfallSteps,
} from './charts'

type Series = {
  type?: string
  name?: string
  stack?: string
  data: unknown[]
  yAxisIndex?: number
  lineStyle?: { type?: string }
  markLine?: { data: unknown[] }
}
const seriesOf = (option: { series?: unknown }) => option.series as Series[]
const plain = (data: unknown[]) =>
  data.map((d) => (typeof d === 'object' && d !== null && 'value' in d ? d.value : d))

describe('the AARRR funnel chart', () => {
  it('keeps the steps in order (no sorting) and scales them to the first', () => {
    const option = funnelOption(
      [
        { name: '落地页UV', value: 1200 },
        { name: '企微添加数', value: 800 },
        { name: '首次互动', value: 900 },
      ],
      { count: String, percent: String, tooltip: () => '' },
    )
    const [series] = seriesOf(option) as (Series & { sort: string; max: number })[]
    expect(series!.type).toBe('funnel')
    expect(series!.sort).toBe('none')
    expect(series!.max).toBe(1200)
    expect(plain(series!.data)).toEqual([1200, 800, 900])
  })

  it('gives each step its share of the step before and of the first', () => {
    expect(stepRates([1000, 500, 0, 0])).toEqual([
      { ofPrevious: null, ofFirst: 1 },
      { ofPrevious: 0.5, ofFirst: 0.5 },
      { ofPrevious: 0, ofFirst: 0 },
      { ofPrevious: null, ofFirst: 0 },
    ])
    expect(stepRates([0, 5])[1]).toEqual({ ofPrevious: null, ofFirst: null })
  })

  it('tells in the tooltip how much of the step before a step kept', () => {
    const option = funnelOption(
      [
        { name: '<b>A</b>', value: 100 },
        { name: 'B', value: 40 },
      ],
      {
        count: String,
        percent: (v) => `${v * 100}%`,
        tooltip: (name, value, rates) => `${name} ${value} ${rates.ofPrevious}`,
      },
    )
    const tooltip = option.tooltip as { formatter: (p: unknown) => string }
    expect(tooltip.formatter({ dataIndex: 1 })).toBe('B 40 0.4')
    expect(tooltip.formatter({ dataIndex: 0 })).toBe('&lt;b&gt;A&lt;/b&gt; 100 null')
    const [series] = seriesOf(option) as (Series & {
      label: { formatter: (p: unknown) => string }
    })[]
    expect(series!.label.formatter({ name: 'B', value: 40, dataIndex: 1 })).toBe('B  40  40%')
    expect(series!.label.formatter({ name: 'A', value: 100, dataIndex: 0 })).toBe('A  100')
  })
})

describe('the trend chart', () => {
  it('draws the comparison period dashed, point by point under the current one', () => {
    const data = trends()
    const option = trendOption(data.points, data.previous.slice(0, 2), 'wecomAdds', {
      current: '本期',
      previous: '对比期',
      value: String,
    })
    const [current, previous] = seriesOf(option)
    expect(current!.data).toEqual([30, 35, 32])
    expect(previous!.data).toEqual([31, 33, null])
    expect(previous!.lineStyle?.type).toBe('dashed')
    expect((option.xAxis as { data: string[] }).data).toEqual(['11-01', '11-02', '11-03'])
  })
})

describe('the retention heatmap', () => {
  it('has a cell per cohort and period reached, the oldest cohort in the first row', () => {
    expect(cohortCells(cohorts().cohorts)).toEqual([
      [0, 0, 0.8, 80],
      [1, 0, 0.5, 50],
      [2, 0, 0.4, 40],
      [0, 1, 0.9, 270],
      [1, 1, 0.3, 90],
    ])
  })

  it('puts cohorts down and periods across, rates 0–1 as colour', () => {
    const rows = ['A', 'B', 'C']
    const option = heatmapOption(cohorts().cohorts, rows, {
      period: (n) => `第 ${n} 周`,
      percent: (r) => `${Math.round(r * 100)}%`,
      tooltip: () => '',
    })
    expect((option.xAxis as { data: string[] }).data).toEqual(['第 0 周', '第 1 周', '第 2 周'])
    const yAxis = option.yAxis as { data: string[]; inverse: boolean; triggerEvent: boolean }
    expect(yAxis).toMatchObject({ data: rows, inverse: true, triggerEvent: true })
    // coloured by the rate (the third value of a cell), not by how many were active
    expect(option.visualMap).toMatchObject({ dimension: 2, min: 0, max: 1 })
    const [series] = seriesOf(option) as (Series & {
      label: { formatter: (p: unknown) => string }
    })[]
    expect(series!.type).toBe('heatmap')
    expect(series!.label.formatter({ value: [1, 0, 0.5, 50] })).toBe('50%')
  })

  it('knows which cohort a click on a cell or on a row label means', () => {
    const rows = ['A', 'B']
    expect(clickedCohort({ componentType: 'series', value: [2, 1, 0.3, 9] }, rows)).toBe(1)
    expect(clickedCohort({ componentType: 'yAxis', value: 'A' }, rows)).toBe(0)
    expect(clickedCohort({ componentType: 'yAxis', value: 'Z' }, rows)).toBeNull()
    expect(clickedCohort({ componentType: 'xAxis', value: '第 1 周' }, rows)).toBeNull()
  })

  it('averages the curves by cohort size over the cohorts that reached each period', () => {
    // period 0: (80 + 270) / 400; period 1: (50 + 90) / 400; period 2: only the first cohort
    expect(averageCurve(cohorts().cohorts)).toEqual([0.875, 0.35, 0.4])
    expect(averageCurve([])).toEqual([])
  })

  it('draws a curve per cohort, gaps where a period has not come yet', () => {
    expect(cohortCurves(cohorts().cohorts, ['A', 'B', 'C'])).toEqual([
      { name: 'A', data: [0.8, 0.5, 0.4] },
      { name: 'B', data: [0.9, 0.3, null] },
      { name: 'C', data: [null, null, null] },
    ])
  })
})

describe('the GMV waterfall', () => {
  it('goes from the previous GMV through the four contributions, which add up to the change', () => {
    const row = gmvRow()
    const steps = waterfallSteps(row)
    expect(steps.map((s) => s.key)).toEqual([
      'previous',
      'assets',
      'reachRate',
      'conversion',
      'aov',
      'current',
    ])
    const contributions = steps.filter((s) => !s.total).map(stepDelta)
    expect(contributions).toEqual([2900, -1800, 5100, 793])
    expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(row.change, 2)
    expect(steps.at(-2)!.end).toBeCloseTo(row.current.gmv, 2)
    expect(steps[1]!.start).toBe(row.previous.gmv)
    steps.slice(2, -1).forEach((step, i) => expect(step.start).toBe(steps[i + 1]!.end))
  })

  it('puts what a factor without a contribution leaves unexplained into a step of its own', () => {
    const row = gmvRow({
      contributions: { assets: 2900, reachRate: null, conversion: 5100, aov: 793 },
    })
    const steps = waterfallSteps(row)
    expect(steps.map((s) => s.key)).toEqual([
      'previous',
      'assets',
      'conversion',
      'aov',
      'unexplained',
      'current',
    ])
    expect(stepDelta(steps[4]!)).toBeCloseTo(-1800, 2)
    expect(steps[4]!.end).toBe(row.current.gmv)
  })

  it('floats each change on an invisible base, and splits one that crosses zero', () => {
    const steps = [
      { key: 'previous' as const, start: 0, end: 100, total: true },
      { key: 'assets' as const, start: 100, end: 60, total: false },
      { key: 'reachRate' as const, start: 60, end: -40, total: false },
      { key: 'conversion' as const, start: -40, end: -10, total: false },
      { key: 'aov' as const, start: -10, end: 30, total: false },
      { key: 'current' as const, start: 0, end: 30, total: true },
    ]
    expect(waterfallBars(steps)).toEqual([
      { base: 0, bar: 100, below: 0 },
      { base: 60, bar: 40, below: 0 },
      { base: 0, bar: 60, below: -40 },
      { base: -10, bar: -30, below: 0 },
      { base: 0, bar: 30, below: -10 },
      { base: 0, bar: 30, below: 0 },
    ])
  })

  it('stacks a transparent base under green rises and red falls, labelled with the change', () => {
    const steps = waterfallSteps(gmvRow())
    // like useFormat's money, which takes a currency as its second argument
    const money = (v: number, currency?: unknown) =>
      currency === undefined ? `¥${v}` : `${v} ${currency}`
    const option = waterfallOption(steps, { name: (k) => k, money })
    const [base, change] = seriesOf(option) as (Series & {
      itemStyle?: { color: string }
      label?: { formatter: (p: unknown) => string }
    })[]
    expect(base!.itemStyle?.color).toBe('transparent')
    expect(new Set(seriesOf(option).map((s) => s.stack))).toEqual(new Set(['waterfall']))
    expect(base!.data).toEqual([0, 20007, 21107, 21107, 26207, 0])
    expect(plain(change!.data)).toEqual([20007, 2900, 1800, 5100, 793, 27000])
    const colours = (change!.data as { itemStyle: { color: string } }[]).map(
      (d) => d.itemStyle.color,
    )
    expect(colours).toEqual([
      COLORS.total,
      COLORS.good,
      COLORS.bad,
      COLORS.good,
      COLORS.good,
      COLORS.total,
    ])
    expect(change!.label!.formatter({ dataIndex: 2 })).toBe('¥-1800')
    expect(change!.label!.formatter({ dataIndex: 1 })).toBe('+¥2900')
    expect(change!.label!.formatter({ dataIndex: 5 })).toBe('¥27000')
    // ECharts calls axis formatters with (value, index): the index is no currency
    const axis = option.yAxis as { axisLabel: { formatter: (v: number, i: number) => string } }
    expect(axis.axisLabel.formatter(5000, 3)).toBe('¥5000')
  })
})

describe('the user asset chart', () => {
  const names = {
    added: '新增',
    lost: '流失',
    closing: '期末',
    level: (k: string) => k.toUpperCase(),
    count: String,
  }

  it('stacks the added up and the lost down, with the customers at the end on their own axis', () => {
    const option = assetsOption(assets().rows, [], names, () => '#000')
    expect(seriesOf(option).map((s) => [s.name, s.type, s.stack, s.data])).toEqual([
      ['新增', 'bar', 'flow', [130, 150]],
      ['流失', 'bar', 'flow', [-30, -30]],
      ['期末', 'line', undefined, [900, 1020]],
    ])
    expect(seriesOf(option)[2]!.yAxisIndex).toBe(1)
  })

  it('splits the bars by level when the rows are per level', () => {
    const rows = [
      ...assets().rows,
      {
        start: '2026-11-01',
        level: 'active',
        opening: 500,
        added: 100,
        lost: 10,
        net: 90,
        closing: 590,
      },
      {
        start: '2026-11-01',
        level: 'silent',
        opening: 400,
        added: 50,
        lost: 20,
        net: 30,
        closing: 430,
      },
    ]
    const option = assetsOption(rows, ['active', 'silent'], names, () => '#000')
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['ACTIVE · 新增', [0, 100]],
      ['ACTIVE · 流失', [0, -10]],
      ['SILENT · 新增', [0, 50]],
      ['SILENT · 流失', [0, -20]],
      ['期末', [900, 1020]],
    ])
  })
})

describe('the WeCom gauges', () => {
  it('colour the band below the baseline, and a rate below it red', () => {
    const option = gaugesOption(
      [
        { name: '引流成功率', value: 0.72, baseline: 0.7, below: false },
        { name: '服务成功率', value: 0.38, baseline: 0.45, below: true },
      ],
      { percent: (v) => `${Math.round(v * 100)}%`, baseline: (v) => `基线 ${v}` },
    )
    const series = seriesOf(option) as (Series & {
      axisLine: { lineStyle: { color: [number, string][] } }
      progress: { itemStyle: { color: string } }
      center: string[]
    })[]
    expect(series.map((s) => s.axisLine.lineStyle.color[0]![0])).toEqual([0.7, 0.45])
    expect(series.map((s) => s.progress.itemStyle.color)).toEqual([COLORS.good, COLORS.bad])
    expect(series.map((s) => s.center[0])).toEqual(['25%', '75%'])
    expect(series[1]!.data).toEqual([{ value: 0.38, name: '服务成功率\n基线 45%' }])
  })
})

describe('CAC against LTV', () => {
  it('places the channels that have both, with the line LTV = CAC across the chart', () => {
    const option = cacLtvOption(channelRows(), {
      cac: 'CAC',
      ltv: 'LTV',
      breakEven: 'LTV = CAC',
      money: String,
    })
    const [series] = seriesOf(option)
    expect(plain(series!.data)).toEqual([
      [30, 40, '抖音投放'],
      [60, 30, '小红书'],
    ])
    const max = (option.xAxis as { max: number }).max
    expect((option.yAxis as { max: number }).max).toBe(max)
    expect(series!.markLine!.data).toEqual([[{ coord: [0, 0] }, { coord: [max, max] }]])
    const colours = (series!.data as { itemStyle: { color: string } }[]).map(
      (d) => d.itemStyle.color,
    )
    expect(colours).toEqual([COLORS.good, COLORS.bad])
  })
})

describe('the layer flows', () => {
  const names = {
    level: (key: string) => ({ new: '新客', active: '活跃', silent: '沉默' })[key] ?? key,
    color: () => '#000',
    entered: '新进入',
    left: '已离开',
  }
  // rows: the level on the first day (new, active, silent, none); columns: on the second day
  const transitions = {
    levels: ['new', 'active', 'silent'],
    matrix: [
      [5, 20, 0, 1],
      [0, 300, 40, 2],
      [0, 10, 90, 0],
      [30, 0, 0, 0],
    ],
  }

  it('are the non-empty cells of the matrix, named as the Sankey names its nodes', () => {
    expect(flowRows(transitions, names)).toEqual([
      ['新客', '新客', 5],
      ['新客', '活跃', 20],
      ['新客', '已离开', 1],
      ['活跃', '活跃', 300],
      ['活跃', '沉默', 40],
      ['活跃', '已离开', 2],
      ['沉默', '活跃', 10],
      ['沉默', '沉默', 90],
      ['新进入', '新客', 30],
    ])
  })

  it('leave out the customers who kept their level when only the moves are asked for', () => {
    expect(flowRows(transitions, names, false).map(([from, to]) => `${from}→${to}`)).toEqual([
      '新客→活跃',
      '新客→已离开',
      '活跃→沉默',
      '活跃→已离开',
      '沉默→活跃',
      '新进入→新客',
    ])
  })
})
