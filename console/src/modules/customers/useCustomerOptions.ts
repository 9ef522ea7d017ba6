import { computed, onMounted, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { handleError } from '@/api/error-handler'
import { useLatestRequest } from '@/composables/useLatestRequest'
import { accountsApi } from '@/modules/accounts/api'
import { useSessionStore } from '@/stores/session'
import { attributesApi, customersApi, type Owner } from './api'

interface LoadOptions {
  /** Wait for `ensure()` (a dialog's first opening) instead of loading when mounted. */
  lazy?: boolean
}

/** The cities to choose from, named in the UI language (asked again when it changes). */
export function useCities(options: LoadOptions = {}) {
  const { locale } = useI18n()
  const { data, loading, load } = useLatestRequest(customersApi.cities)
  let loaded = false
  function ensure(): void {
    if (loaded) return
    loaded = true
    void load()
  }
  watch(locale, () => loaded && load())
  if (!options.lazy) onMounted(ensure)
  return { cities: computed(() => data.value ?? []), loading, ensure }
}

/** The tenant's custom attribute definitions, in display order. */
export function useAttributeDefinitions() {
  const { data, loading, load } = useLatestRequest(attributesApi.list)
  onMounted(load)
  return { definitions: computed(() => data.value ?? []), loading, reload: load }
}

// A tenant has tens, at most a few hundred staff accounts: a few pages cover them all.
const OWNER_PAGES = 5

/**
 * Staff a customer can be assigned to. The account list needs accounts:read; without it the
 * signed-in account is the only choice (enough to filter "my customers" or to take one over).
 */
export function useOwnerOptions(options: LoadOptions = {}) {
  const session = useSessionStore()
  const owners = shallowRef<Owner[]>([])
  const loading = ref(false)
  let loaded = false

  async function load(): Promise<void> {
    const me = session.me
    const own: Owner[] = me ? [{ id: me.id, name: me.displayName }] : []
    owners.value = own
    if (!session.can('accounts:read')) return
    loading.value = true
    try {
      const all: Owner[] = []
      let cursor: string | null = null
      for (let page = 0; page < OWNER_PAGES; page++) {
        const result = await accountsApi.list(cursor)
        for (const account of result.items) {
          if (account.enabled) all.push({ id: account.id, name: account.displayName })
        }
        cursor = result.nextCursor ?? null
        if (cursor === null) break
      }
      // The signed-in account first, the others by name.
      const others = all
        .filter((owner) => owner.id !== me?.id)
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      owners.value = [...own, ...others]
    } catch (error) {
      handleError(error)
    } finally {
      loading.value = false
    }
  }

  function ensure(): void {
    if (loaded) return
    loaded = true
    void load()
  }

  if (!options.lazy) onMounted(ensure)
  return { owners, loading, ensure }
}
