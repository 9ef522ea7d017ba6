import { describe, expect, it } from 'vitest'
import type { StaffCustomer } from './api'
import { choicesOfLeaver, choicesOfStaff, filterChoices, withAll, withoutAll } from './choices'

const LIN: StaffCustomer = {
  externalUserId: 'wmLin01',
  customerId: 20001,
  name: '林晓雯',
  addedAt: '2026-11-01T02:00:00Z',
  channelCode: '门店海报',
}
const WANG: StaffCustomer = {
  externalUserId: 'wmWang02',
  customerId: 20002,
  name: '王小明',
  addedAt: '2026-10-20T10:30:00Z',
  channelCode: null,
}
const ids = (rows: { externalUserId: string }[]) => rows.map((row) => row.externalUserId)

describe('the customers a handover offers', () => {
  it('keeps a leaver’s unassigned customers, adding dates and channels where the contacts know them', () => {
    const choices = choicesOfLeaver(
      [
        { handoverUserId: 'zj', externalUserId: 'wmGone', dimissionTime: '2026-11-10T00:00:00Z' },
        {
          handoverUserId: 'zj',
          externalUserId: 'wmWang02',
          dimissionTime: '2026-11-10T00:00:00Z',
          name: null,
        },
        { handoverUserId: 'zj', externalUserId: 'wmLin01', dimissionTime: '2026-11-10T00:00:00Z' },
      ],
      [WANG, LIN, { ...LIN, externalUserId: 'wmNotUnassigned' }],
    )
    // newest first, the one without a date last; only WeCom's unassigned customers
    expect(ids(choices)).toEqual(['wmLin01', 'wmWang02', 'wmGone'])
    expect(choices[1]).toEqual({
      externalUserId: 'wmWang02',
      customerId: 20002,
      name: '王小明',
      addedAt: '2026-10-20T10:30:00Z',
      channelCode: null,
    })
    expect(choices[2]).toMatchObject({ name: '', addedAt: null, customerId: null })
  })

  it('filters by name, external user id or channel, ignoring case and spaces', () => {
    const choices = choicesOfStaff([LIN, WANG])
    expect(ids(filterChoices(choices, ' 门店 '))).toEqual(['wmLin01'])
    expect(ids(filterChoices(choices, 'WMWANG'))).toEqual(['wmWang02'])
    expect(ids(filterChoices(choices, 'wm'))).toEqual(['wmLin01', 'wmWang02'])
    expect(ids(filterChoices(choices, ''))).toEqual(['wmLin01', 'wmWang02'])
    expect(filterChoices(choices, '赵')).toEqual([])
  })

  it('selects all or none of the rows shown, leaving the others as they were', () => {
    const choices = choicesOfStaff([LIN, WANG])
    expect(withAll(['wmOther', 'wmWang02'], choices)).toEqual(['wmOther', 'wmWang02', 'wmLin01'])
    expect(withoutAll(['wmOther', 'wmWang02', 'wmLin01'], choices.slice(0, 1))).toEqual([
      'wmOther',
      'wmWang02',
    ])
  })
})
