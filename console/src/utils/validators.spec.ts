import { describe, expect, it } from 'vitest'
import { between } from './validators'

const check = (validate: ReturnType<ReturnType<typeof between>>, value: unknown) => {
  let error: Error | undefined
  validate({}, value, (e) => (error = e))
  return error?.message
}

describe('between', () => {
  const range = between((min, max) => `${min}–${max}`)

  it('accepts numbers within the bounds, both included', () => {
    expect(check(range(1, 10), 1)).toBeUndefined()
    expect(check(range(1, 10), 10)).toBeUndefined()
  })

  it('refuses numbers outside and what is not a number, in the form’s words', () => {
    expect(check(range(1, 10), 0)).toBe('1–10')
    expect(check(range(1, 10), 11)).toBe('1–10')
    expect(check(range(1, 10), '5')).toBe('1–10')
  })

  it('takes an empty value only when optional', () => {
    expect(check(range(1, 10, true), null)).toBeUndefined()
    expect(check(range(1, 10), null)).toBe('1–10')
  })
})
