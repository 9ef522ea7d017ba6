import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/problem'
import { i18n } from '@/i18n'
import { LIVE_INTERVAL_MS, useLiveStats } from './useLiveStats'

let visibility: DocumentVisibilityState = 'visible'

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state
  document.dispatchEvent(new Event('visibilitychange'))
}

/** A page that watches figures live: `tick` is what it asks the server. */
function mountPage(tick: () => Promise<void>) {
  let live: ReturnType<typeof useLiveStats> | undefined
  const Page = defineComponent({
    setup() {
      live = useLiveStats(tick)
      return () => h('p', live!.live.value ? 'live' : 'idle')
    },
  })
  const wrapper = mount(Page, { attachTo: document.body, global: { plugins: [i18n, ElementPlus] } })
  return { wrapper, live: live! }
}

describe('live figures', () => {
  beforeEach(() => {
    visibility = 'visible'
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    })
    // Only the timers: promises must still settle.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
    delete (document as unknown as Record<string, unknown>).visibilityState
  })

  it('are asked when the page opens and every 5 seconds after', async () => {
    const tick = vi.fn(async () => {})
    const { wrapper } = mountPage(tick)
    await vi.advanceTimersByTimeAsync(0)
    expect(tick).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toBe('live')
    await vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS - 1)
    expect(tick).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(tick).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS * 3)
    expect(tick).toHaveBeenCalledTimes(5)
    expect(LIVE_INTERVAL_MS).toBe(5000)
    wrapper.unmount()
  })

  it('are not asked while the tab is hidden, and at once when it is shown again', async () => {
    const tick = vi.fn(async () => {})
    const { wrapper } = mountPage(tick)
    await vi.advanceTimersByTimeAsync(0)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(tick).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toBe('idle')

    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(tick).toHaveBeenCalledTimes(2)
    expect(wrapper.text()).toBe('live')
    await vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS)
    expect(tick).toHaveBeenCalledTimes(3)
    wrapper.unmount()
  })

  it('ask one at a time: a slow answer delays the next question', async () => {
    let answer: () => void = () => {}
    const tick = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)))
    const { wrapper, live } = mountPage(tick)
    await vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS * 3)
    void live.refresh()
    expect(tick).toHaveBeenCalledTimes(1)
    answer()
    await vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS)
    expect(tick).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('stop when the page is gone', async () => {
    const tick = vi.fn(async () => {})
    const { wrapper } = mountPage(tick)
    await vi.advanceTimersByTimeAsync(0)
    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(60_000)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(tick).toHaveBeenCalledTimes(1)
  })

  it('stop after a failure, which is shown, until asked again', async () => {
    const tick = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(503, { detail: '服务暂时不可用' }))
      .mockResolvedValue(undefined)
    const { wrapper, live } = mountPage(tick)
    await vi.advanceTimersByTimeAsync(0)
    expect(document.querySelector('.el-message')?.textContent).toContain('服务暂时不可用')
    expect(wrapper.text()).toBe('idle')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(tick).toHaveBeenCalledTimes(1)

    await live.refresh()
    expect(wrapper.text()).toBe('live')
    await vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS)
    expect(tick).toHaveBeenCalledTimes(3)
    wrapper.unmount()
  })
})
