import { describe, expect, it } from 'vitest'
import {
  OUTSIDE_COLOR,
  circlePyramidOption,
  flowData,
  levelBarOption,
  levelChanges,
  rfmCells,
  rfmHeatmapOption,
  sankeyOption,
  scoreRanges,
  transitionTable,
} from './charts'

const num = (n: number) => n.toLocaleString('en-US')

/** 5×5 with a number per cell that says where it is: 10 × recency score + frequency score. */
const GRID = {
  cells: [5, 4, 3, 2, 1].map((r) => [5, 4, 3, 2, 1].map((f) => 10 * r + f)),
  monetaryHigh: [5, 4, 3, 2, 1].map((r) =>
    [5, 4, 3, 2, 1].map((f) => (r === 5 && f === 5 ? 40 : 0)),
  ),
}

const LIFECYCLE = {
  levels: ['new', 'active', 'silent', 'churned'],
  // rows: on the first day (then "in no level"); columns: on the second (then "gone")
  matrix: [
    [5, 3, 0, 0, 0],
    [0, 20, 4, 0, 1],
    [0, 2, 10, 6, 0],
    [0, 0, 0, 30, 0],
    [7, 0, 0, 0, 0],
  ],
}

const NAMES = {
  level: (key: string) =>
    ({ new: '新客', active: '活跃', silent: '沉默', churned: '流失' })[key] ?? key,
  color: (key: string) => `#${key}`,
  entered: '新进入',
  left: '已离开',
}

describe('the RFM heatmap', () => {
  it('places each cell by its scores: the server’s rows and columns run from 5 down to 1', () => {
    const cells = rfmCells(GRID)
    expect(cells).toHaveLength(25)
    expect(cells[0]).toEqual({ recency: 5, frequency: 5, count: 55, high: 40 })
    expect(cells.find((c) => c.recency === 2 && c.frequency === 4)?.count).toBe(24)
    expect(cells.at(-1)).toEqual({ recency: 1, frequency: 1, count: 11, high: 0 })
  })

  it('puts recency 5 on top and frequency 5 on the right, darker for more customers', () => {
    const option = rfmHeatmapOption(GRID, {
      frequencyAxis: 'F',
      recencyAxis: 'R',
      frequencyLabels: ['F1', 'F2', 'F3', 'F4', 'F5'],
      recencyLabels: ['R1', 'R2', 'R3', 'R4', 'R5'],
      count: num,
      tooltip: (cell) => `${cell.recency}/${cell.frequency}: ${cell.count}, ${cell.high} high`,
    })
    // Category axes run left to right and bottom to top: index 4 is score 5.
    expect((option.xAxis as { data: string[] }).data).toEqual(['F1', 'F2', 'F3', 'F4', 'F5'])
    expect((option.yAxis as { data: string[] }).data).toEqual(['R1', 'R2', 'R3', 'R4', 'R5'])
    const [series] = option.series as { data: { value: number[] }[] }[]
    expect(series!.data[0]!.value).toEqual([4, 4, 55])
    expect(series!.data.find((d) => d.value[0] === 0 && d.value[1] === 0)!.value[2]).toBe(11)
    expect((option.visualMap as { max: number }).max).toBe(55)

    const tooltip = option.tooltip as { formatter: (p: unknown) => string }
    expect(tooltip.formatter({ dataIndex: 0 })).toBe('5/5: 55, 40 high')
  })

  it('keeps a visual scale when nobody has bought yet', () => {
    const empty = { cells: [0, 1, 2, 3, 4].map(() => Array(5).fill(0)), monetaryHigh: [] }
    const option = rfmHeatmapOption(empty, {
      frequencyAxis: 'F',
      recencyAxis: 'R',
      frequencyLabels: [],
      recencyLabels: [],
      count: num,
      tooltip: () => '',
    })
    expect((option.visualMap as { max: number }).max).toBe(1)
    expect((option.xAxis as { data: string[] }).data).toEqual(['1', '2', '3', '4', '5'])
  })

  it('says what each score means, from score 1 to 5', () => {
    const ranges = scoreRanges(
      { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 8], monetary: [200, 500, 1000, 3000] },
      num,
    )
    expect(ranges.recency).toEqual(['>365', '181–365', '91–180', '31–90', '≤30'])
    expect(ranges.frequency).toEqual(['<2', '2', '3–4', '5–7', '≥8'])
    expect(ranges.monetary).toEqual(['<200', '200–500', '500–1,000', '1,000–3,000', '≥3,000'])
  })

  it('marks a score nobody can reach when two cut points are equal', () => {
    const ranges = scoreRanges(
      { recency: [30, 30, 180, 365], frequency: [2, 2, 5, 8], monetary: [200, 200, 1000, 3000] },
      num,
    )
    expect(ranges.recency[3]).toBe('—')
    expect(ranges.frequency[1]).toBe('—')
    expect(ranges.monetary[1]).toBe('—')
  })
})

