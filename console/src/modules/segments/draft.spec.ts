import { describe, expect, it } from 'vitest'
import { readSegmentDraft, segmentDraftLocation } from './draft'

describe('a rule handed to the segment editor', () => {
  it('travels in the history state of the new-segment route', () => {
    const rule = { and: [{ event: { type: 'share', from: '2026-11-01', to: '2026-11-30' } }] }
    const location = segmentDraftLocation({ name: '分享人数', rule }) as {
      name: string
      state: unknown
    }
    expect(location.name).toBe('segment-new')
    expect(readSegmentDraft(location.state)).toEqual({
      name: '分享人数',
      description: undefined,
      rule,
    })
  })

  it('is absent from other states, and a state without a rule object is no draft', () => {
    expect(readSegmentDraft(null)).toBeNull()
    expect(readSegmentDraft({ back: '/x', position: 3 })).toBeNull()
    expect(readSegmentDraft({ segmentDraft: { name: 'x', rule: [] } })).toBeNull()
    expect(readSegmentDraft({ segmentDraft: { rule: { and: [] } } })).toEqual({
      name: '',
      description: undefined,
      rule: { and: [] },
    })
  })
})
