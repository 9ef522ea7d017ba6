import { describe, expect, it } from 'vitest'
import { MAX_TEXT_BYTES, findPlaceholder, sentText, utf8Bytes } from './text'

describe('the size of a message in bytes, as WeCom counts it', () => {
  it('counts a Latin letter or digit as 1 byte and a Chinese character as 3', () => {
    expect(utf8Bytes('')).toBe(0)
    expect(utf8Bytes('abc 123')).toBe(7)
    expect(utf8Bytes('你好')).toBe(6)
    expect(utf8Bytes('满300减50')).toBe(3 + 3 + 3 + 2)
  })

  it('counts accents as 2 bytes and an emoji outside the basic plane as 4', () => {
    expect(utf8Bytes('é')).toBe(2)
    expect(utf8Bytes('👉')).toBe(4)
    expect(utf8Bytes('，')).toBe(3)
  })

  it('agrees with the browser’s own UTF-8 encoder', () => {
    const text = '双十一会员专享：全场满 300 减 50，点击领取 👉 café\n第二行'
    expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length)
  })

  it('puts 1,333 Chinese characters under the limit and 1,334 over it', () => {
    expect(utf8Bytes('字'.repeat(1333))).toBeLessThanOrEqual(MAX_TEXT_BYTES)
    expect(utf8Bytes('字'.repeat(1334))).toBeGreaterThan(MAX_TEXT_BYTES)
  })

  it('leaves out the white space around the text, as the server does', () => {
    expect(sentText('  你好 \n')).toBe('你好')
  })
})

describe('variables a mass message cannot fill in', () => {
  it('finds the first {…} in the text', () => {
    expect(findPlaceholder('{nickname} 你好，我是{staff}')).toBe('{nickname}')
    expect(findPlaceholder('满 300 减 {}')).toBe('{}')
  })

  it('finds nothing in plain text, nor in a brace left open', () => {
    expect(findPlaceholder('双十一会员专享')).toBeNull()
    expect(findPlaceholder('价格 { 以页面为准')).toBeNull()
  })
})
