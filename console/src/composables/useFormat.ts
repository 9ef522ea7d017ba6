import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { dateInZone, formatDateTime, relativeTime } from '@/utils/time'

/** Formatting bound to the tenant's time zone and the UI language. */
export function useFormat() {
  const session = useSessionStore()
  const { locale } = useI18n()
  const numberFormat = computed(() => new Intl.NumberFormat(locale.value))
  // Amounts are in yuan; the narrow symbol is ¥ in every UI language (not "CN¥").
  const moneyFormat = computed(
    () =>
      new Intl.NumberFormat(locale.value, {
        style: 'currency',
        currency: 'CNY',
        currencyDisplay: 'narrowSymbol',
      }),
  )
  const percentFormat = computed(
    () => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 1 }),
  )

  return {
    timeZone: computed(() => session.timeZone),
    dateTime: (iso: string | null | undefined, fallback = '—') =>
      iso ? formatDateTime(iso, session.timeZone) : fallback,
    /** The tenant-zone calendar date of an instant, e.g. "2026-11-01". */
    date: (iso: string | null | undefined, fallback = '—') =>
      iso ? dateInZone(iso, session.timeZone) : fallback,
    /** "3 天前", "yesterday": how long ago, in the UI language. */
    relative: (iso: string | null | undefined, fallback = '—') =>
      iso ? relativeTime(iso, locale.value, session.timeZone) : fallback,
    number: (value: number) => numberFormat.value.format(value),
    /** An amount in yuan ("¥1,234.50"), or in another currency when one is named. */
    money: (value: number | string | null | undefined, currency?: string | null) => {
      const amount = Number(value ?? 0)
      if (!currency || currency === 'CNY') return moneyFormat.value.format(amount)
      try {
        return new Intl.NumberFormat(locale.value, { style: 'currency', currency }).format(amount)
      } catch {
        // Not an ISO 4217 code: the number and the code as sent.
        return `${numberFormat.value.format(amount)} ${currency}`
      }
    },
    percent: (value: number) => percentFormat.value.format(value),
  }
}
