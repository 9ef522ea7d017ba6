import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useThrottle } from './useThrottle'

function host(work: () => void, ms: number) {
  let ask: () => void = () => {}
  const wrapper = mount(
    defineComponent({
      setup() {
        ask = useThrottle(work, ms)
        return () => h('div')
      },
    }),
  )
  return { ask: () => ask(), wrapper }
}

describe('useThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('works at once, then once at the end of the wait however often it is asked meanwhile', () => {
    const work = vi.fn()
    const { ask } = host(work, 10_000)
    ask()
    expect(work).toHaveBeenCalledTimes(1)
    ask()
    ask()
    vi.advanceTimersByTime(9_999)
    expect(work).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(work).toHaveBeenCalledTimes(2)
    // asked long after: at once again
    vi.advanceTimersByTime(20_000)
    ask()
    expect(work).toHaveBeenCalledTimes(3)
  })

  it('drops a call still waiting when its component goes', () => {
    const work = vi.fn()
    const { ask, wrapper } = host(work, 10_000)
    ask()
    ask()
    wrapper.unmount()
    vi.advanceTimersByTime(10_000)
    expect(work).toHaveBeenCalledTimes(1)
  })
})
