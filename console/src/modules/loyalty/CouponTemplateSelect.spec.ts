import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, routerKey } from 'vue-router'
import { setLocale } from '@/i18n'
import { type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'
import { pickCoupon, shownOptions, template, TEMPLATES } from '@/test/loyalty'
import { mountWithApp } from '@/test/mount'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { routes } from '@/router'
import { useSessionStore } from '@/stores/session'
import type { CouponTemplate } from './api'
import CouponTemplateSelect from './CouponTemplateSelect.vue'

/** The select as a form uses it, holding a code; answers every code it was given. */
async function mountSelect(
  templates: () => CouponTemplate[] | Response,
  { code = '', account = me() } = {},
) {
  const { calls } = stubFetch({
    'GET /api/v1/loyalty/coupon-templates': () => {
      const answer = templates()
      return answer instanceof Response ? answer : jsonResponse(answer)
    },
  })
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = account
  // The app's routes, without navigating anywhere: the select only makes a link with them.
  const router = createRouter({ history: createMemoryHistory(), routes })
  const emitted: string[] = []
  const model = ref(code)
  const Host = defineComponent(
    () => () =>
      h(CouponTemplateSelect, {
        modelValue: model.value,
        'onUpdate:modelValue': (value: string) => {
          emitted.push(value)
          model.value = value
        },
      }),
  )
  mountWithApp(Host, { pinia, global: { provide: { [routerKey]: router } } })
  await settle()
  return { calls, emitted, model }
}

const select = () => document.querySelector('[data-testid="coupon-select"]')
const input = () => select()!.querySelector<HTMLInputElement>('input')!
/** The chosen template's label, or the placeholder. */
const shown = () => select()!.querySelector('.el-select__placeholder')?.textContent?.trim()
const expanded = () => input().getAttribute('aria-expanded') === 'true'
async function open(): Promise<void> {
  select()!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle()
}
const described = () =>
  shownOptions().map((option) => ({
    name: option.querySelector('.coupon-option__name')?.textContent?.trim(),
    code: option.querySelector('[data-code]')?.getAttribute('data-code'),
    terms: option.querySelector('[data-testid="coupon-terms"]')?.textContent?.trim(),
    disabled: option.classList.contains('is-disabled'),
  }))
const requests = (calls: Request[]) =>
  calls.filter((c) => new URL(c.url).pathname === '/api/v1/loyalty/coupon-templates')

describe('the coupon template select', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('lists the tenant’s templates by name, code and terms, the inactive ones last and not to be picked', async () => {
    await mountSelect(() => [TEMPLATES[2]!, TEMPLATES[0]!, TEMPLATES[1]!])
    await open()
    expect(described()).toEqual([
      {
        name: '新人满 100 减 20',
        code: 'NEW-20',
        terms: '减 ¥20.00 · 满 ¥100.00 可用',
        disabled: false,
      },
      {
        name: '金卡 85 折',
        code: 'VIP-15',
        terms: '8.5 折，最多减 ¥50.00 · 无门槛',
        disabled: false,
      },
      { name: '旧版满减', code: 'OLD-5', terms: '减 ¥20.00 · 满 ¥100.00 可用', disabled: true },
    ])
    expect(shownOptions()[2]!.textContent).toContain('已停用')
  })

  it('answers the code of the template picked, and shows it by name and code', async () => {
    const { emitted } = await mountSelect(() => TEMPLATES)
    expect(shown()).toBe('选择优惠券')
    await pickCoupon(select(), 'VIP-15')
    expect(emitted).toEqual(['VIP-15'])
    expect(shown()).toBe('金卡 85 折（VIP-15）')
  })

  it('does not answer an inactive template’s code when it is clicked', async () => {
    const { emitted } = await mountSelect(() => TEMPLATES)
    await open()
    shownOptions()
      .find((option) => option.querySelector('[data-code="OLD-5"]'))!
      .click()
    await settle(0)
    expect(emitted).toEqual([])
  })

  it('finds a template by its code as well as by its name', async () => {
    await mountSelect(() => TEMPLATES)
    await open()
    await type(input(), 'vip')
    await settle()
    expect(described().map((option) => option.code)).toEqual(['VIP-15'])
  })

  it('shows the template the form already names by its name, even one no longer active', async () => {
    const { emitted } = await mountSelect(() => TEMPLATES, { code: 'OLD-5' })
    expect(shown()).toBe('旧版满减（OLD-5）')
    expect(emitted).toEqual([])
  })

  it('says there are no templates yet and links to the coupon page in a new tab, and lists one made there when opened again', async () => {
    let templates: CouponTemplate[] = []
    const { calls, emitted } = await mountSelect(() => templates)
    await open()
    const empty = document.querySelector<HTMLElement>('[data-testid="coupon-select-empty"]')!
    expect(empty.textContent).toContain('还没有优惠券模板')
    const link = empty.querySelector<HTMLAnchorElement>('a')!
    expect(link.textContent?.trim()).toBe('去「优惠券」新建一个')
    expect(link.getAttribute('href')).toBe('/loyalty/coupons')
    expect(link.target).toBe('_blank')

    templates = [template({ id: 9, code: 'FRESH-10', name: '刚建的券', value: 10 })]
    // closed, then opened again: the list is read as it opens
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }))
    await settle()
    expect(expanded()).toBe(false)
    await pickCoupon(select(), 'FRESH-10')
    expect(requests(calls).length).toBeGreaterThanOrEqual(2)
    expect(emitted).toEqual(['FRESH-10'])
  })

  it('does not say there are no templates when they could not be read', async () => {
    await mountSelect(() => problemResponse(500, { detail: 'down' }))
    await open()
    expect(document.querySelector('[data-testid="coupon-select-empty"]')).toBeNull()
    expect(document.querySelector('.el-message--error')).not.toBeNull()
  })

  it('takes a typed code from an account that cannot read the templates', async () => {
    const { calls, emitted } = await mountSelect(() => TEMPLATES, {
      account: me({ permissions: ALL_PERMISSIONS.filter((p) => p !== 'loyalty:read') }),
    })
    expect(select()).toBeNull()
    expect(requests(calls)).toEqual([])
    const typed = document.querySelector<HTMLInputElement>('input')!
    expect(typed.placeholder).toBe('优惠券模板的券码')
    await type(typed, 'NEW-20')
    expect(emitted.at(-1)).toBe('NEW-20')
  })

  it('speaks English', async () => {
    setLocale('en')
    await mountSelect(() => TEMPLATES)
    expect(shown()).toBe('Choose a coupon')
    await open()
    expect(described().map((option) => option.terms)).toEqual([
      '¥20.00 off · On orders from ¥100.00',
      '15% off, up to ¥50.00 · No minimum',
      '¥20.00 off · On orders from ¥100.00',
    ])
    expect(shownOptions()[2]!.textContent).toContain('Inactive')
    await pickCoupon(select(), 'NEW-20')
    expect(shown()).toBe('新人满 100 减 20 (NEW-20)')
  })
})
