import type { FieldError } from '@/api/problem'
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
