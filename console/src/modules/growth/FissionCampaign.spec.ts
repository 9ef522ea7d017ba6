import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import VChart from 'vue-echarts'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CampaignEditorView.vue'
import './CampaignDetailView.vue'
import { setLocale } from '@/i18n'
import type { ChartOption } from '@/modules/home/echarts'
import { choose, mountApp as mountConsole, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { fissionCampaign, stubGrowthServer } from '@/test/growth'
import { jsonResponse, problemResponse } from '@/test/http'
import { settle } from '@/test/settle'

// 社群裂变 and 红包裂变 in the console: the wizard's kind, group code, red packets and budget; the
// campaign's budget with its ring and the red packets paid.

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)
const errorOf = (element: Element | null) =>
  element?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ??
  ''
const text = (selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const stage = (n: number) => document.querySelector<HTMLElement>(`[data-stage="${n}"]`)!
const creates = (calls: Request[]) =>
  calls.filter((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/v1/campaigns')

async function typeNumber(name: string, value: string): Promise<void> {
  const input = field(name)!
  await type(input, value)
  input.dispatchEvent(new Event('change'))
  await settle()
}

async function pickTime(wrapper: VueWrapper, name: string, value: string): Promise<void> {
  const picker = wrapper
    .findAllComponents(ElDatePicker)
    .find((candidate) => candidate.props('name') === name)
  picker!.vm.$emit('update:modelValue', value)
  await settle()
}

/** A 进群 campaign through 双十一福利群 whose one stage pays a red packet of ¥1.00–¥2.50. */
async function fillInGroupCampaign(wrapper: VueWrapper, kind = '进群', packet = '红包') {
  await type(field('name'), '拉好友进群抢红包')
  await pickRadio(kind, document.querySelector('[data-testid="kind"]')!)
  await choose(document.querySelector('[data-testid="group-code-select"]'), '双十一福利群')
  await pickTime(wrapper, 'endsAt', '2026-11-30 23:59')
  await pickRadio(packet, stage(1))
  await typeNumber('stages.0.packet', '1')
  await typeNumber('stages.0.packetMax', '2.5')
}

describe('a 社群裂变 campaign with red packets', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-10T02:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('is made with its group live code, a random red packet in fen and its budget', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns': () => jsonResponse(fissionCampaign({ status: 'draft' }), 201),
    })
    const { wrapper, router } = await mountApp('/growth/campaigns/new')
    expect(document.querySelector('[data-testid="group-code-select"]')).toBeNull()
    await fillInGroupCampaign(wrapper)
    expect(text('[data-testid="kind-help"]')).toContain('提前退群不算')
    expect(document.querySelector('[data-testid="code-select"]')).toBeNull()
    expect(text('[data-testid="poster-preview"]'), 'the poster says what the code does').toContain(
      '加入客户群',
    )
    expect(document.body.textContent).toContain('好友进群后需留在群里多少小时')

    button('创建活动').click()
    await settle()
    expect(errorOf(field('budget'))).toBe('有红包奖励时请填写大于 0 的预算')
    expect(creates(calls)).toEqual([])

    await typeNumber('budget', '500')
    button('创建活动').click()
    await settle()
    expect(creates(calls)).toHaveLength(1)
    expect(await creates(calls)[0]!.clone().json()).toEqual({
      kind: 'group',
      name: '拉好友进群抢红包',
      groupCodeId: 7,
      budget: 50_000,
      endsAt: '2026-11-30T15:59:00.000Z',
      holdHours: 24,
      newOnly: true,
      burstPerMinute: 10,
      stages: [{ invites: 3, rewardKind: 'red_packet', amount: 100, amountMax: 250 }],
      messages: expect.objectContaining({ enabled: true, announce: true, digest: true }),
    })
    expect(router.currentRoute.value.fullPath).toBe('/growth/campaigns/11')
  })

  it('checks a red packet’s range and shows the server’s budget message on the budget', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [
            {
              field: 'budget',
              code: 'x',
              message: '红包预算须为 0 到 1000000 元（以分计，不能为负数）。',
            },
            {
              field: 'stages[0].amountMax',
              code: 'x',
              message: '随机红包的最大金额须不小于最小金额',
            },
          ],
        }),
    })
    const { wrapper } = await mountApp('/growth/campaigns/new')
    await fillInGroupCampaign(wrapper)
    await typeNumber('stages.0.packet', '3')
    button('创建活动').click()
    await settle()
    expect(errorOf(field('stages.0.packetMax'))).toBe(
      '随机上限须不小于红包金额，且不超过 200.00 元',
    )
    expect(creates(calls)).toEqual([])

    await typeNumber('stages.0.packetMax', '4')
    await typeNumber('budget', '100')
    button('创建活动').click()
    await settle()
    expect(errorOf(field('budget'))).toBe('红包预算须为 0 到 1000000 元（以分计，不能为负数）。')
    expect(errorOf(field('stages.0.packetMax'))).toBe('随机红包的最大金额须不小于最小金额')
  })

  it('shows the budget paid, reserved and remaining, its ring, and the red packets', async () => {
    vi.useRealTimers()
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/11')
    expect(text('[data-fact="groupCode"] dd')).toBe('双十一福利群 · #7')
    expect(text('[data-fact="rules"] dd')).toContain('在群里待满 24 小时算有效')
    const figure = (key: string) => text(`[data-figure="${key}"] dd`)
    expect(figure('toppedUp')).toBe('¥1,000.00')
    expect(figure('paid')).toBe('¥36.00')
    expect(figure('reserved')).toBe('¥6.00')
    expect(figure('remaining')).toBe('¥958.00')
    expect(text('[data-testid="out-of-budget"]')).toBe('预算不足未发 3 个')

    const ring = wrapper
      .find('[data-testid="budget-chart"]')
      .findComponent(VChart)
      .props('option') as ChartOption
    const [pie] = ring.series as { data: { name: string; value: number }[] }[]
    expect(pie!.data.map((d) => [d.name, d.value])).toEqual([
      ['已发放', 3_600],
      ['待支付', 600],
      ['剩余', 95_800],
    ])

    const rows = [...document.querySelectorAll('[data-testid="red-packets"] .el-table__body tr')]
    expect(rows.map((row) => row.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/陈晨.*第 2 阶.*¥6\.00.*待支付.*支付失败，稍后重试：SYSTEM_ERROR/),
      expect.stringMatching(/林小雨.*第 1 阶.*¥3\.00.*已到账/),
    ])
    expect(text('[data-stage="2"]')).toContain('¥5.00–¥8.88')
  })

  it('tops the budget up in yuan, sent in fen', async () => {
    vi.useRealTimers()
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns/11/budget/top-ups': () =>
        jsonResponse({ toppedUp: 150_000, reserved: 600, paid: 3_600, remaining: 145_800 }),
    })
    await mountApp('/growth/campaigns/11')
    document.querySelector<HTMLElement>('[data-testid="top-up"]')!.click()
    await settle()
    await typeNumber('topUpAmount', '500')
    await type(field('topUpNote'), '效果好，追加')
    document.querySelector<HTMLElement>('[data-testid="top-up-save"]')!.click()
    await settle()
    const posted = calls.filter((c) => c.method === 'POST')
    expect(posted).toHaveLength(1)
    expect(await posted[0]!.clone().json()).toEqual({ amount: 50_000, note: '效果好，追加' })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已追加 ¥500.00，剩余 ¥1,458.00',
    )
  })

  it('speaks English', async () => {
    vi.useRealTimers()
    setLocale('en')
    stubGrowthServer()
    await mountApp('/growth/campaigns/11')
    const words = [
      ...document.querySelectorAll('[data-testid="budget-panel"] :is(h2, dt, p, th, .el-tag)'),
    ].map((element) => element.textContent)
    expect(words.join(' ')).toContain('Red-packet budget')
    expect(words.join(' ')).toContain('3 not granted: out of budget')
    expect(words.join(' ')).not.toMatch(/\p{Script=Han}/u)
  })
})
