import { describe, expect, it } from 'vitest'
import { effectsOf } from './effects'

describe('what a step handed on', () => {
  it('names a message step’s customers as messaging does, most first', () => {
    expect(
      effectsOf({ type: 'message', effects: { submitted: 3, delivered: 9, waiting: 1, none: 0 } }),
    ).toEqual([
      { key: 'delivered', count: 9, label: 'massSends.recipient.delivered', tone: 'success' },
      { key: 'submitted', count: 3, label: 'massSends.recipient.submitted', tone: 'primary' },
      { key: 'waiting', count: 1, label: 'journeys.effects.message.waiting', tone: 'warning' },
    ])
  })

  it('names a webhook step’s calls and a task step’s tasks, and keeps an unknown outcome by its key', () => {
    expect(
      effectsOf({ type: 'webhook', effects: { failed: 2, done: 5 } }).map((e) => e.label),
    ).toEqual(['journeys.effects.webhook.done', 'journeys.effects.webhook.failed'])
    expect(effectsOf({ type: 'task', effects: { tasks: 4 } })[0]!.label).toBe(
      'journeys.effects.task.tasks',
    )
    expect(effectsOf({ type: 'task', effects: { reopened: 1 } })[0]).toMatchObject({
      key: 'reopened',
      label: null,
    })
    expect(effectsOf({ type: 'wait' })).toEqual([])
  })
})
