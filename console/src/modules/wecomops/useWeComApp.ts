import { computed, ref, shallowRef } from 'vue'
import { handleError } from '@/api/error-handler'
import { directoryApi, type AppOption } from './api'

/**
 * The WeCom app a page works on: one of the connected apps (GET /wecom/app-options), chosen when there
 * are several. `appId` is null when no app is connected.
 */
export function useWeComApp() {
  const apps = shallowRef<AppOption[]>([])
  const appId = ref<number | null>(null)
  const loaded = ref(false)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      apps.value = (await directoryApi.apps()).map(({ id, name }) => ({ id, name }))
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
