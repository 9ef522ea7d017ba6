import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './JourneyEditorView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp, openDialog, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse } from '@/test/http'
import { definition, journey, stubJourneyServer } from '@/test/journeys'
import { pickCoupon } from '@/test/loyalty'
import { bodies } from '@/test/segments'
import { settle } from '@/test/settle'

const flow = () => document.querySelector<HTMLElement>('[data-testid="flow"]')!
const cardOf = (id: string) => flow().querySelector<HTMLElement>(`[data-step-id="${id}"]`)!
const drawer = () => document.querySelector<HTMLElement>('.el-drawer')!
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!
const summaryOf = (id: string) =>
  cardOf(id).querySelector('[data-testid="step-summary"]')!.textContent
/** The message under the form item that holds the element. */
const errorOf = (element: Element | null) =>
  element?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ??
  ''
const inDrawer = (testId: string) =>
  drawer().querySelector<HTMLElement>(`[data-testid="${testId}"]`)
const shown = (item: HTMLElement) =>
  item.closest<HTMLElement>('.el-popper')?.style.display !== 'none'

/** The journey of the fixtures with some steps changed or added. */
function withSteps(...steps: Record<string, unknown>[]) {
  const d = definition()
  const list = d.steps as Record<string, unknown>[]
  for (const step of steps) {
    const at = list.findIndex((s) => s.id === step.id)
    if (at >= 0) list[at] = step
    else list.push(step)
  }
  return journey({ definition: d })
}

function stubServer(served = journey(), routes = {}) {
  return stubJourneyServer({
    'GET /api/v1/journeys/7': () => jsonResponse(served),
    'PUT /api/v1/journeys/7': () => jsonResponse(served),
    ...routes,
  })
}

async function saved(calls: Request[]) {
  button('保存草稿').click()
  await settle()
  const body = (await bodies(calls, 'PUT', '/api/v1/journeys/7')).at(-1) as {
    definition: { steps: Record<string, unknown>[] } & Record<string, unknown>
  }
  return body.definition
}
const stepIn = (d: { steps: Record<string, unknown>[] }, id: string) =>
  d.steps.find((s) => s.id === id)!

async function open(id: string): Promise<void> {
  cardOf(id).click()
  await settle()
}

/**
 * The journey of the fixtures going on after the call to a group send (step 6) and a 朋友圈 post
 * (step 7), both shared by the customers who reach them.
 */
function withSharedSteps(groups: Record<string, unknown> = {}, post: Record<string, unknown> = {}) {
  return withSteps(
    { id: 'call', type: 'task', title: '电话回访', dueIn: 'P1D', next: 'groups' },
    {
      id: 'groups',
      type: 'group_message',
      appId: null,
      text: '今晚 8 点开抢',
      materialIds: [],
      chatIds: [],
      staff: [],
      next: 'post',
      ...groups,
    },
    {
      id: 'post',
      type: 'moment',
      appId: null,
      text: '新品上市',
      materialIds: [],
      staff: [],
      tagIds: [],
      next: null,
      ...post,
    },
  )
}

/** Opens the select of the element and picks the option that has this element in it. */
async function pickOption(select: Element | null, selector: string): Promise<void> {
  select!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>(`.el-select-dropdown__item`)]
    .filter(shown)
    .find((item) => item.matches(selector) || item.querySelector(selector))
  if (!option) throw new Error(`no option ${selector}`)
  option.click()
  await settle(0)
}

/** Opens the library and picks these materials, in this order. */
async function pickMaterials(...ids: number[]): Promise<void> {
  inDrawer('add-materials')!.click()
  await settle()
  for (const id of ids)
    openDialog()
      .querySelector<HTMLElement>(`.material-picker__item[data-material-id="${id}"]`)!
      .click()
  await settle(0)
  button('确定', openDialog()).click()
  await settle()
}

