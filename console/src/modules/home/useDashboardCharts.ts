import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { todayInZone } from '@/utils/time'
import { EVENT_TYPES, type Overview } from './api'
import {
  GENDER_COLORS,
  LEVEL_COLORS,
  dateRange,
  donutOption,
  eventsByType,
  eventsOption,
  fillDaily,
  lastDate,
  newCustomersOption,
  type Slice,
} from './charts'

const LEVEL_KEYS = ['none', 'silver', 'gold', 'diamond'] as const
const GENDER_ORDER = [1, 2, 0]
const GENDER_KEYS: Record<number, 'male' | 'female' | 'unknown'> = {
  1: 'male',
  2: 'female',
  0: 'unknown',
}

/** Turns the overview into translated chart options; recomputed when data or language change. */
export function useDashboardCharts(overview: Ref<Overview | null>) {
  const { t, te } = useI18n()
  const session = useSessionStore()

  const dates = computed(() => {
    const data = overview.value
    if (!data) return []
    const end = lastDate(todayInZone(session.timeZone), data.dailyNewCustomers, data.dailyEvents)
    return dateRange(end, data.days)
  })

  const newCustomers = computed(() =>
    overview.value
      ? newCustomersOption(
          dates.value,
          fillDaily(overview.value.dailyNewCustomers, dates.value),
          t('home.charts.newCustomersSeries'),
        )
      : null,
  )

  const events = computed(() => {
    if (!overview.value) return null
    const byType = eventsByType(overview.value.dailyEvents, dates.value, EVENT_TYPES)
    const label = (type: string) =>
      te(`common.eventTypes.${type}`) ? t(`common.eventTypes.${type}`) : type
    return eventsOption(dates.value, byType, label)
  })

  function levelLabel(level: number): string {
    const key = LEVEL_KEYS[level]
    return key ? t(`home.levels.${key}`) : t('home.levels.other', { level })
  }

  const levelSlices = computed<Slice[]>(() =>
    [...(overview.value?.membersByLevel ?? [])]
      .sort((a, b) => a.level - b.level)
      .map((entry) => ({
        name: levelLabel(entry.level),
        value: entry.count,
        color: LEVEL_COLORS[entry.level] ?? '#94a3b8',
      })),
  )

  const genderSlices = computed<Slice[]>(() =>
    [...(overview.value?.genders ?? [])]
      .sort((a, b) => GENDER_ORDER.indexOf(a.gender) - GENDER_ORDER.indexOf(b.gender))
      .map((entry) => ({
        name: t(`home.genders.${GENDER_KEYS[entry.gender] ?? 'unknown'}`),
        value: entry.count,
        color: GENDER_COLORS[entry.gender] ?? '#cbd5e1',
      })),
  )

  const isEmpty = (slices: Slice[]) => slices.every((s) => s.value === 0)

  return {
    newCustomers,
    events,
    members: computed(() => donutOption(levelSlices.value, t('home.charts.customers'))),
    membersEmpty: computed(() => isEmpty(levelSlices.value)),
    genders: computed(() => donutOption(genderSlices.value, t('home.charts.customers'))),
    gendersEmpty: computed(() => isEmpty(genderSlices.value)),
  }
}
