import type { Chat, ChatMessage } from './api'

/** WeChat nicknames as people choose them, to play a customer with. */
export const NICKNAMES = [
  '小王',
  '晴天',
  'Momo',
  '阿杰',
  '小鹿',
  '木子',
  'Cici',
  '橙子',
  '大熊',
  '糖糖',
  'Lucky',
  '七七',
  '一一',
  '安安',
  '豆豆',
  'Mia',
] as const

export function randomNickname(random: () => number = Math.random, not?: string): string {
  const pool = NICKNAMES.filter((name) => name !== not)
  return pool[Math.floor(random() * pool.length) % pool.length]!
}

/** A message the staff member sent: the welcome message is the first. */
export const isFromStaff = (message: ChatMessage) =>
  message.from === 'staff' && (!!message.text || message.attachments.length > 0)

export const welcomeArrived = (chat: Chat | null) => !!chat?.messages.some(isFromStaff)

/** How long the sandbox waits for the welcome message and for Siyu to make the customer. */
export const POLL_INTERVAL_MS = 1000
export const POLL_TIMEOUT_MS = 30_000

export interface PollOptions {
  intervalMs?: number
  timeoutMs?: number
  /** Stops early (the page went away, another customer was played). */
  cancelled?: () => boolean
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Calls `read` every `intervalMs` until `done` says its answer is complete, the time is up, or the
 * poll is cancelled; each answer goes to `seen` as it comes. Resolves with whether it was complete.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  seen: (value: T) => void,
  options: PollOptions = {},
): Promise<boolean> {
  const {
    intervalMs = POLL_INTERVAL_MS,
    timeoutMs = POLL_TIMEOUT_MS,
    cancelled = () => false,
    sleep = wait,
    now = Date.now,
  } = options
  const deadline = now() + timeoutMs
  for (;;) {
    if (cancelled()) return false
    const value = await read()
    if (cancelled()) return false
    seen(value)
    if (done(value)) return true
    if (now() + intervalMs > deadline) return false
    await sleep(intervalMs)
  }
}

/** A customer played in this browser session, kept while the operator looks around. */
export interface PlayedCustomer {
  externalUserId: string
  name: string
  gender: string
  codeId: number
  codeName: string
  userId: string
  staffName: string
  customerId: number | null
  lost: boolean
  at: string
}

const HISTORY_KEY = 'siyu.sandbox.history'
export const HISTORY_MAX = 10

export function loadHistory(storage: Storage = sessionStorage): PlayedCustomer[] {
  try {
    const stored = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]') as unknown
    return Array.isArray(stored) ? (stored as PlayedCustomer[]) : []
  } catch {
    return []
  }
}

export function saveHistory(history: readonly PlayedCustomer[], storage: Storage = sessionStorage) {
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(history.slice(0, HISTORY_MAX)))
  } catch {
    // Not kept; the page still works.
  }
}

/** A customer played who scanned a group live code (群活码) and joined one of its groups. */
export interface JoinedGroup {
  externalUserId: string
  name: string
  groupCodeId: number
  groupCodeName: string
  chatId: string
  groupName: string
  at: string
}
