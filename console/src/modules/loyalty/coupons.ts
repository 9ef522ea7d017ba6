import { dateInZone, instantInZone } from '@/utils/time'
import type { CouponKind, CouponTemplate, CouponTemplateInput } from './api'

export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/
export const MAX_NAME = 30
export const VALIDITY_KINDS = ['days', 'range'] as const
export type ValidityKind = (typeof VALIDITY_KINDS)[number]

/** The coupon template form: validity as days from issue or as two dates in the tenant's zone. */
export type TemplateDraft = {
  name: string
  code: string
  kind: CouponKind
  /** The template's `value`: yuan off, or percent off. */
  amount: number | null
  maxOff: number | null
  threshold: number
  skus: string[]
  validity: ValidityKind
  validDays: number | null
  /** [from, until] as YYYY-MM-DD, or empty. */
  validRange: string[]
  perCustomer: number
  stock: number | null
  active: boolean
}

export function templateDraft(template: CouponTemplate | null, timeZone: string): TemplateDraft {
  return {
    name: template?.name ?? '',
    code: template?.code ?? '',
    kind: template?.kind ?? 'amount',
    amount: template?.value ?? null,
    maxOff: template?.maxOff ?? null,
    threshold: template?.threshold ?? 0,
    skus: template ? [...template.skus] : [],
    validity: template && !template.validDays ? 'range' : 'days',
    validDays: template ? template.validDays : 30,
    validRange:
      template?.validFrom && template.validUntil
        ? [dateInZone(template.validFrom, timeZone), dateInZone(template.validUntil, timeZone)]
        : [],
    perCustomer: template?.perCustomer ?? 1,
    stock: template?.stock ?? null,
    active: template?.active ?? true,
  }
}

/**
 * The template as the server takes it: a cap only for percent off; either days from issue or
 * the first moment of the first day to the last moment of the last, in the tenant's zone.
 */
export function templateInput(draft: TemplateDraft, timeZone: string): CouponTemplateInput {
  const range = draft.validity === 'range'
  return {
    name: draft.name.trim(),
    code: draft.code.trim(),
    kind: draft.kind,
    value: draft.amount ?? 0,
    maxOff: draft.kind === 'percent' ? draft.maxOff : null,
    threshold: draft.threshold,
    skus: draft.skus.map((sku) => sku.trim()).filter(Boolean),
    validDays: range ? null : draft.validDays,
    validFrom: range ? instantInZone(`${draft.validRange[0]} 00:00:00`, timeZone) : null,
    validUntil: range ? instantInZone(`${draft.validRange[1]} 23:59:59`, timeZone) : null,
    perCustomer: draft.perCustomer,
    stock: draft.stock,
    active: draft.active,
  }
}

/** Redeemed of issued, 0 … 1. */
export const redemptionRate = (template: Pick<CouponTemplate, 'issued' | 'redeemed'>) =>
  template.issued > 0 ? template.redeemed / template.issued : 0
