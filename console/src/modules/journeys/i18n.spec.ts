import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { JOURNEY_STATUSES, RUN_STATES } from './api'
import { STEP_MEASURES } from './charts'
import { SCHEDULE_EVERY, STEP_TYPES, TRIGGER_TYPES, WHERE_OPS } from './definition'
import { DURATION_UNITS } from './duration'

/** Every key a list of the module's values needs, in both languages. */
const KEYS = [
  ...STEP_TYPES.flatMap((type) => [`journeys.steps.${type}`, `journeys.stepHints.${type}`]),
  ...TRIGGER_TYPES.flatMap((type) => [
    `journeys.triggers.${type}`,
    `journeys.triggerHints.${type}`,
  ]),
  ...JOURNEY_STATUSES.map((status) => `journeys.status.${status}`),
  ...RUN_STATES.flatMap((state) => [`journeys.runStates.${state}`, `journeys.outcomes.${state}`]),
  ...WHERE_OPS.map((op) => `journeys.whereOps.${op}`),
  ...DURATION_UNITS.flatMap((unit) => [`journeys.units.${unit}`, `journeys.duration.${unit}`]),
  ...SCHEDULE_EVERY.map((every) => `journeys.triggerForm.everyOptions.${every}`),
  ...STEP_MEASURES.map((measure) => `journeys.stats.measures.${measure}`),
  ...['pause', 'resume', 'stop'].flatMap((action) =>
    ['Title', 'Message', 'Confirm', 'Done'].map((part) => `journeys.stats.${action}${part}`),
  ),
  ...[1, 2, 3, 4, 5, 6, 7].map((day) => `journeys.weekdays.${day}`),
  ...['group_message', 'moment'].flatMap((type) =>
    ['title', 'description'].map((part) => `journeys.form.shared.${type}.${part}`),
  ),
  'journeys.effects.group_message.sends',
  ...['posts', 'staff', 'published', 'customers'].map((key) => `journeys.effects.moment.${key}`),
  ...['yes', 'no', 'happened', 'timedOut'].map((label) => `journeys.branches.${label}`),
  ...['segment_enter', 'segment_exit', 'tag_added', 'tag_removed'].map(
    (type) => `journeys.summary.trigger.${type}`,
  ),
  ...['active', 'waiting', 'done', 'exited', 'failed', 'entered', 'converted'].map(
    (key) => `journeys.stats.measures.${key}`,
  ),
  'common.nav.automation',
  'common.nav.journeys',
  'common.nav.journeyStats',
  'common.nav.journeyEditor',
  'common.nav.staffTasks',
  'customers.detail.tabs.journeys',
]

describe('the journeys’ words', () => {
  it.each(['zh-CN', 'en'] as const)(
    'name every step, trigger, state and measure in %s',
    (locale) => {
      const missing = KEYS.filter((key) => !i18n.global.te(key, locale))
      expect(missing).toEqual([])
    },
  )

  it('count in English with singulars and plurals', () => {
    const t = (key: string, n: number) => i18n.global.t(key, { n }, { locale: 'en', plural: n })
    expect(t('journeys.duration.days', 1)).toBe('1 day')
    expect(t('journeys.duration.days', 3)).toBe('3 days')
    expect(t('journeys.duration.minutes', 1)).toBe('1 minute')
    expect(t('journeys.create.steps', 6)).toBe('6 steps')
  })
})
