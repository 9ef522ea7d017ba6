import { computed, onMounted, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { handleError } from '@/api/error-handler'
import { useSessionStore } from '@/stores/session'

/**
 * The live codes a campaign can be made from, loaded once the picker shows (for those who may
 * read live codes), and the picker's placeholder: no access, none yet, or the ask itself.
 */
export function useCodeOptions<C>(
  load: () => Promise<C[]>,
  words: { none: string; placeholder: string },
) {
  const { t } = useI18n()
  const session = useSessionStore()
  const canRead = computed(() => session.can('live-codes:read'))
  const codes = shallowRef<C[]>([])
  const loaded = ref(false)

  onMounted(async () => {
    if (!canRead.value) return
    try {
      codes.value = await load()
    } catch (error) {
      handleError(error)
    } finally {
      loaded.value = true
    }
  })

  const placeholder = computed(() => {
    if (!canRead.value) return t('growth.editor.noCodeAccess')
    if (loaded.value && codes.value.length === 0) return t(words.none)
    return t(words.placeholder)
  })
  return { codes, canRead, placeholder }
}
