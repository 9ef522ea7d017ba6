import { useI18n } from 'vue-i18n'
import type { Schedule } from './api'
import { dayRuns, isOvernight } from './codes'

/** Words for a code's settings, in the UI language. */
export function useCodeLabels() {
  const { t } = useI18n()

  const weekday = (day: number) => t(`liveCodes.weekdays.d${day}`)

  /** 周一至周五、周日: runs of three days or more as a range, shorter ones one by one. */
  function daysLabel(days: readonly number[]): string {
    const runs = dayRuns(days)
    if (runs.length === 1 && runs[0]![0] === 1 && runs[0]![1] === 7) {
      return t('liveCodes.schedule.everyDay')
    }
    const parts = runs.flatMap(([from, to]) => {
      if (to - from >= 2) {
        return [t('liveCodes.schedule.dayRange', { from: weekday(from), to: weekday(to) })]
      }
      return from === to ? [weekday(from)] : [weekday(from), weekday(to)]
    })
    return parts.join(t('liveCodes.schedule.separator'))
  }

  function hoursLabel(from: string, to: string): string {
    return isOvernight(from, to) ? t('liveCodes.schedule.overnight', { from, to }) : `${from}–${to}`
  }

  /** 周一至周五 09:00–18:00, or 全天接待 without working hours. */
  function scheduleLabel(schedule: Schedule | null): string {
    if (!schedule) return t('liveCodes.schedule.always')
    return t('liveCodes.schedule.summary', {
      days: daysLabel(schedule.days),
      time: hoursLabel(schedule.from, schedule.to),
    })
  }

  return { weekday, daysLabel, hoursLabel, scheduleLabel }
}
