import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CampaignEditorView.vue'
import './CampaignDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp as mountConsole, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { campaign, stubGrowthServer } from '@/test/growth'
import { jsonResponse, problemResponse } from '@/test/http'
import { pickCoupon } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

// The detail page it opens polls a running campaign until unmounted: none may outlive its test.
const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const field = (name: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
const itemOf = (element: Element | null) => element?.closest<HTMLElement>('.el-form-item')
const errorOf = (element: Element | null) =>
  itemOf(element)?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
const codeSelect = () => document.querySelector('[data-testid="code-select"]')
const stage = (n: number) => document.querySelector<HTMLElement>(`[data-stage="${n}"]`)!
const stages = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid="stages"] [data-stage]'),
]
const stageField = (n: number, name: string) =>
  stage(n).querySelector<HTMLElement>(`[data-field="${name}"]`)!
const poster = () => document.querySelector<HTMLElement>('[data-testid="poster-preview"]')!
const posterStages = () =>
  [...poster().querySelectorAll('[data-testid="poster-stage"] > span:last-child')].map((line) =>
    line.textContent?.trim(),
  )
const creates = (calls: Request[]) =>
  calls.filter((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/v1/campaigns')

/** Types into a number field and leaves it, as Element Plus takes the number on change. */
async function typeNumber(name: string, value: string): Promise<void> {
  const input = field(name) as HTMLInputElement
  await type(input, value)
  input.dispatchEvent(new Event('change'))
  await settle()
}

/** Picks a time in a date picker by its name, as the picker hands it over. */
async function pickTime(wrapper: VueWrapper, name: string, value: string): Promise<void> {
  const picker = wrapper
    .findAllComponents(ElDatePicker)
    .find((candidate) => candidate.props('name') === name)
  if (!picker) throw new Error(`no picker ${name}`)
  picker.vm.$emit('update:modelValue', value)
  await settle()
}

/** The least a campaign needs: a name, the live code and an end. */
async function fillIn(wrapper: VueWrapper): Promise<void> {
  await type(field('name') as HTMLInputElement, '  老带新 · 邀请好友领好礼 ')
  await choose(codeSelect(), '门店海报')
  await pickTime(wrapper, 'endsAt', '2026-11-30 23:59')
}

const submit = async (label = '创建活动') => {
  button(label).click()
  await settle()
}

describe('a new 任务宝 campaign', { timeout: 30_000 }, () => {
  beforeEach(() => {
    // 2026-11-10 10:00 in Shanghai
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-10T02:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('starts from 24 hours to hold, new customers only, 10 a minute, and one stage of 3 friends for 100 points', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/new')
    expect(document.title).toBe('新建任务宝 · 私域 Siyu')
    const steps = [...document.querySelectorAll('.form-step__heading')].map((h) =>
      h.textContent?.replace(/^\d/, ''),
    )
    expect(steps).toEqual(['基本信息', '活码', '活动时间', '防作弊规则', '阶梯奖励', '进度消息'])
    expect((field('holdHours') as HTMLInputElement).value).toBe('24')
    expect((field('burstPerMinute') as HTMLInputElement).value).toBe('10')
    expect(document.querySelector('[data-testid="new-only"]')?.classList).toContain('is-checked')
    expect(stages()).toHaveLength(1)
    expect((field('stages.0.invites') as HTMLInputElement).value).toBe('3')
    expect((field('stages.0.amount') as HTMLInputElement).value).toBe('100')
    expect(itemOf(field('holdHours'))?.textContent).toContain(
      '好友加上后需保持多少小时才算有效邀请',
    )
    expect(itemOf(field('burstPerMinute'))?.textContent).toContain(
      '同一人每分钟超过这么多邀请转人工审核',
    )
    expect(itemOf(field('newOnly'))?.textContent).toContain('只有新客户算有效邀请')
    expect(document.querySelector('[data-testid="code-help"]')?.textContent).toContain('千人千面码')
  })

  it('offers only channel live codes, a disabled one not to be picked', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/new')
    codeSelect()!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
      .map((item) => ({
        name: item.textContent?.trim(),
        disabled: item.classList.contains('is-disabled'),
      }))
    // the store code made from 门店海报 cannot be a campaign's code
    expect(options).toEqual([
      { name: '门店海报', disabled: false },
      { name: '旧版海报（已停用）', disabled: true },
    ])
  })

  it('creates the campaign with its code, end in the tenant’s zone, rules and stages, and opens it', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns': () => jsonResponse(campaign({ status: 'draft' }), 201),
    })
    const { wrapper, router } = await mountApp('/growth/campaigns/new')
    await fillIn(wrapper)
    await type(field('description') as HTMLInputElement, '双十一期间拉新')
    await typeNumber('holdHours', '48')
    await typeNumber('burstPerMinute', '0')
    field('newOnly')!.closest<HTMLElement>('.el-switch')!.click()
    await settle(0)

    button('添加一阶').click()
    await settle(0)
    await pickRadio('优惠券', stage(2))
    await pickCoupon(stageField(2, 'couponId'), 'CPN-NEW-50')
    await typeNumber('stages.1.stock', '100')
    button('添加一阶').click()
    await settle(0)
    await pickRadio('实物礼品', stage(3))
    await typeNumber('stages.2.invites', '10')
    await type(field('stages.2.gift') as HTMLInputElement, '品牌保温杯')
    await typeNumber('stages.2.stock', '20')
    await submit()

    expect(creates(calls)).toHaveLength(1)
    expect(await creates(calls)[0]!.clone().json()).toEqual({
      kind: 'task',
      name: '老带新 · 邀请好友领好礼',
      description: '双十一期间拉新',
      channelCodeId: 7,
      // Asia/Shanghai is UTC+8
      endsAt: '2026-11-30T15:59:00.000Z',
      holdHours: 48,
      newOnly: false,
      burstPerMinute: 0,
      stages: [
        { invites: 3, rewardKind: 'points', amount: 100 },
        { invites: 6, rewardKind: 'coupon', couponId: 'CPN-NEW-50', stock: 100 },
        { invites: 10, rewardKind: 'gift', gift: '品牌保温杯', stock: 20 },
      ],
      messages: expect.objectContaining({ enabled: true, onHeld: false, language: 'zh-CN' }),
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已创建活动「老带新 · 邀请好友领好礼」',
    )
    expect(router.currentRoute.value.fullPath).toBe('/growth/campaigns/9')
  })

  it('starts at a time picked in the tenant’s zone, and ends after it', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns': () => jsonResponse(campaign({ status: 'draft' }), 201),
    })
    const { wrapper } = await mountApp('/growth/campaigns/new')
    await fillIn(wrapper)
    const later = [...document.querySelectorAll<HTMLElement>('[data-field="start"] .el-radio')]
    later[1]!.querySelector('input')!.click()
    await settle(0)
    await submit()
    expect(errorOf(document.querySelector('[data-testid="starts"]'))).toBe('请选择开始时间')

    await pickTime(wrapper, 'startsAt', '2026-12-01 09:00')
    expect(errorOf(field('endsAt'))).toBe('结束时间须晚于开始时间')
    await submit()
    expect(creates(calls)).toEqual([])

    await pickTime(wrapper, 'startsAt', '2026-11-11 09:00')
    await submit()
    const body = await creates(calls)[0]!.clone().json()
    expect(body.startsAt).toBe('2026-11-11T01:00:00.000Z')
    expect(body.endsAt).toBe('2026-11-30T15:59:00.000Z')
  })

  it('asks for a name, a live code and an end that has not passed before asking the server', async () => {
    const { calls } = stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/new')
    await submit()
    expect(errorOf(field('name'))).toBe('请填写活动名称')
    expect(errorOf(codeSelect())).toBe('请选择渠道活码')
    expect(errorOf(field('endsAt'))).toBe('请选择结束时间')
    await pickTime(wrapper, 'endsAt', '2026-11-10 09:00')
    expect(errorOf(field('endsAt'))).toBe('结束时间须晚于现在')
    await pickTime(wrapper, 'endsAt', '2027-12-01 09:00')
    expect(errorOf(field('endsAt'))).toBe('活动最长进行 366 天')
    expect(creates(calls)).toEqual([])
  })

  it('adds stages up to five, each asking for 3 more friends, and removes any but the last one left', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/new')
    expect(stage(1).querySelector('[data-testid="remove-stage"]')).toBeNull()
    for (let i = 0; i < 4; i++) {
      button('添加一阶').click()
      await settle(0)
    }
    expect(stages()).toHaveLength(5)
    expect(button('添加一阶').disabled).toBe(true)
    const invites = () =>
      stages().map((s) => s.querySelector<HTMLInputElement>('[data-field="invites"] input')!.value)
    expect(invites()).toEqual(['3', '6', '9', '12', '15'])
    expect(posterStages()[1]).toBe('邀请 6 位好友得 200 积分')

    stage(2).querySelector<HTMLElement>('[data-testid="remove-stage"]')!.click()
    await settle(0)
    expect(invites()).toEqual(['3', '9', '12', '15'])
    expect(stages().map((s) => s.querySelector('.stage-editor__badge')?.textContent)).toEqual([
      '第 1 阶',
      '第 2 阶',
      '第 3 阶',
      '第 4 阶',
    ])
    expect(button('添加一阶').disabled).toBe(false)
  })

  it('wants more friends at each stage than at the one before, and the reward its kind needs', async () => {
    const { calls } = stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/new')
    await fillIn(wrapper)
    button('添加一阶').click()
    await settle(0)
    await typeNumber('stages.1.invites', '3')
    await pickRadio('优惠券', stage(2))
    button('添加一阶').click()
    await settle(0)
    await pickRadio('实物礼品', stage(3))
    await submit()
    expect(errorOf(stageField(2, 'invites'))).toBe('须比上一阶多，至少 4 位')
    expect(errorOf(stageField(2, 'couponId'))).toBe('请选择优惠券')
    expect(errorOf(stageField(3, 'gift'))).toBe('请填写礼品名称')
    expect(creates(calls)).toEqual([])

    // fewer friends at the first stage puts the second in order again
    await typeNumber('stages.0.invites', '2')
    expect(errorOf(stageField(2, 'invites'))).toBe('')
    // a coupon picked is the reward the coupon stage needs
    await pickCoupon(stageField(2, 'couponId'), 'NEW-20')
    expect(errorOf(stageField(2, 'couponId'))).toBe('')
  })

  it('shows the poster participants share as it is written', async () => {
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/new')
    expect(poster().querySelector('[data-testid="poster-title"]')?.textContent?.trim()).toBe(
      '活动名称',
    )
    expect(poster().querySelector('[data-testid="poster-avatar"]')?.textContent).toBe('参')
    expect(poster().querySelector('[data-testid="poster-nickname"]')?.textContent).toBe(
      '参与者昵称',
    )
    expect(poster().querySelector('[data-testid="poster-qr"]')).not.toBeNull()
    expect(posterStages()).toEqual(['邀请 3 位好友得 100 积分'])

    await fillIn(wrapper)
    expect(poster().querySelector('[data-testid="poster-title"]')?.textContent?.trim()).toBe(
      '老带新 · 邀请好友领好礼',
    )
    expect(poster().querySelector('[data-testid="poster-ends"]')?.textContent?.trim()).toBe(
      '2026-11-30 23:59 截止',
    )
    button('添加一阶').click()
    await settle(0)
    await pickRadio('实物礼品', stage(2))
    expect(posterStages()[1]).toBe('邀请 6 位好友得…')
    await type(field('stages.1.gift') as HTMLInputElement, '品牌保温杯')
    expect(posterStages()[1]).toBe('邀请 6 位好友得品牌保温杯')
  })

  it('previews the progress page participants open, from the page’s own components, as the stages are edited', async () => {
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/new')
    expect(document.querySelector('[data-testid="page-preview"]')).toBeNull()
    await pickRadio('H5 进度页', document.querySelector('[data-testid="preview-switch"]')!)
    const page = () => document.querySelector<HTMLElement>('[data-testid="page-preview"]')!
    const inPage = (selector: string) =>
      [...page().querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim())
    expect(inPage('.hero__name')).toEqual(['活动名称'])
    expect(inPage('.stage__reward')).toEqual(['100 积分'])
    expect(inPage('[data-testid="stage"] .van-tag')).toEqual(['未达成'])
    expect(inPage('[data-testid="progress-next"]')).toEqual(['再邀请 2 位好友即可获得第 1 阶奖励'])
    expect(inPage('.friend__name')).toEqual(['王**'])

    await fillIn(wrapper)
    expect(inPage('.hero__name')).toEqual(['老带新 · 邀请好友领好礼'])
    expect(inPage('[data-testid="countdown"]')[0]).toContain('20 天')
    button('添加一阶').click()
    await settle(0)
    await pickRadio('实物礼品', stage(2))
    await type(field('stages.1.gift') as HTMLInputElement, '品牌保温杯')
    await typeNumber('stages.0.invites', '1')
    expect(inPage('.stage__reward')).toEqual(['100 积分', '品牌保温杯'])
    expect(inPage('.stage__invites')).toEqual(['邀请 1 人', '邀请 6 人'])
    expect(inPage('[data-testid="stage"] .van-tag')).toEqual(['已获得', '未达成'])
    expect(inPage('[data-testid="progress-next"]')).toEqual(['再邀请 5 位好友即可获得第 2 阶奖励'])

    const slider = wrapper.findComponent({ name: 'ElSlider' })
    slider.vm.$emit('update:modelValue', 6)
    await settle(0)
    expect(inPage('[data-testid="stage"] .van-tag')).toEqual(['已获得', '已获得'])
    expect(inPage('[data-testid="progress-next"]')).toEqual(['全部奖励已达成，感谢支持！'])
    expect(inPage('.friend__name')).toHaveLength(6)
    expect(page().querySelector('[data-testid="poster-image"]')?.getAttribute('src')).toContain(
      encodeURIComponent('品牌保温杯'),
    )
  })

  it('shows the server’s messages on the fields and stages they are about', async () => {
    stubGrowthServer({
      'POST /api/v1/campaigns': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [
            { field: 'name', code: 'x', message: '活动名称须为 1 到 30 个字符。' },
            { field: 'channelCodeId', code: 'x', message: '这个渠道活码已被另一个活动使用' },
            { field: 'endsAt', code: 'x', message: '活动最长进行 366 天。' },
            { field: 'holdHours', code: 'x', message: '观察期须为 0 到 720 小时' },
            { field: 'burstPerMinute', code: 'x', message: '每分钟邀请上限须为 0 到 1000' },
            { field: 'stages', code: 'x', message: '请设置 1 到 5 个阶梯奖励。' },
            { field: 'stages[1].invites', code: 'x', message: '邀请人数须不少于 4' },
            { field: 'stages[0].amount', code: 'x', message: '积分须为 1 到 1000000。' },
            { field: 'stages[2].gift', code: 'x', message: '请填写礼品名称（最多 60 个字符）' },
          ],
        }),
    })
    const { wrapper } = await mountApp('/growth/campaigns/new')
    await fillIn(wrapper)
    button('添加一阶').click()
    await settle(0)
    button('添加一阶').click()
    await settle(0)
    await pickRadio('实物礼品', stage(3))
    await type(field('stages.2.gift') as HTMLInputElement, '保温杯')
    await submit()

    expect(errorOf(field('name'))).toBe('活动名称须为 1 到 30 个字符。')
    expect(errorOf(codeSelect())).toBe('这个渠道活码已被另一个活动使用')
    expect(errorOf(field('endsAt'))).toBe('活动最长进行 366 天。')
    expect(errorOf(field('holdHours'))).toBe('观察期须为 0 到 720 小时')
    expect(errorOf(field('burstPerMinute'))).toBe('每分钟邀请上限须为 0 到 1000')
    expect(errorOf(document.querySelector('[data-testid="stages-field"] button'))).toBe(
      '请设置 1 到 5 个阶梯奖励。',
    )
    expect(errorOf(stageField(2, 'invites'))).toBe('邀请人数须不少于 4')
    expect(errorOf(stageField(1, 'amount'))).toBe('积分须为 1 到 1000000。')
    expect(errorOf(stageField(3, 'gift'))).toBe('请填写礼品名称（最多 60 个字符）')
    expect(document.querySelector('.el-message--error')).toBeNull()

    // a changed stage is no longer what the server refused; the others still are
    await typeNumber('stages.1.invites', '8')
    expect(errorOf(stageField(2, 'invites'))).toBe('')
    expect(errorOf(stageField(1, 'amount'))).toBe('积分须为 1 到 1000000。')
    await type(field('name') as HTMLInputElement, '老带新')
    expect(errorOf(field('name'))).toBe('')
  })

  it('shows a problem no field is about as a message', async () => {
    stubGrowthServer({
      'POST /api/v1/campaigns': () =>
        problemResponse(400, {
          detail: '所选活码不属于这个企业微信应用。',
          errors: [{ field: 'appId', code: 'x', message: '所选活码不属于这个企业微信应用。' }],
        }),
    })
    const { wrapper } = await mountApp('/growth/campaigns/new')
    await fillIn(wrapper)
    await submit()
    expect(document.querySelector('.el-message--error')?.textContent).toContain(
      '所选活码不属于这个企业微信应用。',
    )
  })

  it('is closed to accounts that may only read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'growth:write')
    stubGrowthServer({}, me({ role: 'operator', permissions: readOnly }))
    const { router } = await mountApp('/growth/campaigns/new')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubGrowthServer()
    const { wrapper } = await mountApp('/growth/campaigns/new')
    expect(document.title).toBe('New referral campaign · 私域 Siyu')
    expect(posterStages()).toEqual(['Invite 3 friends, get 100 points'])
    await typeNumber('stages.0.invites', '1')
    expect(posterStages()).toEqual(['Invite 1 friend, get 100 points'])
    await submit('Create campaign')
    expect(errorOf(field('name'))).toBe('Enter a name')
    await pickTime(wrapper, 'endsAt', '2026-11-10 09:00')
    expect(errorOf(field('endsAt'))).toBe('Pick an end in the future')
    const words = [
      ...document.querySelectorAll(
        '.form-step__heading, .el-form-item__label, .campaign-editor__help, .stage-editor__help, .campaign-editor__side, .stage-editor__badge, .el-radio-button, .el-radio',
      ),
    ].map((element) => element.textContent)
    expect(words.join(' ')).not.toMatch(/\p{Script=Han}/u)
  })
})
