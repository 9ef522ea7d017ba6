import { describe, expect, it } from 'vitest'
import { placeCampaignErrors } from './errors'

const error = (field: string, message = field) => ({ field, code: 'x', message })

describe('the server’s messages about a new campaign', () => {
  it('go on the campaign’s fields, the ladder, and each stage’s own field', () => {
    const placed = placeCampaignErrors([
      error('name'),
      error('channelCodeId'),
      error('endsAt'),
      error('holdHours'),
      error('burstPerMinute'),
      error('stages'),
      error('stages[1].invites'),
      error('stages[0].amount'),
      error('stages[2].gift'),
    ])
    expect(placed.fields).toEqual({
      name: 'name',
      channelCodeId: 'channelCodeId',
      endsAt: 'endsAt',
      holdHours: 'holdHours',
      burstPerMinute: 'burstPerMinute',
      stages: 'stages',
    })
    expect(placed.stages).toEqual({
      '1.invites': 'stages[1].invites',
      '0.amount': 'stages[0].amount',
      '2.gift': 'stages[2].gift',
    })
    expect(placed.other).toEqual([])
  })

  it('about a stage but no field the form shows go on the stage', () => {
    expect(placeCampaignErrors([error('stages[3]'), error('stages[1].level')]).stages).toEqual({
      '3': 'stages[3]',
      '1': 'stages[1].level',
    })
  })

  it('keep the first message per place, and leave the rest to be told otherwise', () => {
    const placed = placeCampaignErrors([
      error('name', 'first'),
      error('name', 'second'),
      error('appId'),
    ])
    expect(placed.fields.name).toBe('first')
    expect(placed.other.map((e) => e.field)).toEqual(['appId'])
  })
})
