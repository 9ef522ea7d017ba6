import { describe, expect, it } from 'vitest'
import CustomerFormDialog from './CustomerFormDialog.vue'
import { button } from '@/test/dom'
import { choose, openDialog, type } from '@/test/app'
import { ATTRIBUTES, CITIES, detail } from '@/test/customers'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import { me } from '@/test/session'
import { useSessionStore } from '@/stores/session'
import { createPinia, setActivePinia } from 'pinia'

function input(name: string): HTMLInputElement | null {
  return openDialog().querySelector<HTMLInputElement>(`input[name="${name}"]`)
}

function field(label: string): HTMLElement {
  const item = [...openDialog().querySelectorAll<HTMLElement>('.el-form-item')].find(
    (i) => i.querySelector('.el-form-item__label')?.textContent?.trim() === label,
  )
  if (!item) throw new Error(`no field ${label}`)
  return item
}

const errorOf = (item: Element | null) =>
  item?.querySelector('.el-form-item__error')?.textContent?.trim()

const identityRow = (i: number) => openDialog().querySelectorAll('.customer-form__identity')[i]!

function mountCreate(routes: Parameters<typeof stubFetch>[0] = {}) {
  const server = stubFetch({ 'GET /api/v1/cities': () => jsonResponse(CITIES), ...routes })
  const wrapper = mountWithApp(CustomerFormDialog, {
    props: { modelValue: true, customer: null, definitions: ATTRIBUTES },
  })
  return { wrapper, ...server }
}

