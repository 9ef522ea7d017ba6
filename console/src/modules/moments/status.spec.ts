import { describe, expect, it } from 'vitest'
import { FAST_REFRESH_MS, IDLE_REFRESH_MS, SLOW_REFRESH_MS } from '@/modules/mass-sends/status'
import { POSTERS, momentDetail, poster } from '@/test/moments'
import { canCancel, refreshInterval, unpublished } from './status'

const NOW = Date.parse('2026-11-10T02:00:00Z')
const nobodyYet = { staff: 0, published: 0, customers: 0 }
const everyone = POSTERS.map((member) => poster({ ...member, published: true }))

describe('a 朋友圈 post’s progress', () => {
  it('counts the staff who have not posted it, from the list or else the counts', () => {
    expect(unpublished(momentDetail())).toBe(1)
    expect(
      unpublished(momentDetail({ counts: { staff: 5, published: 2, customers: 0 } }, [])),
    ).toBe(3)
    expect(
      unpublished(momentDetail({ counts: { staff: 3, published: 3, customers: 0 } }, everyone)),
    ).toBe(0)
  })

  it('is looked at quickly while handed over or about to be, slowly while staff have yet to post it', () => {
    const at = (status: 'scheduled' | 'creating', sendAt: string | null) =>
      refreshInterval(momentDetail({ status, sendAt, counts: nobodyYet }, []), NOW)
    expect(at('creating', null)).toBe(FAST_REFRESH_MS)
    expect(at('scheduled', '2026-11-10T02:01:00Z')).toBe(FAST_REFRESH_MS)
    expect(at('scheduled', '2026-11-11T02:00:00Z')).toBe(IDLE_REFRESH_MS)
    expect(refreshInterval(momentDetail(), NOW)).toBe(SLOW_REFRESH_MS)
    // just made: whom WeCom asked is not read yet
    expect(refreshInterval(momentDetail({ counts: nobodyYet }, []), NOW)).toBe(SLOW_REFRESH_MS)
    expect(canCancel(momentDetail({ counts: nobodyYet }, []))).toBe(true)
  })

  it('is no longer looked at once everyone posted it, or it failed or was cancelled', () => {
    const all = { staff: 3, published: 3, customers: 265 }
    expect(refreshInterval(momentDetail({ counts: all }, everyone), NOW)).toBeNull()
    expect(refreshInterval(momentDetail({ status: 'failed' }), NOW)).toBeNull()
    expect(refreshInterval(momentDetail({ status: 'cancelled' }), NOW)).toBeNull()
  })

  it('can be cancelled until WeCom has it and while staff have yet to post it', () => {
    expect(canCancel(momentDetail({ status: 'scheduled', counts: nobodyYet }, []))).toBe(true)
    expect(canCancel(momentDetail({ status: 'creating', counts: nobodyYet }, []))).toBe(true)
    expect(canCancel(momentDetail())).toBe(true)
    const all = { staff: 3, published: 3, customers: 265 }
    expect(canCancel(momentDetail({ counts: all }, everyone))).toBe(false)
    expect(canCancel(momentDetail({ status: 'failed' }))).toBe(false)
    expect(canCancel(momentDetail({ status: 'cancelled' }))).toBe(false)
  })
})
