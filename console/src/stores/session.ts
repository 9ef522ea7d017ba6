import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type Me, type Permission, type TenantInfo } from '@/modules/auth/api'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const authenticated = computed(() => me.value !== null)
  const timeZone = computed(() => me.value?.tenant.timeZone || DEFAULT_TIME_ZONE)

  function can(permission: Permission): boolean {
    return me.value?.permissions.includes(permission) ?? false
  }

  /** Every one of the permissions (a page that needs two, like the order list). */
  function canAll(permissions: Permission | readonly Permission[]): boolean {
    return (typeof permissions === 'string' ? [permissions] : permissions).every(can)
  }

  /** Asks the server once whether a session exists; later calls reuse the answer. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= authApi
      .session()
      .then((session) => {
        me.value = session.authenticated ? session.account : null
        loaded.value = true
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  async function login(username: string, password: string): Promise<void> {
    me.value = await authApi.login(username, password)
    loaded.value = true
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    me.value = null
    loaded.value = true
  }

  function updateTenant(tenant: TenantInfo): void {
    if (me.value) me.value = { ...me.value, tenant }
  }

  return {
    me,
    loaded,
    authenticated,
    timeZone,
    can,
    canAll,
    ensureLoaded,
    login,
    logout,
    clear,
    updateTenant,
  }
})
