import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useFormat } from '@/composables/useFormat'
import type { SegmentField } from './api'
import type { RuleWords } from './rules'

export interface LayerNames {
  /** The layer's name in the UI language (`lifecycle` → 生命周期), as the server names it. */
  layer: (key: string) => string
  /** A level's name (`lifecycle`, `active` → 活跃). */
  level: (layer: string, level: string) => string
  /** The words a rule is read out with. */
  words: RuleWords
}

/**
 * Names of layers, levels and rule fields as GET /segments/fields gives them in the request's
 * language (the console does not keep its own), falling back to the keys.
 */
export function useLayerNames(fields: Ref<SegmentField[] | null>): Ref<LayerNames> {
  const { t, te } = useI18n()
  const format = useFormat()
  return computed(() => {
    const byKey = new Map((fields.value ?? []).map((field) => [field.key, field]))
    const valueLabel = (field: string, value: unknown) =>
      byKey.get(field)?.values.find((v) => v.value === value)?.label ?? ''
    const eventType = (type: string) =>
      te(`common.eventTypes.${type}`) ? t(`common.eventTypes.${type}`) : type
    return {
      layer: (key) => byKey.get(`layers.${key}`)?.label ?? key,
      level: (layer, level) => valueLabel(`layers.${layer}`, level) || level,
      words: {
        say: (key, params = {}) => t(`layers.describe.${key}`, params),
        field: (key) => byKey.get(key)?.label ?? key,
        value: valueLabel,
        eventType,
        number: format.number,
      },
    }
  })
}
