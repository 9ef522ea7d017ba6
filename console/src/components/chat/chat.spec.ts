import { describe, expect, it } from 'vitest'
import { extensionOf, hostOf } from './chat'

describe('chat cards', () => {
  it('name the host of a web address and nothing for anything else', () => {
    expect(hostOf('https://shop.example.com/p/1?x=2')).toBe('shop.example.com')
    expect(hostOf('not an address')).toBe('')
    expect(hostOf(null)).toBe('')
  })

  it('print a file’s extension in capitals, or nothing when it has none', () => {
    expect(extensionOf('价目表.pdf')).toBe('PDF')
    expect(extensionOf('report.final.XLSX')).toBe('XLSX')
    expect(extensionOf('README')).toBe('')
    expect(extensionOf('archive.verylongext')).toBe('')
  })
})
