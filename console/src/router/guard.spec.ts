import { describe, expect, it, vi } from 'vitest'
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, onSessionLost, safeRedirect } from './index'
import { useSessionStore } from '@/stores/session'
import { jsonResponse, stubFetch } from '@/test/http'
import { me } from '@/test/session'

function setup(session: unknown) {
  const { fetchMock } = stubFetch({ 'GET /api/v1/auth/session': () => jsonResponse(session) })
  const pinia = createPinia()
  const router = createAppRouter({ pinia, history: createMemoryHistory() })
  return { router, pinia, fetchMock }
}

describe('the router guard', () => {
  it('sends a visitor without a session to the login page, keeping the intended route', async () => {
    const { router } = setup({ authenticated: false })
    await router.push('/access/accounts?role=admin')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/access/accounts?role=admin')
  })

  it('does not add a redirect for the home page', async () => {
    const { router } = setup({ authenticated: false })
    await router.push('/')
    expect(router.currentRoute.value.fullPath).toBe('/login')
  })

  it('lets a signed-in user in and asks the server only once', async () => {
    const { router, fetchMock } = setup({ authenticated: true, account: me() })
    await router.push('/access/audit')
    await router.push('/access/accounts')
    expect(router.currentRoute.value.name).toBe('accounts')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('sends a signed-in user away from the login page to where they wanted to go', async () => {
    const { router } = setup({ authenticated: true, account: me() })
    await router.push('/login?redirect=/access/audit')
    expect(router.currentRoute.value.name).toBe('audit')
  })

  it('sends a user without the page permission home', async () => {
    const { router } = setup({
      authenticated: true,
      account: me({ role: 'staff', permissions: ['dashboard:read'] }),
    })
    await router.push('/access/api-keys')
    expect(router.currentRoute.value.name).toBe('home')
    expect(document.body.textContent).toContain('你没有访问该页面的权限')
  })

  it('returns to the login page, keeping the route, when an API call says the session is gone', async () => {
    const { router, pinia } = setup({ authenticated: true, account: me() })
    await router.push('/access/audit')
    onSessionLost(router, pinia)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), {
      // the next page is loaded lazily: slow on a busy machine
      timeout: 10_000,
    })
    expect(router.currentRoute.value.query.redirect).toBe('/access/audit')
    expect(useSessionStore(pinia).authenticated).toBe(false)
  })
})

describe('safeRedirect', () => {
  it('accepts only paths inside the console', () => {
    expect(safeRedirect('/access/audit')).toBe('/access/audit')
    expect(safeRedirect('//evil.example/x')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
