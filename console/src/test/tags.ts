import type { Tag, TagGroup } from '@/modules/tags/api'

export function tag(overrides: Partial<Tag> & Pick<Tag, 'id' | 'groupId' | 'name'>): Tag {
  return {
    personal: false,
    customerCount: 0,
    createdAt: '2026-11-01T02:00:00Z',
    ...overrides,
  }
}

/** Two groups with tags (a rule tag and the signed-in account's personal tag among them) and an empty one. */
export function tagGroups(): TagGroup[] {
  return [
    {
      id: 1,
      name: '跟进阶段',
      kind: 'followUp',
      position: 10,
      tags: [
        tag({ id: 11, groupId: 1, name: '待回访', customerCount: 1234 }),
        tag({ id: 12, groupId: 1, name: '已成交', customerCount: 0 }),
        tag({ id: 13, groupId: 1, name: '高价值复购', customerCount: 5678, segmentId: 7 }),
        tag({ id: 14, groupId: 1, name: '周末才回', personal: true, ownerId: 1, customerCount: 3 }),
      ],
    },
    {
      id: 2,
      name: '渠道来源',
      kind: 'source',
      position: 20,
      tags: [tag({ id: 21, groupId: 2, name: '直播间', customerCount: 42 })],
    },
    { id: 3, name: '双 11', kind: 'campaign', position: 30, tags: [] },
  ]
}