describe('the lifecycle flow', () => {
  it('names the "in no level" row and column as new since and gone, and drops zero flows', () => {
    const { nodes, links } = flowData(LIFECYCLE, NAMES)
    expect(links).toHaveLength(10)
    expect(links.every((l) => l.value > 0)).toBe(true)
    expect(links).toContainEqual({ source: 'from:new', target: 'to:active', value: 3 })
    expect(links).toContainEqual({ source: 'from:__none', target: 'to:new', value: 7 })
    expect(links).toContainEqual({ source: 'from:active', target: 'to:__none', value: 1 })

    const entered = nodes.find((n) => n.id === 'from:__none')!
    expect(entered).toEqual({
      id: 'from:__none',
      name: '新进入',
      side: 'from',
      color: OUTSIDE_COLOR,
    })
    expect(nodes.find((n) => n.id === 'to:__none')!.name).toBe('已离开')
    expect(nodes.filter((n) => n.side === 'from').map((n) => n.name)).toEqual([
      '新客',
      '活跃',
      '沉默',
      '流失',
      '新进入',
    ])
    expect(nodes.filter((n) => n.side === 'to').map((n) => n.name)).toEqual([
      '新客',
      '活跃',
      '沉默',
      '流失',
      '已离开',
    ])
  })

  it('leaves out levels nobody flows through, and can show only who moved', () => {
    const quiet = {
      levels: ['new', 'active', 'silent', 'churned'],
      matrix: [
        [0, 0, 0, 0, 0],
        [0, 8, 2, 0, 0],
        [0, 0, 3, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
      ],
    }
    const all = flowData(quiet, NAMES)
    expect(all.nodes.map((n) => n.id)).toEqual([
      'from:active',
      'from:silent',
      'to:active',
      'to:silent',
    ])
    const moves = flowData(quiet, NAMES, false)
    expect(moves.links).toEqual([{ source: 'from:active', target: 'to:silent', value: 2 }])
    expect(moves.nodes.map((n) => n.id)).toEqual(['from:active', 'to:silent'])
  })

  it('draws the first day on the left and the second on the right, named in tooltips', () => {
    const option = sankeyOption(LIFECYCLE, NAMES, {
      count: num,
      flow: (from, to, value) => `${from} → ${to}: ${value}`,
    })
    const [series] = option.series as {
      data: { id: string; name: string; depth: number; itemStyle: { color: string } }[]
      links: { source: string; target: string; value: number }[]
    }[]
    expect(series!.data.find((n) => n.id === 'from:active')).toMatchObject({
      name: '活跃',
      depth: 0,
      itemStyle: { color: '#active' },
    })
    expect(series!.data.find((n) => n.id === 'to:active')!.depth).toBe(1)
    const ids = new Set(series!.data.map((n) => n.id))
    expect(ids.size).toBe(series!.data.length)
    for (const link of series!.links) {
      expect(ids.has(link.source) && ids.has(link.target)).toBe(true)
    }

    const tooltip = option.tooltip as { formatter: (p: unknown) => string }
    expect(
      tooltip.formatter({
        dataType: 'edge',
        data: { source: 'from:__none', target: 'to:new', value: 7 },
      }),
    ).toBe('新进入 → 新客: 7')
    expect(tooltip.formatter({ dataType: 'node', name: '活跃', value: 1234 })).toBe('活跃：1,234')
  })

  it('escapes names in tooltips, which ECharts shows as HTML', () => {
    const option = sankeyOption(
      {
        levels: ['a'],
        matrix: [
          [1, 0],
          [0, 0],
        ],
      },
      { ...NAMES, level: () => '<b>x</b>' },
      { count: num, flow: (from, to) => `${from}|${to}` },
    )
    const tooltip = option.tooltip as { formatter: (p: unknown) => string }
    expect(
      tooltip.formatter({ dataType: 'edge', data: { source: 'from:a', target: 'to:a', value: 1 } }),
    ).toBe('&lt;b&gt;x&lt;/b&gt;|&lt;b&gt;x&lt;/b&gt;')
  })
})

describe('the transition table', () => {
  it('adds row totals (size on the first day) and column totals (size on the second)', () => {
    const table = transitionTable(LIFECYCLE)
    expect(table.columns).toEqual(['new', 'active', 'silent', 'churned', null])
    expect(table.rows.map((r) => r.key)).toEqual(['new', 'active', 'silent', 'churned', null])
    expect(table.rows.map((r) => r.total)).toEqual([8, 25, 18, 30, 7])
    expect(table.columnTotals).toEqual([12, 25, 14, 36, 1])
    expect(table.total).toBe(88)
    expect(table.maxStay).toBe(30)
    expect(table.maxMove).toBe(7)
  })

  it('tells per level how many came in and went out', () => {
    expect(levelChanges(LIFECYCLE)).toEqual([
      { key: 'new', before: 8, after: 12, entered: 7, exited: 3 },
      { key: 'active', before: 25, after: 25, entered: 5, exited: 5 },
      { key: 'silent', before: 18, after: 14, entered: 4, exited: 8 },
      { key: 'churned', before: 30, after: 36, entered: 6, exited: 0 },
    ])
  })
})

describe('level sizes', () => {
  const bars = [
    { name: '核心层', value: 25, color: '#a' },
    { name: '影响层', value: 75, color: '#b' },
    { name: '外围层', value: 0, color: '#c' },
  ]

  it('labels each bar with its count and share, the first level on top', () => {
    const option = levelBarOption(bars, (value, share) => `${value}|${share}`)
    expect((option.yAxis as { inverse: boolean; data: string[] }).inverse).toBe(true)
    const [series] = option.series as {
      data: { value: number; itemStyle: { color: string } }[]
      label: { formatter: (p: unknown) => string }
    }[]
    expect(series!.data.map((d) => d.itemStyle.color)).toEqual(['#a', '#b', '#c'])
    expect(series!.label.formatter({ dataIndex: 1 })).toBe('75|0.75')
    expect(series!.label.formatter({ dataIndex: 2 })).toBe('0|0')
  })

  it('draws the circles as a pyramid from the core, whatever their sizes', () => {
    const option = circlePyramidOption(bars, (bar, share) => `${bar.name} ${share}`)
    const [series] = option.series as {
      sort: string
      data: { name: string; value: number }[]
      label: { formatter: (p: unknown) => string }
    }[]
    expect(series!.sort).toBe('ascending')
    expect(series!.data.map((d) => [d.name, d.value])).toEqual([
      ['核心层', 1],
      ['影响层', 2],
      ['外围层', 3],
    ])
    expect(series!.label.formatter({ dataIndex: 0 })).toBe('核心层 0.25')
  })
})
