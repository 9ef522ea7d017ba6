import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { GROUP_RECIPIENT_STATUSES, SEND_STATUSES, RECIPIENT_STATUSES, SHARE_STATUSES } from './api'
import { detail, share } from '@/test/mass-sends'
import {
  FAST_REFRESH_MS,
  IDLE_REFRESH_MS,
  SEND_STATUS_TYPE,
  SLOW_REFRESH_MS,
  canCancel,
  funnel,
  outcomeOf,
  outcomeParts,
  recipientLabelKey,
  refreshInterval,
  shareParts,
  waitingStaff,
} from './status'

const label = (key: string, locale: 'zh-CN' | 'en' = 'zh-CN') => i18n.global.t(key, {}, { locale })

describe('a send’s status', () => {
  it('has a colour and a label in both languages for each status', () => {
    expect(SEND_STATUSES.map((s) => SEND_STATUS_TYPE[s])).toEqual([
      'primary',
      'warning',
      'success',
      'info',
      'danger',
    ])
    expect(SEND_STATUSES.map((s) => label(`massSends.status.${s}`))).toEqual([
      '待发送',
      '发送中',
      '已下发',
      '已取消',
      '失败',
    ])
    for (const s of SEND_STATUSES)
      expect(label(`massSends.status.${s}`, 'en')).not.toMatch(/\p{Script=Han}/u)
  })

  it('labels every customer and staff status, held-back reasons in words', () => {
    for (const s of RECIPIENT_STATUSES)
      expect(label(`massSends.recipient.${s}`)).not.toContain('massSends')
    for (const s of SHARE_STATUSES) expect(label(`massSends.share.${s}`)).not.toContain('massSends')
    expect(
      ['no_contact', 'opted_out', 'frequency', 'quota'].map((s) =>
        label(`massSends.recipient.${s}`),
      ),
    ).toEqual(['未添加企业微信', '已拒收', '超过频次上限', '超过企业微信群发额度'])
  })

  it('labels every status of a group in both languages, speaking of the group and its owner', () => {
    const labels = (locale: 'zh-CN' | 'en') =>
      GROUP_RECIPIENT_STATUSES.map((s) => label(recipientLabelKey('group', s), locale))
    for (const text of labels('zh-CN')) expect(text).not.toContain('massSends')
    for (const text of labels('en')) expect(text).not.toMatch(/\p{Script=Han}/u)
    expect(
      ['dismissed', 'no_owner', 'quota', 'duplicate'].map((s) =>
        label(recipientLabelKey('group', s)),
      ),
    ).toEqual(['群已解散', '群主不可发送（离职/交接中）', '超过企业微信每群群发上限', '已发送过'])
    // the same status of a customer keeps its own words
    expect(label(recipientLabelKey('single', 'quota'))).toBe('超过企业微信群发额度')
  })
})

describe('customers by outcome', () => {
  it('are delivered, waiting for staff, held back, not delivered or cancelled', () => {
    expect(outcomeOf('submitted')).toBe('waiting')
    expect(outcomeOf('planned')).toBe('waiting')
    expect(outcomeOf('opted_out')).toBe('held')
    expect(outcomeOf('duplicate')).toBe('held')
    expect(outcomeOf('over_quota')).toBe('failed')
    expect(outcomeOf('unsent')).toBe('failed')
    expect(outcomeOf('cancelled')).toBe('cancelled')
    expect(outcomeOf('dismissed')).toBe('failed')
    expect(outcomeOf('no_owner')).toBe('held')
    expect(outcomeOf('something_new')).toBe('waiting')
  })

  it('are summed in a fixed order, leaving out outcomes without customers', () => {
    expect(
      outcomeParts({ frequency: 3, delivered: 30, no_contact: 1, submitted: 8, not_friend: 2 }),
    ).toEqual({
      parts: [
        { outcome: 'delivered', count: 30 },
        { outcome: 'waiting', count: 8 },
        { outcome: 'held', count: 4 },
        { outcome: 'failed', count: 2 },
      ],
      total: 44,
    })
    expect(outcomeParts({})).toEqual({ parts: [], total: 0 })
  })

  it('of a staff member’s share: delivered, still waiting and not reached', () => {
    expect(shareParts(share({ recipients: 10, delivered: 6, failed: 1 }))).toEqual({
      parts: [
        { outcome: 'delivered', count: 6 },
        { outcome: 'waiting', count: 3 },
        { outcome: 'failed', count: 1 },
      ],
      total: 10,
    })
    expect(
      shareParts(share({ status: 'cancelled', recipients: 4, delivered: 0, failed: 0 })).parts,
    ).toEqual([{ outcome: 'cancelled', count: 4 }])
  })
})

