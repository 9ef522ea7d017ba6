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

export interface PlacedErrors<F extends string = FormField> {
  fields: Partial<Record<F, string>>
  /** By position in materialIds: shown on that material. */
  materials: Record<number, string>
  /** Errors no field of the form is about: shown as a message. */
  other: FieldError[]
}

/**
 * Puts the server's field errors where the operator sees them: `audience.rule.tags…` (or a group's
 * `audience.chatIds[3]`) on the audience, `staff[1]` on the staff select, `materialIds[2]` on the
 * third material, `materialIds` on the materials. The first message per field wins (the most
 * relevant one). Another form (a 朋友圈 post's) names its own `fields`, each taking what the server
 * says about it and its entries (`tagIds[0]` on `tagIds`).
 */
export function placeErrors<F extends string = FormField>(
  errors: readonly FieldError[],
  fields: readonly F[] = FORM_FIELDS as unknown as readonly F[],
): PlacedErrors<F> {
  const placed: PlacedErrors<F> = { fields: {}, materials: {}, other: [] }
  for (const error of errors) {
    const { field, message } = error
    const material = /^materialIds\[(\d+)\]/.exec(field)
    const root = field.split(/[.[]/, 1)[0]!
    const name = root === 'materialIds' ? 'materials' : root
    if (material) placed.materials[Number(material[1])] ??= message
    else if ((fields as readonly string[]).includes(name)) placed.fields[name as F] ??= message
    else placed.other.push(error)
  }
  return placed
}
