import { describe, expect, it } from 'vitest'
import { formatBytes } from './bytes'

describe('a file size', () => {
  it('counts bytes below one kilobyte as bytes', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(820)).toBe('820 B')
  })

  it('steps by 1024 and keeps one decimal only below ten', () => {
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB')
    expect(formatBytes(12.4 * 1024 * 1024)).toBe('12 MB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB')
  })

  it('uses the UI language’s number format', () => {
    expect(formatBytes(1_500_000_000_000, 'en')).toBe('1,397 GB')
  })
})
