import { describe, expect, it } from 'vitest'
import { codeLossOption, dailyLossOption, lossTotals, ratePercent, staffLossOption } from './charts'
import type { LossReport } from './api'

const REPORT: LossReport = {
  from: '2026-11-19',
  to: '2026-11-20',
  days: [
    { day: '2026-11-19', byCustomer: 3, byStaff: 1 },
    { day: '2026-11-20', byCustomer: 0, byStaff: 2 },
  ],
  staff: [
    { userId: 'lina', name: '李娜', losses: 4, added: 20, lossRate: 0.2 },
    { userId: 'zhangwei', name: '张伟', losses: 2, added: 3, lossRate: 0.6667 },
  ],
  codes: [
    { codeId: 5, name: '门店海报码', losses: 4, added: 30 },
    { codeId: 6, name: '直播间码', losses: 1, added: 2 },
  ],
  total: 6,
  medianDays: 12.5,
}

type Series = { type: string; name: string; data: number[]; stack?: string; yAxisIndex?: number }

describe('customer loss charts', () => {
  it('stacks losses per day by who deleted whom', () => {
    const series = dailyLossOption(REPORT.days, { byCustomer: '客户删除', byStaff: '员工删除' })
      .series as Series[]
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['客户删除', 'losses', [3, 0]],
      ['员工删除', 'losses', [1, 2]],
    ])
  })

  it('puts the loss rate per staff member on a percent axis next to losses and adds', () => {
    const option = staffLossOption(REPORT.staff, {
      losses: '流失',
      added: '新增',
      lossRate: '流失率',
    })
    const series = option.series as Series[]
    expect((option.xAxis as { data: string[] }).data).toEqual(['李娜', '张伟'])
    expect(series[2]).toMatchObject({
      type: 'line',
      name: '流失率',
      yAxisIndex: 1,
      data: [20, 66.7],
    })
    expect(ratePercent(0.12345)).toBe(12.3)
  })

  it('lists live codes with the most losses on top', () => {
    const option = codeLossOption(REPORT.codes, { losses: '流失', added: '新增' })
    expect((option.yAxis as { data: string[] }).data).toEqual(['直播间码', '门店海报码'])
  })

  it('adds up the headline numbers', () => {
    expect(lossTotals(REPORT)).toEqual({ total: 6, byCustomer: 3, byStaff: 3 })
  })
})