describe('how far a send got', () => {
  it('goes from the audience to handed over, sent by staff and delivered, with the held reasons', () => {
    expect(
      funnel({
        delivered: 30,
        submitted: 8,
        not_friend: 2,
        over_quota: 1,
        frequency: 3,
        no_contact: 1,
        cancelled: 2,
      }),
    ).toEqual({
      audience: 47,
      handed: 41,
      staffSent: 33,
      delivered: 30,
      held: [
        { reason: 'no_contact', count: 1 },
        { reason: 'frequency', count: 3 },
      ],
    })
  })
})

describe('how far a group send got', () => {
  it('counts a group dismissed before its owner sent as sent, and holds back groups without an owner', () => {
    expect(
      funnel({ delivered: 4, dismissed: 1, submitted: 2, no_owner: 1, quota: 2 }, 'group'),
    ).toEqual({
      audience: 10,
      handed: 7,
      staffSent: 5,
      delivered: 4,
      held: [
        { reason: 'no_owner', count: 1 },
        { reason: 'quota', count: 2 },
      ],
    })
  })
})

describe('refreshing the detail page', () => {
  const now = new Date('2026-11-10T02:00:00Z').getTime()

  it('is quick while the send is under way or about to start', () => {
    expect(refreshInterval(detail({ status: 'sending' }), now)).toBe(FAST_REFRESH_MS)
    expect(
      refreshInterval(detail({ status: 'scheduled', sendAt: '2026-11-10T02:01:00Z' }), now),
    ).toBe(FAST_REFRESH_MS)
  })

  it('is occasional for a send scheduled later, and slow while staff have yet to send', () => {
    expect(
      refreshInterval(detail({ status: 'scheduled', sendAt: '2026-11-11T02:00:00Z' }), now),
    ).toBe(IDLE_REFRESH_MS)
    expect(refreshInterval(detail({ status: 'sent' }), now)).toBe(SLOW_REFRESH_MS)
  })

  it('stops once nothing can change any more', () => {
    expect(refreshInterval(detail({ status: 'sent' }, [share()]), now)).toBeNull()
    expect(refreshInterval(detail({ status: 'cancelled' }), now)).toBeNull()
    expect(refreshInterval(detail({ status: 'failed' }), now)).toBeNull()
  })
})

describe('what an operator can do to a send', () => {
  it('reminds only staff who have not sent, and cancels only what some staff have not sent yet', () => {
    expect(waitingStaff(detail().staff).map((s) => s.userId)).toEqual(['lisi'])
    expect(canCancel({ status: 'scheduled' })).toBe(true)
    expect(canCancel({ status: 'sending' })).toBe(true)
    expect(canCancel({ status: 'sent' }, detail().staff)).toBe(true)
    expect(canCancel({ status: 'sent' }, [])).toBe(false)
    const allSent = detail().staff.map((share) => ({
      ...share,
      status: 'sent' as const,
      staffSentAt: '2026-11-20T02:00:00Z',
    }))
    expect(canCancel({ status: 'sent' }, allSent)).toBe(false)
    expect(canCancel({ status: 'cancelled' }, detail().staff)).toBe(false)
  })
})
