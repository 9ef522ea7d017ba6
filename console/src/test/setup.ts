import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest'

// The console must stay silent in normal use (Vue warnings included); tests enforce it.
let warn: MockInstance<typeof console.warn>
let error: MockInstance<typeof console.error>

beforeEach(() => {
  warn = vi.spyOn(console, 'warn')
  error = vi.spyOn(console, 'error')
})

afterEach(() => {
  const calls = [...warn.mock.calls, ...error.mock.calls]
  warn.mockRestore()
  error.mockRestore()
  expect(calls, 'console.warn / console.error during the test').toEqual([])
})

// Components mount into the body, and Element Plus puts dialogs and messages there too.
afterEach(() => {
  document.body.innerHTML = ''
})

// async-validator logs every failed rule when it sees `process` (never in the browser).
;(globalThis as Record<string, unknown>).ASYNC_VALIDATOR_NO_WARNING = true

// jsdom has no layout; the router's scroll-to-top would only log "not implemented".
window.scrollTo = () => {}
