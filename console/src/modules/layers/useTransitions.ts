import { computed, onMounted, ref } from 'vue'
import { useLatestRequest } from '@/composables/useLatestRequest'
import { layersApi } from './api'

/**
 * Customers moving between a layer's levels from one snapshot day to another: first the server's
 * default pair (the earliest day within 30 days, and today), then the days the operator picks.
 */
export function useTransitions(layer: string) {
  const from = ref<string | null>(null)
  const to = ref<string | null>(null)
  const { data, loading, load } = useLatestRequest((signal) =>
    layersApi.transitions(layer, from.value ?? undefined, to.value ?? undefined, signal),
  )

  async function reload(): Promise<void> {
    await load()
    if (data.value) {
      from.value = data.value.from
      to.value = data.value.to
    }
  }

  /** Compares two other days (each must be one of `days`). */
  async function select(newFrom: string, newTo: string): Promise<void> {
    from.value = newFrom
    to.value = newTo
    await reload()
  }

  const days = computed(() => data.value?.days ?? [])
  /** Flows need two days; on the first day of a tenant there is only today. */
  const oneDay = computed(
    () => !!data.value && (days.value.length < 2 || data.value.from === data.value.to),
  )

  onMounted(reload)
  return { data, loading, days, from, to, oneDay, select, reload }
}
