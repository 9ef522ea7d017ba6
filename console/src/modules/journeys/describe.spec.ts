import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { newTrigger, normalize, type Step, type Trigger } from './definition'
import { exitText, goalText, stepName, stepText, triggerText, type JourneyLabels } from './describe'

function labels(locale: 'zh-CN' | 'en' = 'zh-CN'): JourneyLabels {
  return {
    t: (key, params, plural) =>
      i18n.global.t(key, params ?? {}, plural === undefined ? { locale } : { locale, plural }),
    event: (type) => ({ purchase: '购买', refund: '退款' })[type] ?? type,
    segment: (id) => (id === 5 ? '高价值会员' : `#${id}`),
    tag: (id) => (id === 3 ? '高意向' : `#${id}`),
    attribute: (key) => ({ skinType: '肤质', joinedOn: '入会纪念日' })[key] ?? key,
    rule: () => '性别 = 女',
    listSeparator: locale === 'en' ? ', ' : '、',
  }
}
const step = (fields: Partial<Step>): Step => ({ id: 's', type: 'wait', next: null, ...fields })
const trigger = (fields: Partial<Trigger>): Trigger => ({
  ...newTrigger(fields.type ?? 'event'),
  ...fields,
})

describe('a trigger in words', () => {
  it('names the event, segment or tag that lets customers in', () => {
    expect(triggerText(trigger({ type: 'event', eventType: 'purchase' }), labels())).toBe(
      '客户发生「购买」时',
    )
    expect(
      triggerText(
        trigger({
          type: 'event',
          eventType: 'purchase',
          where: [{ property: 'amount', op: 'gte', value: 100 }],
        }),
        labels(),
      ),
    ).toBe('客户发生「购买」时（1 个属性条件）')
    expect(triggerText(trigger({ type: 'segment_exit', segmentId: 5 }), labels())).toBe(
      '客户离开人群「高价值会员」时',
    )
    expect(triggerText(trigger({ type: 'tag_added', tagId: 3 }), labels())).toBe(
      '客户被打上标签「高意向」时',
    )
    expect(triggerText(trigger({ type: 'tag_removed' }), labels())).toBe('客户被移除标签「…」时')
  })

  it('says when birthdays and schedules let customers in', () => {
    expect(triggerText(trigger({ type: 'date', daysBefore: 0, at: '09:30' }), labels())).toBe(
      '客户生日当天 09:30',
    )
    expect(
      triggerText(
        trigger({ type: 'date', field: 'attributes.joinedOn', daysBefore: 7, at: '09:30' }),
        labels(),
      ),
    ).toBe('客户入会纪念日前 7 天 09:30')
    expect(triggerText(trigger({ type: 'date', daysBefore: 3, at: '09:30' }), labels('en'))).toBe(
      '3 days before the customer’s birthday at 09:30',
    )
    const schedule = (fields: Partial<Trigger>) =>
      triggerText(trigger({ type: 'schedule', at: '10:00', segmentId: 5, ...fields }), labels())
    expect(schedule({ every: 'day' })).toBe('每天 10:00，人群「高价值会员」的客户')
    expect(schedule({ every: 'week', weekdays: [5, 1] })).toBe(
      '每周一、周五 10:00，人群「高价值会员」的客户',
    )
    expect(schedule({ every: 'month', monthDays: [15, 1] })).toBe(
      '每月 1、15 日 10:00，人群「高价值会员」的客户',
    )
    expect(schedule({ every: 'once', date: '2026-12-12' })).toBe(
      '2026-12-12 10:00 一次，人群「高价值会员」的客户',
    )
  })

  it('asks for one when there is none', () => {
    expect(triggerText(null, labels())).toBe('点击设置客户何时进入旅程')
  })
})

