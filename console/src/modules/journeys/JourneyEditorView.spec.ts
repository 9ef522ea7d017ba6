import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './JourneyEditorView.vue'
import './JourneysView.vue'
import { setLocale } from '@/i18n'
import type { VueWrapper } from '@vue/test-utils'
import { choose, mountApp as mountWholeApp, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { definition, draft, journey, stubJourneyServer } from '@/test/journeys'
import { bodies, EVENT_TYPES } from '@/test/segments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

// The editor listens on the window (Ctrl+S, leaving the page): each test's app goes when it ends.
const mounted: VueWrapper[] = []
async function mountApp(path: string) {
  const app = await mountWholeApp(path)
  mounted.push(app.wrapper)
  return app
}

const flow = () => document.querySelector<HTMLElement>('[data-testid="flow"]')!
const cardOf = (id: string) => flow().querySelector<HTMLElement>(`[data-step-id="${id}"]`)!
/** The step cards in the order they are drawn. */
const drawn = () =>
  [...flow().querySelectorAll<HTMLElement>('.flow-card')].map((c) => c.dataset.stepId)
async function open(id: string): Promise<void> {
  cardOf(id).click()
  await settle()
}
const drawer = () => document.querySelector<HTMLElement>('.el-drawer')!
/** The confirmation on top (closed ones stay in the DOM for a while). */
const messageBox = () => [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!

/** Saves the draft the way the operator does, and answers with the body the server got. */
async function savedDefinition(calls: Request[]): Promise<Record<string, unknown>> {
  button('保存草稿').click()
  await settle()
  const saved = (await bodies(calls, 'PUT', '/api/v1/journeys/7')).at(-1) as {
    definition: Record<string, unknown>
  }
  return saved.definition
}
const stepIn = (d: Record<string, unknown>, id: string) =>
  (d.steps as { id: string }[]).find((s) => s.id === id) as Record<string, unknown>

/** Clicks the "+" on an edge (`hello:next`, `start:next`, `vip:elseNext`) and picks a step type. */
async function insertAt(edge: string, type: string): Promise<void> {
  flow().querySelector<HTMLElement>(`[data-edge="${edge}"] [data-testid="insert"]`)!.click()
  await settle(0)
  const item = [
    ...document.querySelectorAll<HTMLElement>(`.el-dropdown-menu__item[data-step-type="${type}"]`),
  ]
    .filter((el) => el.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .at(-1)
  if (!item) throw new Error(`no step type ${type}`)
  item.click()
  await settle()
}

function stubServer(routes = {}, account = me()) {
  return stubJourneyServer(
    {
      'PUT /api/v1/journeys/7': async (request) => {
        const body = (await request.clone().json()) as Record<string, unknown>
        return jsonResponse(journey({ ...body, changed: true }))
      },
      ...routes,
    },
    account,
  )
}

describe('the journey editor', { timeout: 30_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    for (const wrapper of mounted.splice(0)) wrapper.unmount()
  })

  it('draws the trigger on top, the steps below, branches side by side and a join as a jump', async () => {
    stubServer()
    await mountApp('/automation/journeys/7/edit')
    expect(document.title).toBe('编辑旅程 · 私域 Siyu')
    const trigger = flow().querySelector('[data-testid="trigger-node"]')!
    expect(trigger.textContent).toContain('客户发生「购买」时')
    expect(trigger.textContent).toContain('每位客户只进入一次')

    expect(drawn()).toEqual(['hello', 'wait1', 'buy', 'vip', 'call', 'nudge'])
    expect(cardOf('hello').textContent).toContain('欢迎语')
    expect(cardOf('hello').textContent).toContain('你好，欢迎！')
    expect(cardOf('wait1').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '等待 1 天',
    )

    // the wait_event's two ways: it happened (the end), it timed out (the condition)
    const buy = flow().querySelector('[data-branches-of="buy"]')!
    const columns = [...buy.children] as HTMLElement[]
    expect(
      columns.map((c) => c.querySelector('[data-testid="branch-label"]')!.textContent!.trim()),
    ).toEqual(['发生了', '超时未发生'])
    expect(
      columns[0]!
        .querySelector(':scope > .flow-chain > [data-testid="flow-end"]')
        ?.textContent?.trim(),
    ).toBe('结束')
    const vip = flow().querySelector('[data-branches-of="vip"]')!
    const [yes, no] = [...vip.children] as HTMLElement[]
    expect(yes!.querySelector('[data-testid="branch-label"]')!.textContent!.trim()).toBe('是')
    expect(yes!.querySelector('[data-step-id="call"]')).not.toBeNull()
    // the nudge leads to the call drawn under 是: a jump, not a second card
    expect(no!.querySelector('[data-step-id="nudge"]')).not.toBeNull()
    expect(no!.querySelector('[data-testid="flow-jump"]')!.textContent!.trim()).toBe(
      '跳转到「员工任务」',
    )
    expect(flow().querySelectorAll('[data-step-id="call"]')).toHaveLength(1)

    expect(document.querySelector('[data-testid="goal-summary"]')!.textContent).toBe(
      '进入后 7 天内发生「购买」，达成即结束旅程',
    )
  })

  it('shows the version, what was published when, and that the draft differs from it', async () => {
    stubServer({
      'GET /api/v1/journeys/7': () => jsonResponse(journey({ changed: true })),
    })
    await mountApp('/automation/journeys/7/edit')
    expect(document.querySelector('[data-testid="journey-status"]')!.textContent!.trim()).toBe(
      '运行中',
    )
    expect(document.querySelector('[data-testid="version-badge"]')!.textContent!.trim()).toBe('V2')
    expect(document.querySelector('[data-testid="changed"]')!.textContent!.trim()).toBe(
      '已修改未发布',
    )
    document.querySelector<HTMLElement>('[data-testid="version-badge"]')!.click()
    await settle()
    const versions = [...document.querySelectorAll('[data-testid="versions"] li')].map((li) =>
      [...li.querySelectorAll('span')].map((span) => span.textContent!.trim()).join(' '),
    )
    expect(versions).toEqual(['V2 2026-11-05 10:00 王经理', 'V1 2026-11-01 10:00 王经理'])
  })

  it('inserts a step where the + is, opens it, and saves it in the flow', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    expect(document.querySelector('[data-testid="dirty"]')).toBeNull()
    await insertAt('hello:next', 'tag')
    expect(drawn()).toEqual(['hello', 'tag_1', 'wait1', 'buy', 'vip', 'call', 'nudge'])
    expect(drawer().textContent).toContain('打标签')
    expect(document.querySelector('[data-testid="dirty"]')!.textContent!.trim()).toBe(
      '有未保存的修改',
    )

    const saved = await savedDefinition(calls)
    expect(stepIn(saved, 'hello').next).toBe('tag_1')
    expect(stepIn(saved, 'tag_1')).toEqual({
      id: 'tag_1',
      type: 'tag',
      name: '',
      add: [],
      remove: [],
      next: 'wait1',
    })
    expect(document.querySelector('[data-testid="dirty"]')).toBeNull()
  })

  it('inserts at the top of a branch, and an exit only where nothing follows', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    // under 否, before the nudge
    await insertAt('vip:elseNext', 'message')
    const no = [...flow().querySelector('[data-branches-of="vip"]')!.children][1]!
    expect(
      [...no.querySelectorAll<HTMLElement>('.flow-card')].map((c) => c.dataset.stepId),
    ).toEqual(['message_1', 'nudge'])
    // 发生了 ends the journey: an exit may go there, not between two steps
    flow().querySelector<HTMLElement>('[data-edge="hello:next"] [data-testid="insert"]')!.click()
    await settle(0)
    const exitItems = [
      ...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item[data-step-type="exit"]'),
    ]
    expect(exitItems.at(-1)!.getAttribute('aria-disabled')).toBe('true')
    await insertAt('buy:next', 'exit')
    const saved = await savedDefinition(calls)
    expect(stepIn(saved, 'buy').next).toBe('exit_1')
    expect(stepIn(saved, 'vip').elseNext).toBe('message_1')
    expect(stepIn(saved, 'message_1').next).toBe('nudge')
  })

  it('deletes a step and leads the step before it to the one after', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    cardOf('wait1').querySelector<HTMLElement>('[data-testid="delete-step"]')!.click()
    await settle()
    expect(drawn()).toEqual(['hello', 'buy', 'vip', 'call', 'nudge'])
    const saved = await savedDefinition(calls)
    expect(stepIn(saved, 'hello').next).toBe('buy')
    expect((saved.steps as unknown[]).length).toBe(5)
  })

  it('asks before deleting a branching step with the steps only its other branch reaches', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    cardOf('vip').querySelector<HTMLElement>('[data-testid="delete-step"]')!.click()
    await settle()
    expect(messageBox().textContent).toContain(
      '删除「高意向？」后，只有它能到达的 1 个步骤也会一起删除',
    )
    button('取消', messageBox()).click()
    await settle()
    expect(drawn()).toContain('vip')

    cardOf('vip').querySelector<HTMLElement>('[data-testid="delete-step"]')!.click()
    await settle()
    button('删除', messageBox()).click()
    await settle()
    expect(drawn()).toEqual(['hello', 'wait1', 'buy', 'call'])
    const saved = await savedDefinition(calls)
    expect(stepIn(saved, 'buy').elseNext).toBe('call')
  })

  it('edits a wait as a number and a unit, saved as ISO-8601', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    cardOf('wait1').click()
    await settle()
    const amount = drawer().querySelector<HTMLInputElement>('input[name="duration"]')!
    expect(amount.value).toBe('1')
    expect(drawer().querySelector('[data-testid="duration-unit"]')!.textContent).toContain('天')

    await type(amount, '90')
    await choose(drawer().querySelector('[data-testid="duration-unit"]'), '分钟')
    expect(cardOf('wait1').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      '等待 90 分钟',
    )
    let saved = await savedDefinition(calls)
    expect(stepIn(saved, 'wait1').duration).toBe('PT90M')

    await choose(drawer().querySelector('[data-testid="duration-unit"]'), '小时')
    saved = await savedDefinition(calls)
    expect(stepIn(saved, 'wait1').duration).toBe('PT90H')
  })

  it('checks the draft, saving it first, and marks each problem on its step', async () => {
    const { calls } = stubServer({
      'POST /api/v1/journeys/7/validate': () =>
        jsonResponse({
          problems: [
            {
              field: 'definition.steps[1].duration',
              code: 'journey.duration',
              message: '等待时长须在 1 分钟到 365 天之间',
            },
            { field: 'definition.steps[3].rule.tags', code: 'x', message: '标签不存在' },
            { field: 'definition.trigger.eventType', code: 'x', message: '事件类型不存在' },
            { field: 'definition', code: 'x', message: '旅程里有无法到达的步骤' },
          ],
        }),
    })
    await mountApp('/automation/journeys/7/edit')
    await insertAt('start:next', 'wait')
    // the new step moved the others down: the problems are about the steps as saved
    button('校验').click()
    await settle()
    const order = calls
      .filter((c) => c.method !== 'GET')
      .map((c) => `${c.method} ${new URL(c.url).pathname}`)
    expect(order).toEqual(['PUT /api/v1/journeys/7', 'POST /api/v1/journeys/7/validate'])

    const saved = (
      (await bodies(calls, 'PUT', '/api/v1/journeys/7'))[0] as {
        definition: { steps: { id: string }[] }
      }
    ).definition
    expect(saved.steps.map((s) => s.id)).toEqual([
      'wait_1',
      'hello',
      'wait1',
      'buy',
      'vip',
      'call',
      'nudge',
    ])
    expect(cardOf('hello').classList).toContain('is-wrong')
    expect(cardOf('hello').querySelector('[data-testid="step-problems"]')!.textContent).toContain(
      '等待时长须在 1 分钟到 365 天之间',
    )
    expect(cardOf('wait1').classList).not.toContain('is-wrong')
    expect(cardOf('buy').textContent).toContain('标签不存在')
    expect(flow().querySelector('[data-testid="trigger-node"]')!.classList).toContain('is-wrong')
    expect(flow().querySelector('[data-testid="trigger-node"]')!.textContent).toContain(
      '事件类型不存在',
    )
    const alert = document.querySelector('[data-testid="problems"]')!
    expect(alert.textContent).toContain('发现 4 个问题')
    expect(alert.textContent).toContain('旅程里有无法到达的步骤')
  })

  it('shows a step’s problems in its drawer, and drops them once the step is changed', async () => {
    stubServer({
      'POST /api/v1/journeys/7/validate': () =>
        jsonResponse({
          problems: [
            { field: 'definition.steps[1].duration', code: 'x', message: '时长太短' },
            { field: 'definition.steps[1].next', code: 'x', message: '下一步不存在' },
            { field: 'definition.steps[1].retries', code: 'x', message: '不认识的字段' },
          ],
        }),
    })
    await mountApp('/automation/journeys/7/edit')
    button('校验').click()
    await settle()
    cardOf('wait1').click()
    await settle()
    // a message on its way out stays in the page, empty, for its transition
    const errors = () =>
      [...drawer().querySelectorAll('.el-form-item__error')]
        .map((e) => e.textContent!.trim())
        .filter(Boolean)
    expect(errors()).toEqual(['时长太短', '下一步不存在'])
    // about no field of the form: on top
    expect(drawer().querySelector('[data-testid="step-problem"]')!.textContent).toContain(
      '不认识的字段',
    )
    expect(
      drawer().querySelector('[data-slot="next"] .el-form-item__error')!.textContent!.trim(),
    ).toBe('下一步不存在')

    await type(drawer().querySelector('input[name="duration"]'), '2')
    expect(cardOf('wait1').classList).not.toContain('is-wrong')
    expect(errors()).toEqual([])
    expect(drawer().querySelector('[data-testid="step-problem"]')).toBeNull()
  })

  it('publishes after asking, and shows the problems of a refused publish on the chart', async () => {
    let refuse = true
    const { calls } = stubServer({
      'POST /api/v1/journeys/7/publish': () =>
        refuse
          ? problemResponse(400, {
              detail: '旅程还不能发布',
              errors: [
                { field: 'definition.steps[2].timeout', code: 'x', message: '请设置最长等待' },
              ],
            })
          : jsonResponse(journey({ version: 3, versions: [] })),
    })
    await mountApp('/automation/journeys/7/edit')
    button('发布').click()
    await settle()
    expect(messageBox().textContent).toContain(
      '新进入的客户走新版本；已在旅程中的客户继续按 V2 走完',
    )
    button('发布', messageBox()).click()
    await settle()
    // nothing changed: nothing to save first
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
    expect(cardOf('buy').classList).toContain('is-wrong')
    expect(cardOf('buy').textContent).toContain('请设置最长等待')
    expect(document.querySelector('.el-message--error')?.textContent).toContain(
      '发布未通过校验：1 个问题',
    )

    refuse = false
    button('发布').click()
    await settle()
    button('发布', messageBox()).click()
    await settle()
    expect(cardOf('buy').classList).not.toContain('is-wrong')
    expect(document.querySelector('[data-testid="version-badge"]')!.textContent!.trim()).toBe('V3')
  })

  it('connects an unconnected step by choosing it as where a step leads, and joins paths', async () => {
    const served = definition()
    ;(served.steps as Record<string, unknown>[]).push({
      id: 'lost',
      type: 'webhook',
      url: 'https://hooks.example.com',
      next: null,
    })
    const { calls } = stubServer({
      'GET /api/v1/journeys/7': () => jsonResponse(journey({ definition: served })),
    })
    await mountApp('/automation/journeys/7/edit')
    const orphans = () => document.querySelector('[data-testid="orphans"]')
    expect(orphans()!.textContent).toContain('未连接的步骤')
    expect(orphans()!.querySelector('[data-step-id="lost"]')).not.toBeNull()

    // 发生了 ended the journey: now it goes to the webhook
    await open('buy')
    await choose(drawer().querySelector('[data-slot="next"]'), 'Webhook 通知 · lost')
    expect(orphans()).toBeNull()
    const happened = [...flow().querySelector('[data-branches-of="buy"]')!.children][0]!
    expect(happened.querySelector('[data-step-id="lost"]')).not.toBeNull()

    // and the webhook goes on to the call: drawn once, under the first way that reaches it
    await open('lost')
    await choose(drawer().querySelector('[data-slot="next"]'), '员工任务 · call')
    expect(flow().querySelectorAll('[data-step-id="call"]')).toHaveLength(1)
    expect(happened.querySelector('[data-step-id="call"]')).not.toBeNull()
    const jumps = [...flow().querySelectorAll<HTMLElement>('[data-testid="flow-jump"]')]
    expect(jumps.map((j) => j.dataset.target)).toEqual(['call', 'call'])
    const saved = await savedDefinition(calls)
    expect(stepIn(saved, 'buy').next).toBe('lost')
    expect(stepIn(saved, 'lost').next).toBe('call')
  })

  it('sets the trigger of a draft and whether customers may enter again', async () => {
    const { calls } = stubServer({
      'GET /api/v1/journeys/7': () => jsonResponse(draft({ id: 7, definition: {} })),
    })
    await mountApp('/automation/journeys/7/edit')
    const node = flow().querySelector<HTMLElement>('[data-testid="trigger-node"]')!
    expect(node.textContent).toContain('点击设置客户何时进入旅程')
    expect(drawn()).toEqual([])
    expect(flow().querySelector('[data-testid="flow-end"]')).not.toBeNull()
    node.click()
    await settle()
    await choose(
      drawer().querySelector('[data-testid="trigger-type"]'),
      '进入人群客户进入某个人群时进入',
    )
    await choose(
      drawer().querySelector('[data-testid="segment-select"]'),
      '近 30 天收藏的女性5,624 人',
    )
    expect(node.textContent).toContain('客户进入人群「近 30 天收藏的女性」时')
    const again = [
      ...drawer().querySelectorAll<HTMLElement>('[data-testid="entry"] .el-radio'),
    ].find((r) => r.textContent?.includes('上一次结束后可以再次进入'))!
    again.querySelector('input')!.click()
    await settle(0)
    expect(node.textContent).toContain('上一次结束后可以再次进入')
    const saved = await savedDefinition(calls)
    expect(saved.trigger).toEqual({ type: 'segment_enter', segmentId: 5 })
    expect(saved.entry).toBe('again')
  })

  it('saves the draft on Ctrl+S', async () => {
    const { calls } = stubServer()
    await mountApp('/automation/journeys/7/edit')
    await insertAt('hello:next', 'wait')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))
    await settle()
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1)
    expect(document.querySelector('[data-testid="dirty"]')).toBeNull()
  })

  it('asks before leaving with changes not saved', async () => {
    stubServer()
    const { router } = await mountApp('/automation/journeys/7/edit')
    await insertAt('hello:next', 'wait')
    // the guard waits for the answer, and so does the navigation
    const staying = router.push('/automation/journeys')
    await settle()
    expect(messageBox().textContent).toContain('还有修改没有保存')
    button('留下', messageBox()).click()
    await staying
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/automation/journeys/7/edit')

    const leaving = router.push('/automation/journeys')
    await settle()
    button('离开', messageBox()).click()
    await leaving
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/automation/journeys')
  })

  it('only shows the flow to accounts that may not change journeys', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'journeys:write')
    stubServer({}, me({ role: 'operator', permissions: readOnly }))
    await mountApp('/automation/journeys/7/edit')
    expect(drawn()).toHaveLength(6)
    expect(flow().querySelector('[data-testid="insert"]')).toBeNull()
    expect(flow().querySelector('[data-testid="delete-step"]')).toBeNull()
    expect(document.querySelector('[data-testid="save"]')).toBeNull()
    expect(document.querySelector('[data-testid="publish"]')).toBeNull()
    cardOf('wait1').click()
    await settle()
    expect(drawer().querySelector<HTMLInputElement>('input[name="duration"]')!.disabled).toBe(true)
  })

  it('speaks English', async () => {
    setLocale('en')
    stubServer({
      // the server names event types in the caller's language
      'GET /api/v1/event-types': () =>
        jsonResponse(
          EVENT_TYPES.map((e) => ({
            ...e,
            displayName: e.name === 'purchase' ? 'Purchase' : e.name,
          })),
        ),
    })
    await mountApp('/automation/journeys/7/edit')
    expect(flow().querySelector('[data-testid="trigger-node"]')!.textContent).toContain(
      'When a customer does “Purchase”',
    )
    expect(cardOf('wait1').querySelector('[data-testid="step-summary"]')!.textContent).toBe(
      'Wait 1 day',
    )
    expect(cardOf('buy').textContent).toContain('Wait up to 2 days for “Purchase”')
    expect(flow().querySelector('[data-testid="flow-jump"]')!.textContent!.trim()).toBe(
      'Go to “Staff task”',
    )
  })
})

void definition
