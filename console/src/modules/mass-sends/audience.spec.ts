import { describe, expect, it } from 'vitest'
import {
  audienceBody,
  audienceProblem,
  emptyAudience,
  parseCustomerIds,
  summarizeAudience,
  type AudienceChoice,
} from './audience'

const choice = (overrides: Partial<AudienceChoice>): AudienceChoice => ({
  ...emptyAudience(),
  ...overrides,
})

describe('pasted customer ids', () => {
  it('are split on white space, commas and semicolons (Chinese ones too), without duplicates', () => {
    expect(parseCustomerIds('20001 20002\n20003,20004；20002、20005')).toEqual({
      ids: [20001, 20002, 20003, 20004, 20005],
      invalid: [],
    })
  })

  it('name what is not an id', () => {
    expect(parseCustomerIds('20001 abc 0 -3 1.5')).toEqual({
      ids: [20001],
      invalid: ['abc', '0', '-3', '1.5'],
    })
  })
})

describe('the audience of the request', () => {
  it('is a saved segment by id', () => {
    expect(audienceBody(choice({ kind: 'segment', segmentId: 5 }))).toEqual({ segmentId: 5 })
  })

  it('is a segment rule on tags: any of them or all of them', () => {
    expect(audienceBody(choice({ kind: 'tags', tagIds: [21, 11] }))).toEqual({
      rule: { tags: { any: [21, 11] } },
    })
    expect(audienceBody(choice({ kind: 'tags', tagIds: [21, 11], tagMatch: 'all' }))).toEqual({
      rule: { tags: { all: [21, 11] } },
    })
  })

  it('is the pasted customer ids', () => {
    expect(audienceBody(choice({ kind: 'ids', idsText: '20001, 20002 20001' }))).toEqual({
      customerIds: [20001, 20002],
    })
  })

  it('is only the chosen kind, whatever the others hold', () => {
    const mixed = choice({ segmentId: 5, tagIds: [21], idsText: '1 2', kind: 'tags' })
    expect(audienceBody(mixed)).toEqual({ rule: { tags: { any: [21] } } })
  })

  it('is missing, with the reason, until something is chosen or pasted', () => {
    expect(audienceBody(choice({ kind: 'segment' }))).toBeNull()
    expect(audienceProblem(choice({ kind: 'segment' }))).toEqual({ key: 'segmentRequired' })
    expect(audienceBody(choice({ kind: 'tags' }))).toBeNull()
    expect(audienceProblem(choice({ kind: 'tags' }))).toEqual({ key: 'tagsRequired' })
    expect(audienceProblem(choice({ kind: 'ids', idsText: ' ' }))).toEqual({ key: 'idsRequired' })
    expect(audienceProblem(choice({ kind: 'ids', idsText: '20001 x' }))).toEqual({
      key: 'idsInvalid',
      values: { ids: 'x' },
    })
    expect(audienceBody(choice({ kind: 'ids', idsText: '20001 x' }))).toBeNull()
  })

  it('names at most 10,000 customers', () => {
    const ids = Array.from({ length: 10_001 }, (_, i) => i + 1).join(' ')
    expect(audienceProblem(choice({ kind: 'ids', idsText: ids }))).toEqual({
      key: 'idsTooMany',
      values: { n: 10_000 },
    })
    expect(audienceProblem(choice({ kind: 'segment', segmentId: 5 }))).toBeNull()
  })
})

describe('the groups of a group send', () => {
  it('are every group of the app unless some are picked', () => {
    expect(audienceBody(choice({ chatType: 'group' }))).toEqual({})
    expect(audienceProblem(choice({ chatType: 'group' }))).toBeNull()
    expect(
      audienceBody(choice({ chatType: 'group', allGroups: false, chatIds: ['wrA', 'wrB'] })),
    ).toEqual({ chatIds: ['wrA', 'wrB'] })
  })

  it('are the groups only, whatever the customer kinds hold', () => {
    const mixed = choice({ chatType: 'group', kind: 'ids', idsText: '1 2', segmentId: 5 })
    expect(audienceBody(mixed)).toEqual({})
  })

  it('are missing, with the reason, until one is picked, and number at most 10,000', () => {
    const none = choice({ chatType: 'group', allGroups: false })
    expect(audienceBody(none)).toBeNull()
    expect(audienceProblem(none)).toEqual({ key: 'groupsRequired' })
    const many = Array.from({ length: 10_001 }, (_, i) => `wr${i}`)
    expect(audienceProblem(choice({ ...none, chatIds: many }))).toEqual({
      key: 'groupsTooMany',
      values: { n: 10_000 },
    })
  })
})

describe('a stored audience read back', () => {
  it('tells segments, tags, ids and other rules apart', () => {
    expect(summarizeAudience({ segmentId: 5 })).toEqual({ kind: 'segment', segmentId: 5 })
    expect(summarizeAudience({ rule: { tags: { all: [21, 11] } } })).toEqual({
      kind: 'tags',
      match: 'all',
      tagIds: [21, 11],
    })
    expect(summarizeAudience({ customerIds: [1, 2, 3] })).toEqual({ kind: 'ids', count: 3 })
    expect(summarizeAudience({ rule: { and: [{ tags: { any: [1] } }] } })).toEqual({
      kind: 'rule',
    })
  })

  it('tells a group send’s picked groups from all of them', () => {
    expect(summarizeAudience({ chatIds: ['wrA', 'wrB'] })).toEqual({ kind: 'groups', count: 2 })
    expect(summarizeAudience({})).toEqual({ kind: 'allGroups' })
  })
})
