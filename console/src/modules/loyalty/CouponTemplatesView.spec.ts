import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './CouponTemplatesView.vue'
import { ElDatePicker, ElSelect } from 'element-plus'
import { setLocale } from '@/i18n'
import { mountApp as mountConsole, openDialog, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { TEMPLATES, stubLoyaltyServer, template } from '@/test/loyalty'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const rows = () => [
  ...document.querySelectorAll<HTMLElement>('.coupon-templates__card .el-table__body tr'),
]
const inRow = (row: HTMLElement, testId: string) =>
  row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim()
const input = (name: string) => openDialog().querySelector<HTMLInputElement>(`[name="${name}"]`)
/** Types into a number field and leaves it, as Element Plus takes the number on change. */
async function typeNumber(name: string, value: string): Promise<void> {
  const field = input(name)!
  await type(field, value)
  field.dispatchEvent(new Event('change'))
  await settle(0)
}
const errorOf = (name: string) =>
  input(name)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()
const posts = (calls: Request[], path: string) =>
  calls.filter((c) => c.method !== 'GET' && new URL(c.url).pathname === path)

describe('the coupon templates', { timeout: 20_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('list each with its value and minimum, validity, stock, issued, used and redemption rate', async () => {
    stubLoyaltyServer()
    await mountApp('/loyalty/coupons')
    expect(document.title).toBe('优惠券 · 私域 Siyu')
    expect(
      rows().map((row) =>
        [
          'template-name',
          'template-rule',
          'template-validity',
          'template-stock',
          'template-issued',
          'template-redeemed',
          'template-rate',
          'template-status',
        ].map((id) => inRow(row, id)),
      ),
    ).toEqual([
      [
        '新人满 100 减 20',
        '减 ¥20.00 · 满 ¥100.00 可用',
        '领取后 30 天内有效',
        '1,000',
        '400',
        '100',
        '25%',
        '启用中',
      ],
      [
        '金卡 85 折',
        '8.5 折，最多减 ¥50.00 · 无门槛',
        '2026-11-01 至 2026-12-31',
        '不限',
        '0',
        '0',
        '0%',
        '启用中',
      ],
      [
        '旧版满减',
        '减 ¥20.00 · 满 ¥100.00 可用',
        '领取后 30 天内有效',
        '1,000',
        '10',
        '1',
        '10%',
        '已停用',
      ],
    ])
    expect(rows()[1]!.textContent).toContain('2 个商品')
    expect(rows()[2]!.querySelector('[data-testid="issue"]')).toBeNull()
  })

  it('makes a percent-off coupon with a cap, products and fixed dates', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/coupon-templates': async (request) =>
        jsonResponse(
          template({ ...(await request.clone().json()), id: 9, issued: 0, redeemed: 0 }),
          201,
        ),
    })
    const { wrapper } = await mountApp('/loyalty/coupons')
    button('新建优惠券').click()
    await settle()
    await type(input('name'), '双十一 9 折')
    await type(input('code'), 'D11-90')
    await pickRadio('折扣券', openDialog())
    await typeNumber('amount', '10')
    await typeNumber('maxOff', '30')
    // products are typed and created in the select; it hands them over like this
    const skus = wrapper
      .findAllComponents(ElSelect)
      .find((c) => c.attributes('data-testid') === 'skus')!
    skus.vm.$emit('update:modelValue', ['SKU-9'])
    await settle(0)
    await pickRadio('固定日期', openDialog())
    button('保存', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请选择起止日期')
    expect(posts(calls, '/api/v1/loyalty/coupon-templates')).toHaveLength(0)

    const picker = wrapper.findAllComponents(ElDatePicker).at(-1)!
    picker.vm.$emit('update:modelValue', ['2026-11-01', '2026-11-11'])
    await settle()
    button('保存', openDialog()).click()
    await settle()
    const [post] = posts(calls, '/api/v1/loyalty/coupon-templates')
    expect(await post!.json()).toMatchObject({
      kind: 'percent',
      value: 10,
      maxOff: 30,
      skus: ['SKU-9'],
      validDays: null,
      validFrom: '2026-10-31T16:00:00.000Z',
      validUntil: '2026-11-11T15:59:59.000Z',
    })
  })

  it('asks for a name, a valid code and a value before asking the server', async () => {
    const { calls } = stubLoyaltyServer()
    await mountApp('/loyalty/coupons')
    button('新建优惠券').click()
    await settle()
    await type(input('code'), 'no spaces!')
    button('保存', openDialog()).click()
    await settle()
    expect(errorOf('name')).toBe('请填写名称')
    expect(errorOf('code')).toBe('券码只能用字母、数字、下划线和短横线，1 到 32 位')
    expect(errorOf('amount')).toBe('请填写 0.01 到 10000 之间的数')
    expect(posts(calls, '/api/v1/loyalty/coupon-templates')).toHaveLength(0)
  })

  it('makes an amount-off coupon valid some days from issue, and lists it first', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/coupon-templates': async (request) =>
        jsonResponse(
          template({ ...(await request.clone().json()), id: 9, issued: 0, redeemed: 0 }),
          201,
        ),
    })
    await mountApp('/loyalty/coupons')
    button('新建优惠券').click()
    await settle()
    await type(input('name'), '满 200 减 30')
    await type(input('code'), 'M200-30')
    await typeNumber('amount', '30')
    await typeNumber('threshold', '200')
    await typeNumber('validDays', '15')
    button('保存', openDialog()).click()
    await settle()
    const [post] = posts(calls, '/api/v1/loyalty/coupon-templates')
    expect(await post!.json()).toEqual({
      name: '满 200 减 30',
      code: 'M200-30',
      kind: 'amount',
      value: 30,
      maxOff: null,
      threshold: 200,
      skus: [],
      validDays: 15,
      validFrom: null,
      validUntil: null,
      perCustomer: 1,
      stock: null,
      active: true,
    })
    expect(document.body.textContent).toContain('已保存优惠券「满 200 减 30」')
    expect(inRow(rows()[0]!, 'template-name')).toBe('满 200 减 30')
  })

  it('changes a template, showing the server’s word on the field it is about', async () => {
    const { calls } = stubLoyaltyServer({
      'PUT /api/v1/loyalty/coupon-templates/3': () =>
        problemResponse(400, {
          detail: '请求有误',
          errors: [{ field: 'code', code: 'duplicate', message: '券码 VIP-15 已被使用' }],
        }),
    })
    await mountApp('/loyalty/coupons')
    rows()[0]!.querySelector<HTMLElement>('[data-testid="edit"]')!.click()
    await settle()
    expect(input('name')!.value).toBe('新人满 100 减 20')
    await type(input('code'), 'VIP-15')
    button('保存', openDialog()).click()
    await settle()
    expect(posts(calls, '/api/v1/loyalty/coupon-templates/3')).toHaveLength(1)
    expect(errorOf('code')).toBe('券码 VIP-15 已被使用')
  })

  it('gives coupons to pasted customer ids, once, and says how many were skipped', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/coupon-templates/3/issue': () =>
        jsonResponse({ issued: 2, skipped: { limit: 1, stock: 0 } }),
    })
    await mountApp('/loyalty/coupons')
    rows()[0]!.querySelector<HTMLElement>('[data-testid="issue"]')!.click()
    await settle()
    expect(openDialog().textContent).toContain('发放「新人满 100 减 20」')
    await type(input('customerIds'), '20001, 20002\n20003 20001')
    expect(openDialog().querySelector('[data-testid="ids-count"]')?.textContent?.trim()).toBe(
      '识别到 3 个客户 ID',
    )
    button('发放', openDialog()).click()
    await settle()
    const [post] = posts(calls, '/api/v1/loyalty/coupon-templates/3/issue')
    const body = (await post!.json()) as { customerIds: number[]; key: string }
    expect(body.customerIds).toEqual([20001, 20002, 20003])
    expect(body.key.length).toBeGreaterThanOrEqual(8)
    expect(document.body.textContent).toContain(
      '已发放 2 张 · 跳过 1 位（已达每人限领）和 0 位（库存不足）',
    )
  })

  it('gives coupons to a saved segment', async () => {
    const { calls } = stubLoyaltyServer({
      'POST /api/v1/loyalty/coupon-templates/3/issue': () =>
        jsonResponse({ issued: 320, skipped: { limit: 0, stock: 0 } }),
    })
    await mountApp('/loyalty/coupons')
    rows()[0]!.querySelector<HTMLElement>('[data-testid="issue"]')!.click()
    await settle()
    await pickRadio('人群', openDialog())
    button('发放', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请选择人群')
    openDialog()
      .querySelector<HTMLElement>('[data-testid="segment-select"] .el-select__wrapper')!
      .click()
    await settle(0)
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
      (item) => item.textContent?.includes('近 30 天活跃老会员'),
    )!
    expect(option.textContent?.replace(/\s+/g, '')).toBe('近30天活跃老会员320人')
    option.click()
    await settle(0)
    button('发放', openDialog()).click()
    await settle()
    const [post] = posts(calls, '/api/v1/loyalty/coupon-templates/3/issue')
    expect(await post!.json()).toMatchObject({ segmentId: 5 })
    expect(document.body.textContent).toContain('已发放 320 张')
  })

  it('lets operators give coupons but not make or change templates', async () => {
    const operator = ALL_PERMISSIONS.filter((p) => p !== 'loyalty:manage')
    stubLoyaltyServer({}, me({ role: 'operator', permissions: operator }))
    await mountApp('/loyalty/coupons')
    expect(rows()).toHaveLength(TEMPLATES.length)
    expect(document.querySelector('[data-testid="create-template"]')).toBeNull()
    expect(document.querySelector('[data-testid="edit"]')).toBeNull()
    expect(document.querySelector('[data-testid="issue"]')).not.toBeNull()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubLoyaltyServer()
    await mountApp('/loyalty/coupons')
    expect(document.title).toBe('Coupons · 私域 Siyu')
    expect(inRow(rows()[1]!, 'template-rule')).toBe('15% off, up to ¥50.00 · No minimum')
    expect(inRow(rows()[0]!, 'template-validity')).toBe('Valid 30 days from issue')
    expect(inRow(rows()[1]!, 'template-stock')).toBe('Unlimited')
  })
})
