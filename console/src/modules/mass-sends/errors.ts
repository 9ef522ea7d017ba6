import type { FieldError } from '@/api/problem'

/** The fields of the new mass send form that can show a message of the server. */
export const FORM_FIELDS = [
  'appId',
  'name',
  'chatType',
  'audience',
  'staff',
  'text',
  'materials',
  'sendAt',
  'priority',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export interface PlacedErrors {
  fields: Partial<Record<FormField, string>>
  /** By position in materialIds: shown on that material. */
  materials: Record<number, string>
  /** Errors no field of the form is about: shown as a message. */
  other: FieldError[]
}

/**
 * Puts the server's field errors where the operator sees them: `audience.rule.tags…` (or a group's
 * `audience.chatIds[3]`) on the audience, `staff[1]` on the staff select, `materialIds[2]` on the third material. The first
 * message per field wins (the most relevant one).
 */
export function placeErrors(errors: readonly FieldError[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, materials: {}, other: [] }
  const put = (field: FormField, message: string) => {
    placed.fields[field] ??= message
  }
  for (const error of errors) {
    const { field, message } = error
    const material = /^materialIds\[(\d+)\]/.exec(field)
    if (material) placed.materials[Number(material[1])] ??= message
    else if (field === 'materialIds') put('materials', message)
    else if (field === 'audience' || field.startsWith('audience.')) put('audience', message)
    else if (/^staff(\[\d+\])?$/.test(field)) put('staff', message)
    else if ((FORM_FIELDS as readonly string[]).includes(field)) put(field as FormField, message)
    else placed.other.push(error)
  }
  return placed
}