describe('a step in words', () => {
  it('says what each type does', () => {
    const l = labels()
    expect(stepText(step({ type: 'wait', duration: 'PT90M' }), l)).toBe('等待 90 分钟')
    expect(stepText(step({ type: 'wait', duration: 'nonsense' }), l)).toBe('等待 …')
    expect(
      stepText(step({ type: 'wait_until', time: '10:00', weekdays: [1, 2, 3, 4, 5, 6, 7] }), l),
    ).toBe('等到每天 10:00')
    expect(stepText(step({ type: 'wait_event', eventType: 'purchase', timeout: 'PT12H' }), l)).toBe(
      '等客户「购买」，最多 12 小时',
    )
    expect(stepText(step({ type: 'condition', rule: { and: [] } }), l)).toBe('性别 = 女')
    expect(
      stepText(
        step({
          type: 'split',
          branches: [
            { percent: 70, next: null },
            { percent: 30, next: null },
          ],
        }),
        l,
      ),
    ).toBe('70% / 30%')
    expect(stepText(step({ type: 'tag', add: [3], remove: [7] }), l)).toBe('添加：高意向；移除：#7')
    expect(stepText(step({ type: 'attribute', key: 'skinType', value: ['干性', '敏感'] }), l)).toBe(
      '肤质 设为 干性、敏感',
    )
    expect(stepText(step({ type: 'reward', kind: 'points', amount: 1 }), labels('en'))).toBe(
      'Give 1 point',
    )
    expect(
      stepText(step({ type: 'reward', kind: 'coupon', couponId: 'NEW20', amount: 2 }), l),
    ).toBe('发放优惠券 NEW20 × 2')
    expect(stepText(step({ type: 'webhook', url: 'https://x.example' }), l)).toBe(
      'https://x.example',
    )
    expect(stepText(step({ type: 'message', text: '', materialIds: [1, 2] }), l)).toBe('2 个素材')
    expect(stepText(step({ type: 'message', text: 'x'.repeat(50) }), l)).toBe(`${'x'.repeat(40)}…`)
  })

  it('says where a group send goes and what it says, or that nothing is written yet', () => {
    const groupSend = (fields: Partial<Step>) =>
      step({
        type: 'group_message',
        text: '今晚 8 点开抢',
        materialIds: [],
        chatIds: [],
        ...fields,
      })
    expect(stepText(groupSend({}), labels())).toBe('全部客户群：今晚 8 点开抢')
    expect(stepText(groupSend({ chatIds: ['wrA1', 'wrB2'], materialIds: [1] }), labels())).toBe(
      '2 个客户群：今晚 8 点开抢（另有 1 个素材）',
    )
    expect(stepText(groupSend({ chatIds: ['wrA1'] }), labels('en'))).toBe(
      '1 customer group: 今晚 8 点开抢',
    )
    expect(stepText(groupSend({ text: '  ' }), labels())).toBe('还没有写消息内容')
  })

  it('says what a 朋友圈 post shows and to whom, when not to every customer', () => {
    const post = (fields: Partial<Step>) =>
      step({ type: 'moment', text: '新品上市', materialIds: [], tagIds: [], ...fields })
    expect(stepText(post({}), labels())).toBe('新品上市')
    expect(stepText(post({ text: '', materialIds: [1, 2, 3], tagIds: [3, 8] }), labels())).toBe(
      '仅「高意向、#8」可见：3 个素材',
    )
    expect(stepText(post({ tagIds: [3] }), labels('en'))).toBe('Seen by “高意向” only: 新品上市')
    expect(stepText(post({ text: '' }), labels())).toBe('还没有写朋友圈内容')
    expect(stepName(post({}), labels())).toBe('客户朋友圈')
    expect(stepName(post({ type: 'group_message' }), labels('en'))).toBe('Group message')
  })

  it('is named by its own name, else by its type', () => {
    expect(stepName(step({ type: 'task', name: '  ' }), labels())).toBe('员工任务')
    expect(stepName(step({ type: 'task', name: '回访' }), labels())).toBe('回访')
    expect(stepName(step({ type: 'teleport' }), labels())).toBe('步骤 teleport')
  })
})

describe('the goal and early exit in words', () => {
  it('say what converts and what ends a run early', () => {
    const d = normalize({
      goal: { eventType: 'purchase', windowDays: 1, exitOnGoal: false },
      exit: { eventType: 'refund', segmentId: 5 },
    })
    expect(goalText(d.goal, labels('en'))).toBe('“购买” within 1 day of entering')
    expect(goalText(null, labels())).toBe('未设置')
    expect(exitText(d.exit, labels())).toBe('发生「退款」或进入人群「高价值会员」')
    expect(exitText({ eventType: null, segmentId: null }, labels())).toBe('不提前退出')
  })
})
