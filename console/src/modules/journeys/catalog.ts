import {
  computed,
  inject,
  onMounted,
  provide,
  shallowRef,
  watch,
  type ComputedRef,
  type InjectionKey,
  type Ref,
} from 'vue'
import { useI18n } from 'vue-i18n'
import { handleError } from '@/api/error-handler'
import { attributesApi, type AttributeDefinition } from '@/modules/customers/api'
import type { EventTypeInfo } from '@/modules/events/api'
import { provideSegmentCatalog, type SegmentCatalog } from '@/modules/segments/catalog'
import { describeRule } from '@/modules/segments/describe'
import { fromJson } from '@/modules/segments/rule'
import { segmentsApi, type Segment } from '@/modules/segments/api'
import { useSessionStore } from '@/stores/session'
import type { JourneyLabels } from './describe'

export interface JourneyCatalog {
  /** Fields, event types and tags, as the segment rule editor has them (condition steps use it). */
  segmentCatalog: SegmentCatalog
  eventTypes: Ref<EventTypeInfo[]>
  segments: Ref<Segment[]>
  attributes: Ref<AttributeDefinition[]>
  labels: ComputedRef<JourneyLabels>
}

const KEY: InjectionKey<JourneyCatalog> = Symbol('journey-catalog')

/**
 * What the journey editor names and offers: event types, tags and rule fields (through the segment
 * catalog), saved segments and custom attributes; loaded once per page, again when the language
 * changes (the server names event types and fields in it).
 */
export function provideJourneyCatalog(): JourneyCatalog {
  const { t, locale } = useI18n()
  const session = useSessionStore()
  const segmentCatalog = provideSegmentCatalog()
  const segments = shallowRef<Segment[]>([])
  const attributes = shallowRef<AttributeDefinition[]>([])

  async function load(): Promise<void> {
    try {
      const [s, a] = await Promise.all([
        session.can('segments:read') ? segmentsApi.list() : Promise.resolve([]),
        session.can('customers:read') ? attributesApi.list() : Promise.resolve([]),
      ])
      segments.value = s
      attributes.value = a
    } catch (error) {
      handleError(error)
    }
  }
  onMounted(load)
  watch(locale, load)

  const segmentNames = computed(() => new Map(segments.value.map((s) => [s.id, s.name])))
  const attributeNames = computed(() => new Map(attributes.value.map((a) => [a.key, a.label])))
  const tagNames = computed(
    () =>
      new Map(
        segmentCatalog.tagGroups.value.flatMap((g) => g.tags.map((tag) => [tag.id, tag.name])),
      ),
  )

  const labels = computed<JourneyLabels>(() => ({
    t: (key, params, plural) =>
      plural === undefined ? t(key, params ?? {}) : t(key, params ?? {}, plural),
    event: segmentCatalog.eventLabel,
    segment: (id) => segmentNames.value.get(id) ?? `#${id}`,
    tag: (id) => tagNames.value.get(id) ?? `#${id}`,
    attribute: (key) => attributeNames.value.get(key) ?? key,
    rule: (rule) => describeRule(fromJson(rule), segmentCatalog.labels.value),
    listSeparator: locale.value === 'en' ? ', ' : '、',
  }))

  const catalog: JourneyCatalog = {
    segmentCatalog,
    eventTypes: segmentCatalog.eventTypes,
    segments,
    attributes,
    labels,
  }
  provide(KEY, catalog)
  return catalog
}

export function useJourneyCatalog(): JourneyCatalog {
  const catalog = inject(KEY)
  if (!catalog) throw new Error('provideJourneyCatalog() first')
  return catalog
}
