import type { FieldError } from '@/api/problem'
import type { Order } from '@/modules/customers/api'
import type { BatchResult } from './api'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

const ROLE_TAGS: Record<string, TagType> = {
  lead: 'info',
  hero: 'danger',
  personalised: 'primary',
  premium: 'warning',
}

export function roleTag(role: string): TagType {
  return ROLE_TAGS[role] ?? 'info'
}

const ORDER_TAGS: Record<string, TagType> = {
  pending: 'warning',
  paid: 'success',
  partially_refunded: 'danger',
  refunded: 'info',
}

export function orderStatusTag(status: string): TagType {
  return ORDER_TAGS[status] ?? 'info'
}

/**
 * The errors of the one record a single-product write sent, keyed by the form field
 * (`products[0].price` → `price`); null when it was written.
 */
export function recordErrors(result: BatchResult): Record<string, string> | null {
  const record = result.results[0]
  if (!record || !record.errors || record.errors.length === 0) return null
  const errors: Record<string, string> = {}
  for (const error of record.errors as FieldError[]) {
    const field = error.field.replace(/^products\[\d+\]\.?/, '') || 'sku'
    errors[field] ??= error.message
  }
  return errors
}

/** A price as typed: a number of yuan with at most two decimals, or null. */
export function parsePrice(text: string): number | null {
  const value = text.trim()
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(value)) return null
  return Number(value)
}

/** An amount from the API (yuan, a number or decimal text) in whole fen, free of float error. */
export function toCents(value: number | string | null | undefined): number {
  const amount = Number(value ?? 0)
  return Number.isFinite(amount) ? Math.round(amount * 100) : 0
}

/** Fen as the decimal text the API takes ("9.90"). */
export function centsText(cents: number): string {
  return (cents / 100).toFixed(2)
}

/**
 * A payment or refund amount as typed, as decimal text for the API (sent as text so that no
 * binary fraction gets in the way): more than 0, at most two decimals and 99,999,999.99, thousands
 * separators allowed; null when it is none of that.
 */
export function parseAmount(text: string): string | null {
  const value = text.trim().replace(/,/g, '')
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(value)) return null
  const cents = toCents(value)
  return cents > 0 ? centsText(cents) : null
}

type Money = Pick<Order, 'totalAmount' | 'paidAmount' | 'refundedAmount'>

/** What is left to pay on an order, in fen (never below 0). */
export function outstandingCents(order: Money): number {
  return Math.max(0, toCents(order.totalAmount) - toCents(order.paidAmount))
}

/** What can still be refunded, in fen: what was paid of the total less what was refunded (as the server counts). */
export function refundableCents(order: Money): number {
  const paid = Math.min(toCents(order.totalAmount), toCents(order.paidAmount))
  return Math.max(0, paid - toCents(order.refundedAmount))
}

export type MoneyRecordKind = 'payment' | 'refund'

const NUMBER_MAX = 64
const NUMBER_TAGS: Record<MoneyRecordKind, string> = { payment: 'PAY', refund: 'RF' }

/**
 * Payment and refund numbers are the server's idempotency keys. A new one is made from the order
 * number and the time ("SO-1001-PAY-MJ4C8K2Q"); it is kept for that order until a send succeeds, so
 * a retry (a double click, a timeout whose request did get through, the dialog opened again) sends
 * the same number and cannot record the money twice.
 */
export function createRecordNumbers(now: () => number = Date.now) {
  const pending = new Map<string, string>()
  const key = (kind: MoneyRecordKind, orderNo: string) => `${kind}:${orderNo}`

  function fresh(kind: MoneyRecordKind, orderNo: string): string {
    const suffix = `-${NUMBER_TAGS[kind]}-${now().toString(36).toUpperCase()}`
    return orderNo.slice(0, NUMBER_MAX - suffix.length) + suffix
  }

  return {
    /** The number to offer: the one of an attempt that has not succeeded yet, or a new one. */
    next(kind: MoneyRecordKind, orderNo: string): string {
      const number = pending.get(key(kind, orderNo)) ?? fresh(kind, orderNo)
      pending.set(key(kind, orderNo), number)
      return number
    },
    /** The number about to be sent (it may have been typed over): the one a retry offers. */
    attempt(kind: MoneyRecordKind, orderNo: string, number: string): void {
      pending.set(key(kind, orderNo), number)
    },
    /** The server recorded it: the next payment or refund of the order gets a new number. */
    done(kind: MoneyRecordKind, orderNo: string): void {
      pending.delete(key(kind, orderNo))
    },
  }
}

/** Kept for the whole visit, not per page: a retry after going elsewhere still reuses the number. */
export const recordNumbers = createRecordNumbers()
