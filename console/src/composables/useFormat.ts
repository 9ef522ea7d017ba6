import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { formatDateTime } from '@/utils/time'

/** Formatting bound to the tenant's time zone and the UI language. */
export function useFormat() {
  const session = useSessionStore()
  const { locale } = useI18n()
  const numberFormat = computed(() => new Intl.NumberFormat(locale.value))
  const percentFormat = computed(
    () => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 1 }),
  )

  return {
    timeZone: computed(() => session.timeZone),
    dateTime: (iso: string | null | undefined, fallback = '—') =>
      iso ? formatDateTime(iso, session.timeZone) : fallback,
    number: (value: number) => numberFormat.value.format(value),
    percent: (value: number) => percentFormat.value.format(value),
  }
}
