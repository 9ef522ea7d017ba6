import { describe, expect, it } from 'vitest'
import { callbackUrl, hintKey, isPrivateHost } from './callback'
import { isValidAesKey, isValidBaseUrl, isValidCorpId, isValidName, isValidToken } from './rules'

describe('the callback URL', () => {
  it('is the console’s address followed by the app’s path', () => {
    expect(callbackUrl('/callbacks/wecom/Xy3', 'https://siyu.example.com')).toBe(
      'https://siyu.example.com/callbacks/wecom/Xy3',
    )
  })

  it('is flagged when WeCom could not reach the address it starts with', () => {
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '192.168.0.8', '172.20.0.1', '[::1]'])
      expect(isPrivateHost(host), host).toBe(true)
    for (const host of ['siyu.example.com', '8.8.8.8', '172.32.0.1', 'fdsiyu.cn'])
      expect(isPrivateHost(host), host).toBe(false)
  })
})

describe('a failed connection test', () => {
  it('comes with advice for the error codes an administrator can fix', () => {
    expect(hintKey(60020)).toBe('wecom.check.hints.ip')
    expect(hintKey(40001)).toBe('wecom.check.hints.secret')
    expect(hintKey(-99999)).toBe('wecom.check.hints.unreachable')
    expect(hintKey(12345)).toBeNull()
    expect(hintKey(null)).toBeNull()
  })
})

describe('the connect rules', () => {
  it('mirror the server’s', () => {
    expect(isValidCorpId('ww1234_abc-DEF')).toBe(true)
    expect(isValidCorpId('ww 1234')).toBe(false)
    expect(isValidCorpId('w'.repeat(65))).toBe(false)
    expect(isValidToken('a'.repeat(32))).toBe(true)
    expect(isValidToken('a'.repeat(33))).toBe(false)
    expect(isValidAesKey('a'.repeat(43))).toBe(true)
    expect(isValidAesKey(`${'a'.repeat(42)}=`)).toBe(false)
    expect(isValidName('😀'.repeat(60))).toBe(true)
    expect(isValidName('  ')).toBe(false)
    expect(isValidBaseUrl('http://127.0.0.1:9')).toBe(true)
    expect(isValidBaseUrl('qyapi.weixin.qq.com')).toBe(false)
  })
})
