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

  it('names a group message step’s sends and its groups as a group send names them', () => {
    expect(
      effectsOf({
        type: 'group_message',
        effects: { sends: 2, delivered: 14, dismissed: 1, no_owner: 3, not_friend: 4 },
      }),
    ).toEqual([
      { key: 'delivered', count: 14, label: 'massSends.groupRecipient.delivered', tone: 'success' },
      // a customer's status is none of a group's
      { key: 'not_friend', count: 4, label: null, tone: 'danger' },
      { key: 'no_owner', count: 3, label: 'massSends.groupRecipient.no_owner', tone: 'info' },
      { key: 'sends', count: 2, label: 'journeys.effects.group_message.sends', tone: 'primary' },
      { key: 'dismissed', count: 1, label: 'massSends.groupRecipient.dismissed', tone: 'danger' },
    ])
  })

  it('names a moment step’s posts, the staff asked and who posted, and the customers shown', () => {
    expect(
      effectsOf({
        type: 'moment',
        effects: { posts: 1, staff: 5, published: 3, customers: 860, delivered: 2 },
      }).map(({ key, label, tone }) => [key, label, tone]),
    ).toEqual([
      ['customers', 'journeys.effects.moment.customers', 'info'],
      ['staff', 'journeys.effects.moment.staff', 'info'],
      ['published', 'journeys.effects.moment.published', 'success'],
      ['delivered', null, 'success'],
      ['posts', 'journeys.effects.moment.posts', 'primary'],
    ])
  })
})
