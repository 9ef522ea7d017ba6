import type { CouponRule, CouponRuleInput, FilterOp } from './api'

export const MAX_PER_CUSTOMER = 100
export const MAX_TOTAL_LIMIT = 10_000_000
/** A refund takes something back: the server refuses it as a rule's trigger. */
export const NOT_ISSUING = ['refund']

/** The coupon rule form: the filter switched on or off. */
export type CouponRuleDraft = {
  name: string
  templateCode: string
  eventType: string
  perCustomer: number | null
  totalLimit: number | null
  active: boolean
  filtered: boolean
  filterProperty: string
  filterOp: FilterOp
  filterValue: string
}

export function couponRuleDraft(rule: CouponRule | null): CouponRuleDraft {
  return {
    name: rule?.name ?? '',
    templateCode: rule?.templateCode ?? '',
    eventType: rule?.eventType ?? '',
    perCustomer: rule?.perCustomer ?? 1,
    totalLimit: rule?.totalLimit ?? null,
    active: rule?.active ?? true,
    filtered: !!rule?.filter,
    filterProperty: rule?.filter?.property ?? '',
    filterOp: rule?.filter?.op ?? 'gte',
    filterValue: rule?.filter?.value ?? '',
  }
}

/** The rule as the server takes it: no filter unless switched on. */
export function couponRuleInput(draft: CouponRuleDraft): CouponRuleInput {
  return {
    name: draft.name.trim(),
    templateCode: draft.templateCode.trim(),
    eventType: draft.eventType,
    perCustomer: draft.perCustomer ?? 0,
    totalLimit: draft.totalLimit,
    active: draft.active,
    filter: draft.filtered
      ? { property: draft.filterProperty, op: draft.filterOp, value: draft.filterValue.trim() }
      : null,
  }
}
