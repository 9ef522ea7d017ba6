import { describe, expect, it } from 'vitest'
import { actionMessageKey, detailText } from './labels'

describe('audit labels', () => {
  it('map dotted action codes to message keys', () => {
    expect(actionMessageKey('api-key.revoked')).toBe('audit.actions.api_key_revoked')
    expect(actionMessageKey('auth.login-failed')).toBe('audit.actions.auth_login_failed')
  })

  it('label detail keys and values with the given translations', () => {
    const labels = {
      key: (k: string) => k.toUpperCase(),
      value: (_k: string, v: unknown) => `<${String(v)}>`,
    }
    expect(detailText({ role: 'staff', locked: true }, labels)).toBe(
      'ROLE: <staff>, LOCKED: <true>',
    )
  })

  it('render details as text whatever shape they have', () => {
    expect(detailText(null)).toBe('')
    expect(detailText('role: staff → manager')).toBe('role: staff → manager')
    expect(detailText({ role: 'manager', enabled: false })).toBe('role: manager, enabled: false')
    expect(detailText(['a'])).toBe('["a"]')
    expect(detailText('{"role": "operator"}')).toBe('role: operator')
    expect(detailText('{}')).toBe('')
    expect(detailText('{not json')).toBe('{not json')
  })
})
