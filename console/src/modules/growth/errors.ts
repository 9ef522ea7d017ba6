import type { FieldError } from '@/api/problem'
import { STAGE_FIELDS, type StageField } from './stages'

/** The fields of the new campaign form that can show a message of the server. */
export const CAMPAIGN_FIELDS = [
  'kind',
  'name',
  'description',
  'channelCodeId',
  'groupCodeId',
  'budget',
  'startsAt',
  'endsAt',
  'holdHours',
  'newOnly',
  'burstPerMinute',
  'stages',
] as const
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number]

/** Where a stage's message goes: on one of its fields, or on the stage as a whole. */
export const stageErrorKey = (index: number, field?: StageField) =>
  field ? `${index}.${field}` : `${index}`

export interface PlacedCampaignErrors {
  fields: Partial<Record<CampaignField, string>>
  /** By stageErrorKey: `stages[1].invites` on the second stage's invites. */
  stages: Record<string, string>
  /** Errors no field of the form is about: shown as a message. */
  other: FieldError[]
}

/**
 * Puts the server's field errors where the operator sees them: `stages[1].invites` on that
 * stage's field (another of its fields on the stage), `stages` on the ladder, the campaign's own
 * fields on themselves. The first message per place wins.
 */
export function placeCampaignErrors(errors: readonly FieldError[]): PlacedCampaignErrors {
  const placed: PlacedCampaignErrors = { fields: {}, stages: {}, other: [] }
  for (const error of errors) {
    const stage = /^stages\[(\d+)\](?:\.(\w+))?/.exec(error.field)
    if (stage) {
      const field = (STAGE_FIELDS as readonly string[]).includes(stage[2] ?? '')
        ? (stage[2] as StageField)
        : undefined
      placed.stages[stageErrorKey(Number(stage[1]), field)] ??= error.message
    } else if ((CAMPAIGN_FIELDS as readonly string[]).includes(error.field)) {
      placed.fields[error.field as CampaignField] ??= error.message
    } else {
      placed.other.push(error)
    }
  }
  return placed
}
