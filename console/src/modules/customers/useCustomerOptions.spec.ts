import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import { jsonResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { useSessionStore } from '@/stores/session'
import type { StaffEntry } from '@/modules/accounts/api'
import { ownerChoices, useOwnerOptions } from './useCustomerOptions'

const staff = (id: number, displayName: string): StaffEntry => ({ id, displayName, role: 'staff' })
const ME = { id: 1, name: '王经理' }

describe('the owner choices', () => {
  it('put the signed-in account first, wherever the directory has it', () => {
    const found = [staff(9, '李店长'), staff(1, '王经理'), staff(12, '赵主管')]
    expect(ownerChoices(found, '', ME, null).map((o) => o.id)).toEqual([1, 9, 12])
    expect(ownerChoices(found, '王', ME, null).map((o) => o.id)).toEqual([1, 9, 12])
  })

  it('offer the signed-in account without a search, but not for a search that does not find it', () => {
    expect(ownerChoices([staff(9, '李店长')], '', ME, null)).toEqual([
      ME,
      { id: 9, name: '李店长' },
    ])
    expect(ownerChoices([staff(9, '李店长')], '李', ME, null)).toEqual([{ id: 9, name: '李店长' }])
    expect(ownerChoices([], '', null, null)).toEqual([])
  })

  it('keep the chosen owner when the answer does not have it, once', () => {
    const chosen = { id: 33, name: '离职员工' }
    expect(ownerChoices([staff(9, '李店长')], '李', ME, chosen)).toEqual([
      { id: 9, name: '李店长' },
      chosen,
    ])
    expect(ownerChoices([staff(33, '离职员工')], '', null, chosen)).toEqual([chosen])
  })
})

function mountOptions(
  permissions = me().permissions,
  selectedId: () => number | null = () => null,
) {
  const pinia = createPinia()
  let options!: ReturnType<typeof useOwnerOptions>
  const Host = defineComponent({
    setup() {
      options = useOwnerOptions({ selectedId })
      return () => h('div')
    },
  })
  mountWithApp(Host, { pinia })
  useSessionStore(pinia).me = me({ permissions })
  return () => options
}

describe('the owner options', () => {
  it('ask the staff directory once per search, and name a chosen owner seen before', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/staff': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('q') === '李'
            ? [staff(9, '李店长')]
            : [staff(1, '王经理'), staff(33, '赵主管')],
        ),
    })
    let selected: number | null = null
    const options = mountOptions(undefined, () => selected)
    await settle(0)
    options().search('')
    await settle(0)
    options().search(' 李 ')
    options().search('李')
    await settle(0)
    expect(calls.map((c) => new URL(c.url).search)).toEqual(['?limit=50', '?q=%E6%9D%8E&limit=50'])
    selected = 33
    options().search('')
    await settle(0)
    options().search('李')
    await settle(0)
    expect(options().owners.value).toEqual([
      { id: 9, name: '李店长' },
      { id: 33, name: '赵主管' },
    ])
    options().remember({ id: 40, name: '钱店员' })
    selected = 40
    options().search('')
    await settle(0)
    expect(options().owners.value.at(-1)).toEqual({ id: 40, name: '钱店员' })
  })

  it('are only the signed-in account without the permission to read customers', async () => {
    const { calls } = stubFetch({})
    const options = mountOptions(['dashboard:read'])
    options().search('')
    await settle(0)
    expect(calls).toEqual([])
    expect(options().owners.value).toEqual([{ id: 1, name: '王经理' }])
  })
})
