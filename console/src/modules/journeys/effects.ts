import { GROUP_RECIPIENT_STATUSES, RECIPIENT_STATUSES } from '@/modules/mass-sends/api'
import { recipientLabelKey } from '@/modules/mass-sends/status'
import type { StepStats } from './api'

export interface Effect {
  key: string
  count: number
  /** The message key that names it, or null for an outcome the console does not know. */
  label: string | null
  tone: 'success' | 'warning' | 'danger' | 'info' | 'primary'
}

const TONES: Record<string, Effect['tone']> = {
  delivered: 'success',
  done: 'success',
  tasks: 'primary',
  sends: 'primary',
  posts: 'primary',
  published: 'success',
  submitted: 'primary',
  planned: 'primary',
  waiting: 'warning',
  pending: 'warning',
  failed: 'danger',
  not_handed: 'danger',
  not_friend: 'danger',
  dismissed: 'danger',
  over_quota: 'danger',
  unsent: 'danger',
}

const MOMENT_EFFECTS = ['posts', 'staff', 'published', 'customers']

function labelOf(type: string, key: string): string | null {
  if (type === 'message') {
    // messaging's statuses of a customer of a send, which a message step's effects count
    if ((RECIPIENT_STATUSES as readonly string[]).includes(key)) return `massSends.recipient.${key}`
    if (key === 'waiting' || key === 'not_handed') return `journeys.effects.message.${key}`
    return null
  }
  if (type === 'group_message') {
    // the group sends it made, and messaging's statuses of their groups
    if ((GROUP_RECIPIENT_STATUSES as readonly string[]).includes(key))
      return recipientLabelKey('group', key)
    return key === 'sends' ? 'journeys.effects.group_message.sends' : null
  }
  if (type === 'moment' && MOMENT_EFFECTS.includes(key)) return `journeys.effects.moment.${key}`
  if (type === 'webhook' && ['pending', 'done', 'failed'].includes(key))
    return `journeys.effects.webhook.${key}`
  if (type === 'task' && key === 'tasks') return 'journeys.effects.task.tasks'
  return null
}

/**
 * What a step handed on, most first: a message step's customers by what became of them, a group
 * message step's sends and their groups, a moment step's posts (the staff asked, those who posted
 * and the customers shown), a webhook step's calls, a task step's tasks. Outcomes the console does
 * not know are kept, by their key.
 */
export function effectsOf(step: Pick<StepStats, 'type' | 'effects'>): Effect[] {
  return Object.entries(step.effects ?? {})
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({
      key,
      count,
      label: labelOf(step.type, key),
      tone: TONES[key] ?? 'info',
    }))
    .sort((a, b) => b.count - a.count)
}
