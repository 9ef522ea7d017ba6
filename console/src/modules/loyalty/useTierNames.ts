import { onMounted, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { loyaltyApi, type Tier } from './api'

/**
 * The program's tiers, for naming a level the server gives only as a number (a tier history, a
 * filter). Without them (not yet loaded, not readable) a level is named by its number.
 */
export function useTierNames() {
  const { t } = useI18n()
  const tiers = shallowRef<Tier[]>([])
  onMounted(async () => {
    try {
      tiers.value = (await loyaltyApi.program()).tiers
    } catch {
      // The numbers stand in for the names.
    }
  })
  const name = (level: number | null | undefined) =>
    tiers.value.find((tier) => tier.level === level)?.name ?? t('loyalty.tierLevel', { level })
  return { tiers, name }
}
