import { describe, expect, it } from 'vitest'
import { STAFF } from '@/test/live-codes'
import { CUSTOMER_GROUPS } from '@/test/mass-sends'
import { customerSenders, groupOwners } from './senders'

describe('who a send’s form offers', () => {
  it('to customers: the staff who can add contacts, with their customers', () => {
    expect(customerSenders(STAFF)).toEqual([
      { userId: 'zhangsan', name: '张三', count: 128 },
      { userId: 'lisi', name: '李四', count: 96 },
      { userId: 'wangwu', name: '王五', count: 41 },
    ])
  })

  it('to groups: the owners among them, with the groups they own that are not dismissed', () => {
    expect(groupOwners(STAFF, CUSTOMER_GROUPS)).toEqual([
      { userId: 'zhangsan', name: '张三', count: 2 },
      { userId: 'lisi', name: '李四', count: 1 },
    ])
    expect(groupOwners(STAFF, [])).toEqual([])
  })
})
