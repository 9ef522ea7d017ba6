import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter, type RouteLocationRaw } from 'vue-router'
import { useLatestRequest } from '@/composables/useLatestRequest'
import { analyticsApi, type Metric } from '@/modules/analytics/api'
import { isBelowBaseline, metricsByKey } from '@/modules/analytics/metrics'
import { useAnalyticsWords } from '@/modules/analytics/useAnalyticsWords'
import { useViewCustomers } from '@/modules/analytics/useViewCustomers'
import { useSessionStore } from '@/stores/session'
import { todayInZone } from '@/utils/time'
import { RATE_DAYS, SUMMARY_FIGURES, lossesRose, summaryDays } from './summary'

/**
 * 昨日早报: yesterday's figures against the day before (the funnel for that one day), the WeCom
 * success rates of the last RATE_DAYS days against their baselines, and whether losses rose.
 */
export function useMorningSummary() {
  const { t, locale } = useI18n()
  const router = useRouter()
  const session = useSessionStore()
  const words = useAnalyticsWords()
  const customers = useViewCustomers(() => t('home.summary.title'))

  const { day, rateFrom } = summaryDays(todayInZone(session.timeZone))
  const yesterday = { from: day, to: day }
  const rateDays = { from: rateFrom, to: day }

  const request = useLatestRequest(async (signal) => {
    const [funnel, wecom] = await Promise.all([
      analyticsApi.funnel(yesterday, signal),
      analyticsApi.wecom(rateDays, signal),
    ])
    return { funnel, wecom }
  })
  const tried = ref(false)
  async function load(): Promise<void> {
    tried.value = true
    await request.load()
  }
  // useLatestRequest has already shown the server's problem; the card says it has nothing to show.
  const failed = computed(
    () => tried.value && !request.loading.value && request.data.value === null,
  )

  const metrics = computed(() =>
    request.data.value ? metricsByKey(request.data.value.funnel) : new Map<string, Metric>(),
  )

  const pageName = (to: RouteLocationRaw) => {
    const title = router.resolve(to).meta.title
    return title ? t(title) : ''
  }

  const figures = computed(() =>
    SUMMARY_FIGURES.flatMap(({ key, page }) => {
      const metric = metrics.value.get(key)
      if (!metric) return []
      const to = { name: page, query: yesterday }
      return [
        {
          key,
          label: words.metric(key),
          value: words.value(metric.value, metric.kind),
          previous: words.value(metric.previous, metric.kind),
          change: words.change(metric),
          to,
          title: t('home.summary.open', { page: pageName(to) }),
        },
      ]
    }),
  )

  const wecomPage = { name: 'analytics-wecom', query: rateDays }
  const rates = computed(() => request.data.value?.wecom.rates ?? [])
  const belowBaseline = computed(() =>
    rates.value.filter(isBelowBaseline).map((rate) => ({
      key: rate.key,
      text: t('home.summary.belowBaseline', {
        days: RATE_DAYS,
        rate: t(`analytics.wecom.rates.${rate.key}`),
        value: words.value(rate.value, 'ratio'),
        baseline: words.value(rate.baseline, 'ratio'),
      }),
    })),
  )
  /** Said when no rate is below: all reached their baselines, or there was nothing to compute. */
  const ratesNote = computed(() => {
    if (belowBaseline.value.length > 0) return null
    const known = rates.value.some((rate) => rate.value !== null)
    return known
      ? { ok: true, text: t('home.summary.ratesReached', { days: RATE_DAYS }) }
      : { ok: false, text: t('home.summary.ratesUnknown', { days: RATE_DAYS }) }
  })

  const lossRise = computed(() => {
    const lost = metrics.value.get('lostCustomers')
    if (!lost || !lossesRose(lost)) return null
    const segment = !!lost.rule && customers.can.value
    return {
      text: t('home.summary.lossRise', {
        value: words.value(lost.value, lost.kind),
        previous: words.value(lost.previous, lost.kind),
        change: words.change(lost)?.text ?? '',
      }),
      // The lost customers themselves when the account may open them as a segment, else who lost them.
      to:
        segment && lost.rule
          ? customers.metricLocation(words.metric(lost.key), lost.rule, yesterday)
          : { name: 'analytics-wecom', query: yesterday },
      link: segment ? t('home.summary.viewLost') : t('home.summary.viewWecom'),
    }
  })

  const date = computed(() =>
    new Intl.DateTimeFormat(locale.value, {
      timeZone: 'UTC',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    }).format(new Date(`${day}T00:00:00Z`)),
  )

  return {
    data: request.data,
    loading: request.loading,
    failed,
    load,
    date,
    figures,
    belowBaseline,
    ratesNote,
    lossRise,
    wecomPage,
    funnelPage: { name: 'analytics-funnel', query: yesterday },
  }
}
