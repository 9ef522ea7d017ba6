import { describe, expect, it } from 'vitest'
import type { AttributeDefinition } from './api'
import {
  activeFilterCount,
  customerQuery,
  emptyFilters,
  filterableAttributes,
  filtersFromRoute,
  routeQuery,
} from './query'

const attribute = (key: string, type: AttributeDefinition['type']): AttributeDefinition => ({
  key,
  label: key,
  type,
  options: type.includes('enum') ? ['a', 'b'] : [],
  required: false,
  position: 0,
})

describe('the customer list query', () => {
  it('leaves out empty filters and trims typed text', () => {
    expect(customerQuery(emptyFilters())).toEqual({})
    expect(
      customerQuery({ ...emptyFilters(), q: '  138 0013 8000 ', sourceChannel: '   ' }),
    ).toEqual({
      q: '138 0013 8000',
    })
  })

  it('names every filter as GET /customers expects, custom attributes as attr.<key>', () => {
    const filters = {
      q: '张',
      gender: 'female' as const,
      city: 0,
      ownerId: 7,
      sourceChannel: '直播间',
      memberLevel: 0,
      anonymous: false,
      attributes: { skinType: '敏感', babyStage: '' },
    }
    expect(customerQuery(filters)).toEqual({
      q: '张',
      gender: 'female',
      // 0 is 北京 and "not a member": zero is a value, not "any"
      city: 0,
      ownerId: 7,
      sourceChannel: '直播间',
      memberLevel: 0,
      anonymous: false,
      'attr.skinType': '敏感',
    })
    expect(activeFilterCount(filters)).toBe(7)
  })

  it('survives a round trip through the address', () => {
    const filters = {
      ...emptyFilters(),
      q: '13800138000',
      gender: 'male' as const,
      city: 5,
      memberLevel: 3,
      anonymous: true,
      attributes: { preferredCategory: '护肤' },
    }
    const query = routeQuery(filters)
    expect(query).toEqual({
      q: '13800138000',
      gender: 'male',
      city: '5',
      memberLevel: '3',
      anonymous: 'true',
      'attr.preferredCategory': '护肤',
    })
    expect(filtersFromRoute(query)).toEqual(filters)
  })

  it('drops address values that cannot be filters', () => {
    const filters = filtersFromRoute({
      gender: 'other',
      city: '上海',
      ownerId: '-1',
      memberLevel: '9',
      anonymous: 'yes',
      'attr.': 'x',
      'attr.skinType': ['干性', '油性'],
      tab: 'profile',
    })
    expect(filters).toEqual({ ...emptyFilters(), attributes: { skinType: '干性' } })
  })

  it('offers a filter for enum attributes only', () => {
    const definitions = [
      attribute('skinType', 'multi_enum'),
      attribute('budget', 'number'),
      attribute('store', 'enum'),
      attribute('vip', 'boolean'),
    ]
    expect(filterableAttributes(definitions).map((d) => d.key)).toEqual(['skinType', 'store'])
  })
})
