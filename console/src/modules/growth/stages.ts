import type { RewardKind, Stage, StageInput } from './api'

export const MAX_STAGES = 5
export const MAX_INVITES = 1000
export const MAX_POINTS = 1_000_000
export const MAX_GIFT = 60
/** A red packet is 0.30 to 200.00 yuan (in fen), as WeChat pays out to a balance. */
export const MIN_PACKET_FEN = 30
export const MAX_PACKET_FEN = 20_000

/** A stage as the wizard edits it: numbers may be empty until the operator fills them in. */
export interface StageDraft {
  /** Keeps a stage's fields in place while stages before it are removed. */
  key: number
  invites: number | null
  rewardKind: RewardKind
  /** Points, or a red packet's (smallest) amount in fen. */
  amount: number | null
  /** A random red packet's largest amount in fen; null: a fixed amount. */
  amountMax: number | null
  couponId: string
  gift: string
  /** A picture of the gift: an http(s) link, or empty. */
  giftImage: string
  /** Null: unlimited. */
  stock: number | null
}

/** The fields of a stage that can show a message (the server's or the form's). */
export const STAGE_FIELDS = [
  'invites',
  'rewardKind',
  'amount',
  'amountMax',
  'couponId',
  'gift',
  'giftImage',
  'stock',
] as const
export type StageField = (typeof STAGE_FIELDS)[number]

let nextKey = 1

/**
 * A new stage: the first asks for 3 friends for 100 points; one after another asks for 3 more
 * friends and gives the same kind of reward (twice the points).
 */
export function newStage(after?: StageDraft): StageDraft {
  const points = after
    ? after.rewardKind === 'points' && after.amount
      ? after.amount * 2
      : null
    : 100
  return {
    key: nextKey++,
    invites: after ? Math.min(MAX_INVITES, (after.invites ?? 0) + 3) : 3,
    rewardKind: after?.rewardKind ?? 'points',
    amount: after?.rewardKind === 'red_packet' ? after.amount : points,
    amountMax: after?.rewardKind === 'red_packet' ? after.amountMax : null,
    couponId: '',
    gift: '',
    giftImage: '',
    stock: null,
  }
}

/** A message key under `growth.editor.stageProblems`, with its values. */
export interface StageProblem {
  key: string
  values?: Record<string, number>
}

/**
 * What is wrong with one field of stage `index`, or null: each stage needs more friends than the
 * one before, and the reward its kind needs (points, a coupon id or a gift's name).
 */
export function stageProblem(
  stages: readonly StageDraft[],
  index: number,
  field: StageField,
): StageProblem | null {
  const stage = stages[index]
  if (!stage) return null
  if (field === 'invites') {
    if (stage.invites === null) return { key: 'invitesRequired' }
    const before = index > 0 ? (stages[index - 1]!.invites ?? 0) : 0
    if (stage.invites <= before) return { key: 'invitesOrder', values: { min: before + 1 } }
    if (stage.invites > MAX_INVITES) return { key: 'invitesTooMany', values: { max: MAX_INVITES } }
    return null
  }
  if (field === 'amount' && stage.rewardKind === 'points') {
    if (stage.amount === null || stage.amount < 1) return { key: 'amountRequired' }
    if (stage.amount > MAX_POINTS) return { key: 'amountTooLarge', values: { max: MAX_POINTS } }
  }
  if (field === 'amount' && stage.rewardKind === 'red_packet') {
    if (stage.amount === null) return { key: 'packetRequired' }
    if (stage.amount < MIN_PACKET_FEN || stage.amount > MAX_PACKET_FEN)
      return { key: 'packetRange' }
  }
  if (field === 'amountMax' && stage.rewardKind === 'red_packet' && stage.amountMax !== null) {
    if (stage.amountMax < (stage.amount ?? 0) || stage.amountMax > MAX_PACKET_FEN)
      return { key: 'packetMax' }
  }
  if (field === 'couponId' && stage.rewardKind === 'coupon' && !stage.couponId.trim()) {
    return { key: 'couponRequired' }
  }
  if (field === 'gift' && stage.rewardKind === 'gift') {
    if (!stage.gift.trim()) return { key: 'giftRequired' }
    if ([...stage.gift.trim()].length > MAX_GIFT)
      return { key: 'giftTooLong', values: { max: MAX_GIFT } }
  }
  if (field === 'giftImage' && stage.rewardKind === 'gift') {
    const image = stage.giftImage.trim()
    if (image && !/^https?:\/\/\S+$/i.test(image)) return { key: 'giftImageInvalid' }
  }
  return null
}

/** A stage as the server takes it: only what its kind of reward needs; no stock for unlimited. */
export function stageInput(stage: StageDraft): StageInput {
  const input: StageInput = { invites: stage.invites ?? 0, rewardKind: stage.rewardKind }
  if (stage.rewardKind === 'points') input.amount = stage.amount ?? 0
  if (stage.rewardKind === 'red_packet') {
    input.amount = stage.amount ?? 0
    if (stage.amountMax !== null && stage.amountMax !== stage.amount)
      input.amountMax = stage.amountMax
  }
  if (stage.rewardKind === 'coupon') input.couponId = stage.couponId.trim()
  if (stage.rewardKind === 'gift') input.gift = stage.gift.trim()
  if (stage.rewardKind === 'gift' && stage.giftImage.trim())
    input.giftImage = stage.giftImage.trim()
  if (stage.stock !== null) input.stock = stage.stock
  return input
}

/** The reward a stage gives, as much of it as is filled in (the preview shows a stage being written). */
export type RewardOf = Pick<Stage, 'rewardKind'> & {
  amount: number | null
  amountMax?: number | null
  couponId: string | null
  gift: string | null
}

/** Whether any stage pays a red packet (the campaign then needs a budget). */
export const paysRedPackets = (stages: readonly Pick<StageDraft, 'rewardKind'>[]) =>
  stages.some((stage) => stage.rewardKind === 'red_packet')

/** Whether a stage's stock is all granted. */
export const soldOut = (stage: Pick<Stage, 'stock' | 'granted'>) =>
  stage.stock !== null && stage.granted >= stage.stock
