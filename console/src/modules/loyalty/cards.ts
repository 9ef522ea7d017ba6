import type { CardPlan, CardPlanInput, ValidityUnit } from './api'

/** The server's limits on a card plan. */
export const CARD_LIMITS = {
  name: 30,
  benefits: 500,
  price: 100_000,
  days: 3650,
  months: 120,
} as const

/** The plan form: 0 stands for no floor tier. */
export interface CardPlanDraft {
  name: string
  price: number | null
  validity: number | null
  validityUnit: ValidityUnit
  floorTier: number
  benefits: string
  active: boolean
}

/** What the server is sent: trimmed words, null for no floor tier and for empty benefits. */
export function cardPlanInput(draft: CardPlanDraft): CardPlanInput {
  return {
    name: draft.name.trim(),
    price: draft.price ?? 0,
    validity: draft.validity ?? 0,
    validityUnit: draft.validityUnit,
    floorTier: draft.floorTier > 0 ? draft.floorTier : null,
    benefits: draft.benefits.trim() || null,
    active: draft.active,
  }
}

/** The plan as a draft, e.g. to switch it on or off. */
export function cardPlanDraft(plan: CardPlan): CardPlanDraft {
  return {
    name: plan.name,
    price: plan.price,
    validity: plan.validity,
    validityUnit: plan.validityUnit,
    floorTier: plan.floorTier ?? 0,
    benefits: plan.benefits ?? '',
    active: plan.active,
  }
}
