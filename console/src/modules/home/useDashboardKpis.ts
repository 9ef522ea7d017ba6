import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { Avatar, DataLine, Medal, Pointer, UserFilled } from '@element-plus/icons-vue'
import { useFormat } from '@/composables/useFormat'
import type { Overview } from './api'

/** The headline figures above the charts, formatted for the UI language. */
export function useDashboardKpis(overview: Ref<Overview | null>, period: Ref<number>) {
  const { t } = useI18n()
  const format = useFormat()
  return computed(() => {
    const data = overview.value
    const inPeriod = t('home.kpi.inPeriod', { n: data?.days ?? period.value })
    const value = (n: number | undefined) => (n === undefined ? '—' : format.number(n))
    const memberRate =
      data && data.customers.total > 0
        ? format.percent(data.customers.members / data.customers.total)
        : '—'
    return [
      {
        key: 'customers',
        label: t('home.kpi.customers'),
        value: value(data?.customers.total),
        hint: t('home.kpi.allTime'),
        icon: UserFilled,
        color: '#2f6fed',
      },
      {
        key: 'new',
        label: t('home.kpi.newCustomers'),
        value: value(data?.customers.newInPeriod),
        hint: inPeriod,
        icon: DataLine,
        color: '#17c3a2',
      },
      {
        key: 'members',
        label: t('home.kpi.members'),
        value: value(data?.customers.members),
        hint: t('home.kpi.memberRate', { rate: memberRate }),
        icon: Medal,
        color: '#e8a317',
      },
      {
        key: 'events',
        label: t('home.kpi.events'),
        value: value(data?.events.inPeriod),
        hint: inPeriod,
        icon: Pointer,
        color: '#9b7bf7',
      },
      {
        key: 'staff',
        label: t('home.kpi.staff'),
        value: value(data?.staff.total),
        hint: t('home.kpi.allTime'),
        icon: Avatar,
        color: '#f0627f',
      },
    ]
  })
}
