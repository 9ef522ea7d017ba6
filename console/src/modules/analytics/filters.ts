import { computed, onMounted, reactive, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryValue } from 'vue-router'
import { segmentsApi } from '@/modules/segments/api'
import { useSessionStore } from '@/stores/session'
import { addDays, todayInZone } from '@/utils/time'
import { analyticsApi, type AnalyticsFilter, type StaffMember } from './api'

export const PRESETS = [7, 30, 90] as const
export type Preset = (typeof PRESETS)[number]
const DEFAULT_PRESET: Preset = 30

/** What the analytics pages are narrowed to; a preset is the last n days up to today. */
export interface FilterState {
  preset: Preset | null
  from: string
  to: string
  channel: string
  /** `wecom:<userid>` or `account:<id>`; null: everyone. */
  staff: string | null
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const STAFF = /^(wecom:[^\s]{1,64}|account:[1-9]\d{0,17})$/

/** Whether a text is a staff filter value the server takes. */
export function isStaffKey(value: string): boolean {
  return STAFF.test(value)
}

/**
 * The staff member a filter value names among those listed: by their key, or by the other half of a linked pair
 * (an address may name the account of someone listed by their WeCom userid).
 */
export function findStaff(members: StaffMember[], key: string | null): StaffMember | undefined {
  if (key === null) return undefined
  return members.find(
    (m) =>
      m.key === key ||
      (m.userId !== null && `wecom:${m.userId}` === key) ||
      (m.accountId !== null && `account:${m.accountId}` === key),
  )
}

function first(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' ? text : ''
}

/** The `days` days ending today (both ends included). */
export function presetRange(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, 1 - days), to: today }
}

/**
 * The filters in the page's address (days=7, or from/to; channel; staff), so that a view can be
 * bookmarked and shared; anything missing or malformed is the default, the last 30 days.
 */
export function filtersFromQuery(query: LocationQuery, today: string): FilterState {
  const from = first(query.from)
  const to = first(query.to)
  const days = Number(first(query.days))
  const staff = first(query.staff).trim()
  const base = {
    channel: first(query.channel).slice(0, 64),
    staff: isStaffKey(staff) ? staff : null,
  }
  if (DATE.test(from) && DATE.test(to) && from <= to) return { preset: null, from, to, ...base }
  const preset = (PRESETS as readonly number[]).includes(days) ? (days as Preset) : DEFAULT_PRESET
  return { preset, ...presetRange(preset, today), ...base }
}

/** The address's query for the filters: defaults are left out. */
export function filtersToQuery(state: FilterState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.preset === null) {
    query.from = state.from
    query.to = state.to
  } else if (state.preset !== DEFAULT_PRESET) query.days = String(state.preset)
  if (state.channel.trim()) query.channel = state.channel.trim()
  if (state.staff !== null) query.staff = state.staff
  return query
}

const FILTER_KEYS = ['days', 'from', 'to', 'channel', 'staff']

/** The period, channel and staff member a page shows, kept in its address. */
export function useAnalyticsFilters() {
  const route = useRoute()
  const router = useRouter()
  const session = useSessionStore()
  const today = todayInZone(session.timeZone)
  const state = reactive<FilterState>(filtersFromQuery(route.query, today))

  const filter = computed<AnalyticsFilter>(() => ({
    from: state.from,
    to: state.to,
    channel: state.channel.trim() || undefined,
    staff: state.staff ?? undefined,
  }))

  watch(filter, () => {
    const kept = Object.fromEntries(
      Object.entries(route.query).filter(([key]) => !FILTER_KEYS.includes(key)),
    )
    void router.replace({ query: { ...kept, ...filtersToQuery(state) } })
  })

  function setPreset(days: Preset): void {
    Object.assign(state, { preset: days, ...presetRange(days, today) })
  }

  function setRange(from: string, to: string): void {
    Object.assign(state, { preset: null, from, to })
  }

  /** Narrows to a staff member (a staff row's `staff`), or to everyone again when it is the one already chosen. */
  function toggleStaff(key: string | null | undefined): void {
    if (!key) return
    state.staff = state.staff === key ? null : key
  }

  return { state, filter, today, setPreset, setRange, toggleStaff }
}

export type AnalyticsFilters = ReturnType<typeof useAnalyticsFilters>

/**
 * The source channels customers carry now, most common first (the segment rule field's values), to
 * pick from; any other name can be typed. Nothing to pick without segments:read.
 */
export function useChannelOptions() {
  const session = useSessionStore()
  const channels = shallowRef<string[]>([])
  onMounted(async () => {
    if (!session.can('segments:read')) return
    try {
      const { fields } = await segmentsApi.fields()
      const field = fields.find((f) => f.key === 'sourceChannel')
      channels.value = (field?.values ?? [])
        .map((v) => String(v.value))
        .filter((v) => v.trim() !== '')
    } catch {
      // Only a convenience: the channel can still be typed.
    }
  })
  return channels
}

/** The staff members the filter can take, loaded once per page: for the picker and the chip's name. */
export function useStaffMembers() {
  const members = shallowRef<StaffMember[]>([])
  const loading = shallowRef(false)
  onMounted(async () => {
    loading.value = true
    try {
      members.value = (await analyticsApi.staff()).staff
    } catch {
      // The filter still works from a row or the address; only the names are missing.
    } finally {
      loading.value = false
    }
  })
  return { members, loading }
}
