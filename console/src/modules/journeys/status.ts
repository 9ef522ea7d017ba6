import type { Journey, JourneyStatus, JourneyVersion, RunState } from './api'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const JOURNEY_STATUS_TYPE: Record<JourneyStatus, TagType> = {
  draft: 'info',
  active: 'success',
  paused: 'warning',
  stopped: 'danger',
}

export const RUN_STATE_TYPE: Record<RunState, TagType> = {
  active: 'primary',
  waiting: 'warning',
  done: 'success',
  exited: 'info',
  failed: 'danger',
}

/** What an operator may do with a journey now. */
export const canPause = (journey: Pick<Journey, 'status'>) => journey.status === 'active'
export const canResume = (journey: Pick<Journey, 'status'>) => journey.status === 'paused'
export const canStop = (journey: Pick<Journey, 'status'>) =>
  journey.status === 'active' || journey.status === 'paused'

/** Who published a version, whether the server names them or sends the account. */
export function publisherName(version: JourneyVersion): string {
  const by = version.publishedBy
  if (!by) return ''
  return typeof by === 'string' ? by : (by.name ?? (by.id !== undefined ? `#${by.id}` : ''))
}

/** The newest version first. */
export const versionsNewestFirst = (journey: Pick<Journey, 'versions'>) =>
  [...(journey.versions ?? [])].sort((a, b) => b.version - a.version)
