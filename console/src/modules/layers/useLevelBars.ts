import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useFormat } from '@/composables/useFormat'
import type { Layer } from './api'
import { levelBarOption, levelColor, type Bar } from './charts'
import type { LayerNames } from './useLayerNames'

/** A layer's current level sizes as bars, named and coloured, with the bar chart's option. */
export function useLevelBars(layer: Ref<Layer | undefined>, names: Ref<LayerNames>) {
  const { t } = useI18n()
  const format = useFormat()
  const bars = computed<Bar[]>(() =>
    (layer.value?.levels ?? []).map((level, i) => ({
      name: names.value.level(layer.value!.key, level.key),
      value: level.count,
      color: levelColor(layer.value!.key, level.key, i),
    })),
  )
  const label = (value: number, share: number) =>
    t('layers.countShare', { count: format.number(value), rate: format.percent(share) })
  const option = computed(() => levelBarOption(bars.value, label))
  return { bars, option, label }
}
