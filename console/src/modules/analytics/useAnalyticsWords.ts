import { useI18n } from 'vue-i18n'
import { useFormat } from '@/composables/useFormat'
import type { MetricKind } from './api'
import { formatMetric, metricChange, type Formatters } from './metrics'

/** Names and number formats of the analytics pages in the UI language. */
export function useAnalyticsWords() {
  const { t, te } = useI18n()
  const format = useFormat()
  const formatters: Formatters & { points: (value: string) => string } = {
    number: format.number,
    money: (value) => format.money(value),
    percent: format.percent,
    points: (value) => t('analytics.change.points', { value }),
  }
  // The server may add figures before the console knows their names: show the key then.
  const named = (prefix: string, key: string) =>
    te(`analytics.${prefix}.${key}`) ? t(`analytics.${prefix}.${key}`) : key
  return {
    format,
    formatters,
    metric: (key: string) => named('metrics', key),
    stage: (key: string) => named('stages', key),
    stageHint: (key: string) =>
      te(`analytics.stageHints.${key}`) ? t(`analytics.stageHints.${key}`) : '',
    value: (value: number | null | undefined, kind: MetricKind | string) =>
      formatMetric(value, kind, formatters),
    change: (metric: Parameters<typeof metricChange>[0]) => metricChange(metric, formatters),
  }
}
