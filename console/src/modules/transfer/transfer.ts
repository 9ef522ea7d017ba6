import type { AttributeDefinition } from '@/modules/customers/api'
import type { CustomerFilters } from '@/modules/customers/query'
import type { ExportFormat, ExportRequest, Job } from './api'

/** Target fields with a message key under `transfer.fields`; custom attributes are `attr.<key>`. */
export const KNOWN_FIELDS = [
  'mobile',
  'email',
  'unionid',
  'memberNo',
  'externalId',
  'wecomExternalUserId',
  'openid',
  'name',
  'gender',
  'birthday',
  'city',
  'sourceChannel',
  'consent.sms',
  'consent.wecom',
  'consent.email',
  'consent.phone',
  'orderNo',
  'placedAt',
  'paidAt',
  'sku',
  'productName',
  'quantity',
  'unitPrice',
  'store',
  'channel',
  'currency',
  'customerId',
  'eventId',
  'type',
  'occurredAt',
  'group',
  'tag',
  'action',
] as const

const ATTRIBUTE_PREFIX = 'attr.'
const PROPERTY_PREFIX = 'properties.'

/** The message key of a known field (dots become underscores: `consent.sms` → `consent_sms`). */
export function fieldKey(field: string): string | null {
  return (KNOWN_FIELDS as readonly string[]).includes(field)
    ? `transfer.fields.${field.replace('.', '_')}`
    : null
}

/**
 * How a target field reads in the mapping select: its message, the custom attribute's label,
 * or the field name as sent for anything else.
 */
export function fieldLabel(
  field: string,
  t: (key: string, values?: Record<string, unknown>) => string,
  definitions: readonly AttributeDefinition[],
): string {
  const key = fieldKey(field)
  if (key) return t(key)
  if (field.startsWith(ATTRIBUTE_PREFIX)) {
    const attrKey = field.slice(ATTRIBUTE_PREFIX.length)
    const label = definitions.find((d) => d.key === attrKey)?.label ?? attrKey
    return t('transfer.fields.attribute', { label })
  }
  if (field.startsWith(PROPERTY_PREFIX)) {
    return t('transfer.fields.property', { key: field.slice(PROPERTY_PREFIX.length) })
  }
  return field
}

/**
 * The mapping to start from: every header column, with the server's suggestion when it names a
 * field that can be chosen and no earlier column took it; '' means "do not import".
 */
export function initialMapping(
  header: readonly string[],
  suggested: Record<string, string>,
  fields: readonly string[],
): Record<string, string> {
  const mapping: Record<string, string> = {}
  const taken = new Set<string>()
  for (const column of header) {
    const field = suggested[column]
    if (field && fields.includes(field) && !taken.has(field)) {
      mapping[column] = field
      taken.add(field)
    } else {
      mapping[column] = ''
    }
  }
  return mapping
}

/** What is sent to dry-run and start: only the columns that are imported. */
export function mappingBody(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ''))
}

/** Fields chosen for more than one column (the server rejects that). */
export function duplicateFields(mapping: Record<string, string>): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const field of Object.values(mapping)) {
    if (!field) continue
    if (seen.has(field)) twice.add(field)
    seen.add(field)
  }
  return [...twice]
}

/** The fields an import of this kind cannot do without. */
export function requiredFields(entity: string): string[] {
  if (entity === 'orders') return ['orderNo', 'placedAt', 'sku']
  if (entity === 'events') return ['eventId', 'type', 'occurredAt']
  if (entity === 'tags') return ['tag']
  return []
}

export function missingRequired(entity: string, mapping: Record<string, string>): string[] {
  const chosen = new Set(Object.values(mapping))
  return requiredFields(entity).filter((f) => !chosen.has(f))
}

/** The column's first sample values (non-empty), at most `count`. */
export function sampleValues(
  sample: readonly (readonly string[])[],
  index: number,
  count = 3,
): string[] {
  return sample
    .map((row) => row[index] ?? '')
    .filter((value) => value !== '')
    .slice(0, count)
}

export const FINISHED = ['done', 'failed', 'interrupted'] as const

export function isFinished(job: Pick<Job, 'status'>): boolean {
  return (FINISHED as readonly string[]).includes(job.status)
}

/** Percent done (0–100, whole numbers); a finished job is 100 even when the total was unknown. */
export function progressPercent(job: Pick<Job, 'status' | 'processedRows' | 'totalRows'>): number {
  if (job.status === 'done') return 100
  if (job.totalRows <= 0) return 0
  return Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100))
}

export function progressStatus(job: Pick<Job, 'status'>): '' | 'success' | 'exception' | 'warning' {
  if (job.status === 'done') return 'success'
  if (job.status === 'failed') return 'exception'
  if (job.status === 'interrupted') return 'warning'
  return ''
}

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

const STATUS_TAGS: Record<string, TagType> = {
  uploaded: 'info',
  running: 'primary',
  done: 'success',
  failed: 'danger',
  interrupted: 'warning',
  created: 'success',
  updated: 'primary',
  duplicate: 'info',
  rejected: 'danger',
  added: 'success',
  removed: 'warning',
  unchanged: 'info',
}

export function statusTag(status: string): TagType {
  return STATUS_TAGS[status] ?? 'info'
}

export const STATUSES = [
  'uploaded',
  'running',
  'done',
  'failed',
  'interrupted',
  'created',
  'updated',
  'duplicate',
  'rejected',
  'added',
  'removed',
  'unchanged',
] as const

export function statusKey(status: string): string | null {
  return (STATUSES as readonly string[]).includes(status) ? `transfer.statuses.${status}` : null
}

/** The customer list's filters as an export request (what the list shows is what is exported). */
export function exportBody(filters: CustomerFilters, format: ExportFormat): ExportRequest {
  const body: ExportRequest = { format }
  const q = filters.q.trim()
  if (q) body.q = q
  if (filters.gender) body.gender = filters.gender
  if (filters.city !== null) body.city = String(filters.city)
  if (filters.ownerId !== null) body.ownerId = filters.ownerId
  const source = filters.sourceChannel.trim()
  if (source) body.sourceChannel = source
  if (filters.memberLevel !== null) body.memberLevel = filters.memberLevel
  const attributes = Object.fromEntries(
    Object.entries(filters.attributes).filter(([, value]) => value !== ''),
  )
  if (Object.keys(attributes).length > 0) body.attributes = attributes
  return body
}

/** The largest file the server takes (SIYU_MAX_UPLOAD_BYTES by default). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

const CJK = /[\u3000-\u9fff\uff00-\uffef]/

/** Identity fields: the server's messages about an identity name its type by this code. */
const IDENTITY_FIELDS = [
  'wecomExternalUserId',
  'externalId',
  'memberNo',
  'unionid',
  'openid',
  'mobile',
  'email',
] as const

/**
 * A row error of an import in the UI language. The server's message about an identity names its
 * type by code ("mobile 的取值格式不正确。"); where such a code stands as a word it is replaced by the
 * field's label, without the space a Chinese sentence does not have ("手机号的取值格式不正确。").
 */
export function rowErrorText(
  error: { field: string; message: string },
  label: (field: string) => string,
): string {
  let text = error.message || error.field
  for (const code of IDENTITY_FIELDS) {
    const name = label(code)
    text = text.replace(
      new RegExp(`(^|[^A-Za-z0-9_.])${code}(?![A-Za-z0-9_])( ?)(.?)`, 'g'),
      (_match, before: string, space: string, next: string) =>
        before + name + (CJK.test(next) && CJK.test(name.slice(-1)) ? '' : space) + next,
    )
  }
  return text
}
