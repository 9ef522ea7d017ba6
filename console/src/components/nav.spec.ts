import { describe, expect, it } from 'vitest'
import { activeNavPath } from './nav'

describe('the active nav entry', () => {
  it('is the page’s own, or the closest one above it', () => {
    expect(activeNavPath('/')).toBe('/')
    expect(activeNavPath('/customers')).toBe('/customers')
    expect(activeNavPath('/customers/20001')).toBe('/customers')
    expect(activeNavPath('/customers/attributes')).toBe('/customers/attributes')
    expect(activeNavPath('/access/audit')).toBe('/access/audit')
    expect(activeNavPath('/customersx')).toBe('/customersx')
    expect(activeNavPath('/nowhere')).toBe('/nowhere')
  })
})
