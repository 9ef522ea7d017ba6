import type { MassQuota, SendingRules } from './api'

/** Quiet hours as the server stores "none": from and to the same time. */
export const NO_QUIET = '00:00'

/** The night a tenant starts with (the server's default), offered when quiet hours are turned on. */
export const DEFAULT_QUIET = { from: '21:00', to: '08:00' } as const

/** The sending rules as the form holds them: quiet hours on or off rather than equal times. */
export interface RulesForm {
  quietOn: boolean
  quietFrom: string
  quietTo: string
  capDay: number
  capWeek: number
  massQuota: MassQuota
  dedupeDays: number
  staffTasksPerDay: number
  tasksPerMinute: number
}

export function fromRules(rules: SendingRules): RulesForm {
  return { ...rules, quietOn: rules.quietFrom !== rules.quietTo }
}

export function toRules(form: RulesForm): SendingRules {
  const { quietOn, ...rules } = form
  return quietOn ? rules : { ...rules, quietFrom: NO_QUIET, quietTo: NO_QUIET }
}