describe('the step forms', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('write a message with materials and show it on the phone as the customer sees it', async () => {
    const { calls } = stubServer(
      withSteps({
        id: 'hello',
        type: 'message',
        name: '欢迎语',
        text: '你好，欢迎！',
        materialIds: [1],
        next: 'wait1',
      }),
    )
    await mountApp('/automation/journeys/7/edit')
    await open('hello')
    const text = drawer().querySelector<HTMLTextAreaElement>('textarea[name="text"]')!
    expect(text.value).toBe('你好，欢迎！')
    expect(drawer().querySelector('[data-testid="text-bytes"]')!.textContent!.trim()).toBe(
      '18 / 4,000 字节',
    )
    const chips = () =>
      [...drawer().querySelectorAll<HTMLElement>('[data-testid="materials"] .material-chip')].map(
        (c) => c.dataset.materialId,
      )
    expect(chips()).toEqual(['1'])

    await type(text as unknown as HTMLInputElement, '双十一会员专享')
    const phone = drawer().querySelector<HTMLElement>('[data-testid="message-phone"]')!
    expect(phone.querySelector('[data-testid="bubble"]')!.textContent!.trim()).toBe(
      '双十一会员专享',
    )
    expect(cardOf('hello').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '双十一会员专享（另有 1 个素材）',
    )

    drawer().querySelector<HTMLElement>('[data-testid="add-materials"]')!.click()
    await settle()
    openDialog().querySelector<HTMLElement>('.material-picker__item[data-material-id="2"]')!.click()
    await settle(0)
    button('确定', openDialog()).click()
    await settle()
    expect(chips()).toEqual(['1', '2'])
    expect(phone.querySelectorAll('[data-attachment]')).toHaveLength(2)
    expect(stepIn(await saved(calls), 'hello')).toMatchObject({
      text: '双十一会员专享',
      materialIds: [1, 2],
    })
    expect(stepIn(await saved(calls), 'hello').priority).toBeUndefined()

    // high priority: not crowded out by the day's promotion; normal again is stored as nothing
    const priorities = drawer().querySelector<HTMLElement>('[data-testid="priority"]')!
    expect(priorities.textContent).toContain('普通')
    await pickRadio('高', priorities)
    expect(stepIn(await saved(calls), 'hello').priority).toBe('high')
    await pickRadio('普通', priorities)
    expect(stepIn(await saved(calls), 'hello').priority).toBeUndefined()
  })

  it('show a material deleted from the library, and the server’s problem with a material on it', async () => {
    stubServer(
      withSteps({ id: 'hello', type: 'message', text: 'hi', materialIds: [1, 404], next: 'wait1' }),
      {
        'POST /api/v1/journeys/7/validate': () =>
          jsonResponse({
            problems: [
              { field: 'definition.steps[0].materialIds[0]', code: 'x', message: '图片过大' },
            ],
          }),
      },
    )
    await mountApp('/automation/journeys/7/edit')
    button('校验').click()
    await settle()
    await open('hello')
    expect(drawer().querySelector('[data-testid="missing-materials"]')!.textContent).toContain(
      '#404',
    )
    expect(drawer().querySelector('[data-testid="material-error"]')!.textContent!.trim()).toBe(
      '图片过大',
    )
  })

  it('edit a condition in the segment rule editor, with the server’s problems on its conditions', async () => {
    const { calls } = stubServer(journey(), {
      'POST /api/v1/journeys/7/validate': () =>
        jsonResponse({
          problems: [
            { field: 'definition.steps[3].rule.tags.any[0]', code: 'x', message: '标签 #3 已删除' },
          ],
        }),
    })
    await mountApp('/automation/journeys/7/edit')
    expect(cardOf('vip').querySelector('[data-testid="step-summary"]')!.textContent).toContain(
      '高意向',
    )
    button('校验').click()
    await settle()
    await open('vip')
    const rule = drawer().querySelector<HTMLElement>('[data-testid="condition-rule"]')!
    const condition = rule.querySelector<HTMLElement>('[data-testid="condition"]')!
    expect(condition.classList).toContain('rule-condition--error')
    expect(condition.textContent).toContain('标签 #3 已删除')

    // the opposite: customers without the tag
    await choose(condition.querySelector('.tag-condition'), '没有这些标签')
    expect(stepIn(await saved(calls), 'vip').rule).toEqual({ and: [{ tags: { none: [3] } }] })
  })

  it('split customers by shares that must add up to 100, a removed branch taking its steps along', async () => {
    const { calls } = stubServer(
      withSteps(
        { id: 'wait1', type: 'wait', duration: 'P1D', next: 'ab' },
        {
          id: 'ab',
          type: 'split',
          branches: [
            { percent: 50, next: 'buy' },
            { percent: 30, next: 'b' },
            { percent: 20, next: null },
          ],
        },
        { id: 'b', type: 'message', text: 'B 方案', next: null },
      ),
    )
    await mountApp('/automation/journeys/7/edit')
    const columns = [...flow().querySelector('[data-branches-of="ab"]')!.children]
    expect(
      columns.map((c) => c.querySelector('[data-testid="branch-label"]')!.textContent!.trim()),
    ).toEqual(['50%', '30%', '20%'])
    await open('ab')
    const total = () => drawer().querySelector('[data-testid="percent-total"]')!
    expect(total().textContent!.trim()).toBe('合计 100%')
    await type(drawer().querySelector('input[name="percent-2"]'), '10')
    expect(total().textContent!.trim()).toBe('合计 90%')
    expect(total().classList).toContain('is-wrong')
    drawer().querySelector<HTMLElement>('[data-testid="even-split"]')!.click()
    await settle(0)
    expect(total().textContent!.trim()).toBe('合计 100%')

    drawer().querySelectorAll<HTMLElement>('[data-testid="remove-branch"]')[1]!.click()
    await settle()
    expect(messageBox().textContent).toContain('只有它能到达的 1 个步骤也会一起删除')
    button('删除', messageBox()).click()
    await settle()
    const d = await saved(calls)
    expect(stepIn(d, 'ab').branches).toEqual([
      { percent: 34, next: 'buy' },
      { percent: 33, next: null },
    ])
    expect(d.steps.some((s) => s.id === 'b')).toBe(false)
  })

  it('wait until a time on some weekdays, and for an event with a timeout', async () => {
    const { calls } = stubServer(
      withSteps({ id: 'wait1', type: 'wait_until', time: '10:00', weekdays: [], next: 'buy' }),
    )
    await mountApp('/automation/journeys/7/edit')
    expect(cardOf('wait1').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '等到每天 10:00',
    )
    await open('wait1')
    for (const day of ['周六', '周一']) {
      const box = [
        ...drawer().querySelectorAll<HTMLElement>('[data-testid="weekdays"] .el-checkbox-button'),
      ].find((b) => b.textContent?.trim() === day)!
      box.querySelector('input')!.click()
      await settle(0)
    }
    expect(cardOf('wait1').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '等到周一、周六 10:00',
    )

    await open('buy')
    expect(drawer().querySelector<HTMLInputElement>('input[name="timeout"]')!.value).toBe('2')
    drawer().querySelector<HTMLElement>('[data-testid="add-where"]')!.click()
    await settle(0)
    const d = await saved(calls)
    expect(stepIn(d, 'wait1').weekdays).toEqual([1, 6])
    expect(stepIn(d, 'buy').where).toEqual([{ property: '', op: 'eq', value: null }])
  })

  it('collapse a branching step’s branches and keep that in the layout', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    cardOf('buy').querySelector<HTMLElement>('[data-testid="collapse"]')!.click()
    await settle(0)
    expect(flow().querySelector('[data-step-id="vip"]')).toBeNull()
    expect(flow().querySelector('[data-testid="collapsed"]')!.textContent!.trim()).toBe(
      '已收起 3 个步骤，点击展开',
    )
    expect((await saved(calls)).layout).toEqual({ collapsed: ['buy'] })
    flow().querySelector<HTMLElement>('[data-testid="collapsed"]')!.click()
    await settle(0)
    expect(flow().querySelector('[data-step-id="vip"]')).not.toBeNull()
  })

  it('set the goal and the early exit in the journey’s settings', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    document.querySelector<HTMLElement>('[data-testid="open-settings"]')!.click()
    await settle()
    await type(drawer().querySelector('input[name="windowDays"]'), '14')
    expect(document.querySelector('[data-testid="goal-summary"]')!.textContent).toBe(
      '进入后 14 天内发生「购买」，达成即结束旅程',
    )
    await choose(
      drawer().querySelectorAll('[data-testid="segment-select"]')[0]!,
      '近 30 天收藏的女性5,624 人',
    )
    expect(document.querySelector('[data-testid="exit-summary"]')!.textContent).toBe(
      '进入人群「近 30 天收藏的女性」',
    )
    drawer().querySelector<HTMLElement>('[data-testid="goal-on"]')!.click()
    await settle(0)
    expect(document.querySelector('[data-testid="goal-summary"]')!.textContent).toBe('未设置')
    const d = await saved(calls)
    expect(d.goal).toBeNull()
    expect(d.exit).toEqual({ eventType: null, segmentId: 5 })
  })

  it('give a task a title and a deadline, and tag customers', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    await open('call')
    await type(drawer().querySelector('input[name="title"]'), '到店邀约')
    await type(drawer().querySelector('input[name="dueIn"]'), '3')
    await choose(drawer().querySelector('[data-testid="duration-unit"]'), '小时')
    expect(cardOf('call').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '到店邀约，3 小时内完成',
    )
    await open('nudge')
    expect(cardOf('nudge').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '添加：已流失',
    )
    const d = await saved(calls)
    expect(stepIn(d, 'call')).toMatchObject({ title: '到店邀约', dueIn: 'PT3H' })
  })

  it('give coupons of a template picked from the tenant’s, named by its code', async () => {
    const { calls } = stubServer(
      withSteps({ id: 'call', type: 'reward', kind: 'points', amount: 100, next: null }),
    )
    await mountApp('/automation/journeys/7/edit')
    await open('call')
    await pickRadio('优惠券', drawer())
    const coupon = inDrawer('coupon-select')
    expect(coupon?.closest('.el-form-item')?.querySelector('label')?.textContent).toBe('优惠券')
    await pickCoupon(coupon, 'VIP-15')
    await type(drawer().querySelector('input[name="amount"]'), '2')
    drawer().querySelector('input[name="amount"]')!.dispatchEvent(new Event('change'))
    await settle(0)
    expect(summaryOf('call')).toBe('发放优惠券 VIP-15 × 2')
    expect(stepIn(await saved(calls), 'call')).toMatchObject({
      kind: 'coupon',
      couponId: 'VIP-15',
      amount: 2,
    })
  })

  it('show the coupon a reward step gives by its template’s name', async () => {
    stubServer(
      withSteps({
        id: 'call',
        type: 'reward',
        kind: 'coupon',
        couponId: 'NEW-20',
        amount: 1,
        next: null,
      }),
    )
    await mountApp('/automation/journeys/7/edit')
    await open('call')
    expect(
      inDrawer('coupon-select')?.querySelector('.el-select__placeholder')?.textContent?.trim(),
    ).toBe('新人满 100 减 20（NEW-20）')
  })

  it('say before the server does that a wait is too long or a webhook not https', async () => {
    stubServer(
      withSteps(
        { id: 'hello', type: 'webhook', url: 'https://hooks.example.com', next: 'wait1' },
        { id: 'wait1', type: 'wait', duration: 'P1D', next: 'buy' },
      ),
    )
    await mountApp('/automation/journeys/7/edit')
    const error = () => drawer().querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
    await open('wait1')
    await type(drawer().querySelector('input[name="duration"]'), '400')
    await settle()
    expect(error()).toBe('最长等待 365 天')
    await open('hello')
    expect(error()).toBe('')
    // the key its calls are signed with, masked until shown, for the receiving system
    const secret = drawer().querySelector('[data-testid="webhook-secret"]')!
    expect(secret.textContent).toContain('签名密钥')
    expect(secret.textContent).toContain('9c21')
    expect(secret.textContent).not.toContain('whsec_7f3a9c21')
    await type(drawer().querySelector('input[name="url"]'), 'http://hooks.example.com')
    await settle()
    expect(error()).toBe('只支持 https:// 开头的地址')
  })

  it('let the trigger lead to another first step, leaving the old one unconnected', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    flow().querySelector<HTMLElement>('[data-testid="trigger-node"]')!.click()
    await settle()
    await choose(drawer().querySelector('[data-slot="next"]'), '等待 · wait1')
    expect(document.querySelector('[data-testid="orphans"] [data-step-id="hello"]')).not.toBeNull()
    expect((await saved(calls)).start).toBe('wait1')
  })

  it('jump to the step a join leads to', async () => {
    stubServer()
    await mountApp('/automation/journeys/7/edit')
    flow().querySelector<HTMLElement>('[data-testid="flow-jump"]')!.click()
    await settle(0)
    expect(cardOf('call').classList).toContain('is-flash')
  })

  it('offer a group send and a 朋友圈 post among the steps that reach customers', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    flow().querySelector<HTMLElement>('[data-edge="hello:next"] [data-testid="insert"]')!.click()
    await settle(0)
    const items = [...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item')].filter(
      (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
    )
    expect(items.slice(0, 4).map((item) => item.dataset.stepType)).toEqual([
      'message',
      'group_message',
      'moment',
      'task',
    ])
    expect(items[1]!.textContent).toContain('客户群群发')
    expect(items[2]!.textContent).toContain('每天最多发一次')
    items[1]!.click()
    await settle()
    expect(inDrawer('shared-step-hint')!.textContent).toContain('所有客户共用这一步')
    expect(summaryOf('group_message_1')).toBe('还没有写消息内容')
    expect(stepIn(await saved(calls), 'group_message_1')).toEqual({
      id: 'group_message_1',
      type: 'group_message',
      name: '',
      appId: null,
      text: '',
      materialIds: [],
      chatIds: [],
      staff: [],
      next: 'wait1',
    })
  })

  it('send to customer groups once a day at most: which groups, whose, and the message', async () => {
    const { calls } = stubServer(withSharedSteps())
    await mountApp('/automation/journeys/7/edit')
    expect(summaryOf('groups')).toBe('全部客户群：今晚 8 点开抢')
    await open('groups')
    const hint = inDrawer('shared-step-hint')!
    expect(hint.textContent).toContain('所有客户共用这一步，每天最多发一次')
    expect(hint.textContent).toContain('客户到达后直接进入下一步')
    // the tenant's only app, and its groups: every one but the dismissed
    expect(inDrawer('app-select')).toBeNull()
    expect(drawer().textContent).toContain('私域助手')
    expect(inDrawer('all-groups')!.textContent).toContain('全部 3 个客户群')

    // some groups, and none picked yet: that would be every group
    await pickRadio('指定客户群', drawer())
    await settle()
    expect(errorOf(inDrawer('group-select'))).toBe('请至少选择一个客户群')
    await pickOption(inDrawer('group-select'), '[data-chat-id="wrHelp3"]')
    await settle()
    expect(errorOf(inDrawer('group-select'))).toBe('')
    expect(summaryOf('groups')).toBe('1 个客户群：今晚 8 点开抢')

    // the owners of groups are offered, with how many they own
    await choose(inDrawer('staff-select'), '李四 · 1 个群')
    // a group has no caps to weigh a priority against; the phone speaks of the group
    expect(inDrawer('priority')).toBeNull()
    expect(drawer().textContent).toContain('群里看到的样子')
    await type(drawer().querySelector('textarea[name="text"]'), '群福利今晚开抢')
    expect(inDrawer('message-phone')!.textContent).toContain('群福利今晚开抢')
    expect(stepIn(await saved(calls), 'groups')).toMatchObject({
      appId: null,
      text: '群福利今晚开抢',
      chatIds: ['wrHelp3'],
      staff: ['lisi'],
    })
    expect(stepIn(await saved(calls), 'groups').priority).toBeUndefined()

    // every group again names none; the groups picked come back when some are chosen again
    await pickRadio('全部客户群', drawer())
    expect(stepIn(await saved(calls), 'groups').chatIds).toEqual([])
    await pickRadio('指定客户群', drawer())
    expect(stepIn(await saved(calls), 'groups').chatIds).toEqual(['wrHelp3'])
  })

  it('post to the customers’ 朋友圈 once a day at most: who posts, who sees it, and what', async () => {
    const { calls } = stubServer(withSharedSteps())
    await mountApp('/automation/journeys/7/edit')
    await open('post')
    expect(inDrawer('shared-step-hint')!.textContent).toContain('创建一条客户朋友圈任务')

    await choose(inDrawer('staff-select'), '张三 · 128 位客户')
    await pickOption(inDrawer('visible-tags'), 'span')
    expect(summaryOf('post')).toBe('仅「高意向」可见：新品上市')
    // whose post it is, on the phone
    expect(inDrawer('moment-phone')!.textContent).toContain('张三')

    // a post takes images, a video or a link (an article too), never mixed
    inDrawer('add-materials')!.click()
    await settle()
    const offered = [...openDialog().querySelectorAll<HTMLElement>('.material-picker__item')]
    expect(offered.map((item) => item.dataset.materialId)).toEqual(['1', '2', '5'])
    button('取消', openDialog()).click()
    await settle()
    await pickMaterials(1, 2)
    expect(errorOf(inDrawer('materials'))).toBe('图片、视频和链接不能一起发，请只保留一种')
    expect(inDrawer('materials-help')!.textContent).toContain('最多 9 张图片')

    await type(drawer().querySelector('textarea[name="text"]'), 'x'.repeat(2001))
    await settle()
    expect(errorOf(drawer().querySelector('textarea[name="text"]'))).toBe(
      '超出企业微信的 2,000 字上限',
    )
    expect(stepIn(await saved(calls), 'post')).toMatchObject({
      staff: ['zhangsan'],
      tagIds: [3],
      materialIds: [1, 2],
    })
  })

  it('show the server’s problems with a group send and a post on their fields', async () => {
    stubServer(withSharedSteps(), {
      'POST /api/v1/journeys/7/validate': () =>
        jsonResponse({
          problems: [
            { field: 'definition.steps[6].chatIds', code: 'x', message: '客户群 wrGone 已解散' },
            { field: 'definition.steps[6].text', code: 'x', message: '请填写消息内容' },
            { field: 'definition.steps[7].tagIds[0]', code: 'x', message: '标签 #3 不是企业标签' },
            { field: 'definition.steps[7].materialIds', code: 'x', message: '只能发 1 个视频' },
            { field: 'definition.steps[7].staff', code: 'x', message: '员工 zhangsan 已离职' },
          ],
        }),
    })
    await mountApp('/automation/journeys/7/edit')
    button('校验').click()
    await settle()
    await open('groups')
    expect(errorOf(inDrawer('group-audience'))).toBe('客户群 wrGone 已解散')
    expect(errorOf(drawer().querySelector('textarea[name="text"]'))).toBe('请填写消息内容')
    expect(inDrawer('step-problem')).toBeNull()
    await open('post')
    expect(errorOf(inDrawer('visible-tags'))).toBe('标签 #3 不是企业标签')
    expect(errorOf(inDrawer('materials'))).toBe('只能发 1 个视频')
    expect(errorOf(inDrawer('staff-select'))).toBe('员工 zhangsan 已离职')
    expect(inDrawer('step-problem')).toBeNull()
  })

  it('let a step name its app when there are several, each offering its own staff', async () => {
    const { calls } = stubServer(withSharedSteps({}, { staff: ['zhangsan'] }), {
      'GET /api/v1/wecom/app-options': () =>
        jsonResponse([
          { id: 1, name: '私域助手', corpId: 'ww1' },
          { id: 2, name: '门店助手', corpId: 'ww2' },
        ]),
      'GET /api/v1/wecom/apps/2/staff': () =>
        jsonResponse([
          {
            userId: 'xiaomei',
            name: '小美',
            departments: [1],
            contactEnabled: true,
            status: 1,
            customers: 7,
          },
        ]),
    })
    await mountApp('/automation/journeys/7/edit')
    await open('post')
    // none named: no app's staff to offer until one is chosen
    const asked = () => calls.filter((c) => /\/wecom\/apps\/\d+\/staff$/.test(c.url))
    expect(asked()).toHaveLength(0)
    await choose(inDrawer('app-select'), '门店助手')
    await settle()
    expect(asked().map((c) => new URL(c.url).pathname)).toEqual(['/api/v1/wecom/apps/2/staff'])
    await choose(inDrawer('staff-select'), '小美 · 7 位客户')
    // the staff of the other app went when the app changed
    expect(stepIn(await saved(calls), 'post')).toMatchObject({ appId: 2, staff: ['xiaomei'] })
  })

  it('speak English about a shared step', async () => {
    setLocale('en')
    stubServer(withSharedSteps())
    await mountApp('/automation/journeys/7/edit')
    expect(summaryOf('groups')).toBe('All customer groups: 今晚 8 点开抢')
    await open('post')
    expect(inDrawer('shared-step-hint')!.textContent).toContain(
      'One step for all customers: it posts at most once a day',
    )
  })
})