describe('the new-customer dialog', { timeout: 15_000 }, () => {
  it('offers an input per custom attribute, by its type', async () => {
    mountCreate()
    await settle()
    expect(field('肤质').querySelector('.el-select')).not.toBeNull()
    expect(field('偏好门店').classList.contains('is-required')).toBe(true)
    expect(field('月均预算').querySelector('.el-input-number')).not.toBeNull()
  })

  it('checks identities and required attributes before sending', async () => {
    const { fetchMock } = mountCreate()
    await settle()
    await type(input('identity-0'), '1380013')
    button('新建', openDialog()).click()
    await settle()
    expect(errorOf(identityRow(0))).toBe('请输入正确的手机号')
    expect(errorOf(field('偏好门店'))).toBe('请填写偏好门店')
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/v1/cities'])
  })

  it('sends identities, fields and attributes, and reports a new customer', async () => {
    const created = detail({ id: 20005, requestedId: 20005, name: '周雨桐' })
    const { wrapper, calls } = mountCreate({
      'POST /api/v1/customers': () => jsonResponse(created, 201),
    })
    await settle()
    await type(input('identity-0'), '138 0013 8000')
    openDialog().querySelector<HTMLElement>('.customer-form__verified')!.click()
    button('添加身份', openDialog()).click()
    await settle(0)
    await choose(identityRow(1).querySelector('.el-select'), '企业微信')
    await type(input('identity-1'), 'ww6a1b2c:wmQx1A2B')
    await type(input('name'), ' 周雨桐 ')
    await choose(field('城市'), '杭州')
    await type(input('sourceChannel'), '直播间')
    await choose(field('偏好门店'), '杭州西湖店')
    await type(field('月均预算').querySelector('input'), '800')
    button('新建', openDialog()).click()
    await settle()

    expect(await calls.at(-1)!.json()).toEqual({
      identities: [
        { type: 'mobile', value: '138 0013 8000', verified: true },
        { type: 'wecomExternalUserId', value: 'ww6a1b2c:wmQx1A2B' },
      ],
      name: '周雨桐',
      city: 5,
      sourceChannel: '直播间',
      attributes: { store: '杭州西湖店', budget: 800 },
    })
    expect(wrapper.emitted('saved')).toEqual([[created, true]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    expect(document.querySelector('.el-message')?.textContent).toContain('已创建客户「周雨桐」')
  })

  it('puts the server’s messages on nested fields', async () => {
    mountCreate({
      'POST /api/v1/customers': () =>
        problemResponse(400, {
          detail: '请求中有字段不合要求，请按下列说明修改。',
          errors: [
            { field: 'identities[0].value', code: 'x', message: 'mobile 的取值格式不正确。' },
            { field: 'attributes.budget', code: 'x', message: '取值须为 number。' },
          ],
        }),
    })
    await settle()
    await type(input('identity-0'), '13800138000')
    await choose(field('偏好门店'), '上海静安店')
    button('新建', openDialog()).click()
    await settle()
    expect(errorOf(identityRow(0))).toBe('mobile 的取值格式不正确。')
    expect(errorOf(field('月均预算'))).toBe('取值须为 number。')
    expect(document.querySelector('.el-message')).toBeNull()
  })

  it('explains a conflict in place and stays open', async () => {
    const conflict =
      '这些身份属于不同的客户（[20001, 20003]），且没有 unionid 或已验证手机号把他们连起来；请在客户详情中手动关联。'
    const { wrapper } = mountCreate({
      'POST /api/v1/customers': () =>
        problemResponse(409, { code: 'customer.identity.conflict', detail: conflict }),
    })
    await settle()
    await type(input('identity-0'), '13800138000')
    await choose(field('偏好门店'), '上海静安店')
    button('新建', openDialog()).click()
    await settle()
    const alert = openDialog().querySelector('[data-testid="customer-conflict"]')
    expect(alert?.textContent).toContain('无法保存：身份属于不同的客户')
    expect(alert?.textContent).toContain(conflict)
    expect(document.querySelector('.el-message')).toBeNull()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })
})

describe('the edit-profile dialog', { timeout: 15_000 }, () => {
  it('sends only what changed', async () => {
    const customer = detail({
      attributes: { skinType: ['干性'], store: '上海静安店', budget: 800 },
    })
    const { calls } = stubFetch({
      'GET /api/v1/cities': () => jsonResponse(CITIES),
      'PATCH /api/v1/customers/20001': () => jsonResponse(customer),
    })
    const wrapper = mountWithApp(CustomerFormDialog, {
      props: { modelValue: true, customer, definitions: ATTRIBUTES },
    })
    await settle()
    expect(openDialog().querySelector('.customer-form__identity')).toBeNull()
    expect(input('name')?.value).toBe('林晓雯')
    await type(input('sourceChannel'), '')
    await choose(field('偏好门店'), '杭州西湖店')
    await type(field('月均预算').querySelector('input'), '')
    button('保存', openDialog()).click()
    await settle()
    expect(calls.at(-1)!.method).toBe('PATCH')
    expect(await calls.at(-1)!.json()).toEqual({
      sourceChannel: null,
      attributes: { store: '杭州西湖店', budget: null },
    })
    expect(wrapper.emitted('saved')).toEqual([[customer, false]])
  })

  it('finds the owner in the staff directory and keeps showing a current owner it does not list', async () => {
    const customer = detail({ owner: { id: 10, name: '离职员工' } })
    const { calls } = stubFetch({
      'GET /api/v1/cities': () => jsonResponse(CITIES),
      'GET /api/v1/staff': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('q') === '李'
            ? [{ id: 9, displayName: '李店长', role: 'staff' }]
            : [{ id: 1, displayName: '王经理', role: 'admin' }],
        ),
      'PATCH /api/v1/customers/20001': () => jsonResponse(customer),
    })
    const pinia = createPinia()
    setActivePinia(pinia)
    useSessionStore(pinia).me = me()
    mountWithApp(CustomerFormDialog, {
      pinia,
      props: { modelValue: true, customer, definitions: ATTRIBUTES },
    })
    await settle()
    const owner = field('负责人')
    expect(owner.textContent).toContain('离职员工')

    owner.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    await type(owner.querySelector('input'), '李')
    await settle(400)
    await choose(owner, '李店长')
    await choose(field('偏好门店'), '上海静安店')
    button('保存', openDialog()).click()
    await settle()
    const staffQueries = calls
      .filter((c) => new URL(c.url).pathname === '/api/v1/staff')
      .map((c) => new URL(c.url).searchParams.get('q'))
    expect(staffQueries).toEqual([null, '李'])
    expect(await calls.at(-1)!.json()).toEqual({ ownerId: 9, attributes: { store: '上海静安店' } })
  })
})
