import { computed, onMounted, ref, shallowReactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLatestRequest } from '@/composables/useLatestRequest'
import { staffApi, type StaffEntry } from '@/modules/accounts/api'
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

/** How many staff one search shows; typing narrows it down (the directory's own default). */
export const OWNER_LIMIT = 50

/**
 * The owners to offer for what was searched: the signed-in account first (always when nothing
 * was typed, otherwise when the directory found it), then the directory's answer in its order
 * (by name), then the chosen owner when the answer does not have it, so that the select keeps
 * showing its name rather than its number.
 */
export function ownerChoices(
  found: readonly StaffEntry[],
  query: string,
  me: Owner | null,
  selected: Owner | null,
): Owner[] {
  const owners = found.map((staff) => ({ id: staff.id, name: staff.displayName }))
  const mine = owners.findIndex((owner) => owner.id === me?.id)
  if (mine >= 0) owners.unshift(...owners.splice(mine, 1))
  else if (me && query === '') owners.unshift(me)
  if (selected && !owners.some((owner) => owner.id === selected.id)) owners.push(selected)
  return owners
}

interface OwnerOptions extends LoadOptions {
  /** The owner chosen now, if any: always offered, by name when it is known. */
  selectedId?: () => number | null | undefined
}

/**
 * Staff a customer can be assigned to, searched on the server as the user types (for an
 * `ElSelect filterable remote` with `search` as its remote method). Owners the page already knows
 * by name (a customer's current owner, the owners in a list) are given to `remember`.
 */
export function useOwnerOptions(options: OwnerOptions = {}) {
  const session = useSessionStore()
  const query = ref<string | null>(null)
  // Each answer carries the search it is for: the list never mixes one search's staff with another's text.
  const { data, loading, load } = useLatestRequest(async (signal) => {
    const q = query.value ?? ''
    return { q, staff: await staffApi.directory(q, OWNER_LIMIT, signal) }
  })
  const known = shallowReactive(new Map<number, string>())
  const me = computed<Owner | null>(() =>
    session.me ? { id: session.me.id, name: session.me.displayName } : null,
  )

  function remember(owner: Owner | null | undefined): void {
    if (owner) known.set(owner.id, owner.name)
  }

  watch(data, (answer) => answer?.staff.forEach((s) => known.set(s.id, s.displayName)))

  const owners = computed(() => {
    const id = options.selectedId?.() ?? null
    const selected = id === null ? null : { id, name: known.get(id) ?? `#${id}` }
    return ownerChoices(data.value?.staff ?? [], data.value?.q ?? '', me.value, selected)
  })

  function search(text: string): void {
    const q = text.trim()
    // Without customers:read there is no directory: the signed-in account is the only choice.
    if (q === query.value || !session.can('customers:read')) return
    query.value = q
    void load()
  }

  const ensure = () => search(query.value ?? '')

  if (!options.lazy) onMounted(ensure)
  return { owners, loading, search, ensure, remember }
}

/** How many customers one search offers; typing more narrows it down. */
export const CUSTOMER_LIMIT = 20

/**
 * Customers to pick, searched on the server as the user types (the remote method of an
 * `ElSelect filterable remote`): a name prefix, a mobile, an email or a number. An empty search
 * asks nothing and offers nothing.
 */
export function useCustomerSearch() {
  const query = ref('')
  // Each answer carries the search it is for, as the owner search does.
  const { data, loading, load } = useLatestRequest(async (signal) => {
    const q = query.value
    return { q, items: q ? (await customersApi.search(q, CUSTOMER_LIMIT, signal)).items : [] }
  })
  const customers = computed(() => data.value?.items ?? [])

  function search(text: string): void {
    const q = text.trim()
    if (q === query.value) return
    query.value = q
    void load()
  }

  function reset(): void {
    query.value = ''
    data.value = null
  }

  return { customers, loading, search, reset }
}
