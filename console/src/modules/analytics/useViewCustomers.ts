import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter, type RouteLocationRaw } from 'vue-router'
import { segmentDraftLocation } from '@/modules/segments/draft'
import { useSessionStore } from '@/stores/session'
import type { Rule } from './api'

/**
 * "查看客户": the customers behind a figure, opened in the segment editor with the figure's rule
 * filled in and a suggested name; nothing is saved until the operator saves the segment.
 */
export function useViewCustomers(page: () => string) {
  const { t } = useI18n()
  const router = useRouter()
  const session = useSessionStore()
  // The editor makes segments, which needs segments:write; without it the link is not offered.
  const can = computed(() => session.can('segments:write'))

  /** Where the editor opens with the rule filled in, for a link. */
  function location(name: string, rule: Rule): RouteLocationRaw {
    return segmentDraftLocation({
      name,
      description: t('analytics.segmentDescription', { page: page() }),
      rule,
    })
  }

  /** The segment editor for a figure's customers, named "<figure> <from>~<to>". */
  function metricLocation(
    label: string,
    rule: Rule,
    period: { from: string; to: string },
  ): RouteLocationRaw {
    return location(t('analytics.segmentName', { label, from: period.from, to: period.to }), rule)
  }

  function open(name: string, rule: Rule): void {
    void router.push(location(name, rule))
  }

  function openMetric(label: string, rule: Rule, period: { from: string; to: string }): void {
    void router.push(metricLocation(label, rule, period))
  }

  return { can, open, openMetric, metricLocation }
}
