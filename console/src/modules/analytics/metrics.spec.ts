import { describe, expect, it } from 'vitest'
import { funnel } from '@/test/analytics'
import {
  formatMetric,
  funnelSteps,
  isBelowBaseline,
  metricChange,
  percentNumber,
  type Formatters,
} from './metrics'

// The formats useFormat gives in Chinese.
const number = new Intl.NumberFormat('zh-CN')
const money = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  currencyDisplay: 'narrowSymbol',
})
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 })
const format: Formatters & { points: (v: string) => string } = {
  number: (v) => number.format(v),
  money: (v) => money.format(v),
  percent: (v) => percent.format(v),
  points: (v) => `${v} 个百分点`,
}

describe('an analytics figure', () => {
  it('is formatted by its kind', () => {
    expect(formatMetric(1200, 'count', format)).toBe('1,200')
    expect(formatMetric(0.4523, 'ratio', format)).toBe('45.2%')
    expect(formatMetric(12000, 'money', format)).toBe('¥12,000.00')
    expect(formatMetric(14.285, 'money', format)).toBe('¥14.29')
    expect(formatMetric(0.41666, 'number', format)).toBe('0.42')
    expect(formatMetric(1.5, 'unknown-kind', format)).toBe('1.5')
  })

  it('is a dash when there is none (a ratio over nothing)', () => {
    expect(formatMetric(null, 'ratio', format)).toBe('—')
    expect(formatMetric(undefined, 'count', format)).toBe('—')
    expect(formatMetric(Number.NaN, 'money', format)).toBe('—')
  })

  it('moves by its relative change, and a ratio by percentage points', () => {
    expect(
      metricChange({ key: 'landingUv', kind: 'count', value: 1200, previous: 1100 }, format),
    ).toEqual({ direction: 'up', tone: 'good', text: '+9.1%' })
    expect(
      metricChange({ key: 'addRate', kind: 'ratio', value: 0.6667, previous: 0.6364 }, format),
    ).toEqual({ direction: 'up', tone: 'good', text: '+3.0 个百分点' })
    expect(
      metricChange({ key: 'shareRate', kind: 'ratio', value: 0.4, previous: 0.45 }, format),
    ).toEqual({ direction: 'down', tone: 'bad', text: '-5.0 个百分点' })
  })

  it('is good news when a cost or a loss falls, and spend is neither', () => {
    expect(
      metricChange({ key: 'cac', kind: 'money', value: 15, previous: 14.29 }, format)!.tone,
    ).toBe('bad')
    expect(
      metricChange({ key: 'lostCustomers', kind: 'count', value: 30, previous: 40 }, format),
    ).toEqual({ direction: 'down', tone: 'good', text: '-25%' })
    expect(
      metricChange({ key: 'spend', kind: 'money', value: 12000, previous: 10000 }, format)!.tone,
    ).toBe('neutral')
  })

  it('moves by the difference itself from nothing, and not at all without a value', () => {
    expect(metricChange({ key: 'gmv', kind: 'money', value: 300, previous: 0 }, format)).toEqual({
      direction: 'up',
      tone: 'good',
      text: '+¥300.00',
    })
    expect(metricChange({ key: 'aov', kind: 'money', value: 300, previous: 300 }, format)).toEqual({
      direction: 'flat',
      tone: 'neutral',
      text: '0%',
    })
    expect(
      metricChange({ key: 'trialToPaid', kind: 'ratio', value: null, previous: 0.1 }, format),
    ).toBeNull()
  })

  it('is a percentage number in CSV', () => {
    expect(percentNumber(0.45678)).toBe(45.68)
    expect(percentNumber(null)).toBeNull()
  })
})

describe('the funnel’s steps', () => {
  it('are the five headline counts in order, with their rules', () => {
    const steps = funnelSteps(funnel())
    expect(steps.map((s) => [s.key, s.value, s.previous])).toEqual([
      ['landingUv', 1200, 1100],
      ['wecomAdds', 800, 700],
      ['firstInteractions', 500, 520],
      ['buyers', 90, 80],
      ['sharers', 30, 25],
    ])
    expect(steps[0]!.rule).toEqual({
      and: [{ event: { type: 'view', from: '2026-11-01', to: '2026-11-30' } }],
    })
  })

  it('leave out a step the server did not send', () => {
    const data = funnel()
    data.stages = data.stages.filter((s) => s.key !== 'referral')
    expect(funnelSteps(data).map((s) => s.key)).toEqual([
      'landingUv',
      'wecomAdds',
      'firstInteractions',
      'buyers',
    ])
  })
})

describe('a WeCom rate', () => {
  it('is below its baseline when the server flags it, unless it could not be computed', () => {
    expect(isBelowBaseline({ value: 0.38, below: true })).toBe(true)
    expect(isBelowBaseline({ value: 0.72, below: false })).toBe(false)
    expect(isBelowBaseline({ value: null, below: true })).toBe(false)
  })
})
