import { computed, ref, shallowRef } from 'vue'
import { handleError } from '@/api/error-handler'
import { useSessionStore } from '@/stores/session'
import { directoryApi, type AppOption } from './api'

/**
 * The WeCom app a page works on. Administrators (wecom:manage) may list the connected apps and pick
 * one when there are several; everybody else gets the app the server names as connected
 * (GET /wecom/sandbox). `appId` is null when no app is connected.
 */
export function useWeComApp() {
  const session = useSessionStore()
  const apps = shallowRef<AppOption[]>([])
  const appId = ref<number | null>(null)
  const loaded = ref(false)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      if (session.can('wecom:manage')) {
        apps.value = (await directoryApi.apps()).map(({ id, name }) => ({ id, name }))
      } else {
        const sandbox = await directoryApi.sandbox()
        apps.value = sandbox.appId ? [{ id: sandbox.appId, name: sandbox.corpId ?? '' }] : []
      }
      if (!apps.value.some((app) => app.id === appId.value)) appId.value = apps.value[0]?.id ?? null
      loaded.value = true
    } catch (error) {
      handleError(error)
    } finally {
      loading.value = false
    }
  }

  return {
    apps,
    appId,
    loaded,
    loading,
    /** A select is offered only when there is a choice. */
    choosable: computed(() => apps.value.length > 1),
    load,
  }
}

export type WeComAppContext = ReturnType<typeof useWeComApp>
