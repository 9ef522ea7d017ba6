import { describe, expect, it } from 'vitest'
import type { Chat } from './api'
import { NICKNAMES, pollUntil, randomNickname, welcomeArrived } from './sandbox'

function chat(messages: Chat['messages'] = [], customerId: number | null = null): Chat {
  return { customerId, customerName: '晴天', staff: { userId: 'zhangsan', name: '张三' }, messages }
}

const WELCOME = {
  at: '2026-11-30T02:00:00Z',
  from: 'staff' as const,
  text: '晴天 你好',
  attachments: [],
}

/** A clock that moves only when the poll sleeps. */
function fakeClock() {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
  }
}

describe('the sandbox', () => {
  it('asks again every second until the welcome message has arrived', async () => {
    const answers = [chat(), chat([], 20001), chat([WELCOME], 20001), chat([WELCOME], 20001)]
    const seen: Chat[] = []
    const clock = fakeClock()
    const complete = await pollUntil(
      async () => answers.shift()!,
      (c) => welcomeArrived(c) && c.customerId !== null,
      (c) => seen.push(c),
      clock,
    )
    expect(complete).toBe(true)
    expect(seen).toHaveLength(3)
    expect(clock.sleeps).toEqual([1000, 1000])
  })

  it('gives up after about 30 seconds', async () => {
    const clock = fakeClock()
    let reads = 0
    const complete = await pollUntil(
      async () => {
        reads++
        return chat()
      },
      welcomeArrived,
      () => {},
      clock,
    )
    expect(complete).toBe(false)
    expect(reads).toBe(31)
    expect(clock.now()).toBe(30_000)
  })

  it('stops when it is cancelled', async () => {
    let reads = 0
    const complete = await pollUntil(
      async () => {
        reads++
        return chat()
      },
      welcomeArrived,
      () => {},
      { ...fakeClock(), cancelled: () => reads >= 2 },
    )
    expect(complete).toBe(false)
    expect(reads).toBe(2)
  })

  it('knows the welcome message by the staff member’s first message, text or attachment', () => {
    expect(welcomeArrived(null)).toBe(false)
    expect(welcomeArrived(chat([{ ...WELCOME, from: 'system' }]))).toBe(false)
    expect(welcomeArrived(chat([{ ...WELCOME, text: null }]))).toBe(false)
    expect(
      welcomeArrived(
        chat([{ ...WELCOME, text: null, attachments: [{ type: 'image', picUrl: 'https://a' }] }]),
      ),
    ).toBe(true)
  })

  it('plays customers with everyday WeChat nicknames, another one each time', () => {
    expect(NICKNAMES).toContain('小王')
    expect(NICKNAMES).toContain('晴天')
    expect(NICKNAMES).toContain('Momo')
    expect(randomNickname(() => 0)).toBe(NICKNAMES[0])
    expect(randomNickname(() => 0, NICKNAMES[0])).toBe(NICKNAMES[1])
    expect(randomNickname(() => 0.9999)).toBe(NICKNAMES.at(-1))
  })
})
