import { describe, expect, it } from 'vitest'
import {
  newStage,
  paysRedPackets,
  soldOut,
  stageInput,
  stageProblem,
  type StageDraft,
} from './stages'

const draft = (overrides: Partial<StageDraft> = {}): StageDraft => ({ ...newStage(), ...overrides })

describe('a campaign’s stages', () => {
  it('start at 3 friends for 100 points, and each added one asks 3 more for twice the points', () => {
    const first = newStage()
    expect(first).toMatchObject({ invites: 3, rewardKind: 'points', amount: 100, stock: null })
    const second = newStage(first)
    expect(second).toMatchObject({ invites: 6, rewardKind: 'points', amount: 200 })
    expect(second.key).not.toBe(first.key)
    // a gift stage is followed by a gift stage still to be named
    expect(newStage(draft({ rewardKind: 'gift', gift: '保温杯' }))).toMatchObject({
      rewardKind: 'gift',
      gift: '',
      amount: null,
    })
    expect(newStage(draft({ invites: 999 })).invites).toBe(1000)
  })

  it('each need more friends than the stage before', () => {
    const stages = [draft({ invites: 5 }), draft({ invites: 5 }), draft({ invites: null })]
    expect(stageProblem(stages, 0, 'invites')).toBeNull()
    expect(stageProblem(stages, 1, 'invites')).toEqual({ key: 'invitesOrder', values: { min: 6 } })
    expect(stageProblem(stages, 2, 'invites')).toEqual({ key: 'invitesRequired' })
    expect(stageProblem([draft({ invites: 1001 })], 0, 'invites')).toEqual({
      key: 'invitesTooMany',
      values: { max: 1000 },
    })
  })

  it('each need the reward their kind gives, and only that', () => {
    expect(stageProblem([draft({ amount: null })], 0, 'amount')).toEqual({ key: 'amountRequired' })
    expect(stageProblem([draft({ rewardKind: 'coupon', amount: null })], 0, 'amount')).toBeNull()
    expect(stageProblem([draft({ rewardKind: 'coupon', couponId: ' ' })], 0, 'couponId')).toEqual({
      key: 'couponRequired',
    })
    expect(stageProblem([draft({ rewardKind: 'gift', gift: '' })], 0, 'gift')).toEqual({
      key: 'giftRequired',
    })
    expect(stageProblem([draft({ rewardKind: 'gift', gift: '杯'.repeat(61) })], 0, 'gift')).toEqual(
      { key: 'giftTooLong', values: { max: 60 } },
    )
    expect(stageProblem([draft({ rewardKind: 'points', gift: '' })], 0, 'gift')).toBeNull()
  })

  it('go to the server with what their reward needs, and no stock when unlimited', () => {
    expect(stageInput(draft({ invites: 3, amount: 100, couponId: 'x', gift: 'y' }))).toEqual({
      invites: 3,
      rewardKind: 'points',
      amount: 100,
    })
    expect(
      stageInput(draft({ invites: 6, rewardKind: 'coupon', couponId: ' CPN-1 ', stock: 0 })),
    ).toEqual({ invites: 6, rewardKind: 'coupon', couponId: 'CPN-1', stock: 0 })
    expect(stageInput(draft({ invites: 9, rewardKind: 'gift', gift: ' 保温杯 ' }))).toEqual({
      invites: 9,
      rewardKind: 'gift',
      gift: '保温杯',
    })
  })

  it('are gone once their whole stock is granted, never when unlimited', () => {
    expect(soldOut({ stock: 20, granted: 20 })).toBe(true)
    expect(soldOut({ stock: 20, granted: 19 })).toBe(false)
    expect(soldOut({ stock: null, granted: 5000 })).toBe(false)
  })

  it('take a gift’s picture as an http(s) link, or none', () => {
    const gift = (giftImage: string) =>
      draft({ rewardKind: 'gift', gift: '品牌保温杯', giftImage, stock: 20 })
    expect(stageProblem([gift('')], 0, 'giftImage')).toBeNull()
    expect(stageProblem([gift('cup.png')], 0, 'giftImage')).toEqual({ key: 'giftImageInvalid' })
    expect(stageInput(gift(' https://img.example/cup.png '))).toEqual({
      invites: gift('').invites,
      rewardKind: 'gift',
      gift: '品牌保温杯',
      giftImage: 'https://img.example/cup.png',
      stock: 20,
    })
    expect(stageInput(gift(''))).not.toHaveProperty('giftImage')
  })

  it('take a red packet in fen, fixed or random up to a larger amount, within 0.30 to 200.00 yuan', () => {
    const packet = (amount: number | null, amountMax: number | null) =>
      draft({ rewardKind: 'red_packet', amount, amountMax })
    expect(stageProblem([packet(null, null)], 0, 'amount')).toEqual({ key: 'packetRequired' })
    expect(stageProblem([packet(29, null)], 0, 'amount')).toEqual({ key: 'packetRange' })
    expect(stageProblem([packet(20_001, null)], 0, 'amount')).toEqual({ key: 'packetRange' })
    expect(stageProblem([packet(30, null)], 0, 'amount')).toBeNull()
    expect(stageProblem([packet(300, 200)], 0, 'amountMax')).toEqual({ key: 'packetMax' })
    expect(stageProblem([packet(300, 20_001)], 0, 'amountMax')).toEqual({ key: 'packetMax' })
    expect(stageProblem([packet(300, 300)], 0, 'amountMax')).toBeNull()
    expect(stageInput(packet(300, null))).toEqual({
      invites: 3,
      rewardKind: 'red_packet',
      amount: 300,
    })
    expect(stageInput(packet(100, 250))).toMatchObject({ amount: 100, amountMax: 250 })
    expect(stageInput(packet(300, 300))).not.toHaveProperty('amountMax')
    expect(paysRedPackets([draft({}), packet(300, null)])).toBe(true)
    expect(paysRedPackets([draft({})])).toBe(false)
  })
})
