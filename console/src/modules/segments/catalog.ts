import {
  computed,
  inject,
  onMounted,
  provide,
  ref,
  shallowRef,
  watch,
  type ComputedRef,
  type InjectionKey,
  type Ref,
} from 'vue'
import { useI18n } from 'vue-i18n'
import { handleError } from '@/api/error-handler'
import { useFormat } from '@/composables/useFormat'
import { staffApi, type StaffEntry } from '@/modules/accounts/api'
import { customersApi, GENDERS, type City } from '@/modules/customers/api'
import { eventsApi, type EventTypeInfo } from '@/modules/events/api'
import { tagsApi, type TagGroup } from '@/modules/tags/api'
import { useSessionStore } from '@/stores/session'
import { segmentsApi, type FieldValue, type SegmentField } from './api'
import type { SummaryLabels } from './describe'
import type { RuleValue } from './rule'

/** The field groups of the attribute picker. */
export type FieldGroup = 'profile' | 'commerce' | 'custom' | 'layers'
const COMMERCE = ['orderCount', 'gmv', 'firstPurchaseAt', 'lastPurchaseAt']

export function fieldGroup(key: string): FieldGroup {
  if (key.startsWith('attributes.')) return 'custom'
  // Layerings (RFM groups, lifecycle stages) as `layers.<key>`, once the catalog lists them.
  if (key.startsWith('layers.')) return 'layers'
  return COMMERCE.includes(key) ? 'commerce' : 'profile'
}

/** Kinds whose values are picked from a list (with counts). */
export const LISTED_KINDS = ['category', 'textCategory', 'boolean', 'multi', 'layer']

/**
 * The field list as the server gives it (values customers carry now), completed for picking: every
 * city and every staff member by name (the server lists the most common ones, owners by number),
 * every gender and both booleans.
 */
export function fieldOptions(
  field: SegmentField,
  extra: { cities: readonly City[]; staff: readonly StaffEntry[]; label: (key: string) => string },
): FieldValue[] {
  const values = [...field.values]
  const has = (value: unknown) => values.some((v) => v.value === value)
  if (field.key === 'city') {
    const names = new Map(extra.cities.map((c) => [c.code, c.name]))
    values.forEach((v, i) => {
      const name = names.get(Number(v.value))
      if (name) values[i] = { ...v, label: name }
    })
    for (const city of extra.cities)
      if (!has(city.code)) values.push({ value: city.code, label: city.name, count: 0 })
  } else if (field.key === 'ownerId') {
    const names = new Map(extra.staff.map((s) => [s.id, s.displayName]))
    values.forEach((v, i) => {
      values[i] = { ...v, label: names.get(Number(v.value)) ?? `#${v.value}` }
    })
    for (const s of extra.staff)
      if (!has(s.id)) values.push({ value: s.id, label: s.displayName, count: 0 })
  } else if (field.key === 'gender') {
    for (const g of GENDERS)
      if (!has(g)) values.push({ value: g, label: extra.label(`customers.genders.${g}`), count: 0 })
  } else if (field.kind === 'boolean') {
    for (const b of [true, false])
      if (!has(b))
        values.push({
          value: b,
          label: extra.label(b ? 'segments.attribute.yes' : 'segments.attribute.no'),
          count: 0,
        })
  }
  return values
}

export interface SegmentCatalog {
  loading: Ref<boolean>
  fields: ComputedRef<SegmentField[]>
  eventTypes: Ref<EventTypeInfo[]>
  tagGroups: Ref<TagGroup[]>
  field: (key: string) => SegmentField | undefined
  options: (key: string) => FieldValue[]
  eventLabel: (type: string) => string
  labels: ComputedRef<SummaryLabels>
  load: () => Promise<void>
}

const KEY: InjectionKey<SegmentCatalog> = Symbol('segment-catalog')

/**
 * What the builder and the rule summary need to name things: the fields, event types, tags, cities
 * and staff, loaded once per page (again when the language changes, since the server labels them)
 * and shared with the builder's components.
 */
export function provideSegmentCatalog(): SegmentCatalog {
  const { t, te, locale } = useI18n()
  const session = useSessionStore()
  const format = useFormat()
  const rawFields = shallowRef<SegmentField[]>([])
  const eventTypes = shallowRef<EventTypeInfo[]>([])
  const tagGroups = shallowRef<TagGroup[]>([])
  const cities = shallowRef<City[]>([])
  const staff = shallowRef<StaffEntry[]>([])
  const loading = ref(true)

  async function quietly<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await call()
    } catch (error) {
      handleError(error)
      return fallback
    }
  }

  async function load(): Promise<void> {
    loading.value = true
    const [f, e, g, c, s] = await Promise.all([
      quietly(() => segmentsApi.fields().then((r) => r.fields), []),
      session.can('events:read') ? quietly(() => eventsApi.types(), []) : Promise.resolve([]),
      session.can('tags:read') ? quietly(() => tagsApi.groups(), []) : Promise.resolve([]),
      session.can('customers:read')
        ? quietly(() => customersApi.cities(), [])
        : Promise.resolve([]),
      session.can('customers:read')
        ? quietly(() => staffApi.directory('', 200), [])
        : Promise.resolve([]),
    ])
    rawFields.value = f
    eventTypes.value = e
    tagGroups.value = g
    cities.value = c
    staff.value = s
    loading.value = false
  }

  onMounted(load)
  watch(locale, load)

  const fields = computed(() => rawFields.value)
  const byKey = computed(() => new Map(rawFields.value.map((f) => [f.key, f])))
  const optionCache = computed(() => {
    const map = new Map<string, FieldValue[]>()
    for (const f of rawFields.value)
      map.set(
        f.key,
        fieldOptions(f, { cities: cities.value, staff: staff.value, label: (key) => t(key) }),
      )
    return map
  })
  const tagNames = computed(
    () => new Map(tagGroups.value.flatMap((g) => g.tags.map((tag) => [tag.id, tag.name]))),
  )

  function eventLabel(type: string): string {
    const found = eventTypes.value.find((e) => e.name === type)
    if (found) return found.displayName
    const key = `common.eventTypes.${type}`
    return te(key) ? t(key) : type
  }

  const labels = computed<SummaryLabels>(() => ({
    t: (key, params) => t(key, params ?? {}),
    field: (key) => byKey.value.get(key),
    value: (key, value: RuleValue) => {
      const found = optionCache.value.get(key)?.find((v) => v.value === value)
      return found?.label ?? String(value)
    },
    tag: (id) => tagNames.value.get(id) ?? `#${id}`,
    event: eventLabel,
    money: (value) => format.money(value),
    listSeparator: locale.value === 'en' ? ', ' : '、',
  }))

  const catalog: SegmentCatalog = {
    loading,
    fields,
    eventTypes,
    tagGroups,
    field: (key) => byKey.value.get(key),
    options: (key) => optionCache.value.get(key) ?? [],
    eventLabel,
    labels,
    load,
  }
  provide(KEY, catalog)
  return catalog
}

export function useSegmentCatalog(): SegmentCatalog {
  const catalog = inject(KEY)
  if (!catalog) throw new Error('provideSegmentCatalog() first')
  return catalog
}
