import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ProgramView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp as mountConsole, pickRadio, type } from '@/test/app'
import { jsonResponse, problemResponse } from '@/test/http'
import type { Program } from './api'
import { pickCoupon, program, stubLoyaltyServer } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)
/** Types into a number field and leaves it, as Element Plus takes the number on change. */
async function typeNumber(name: string, value: string): Promise<void> {
  const input = field(name)!
  await type(input, value)
  input.dispatchEvent(new Event('change'))
  await settle(0)
}
const tierRows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="tiers"] tbody tr')]
const cellError = (tier: number, name: string) =>
  tierRows()
    [tier - 1]!.querySelector(`[data-field="${name}"] .program__cell-error`)
    ?.textContent?.trim()
const save = async () => {
  document.querySelector<HTMLElement>('[data-testid="save"]')!.click()
  await settle()
}
const puts = (calls: Request[]) => calls.filter((c) => c.method === 'PUT')

describe('the membership program', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('shows the program: its rules and its tiers with thresholds and benefits', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/program')
    expect(document.title).toBe('会员计划 · 私域 Siyu')
    expect(field('name')!.value).toBe('品牌会员俱乐部')
    expect(field('dailyCap')!.value).toBe('5000')
    expect(tierRows().map((row) => row.querySelector('input')!.value)).toEqual([
      '银卡',
      '金卡',
      '黑金',
    ])
    expect(field('tiers[1].minGrowth')!.value).toBe('1000')
    expect(document.querySelector('[data-testid="updated-at"]')?.textContent?.trim()).toBe(
      '上次保存于 2026-11-01 10:00',
    )
    expect(document.querySelector('[data-testid="add-tier"]')).toBeNull()
  })

  it('saves the program with points expiring some days after earning', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/program': async (request) =>
        jsonResponse({ ...(await request.clone().json()), updatedAt: '2026-11-06T02:00:00Z' }),
    })
    await mountApp('/loyalty/program')
    await pickRadio('获得后按天数过期')
    await typeNumber('pointsExpiryDays', '180')
    await typeNumber('tiers[2].birthdayPoints', '2000')
    await save()
    const [put] = puts(calls)
    const body = (await put!.json()) as Program
    expect(body).toMatchObject({ pointsExpiry: 'days', pointsExpiryDays: 180, dailyCap: 5000 })
    expect(body.tiers.map((tier) => [tier.level, tier.name, tier.birthdayPoints])).toEqual([
      [1, '银卡', 100],
      [2, '金卡', 300],
      [3, '黑金', 2000],
    ])
    expect(document.body.textContent).toContain('会员计划已保存')
    expect(document.querySelector('[data-testid="updated-at"]')?.textContent?.trim()).toBe(
      '上次保存于 2026-11-06 10:00',
    )
  })

  it('wants rising growth thresholds and a name per tier before asking the server', async () => {
    const { calls } = stubLoyaltyServer()
    await mountApp('/loyalty/program')
    await typeNumber('tiers[2].minGrowth', '800')
    await type(field('tiers[1].name'), ' ')
    await save()
    expect(puts(calls)).toHaveLength(0)
    expect(cellError(3, 'minGrowth')).toBe('须高于上一级的 1000')
    expect(cellError(2, 'name')).toBe('请填写名称')
    await typeNumber('tiers[2].minGrowth', '6000')
    expect(cellError(3, 'minGrowth')).toBe('')
  })

  it('removes a tier and adds one back above the last', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/program': async (request) => jsonResponse(await request.clone().json()),
    })
    await mountApp('/loyalty/program')
    tierRows()[1]!.querySelector<HTMLElement>('[data-testid="remove-tier"]')!.click()
    await settle(0)
    expect(tierRows().map((row) => row.querySelector('input')!.value)).toEqual(['银卡', '黑金'])
    document.querySelector<HTMLElement>('[data-testid="add-tier"]')!.click()
    await settle(0)
    expect(field('tiers[2].minGrowth')!.value).toBe('10000')
    await type(field('tiers[2].name'), '至尊')
    await save()
    const body = (await puts(calls)[0]!.json()) as Program
    expect(body.tiers.map((tier) => [tier.level, tier.name, tier.minGrowth])).toEqual([
      [1, '银卡', 0],
      [2, '黑金', 5000],
      [3, '至尊', 10000],
    ])
  })

  it('counts growth over a window of months with a growth to keep per tier', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/program': async (request) => jsonResponse(await request.clone().json()),
    })
    await mountApp('/loyalty/program')
    const help = () => document.querySelector('[data-testid="window-help"]')?.textContent?.trim()
    expect(help()).toContain('终身累计')
    expect(field('tiers[1].keepGrowth')).toBeNull()
    await choose(document.querySelector('[data-field="growthWindow"]'), '近 12 个月')
    expect(help()).toMatch(/只计近 12 个月获得的成长值/)
    expect(field('tiers[1].keepGrowth')!.placeholder).toBe('同门槛')
    expect(field('tiers[0].keepGrowth')!.disabled).toBe(true)
    await typeNumber('tiers[2].keepGrowth', '6000')
    await save()
    expect(puts(calls)).toHaveLength(0)
    expect(cellError(3, 'keepGrowth')).toBe('须在 0 到门槛 5000 之间')
    await typeNumber('tiers[2].keepGrowth', '4000')
    expect(cellError(3, 'keepGrowth')).toBe('')
    await save()
    const body = (await puts(calls)[0]!.json()) as Program
    expect(body.growthWindow).toBe('12')
    expect(body.tiers.map((tier) => tier.keepGrowth)).toEqual([null, null, 4000])
  })

  it('shows the server’s problem on the window and on a tier’s growth to keep', async () => {
    stubLoyaltyServer({
      'GET /api/v1/loyalty/program': () => jsonResponse(program({ growthWindow: '12' })),
      'PUT /api/v1/loyalty/program': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [
            { field: 'growthWindow', code: 'window', message: '统计周期不对' },
            { field: 'tiers[1].keepGrowth', code: 'keep', message: '保级值太高' },
          ],
        }),
    })
    await mountApp('/loyalty/program')
    await save()
    expect(cellError(2, 'keepGrowth')).toBe('保级值太高')
    expect(
      document
        .querySelector('[data-field="growthWindow"]')!
        .closest('.el-form-item')!
        .querySelector('.el-form-item__error')
        ?.textContent?.trim(),
    ).toBe('统计周期不对')
  })

  it('shows the server’s problems on the fields and tiers they are about', async () => {
    stubLoyaltyServer({
      'PUT /api/v1/loyalty/program': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [
            { field: 'tiers[1].minGrowth', code: 'rising', message: '须高于第 1 级' },
            { field: 'name', code: 'size', message: '名称太长' },
          ],
        }),
    })
    await mountApp('/loyalty/program')
    await save()
    expect(cellError(2, 'minGrowth')).toBe('须高于第 1 级')
    expect(cellError(1, 'minGrowth')).toBe('')
    expect(
      field('name')!
        .closest('.el-form-item')!
        .querySelector('.el-form-item__error')
        ?.textContent?.trim(),
    ).toBe('名称太长')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('explains earning and the daily cap in two sentences, a full stop between them', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/program')
    const help = () => document.querySelector('[data-testid="earning-help"]')?.textContent?.trim()
    expect(help()).toMatch(/每笔订单只计一次。会员每天/)
    setLocale('en')
    await settle(0)
    expect(help()).toMatch(/once per order\. The most points/)
  })

  it('is closed to accounts without loyalty:manage', async () => {
    const operator = ALL_PERMISSIONS.filter((p) => p !== 'loyalty:manage')
    stubLoyaltyServer({}, me({ role: 'operator', permissions: operator }))
    const { router } = await mountApp('/loyalty/program')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/program')
    expect(document.title).toBe('Program settings · 私域 Siyu')
    const headers = [...document.querySelectorAll('[data-testid="tiers"] th')].map(
      (th) => th.textContent,
    )
    expect(headers.join(' ')).not.toMatch(/\p{Script=Han}/u)
    await typeNumber('tiers[2].minGrowth', '800')
    await save()
    expect(cellError(3, 'minGrowth')).toBe('Above the level before (1000)')
  })

  it('shows each tier’s exclusive coupons and saves one added to a tier', async () => {
    const base = program()
    const { calls } = stubLoyaltyServer({
      'GET /api/v1/loyalty/program': () =>
        jsonResponse(
          program({
            tiers: base.tiers.map((tier) =>
              tier.level === 3
                ? { ...tier, coupons: [{ templateCode: 'VIP-15', monthly: true }] }
                : tier,
            ),
          }),
        ),
      'PUT /api/v1/loyalty/program': async (request) =>
        jsonResponse({ ...(await request.clone().json()), updatedAt: '2026-11-06T02:00:00Z' }),
    })
    await mountApp('/loyalty/program')
    const tier = (level: number) =>
      document.querySelector<HTMLElement>(`[data-tier-coupons="${level}"]`)!
    expect(tier(1).textContent).toContain('未设置专属券')
    expect(tier(3).querySelector<HTMLInputElement>('.el-checkbox input')!.checked).toBe(true)

    tier(2).querySelector<HTMLElement>('[data-testid="add-tier-coupon"]')!.click()
    await settle(0)
    await save()
    expect(puts(calls)).toHaveLength(0)
    expect(tier(2).querySelector('[data-testid="tier-coupons-error"]')?.textContent?.trim()).toBe(
      '请选择优惠券',
    )

    tier(2).querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    ;[...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
      .filter((option) => option.querySelector('[data-code="NEW-20"]'))
      .at(-1)!
      .click()
    await settle(0)
    await save()
    const body = (await puts(calls)[0]!.json()) as Program
    expect(body.tiers.map((t) => t.coupons)).toEqual([
      [],
      [{ templateCode: 'NEW-20', monthly: false }],
      [{ templateCode: 'VIP-15', monthly: true }],
    ])
  })

  it('shows the server’s problem on the tier coupon it is about, in English too', async () => {
    setLocale('en')
    stubLoyaltyServer({
      'GET /api/v1/loyalty/program': () =>
        jsonResponse(
          program({
            tiers: program().tiers.map((tier) => ({
              ...tier,
              coupons: tier.level === 2 ? [{ templateCode: 'GONE', monthly: false }] : [],
            })),
          }),
        ),
      'PUT /api/v1/loyalty/program': () =>
        problemResponse(400, {
          detail: 'Bad request',
          errors: [
            {
              field: 'tiers[1].coupons[0].templateCode',
              code: 'coupon',
              message: 'There is no coupon template with the code GONE.',
            },
          ],
        }),
    })
    await mountApp('/loyalty/program')
    expect(document.querySelector('[data-testid="tier-coupons"]')!.textContent).toContain(
      'Exclusive tier coupons',
    )
    await save()
    expect(
      document.querySelector('[data-tier-coupons="2"] .tier-coupons__select')?.textContent,
    ).toContain('There is no coupon template with the code GONE.')
  })

  it('saves the anniversary gift: points and a coupon, or no coupon once cleared', async () => {
    const { calls } = stubLoyaltyServer({
      'GET /api/v1/loyalty/program': () =>
        jsonResponse(program({ anniversaryPoints: 200, anniversaryCoupon: null })),
      'PUT /api/v1/loyalty/program': async (request) =>
        jsonResponse({ ...(await request.clone().json()), updatedAt: '2026-11-06T02:00:00Z' }),
    })
    await mountApp('/loyalty/program')
    const anniversary = document.querySelector<HTMLElement>('[data-testid="anniversary"]')!
    expect(field('anniversaryPoints')!.value).toBe('200')
    await save()
    expect(((await puts(calls)[0]!.json()) as Program).anniversaryCoupon).toBeNull()

    await typeNumber('anniversaryPoints', '500')
    await pickCoupon(anniversary.querySelector('[data-testid="coupon-select"]'), 'NEW-20')
    await save()
    const body = (await puts(calls)[1]!.json()) as Program
    expect(body).toMatchObject({ anniversaryPoints: 500, anniversaryCoupon: 'NEW-20' })
  })
})
