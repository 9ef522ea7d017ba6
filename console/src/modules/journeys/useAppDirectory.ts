import { computed, ref, shallowRef, watch } from 'vue'
import { handleError } from '@/api/error-handler'
import { directoryApi, type WeComGroup, type WeComStaff } from '@/modules/wecomops/api'
import { useWeComApp } from '@/modules/wecomops/useWeComApp'
import { useSessionStore } from '@/stores/session'

/**
 * The WeCom apps a step may go through, and the staff (and customer groups, with `groups`) of the
 * one it does: its own app, or the tenant's only one when it names none. The directory is read
 * with live-codes:read; without it nothing is offered, and the pickers show the ids the step keeps.
 */
export function useAppDirectory(appId: () => number | null | undefined, withGroups = false) {
  const session = useSessionStore()
  const wecom = useWeComApp()
  const canRead = computed(() => session.can('live-codes:read'))
  const staff = shallowRef<WeComStaff[]>([])
  const groups = shallowRef<WeComGroup[]>([])
  const loading = ref(false)
  const apps = wecom.apps
  const app = computed(() => appId() ?? (apps.value.length === 1 ? apps.value[0]!.id : null))

  /** The latest ask wins: an answer about an app no longer chosen is dropped. */
  let asked = 0
  async function load(): Promise<void> {
    const id = app.value
    const mine = ++asked
    staff.value = []
    groups.value = []
    if (id === null || !canRead.value) return
    loading.value = true
    try {
      const [members, chats] = await Promise.all([
        directoryApi.staff(id),
        withGroups ? directoryApi.groups(id) : Promise.resolve([]),
      ])
      if (mine !== asked) return
      staff.value = members
      groups.value = chats
    } catch (error) {
      if (mine === asked) handleError(error)
    } finally {
      if (mine === asked) loading.value = false
    }
  }

  watch(app, load, { immediate: true })
  if (canRead.value) void wecom.load()

  return { apps, choosable: wecom.choosable, staff, groups, loading }
}
