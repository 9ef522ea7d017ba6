import { computed, inject, provide, ref, shallowRef, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { handleError } from '@/api/error-handler'
import { tagsApi, type Tag, type TagGroup, type TagKind } from '@/modules/tags/api'
import { wecomApi, type WeComStaff } from '@/modules/wecom/api'
import { useSessionStore } from '@/stores/session'

/** An app live codes can be made in: its name when the account may see the apps, else its number. */
export interface AppRef {
  id: number
  name: string
}

export interface TagRef {
  tag: Tag
  kind: TagKind
  groupName: string
}

/**
 * What the live-code pages share: the WeCom apps, each app's staff (loaded once per app, for names
 * and pickers) and the tenant's tags (for the channel tags' chips).
 */
function createContext() {
  const { t } = useI18n()
  const session = useSessionStore()
  const apps = shallowRef<AppRef[]>([])
  const appsLoaded = ref(false)
  const staff = shallowRef<Record<number, WeComStaff[]>>({})
  const staffLoading = ref(new Set<number>())
  const tagGroups = shallowRef<TagGroup[]>([])
  let tagsAsked = false

  const fallback = (id: number): AppRef => ({ id, name: t('liveCodes.appFallback', { id }) })

  /** The connected apps (GET /wecom/app-options); apps of codes the list lacks stand in by number (knowApps). */
  async function loadApps(): Promise<void> {
    try {
      apps.value = (await wecomApi.options()).map(({ id, name }) => ({ id, name }))
    } catch (error) {
      handleError(error)
    } finally {
      appsLoaded.value = true
    }
  }

  /** Adds apps that codes were made in and the list does not have yet. */
  function knowApps(ids: readonly number[]): void {
    const missing = [...new Set(ids)].filter((id) => !apps.value.some((app) => app.id === id))
    if (missing.length) apps.value = [...apps.value, ...missing.map(fallback)]
  }

  const appName = (id: number) => apps.value.find((app) => app.id === id)?.name ?? fallback(id).name

  async function ensureStaff(appId: number | null | undefined, again = false): Promise<void> {
    if (appId == null || staffLoading.value.has(appId)) return
    if (!again && staff.value[appId]) return
    staffLoading.value = new Set([...staffLoading.value, appId])
    try {
      staff.value = { ...staff.value, [appId]: await wecomApi.staff(appId) }
    } catch (error) {
      handleError(error)
    } finally {
      const rest = new Set(staffLoading.value)
      rest.delete(appId)
      staffLoading.value = rest
    }
  }

  const staffOf = (appId: number | null | undefined): WeComStaff[] =>
    appId == null ? [] : (staff.value[appId] ?? [])

  /** Whether the app's staff have been read (an app may have none). */
  const staffKnown = (appId: number | null | undefined) => appId != null && appId in staff.value

  /** A staff member's name, or their userId while (or when) the directory does not know them. */
  const staffName = (appId: number, userId: string) =>
    staffOf(appId).find((s) => s.userId === userId)?.name ?? userId

  const staffNames = (appId: number, userIds: readonly string[]) =>
    userIds.map((id) => staffName(appId, id))

  async function ensureTags(): Promise<void> {
    if (tagsAsked || !session.can('tags:read')) return
    tagsAsked = true
    try {
      tagGroups.value = await tagsApi.groups()
    } catch (error) {
      tagsAsked = false
      handleError(error)
    }
  }

  const tagsById = computed(() => {
    const byId = new Map<number, TagRef>()
    for (const group of tagGroups.value) {
      for (const tag of group.tags) {
        byId.set(tag.id, { tag, kind: group.kind, groupName: group.name })
      }
    }
    return byId
  })

  return {
    apps,
    appsLoaded,
    loadApps,
    knowApps,
    appName,
    ensureStaff,
    staffOf,
    staffKnown,
    staffName,
    staffNames,
    staffLoading,
    ensureTags,
    tagsById,
  }
}

export type LiveCodeContext = ReturnType<typeof createContext>

const KEY: InjectionKey<LiveCodeContext> = Symbol('live-code-context')

/** Made by each live-code page for the components on it. */
export function provideLiveCodeContext(): LiveCodeContext {
  const context = createContext()
  provide(KEY, context)
  return context
}

export function useLiveCodeContext(): LiveCodeContext {
  const context = inject(KEY)
  if (!context) throw new Error('provideLiveCodeContext() was not called by the page')
  return context
}
