import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AccountCreateDialog from './AccountCreateDialog.vue'
import { isValidDisplayName, isValidPassword, isValidUsername } from './rules'
import { button } from '@/test/dom'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'

function input(name: string): HTMLInputElement {
  const element = document.querySelector<HTMLInputElement>(`.el-dialog input[name="${name}"]`)
  if (!element) throw new Error(`no input ${name}`)
  return element
}

async function fill(name: string, value: string): Promise<void> {
  const element = input(name)
  element.value = value
  element.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function chooseRole(label: string): Promise<void> {
  document.querySelector<HTMLElement>('.el-dialog .el-select__wrapper')?.click()
  await flushPromises()
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (item) => item.textContent?.trim() === label,
  )
  if (!option) throw new Error(`no role option ${label}`)
  option.click()
  await flushPromises()
}

function errorTexts(): string[] {
  return [...document.querySelectorAll('.el-dialog .el-form-item__error')].map(
    (e) => e.textContent?.trim() ?? '',
  )
}

function createButton(): HTMLButtonElement {
  return button('新建', document.querySelector('.el-dialog__footer')!)
}

describe('the create-account dialog', () => {
  it('checks the server’s rules before sending', async () => {
    const { fetchMock } = stubFetch({})
    mountWithApp(AccountCreateDialog, { props: { modelValue: true } })
    await settle()
    await fill('username', 'ab')
    await fill('displayName', '张三')
    await fill('password', 'short')
    createButton().click()
    await settle()
    expect(errorTexts()).toEqual([
      '用户名须为 3–64 个字符，只能包含字母、数字及 . _ @ -',
      '请选择角色',
      '密码长度须为 12–128 个字符',
    ])
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows the server’s field errors on the matching fields', async () => {
    const { calls } = stubFetch({
      'POST /api/v1/accounts': () =>
        problemResponse(400, {
          detail: '请求参数有误',
          errors: [{ field: 'username', code: 'duplicate', message: '用户名已被占用' }],
        }),
    })
    const wrapper = mountWithApp(AccountCreateDialog, { props: { modelValue: true } })
    await settle()
    await fill('username', 'zhang.san')
    await fill('displayName', '张三')
    await chooseRole('运营专员')
    await fill('password', 'a-long-enough-password')
    createButton().click()
    await settle()
    expect(await calls[0]?.json()).toEqual({
      username: 'zhang.san',
      displayName: '张三',
      role: 'operator',
      password: 'a-long-enough-password',
    })
    expect(errorTexts()).toEqual(['用户名已被占用'])
    expect(wrapper.emitted('created')).toBeUndefined()
  })

  it('reports the created account and closes', async () => {
    const account = {
      id: 11,
      username: 'li.si',
      displayName: '李四',
      role: 'staff',
      enabled: true,
      locked: false,
      lastLoginAt: null,
      createdAt: '2026-11-01T02:00:00Z',
    }
    stubFetch({ 'POST /api/v1/accounts': () => jsonResponse(account, 201) })
    const wrapper = mountWithApp(AccountCreateDialog, { props: { modelValue: true } })
    await settle()
    await fill('username', 'li.si')
    await fill('displayName', '李四')
    await chooseRole('一线员工')
    await fill('password', 'a-long-enough-password')
    createButton().click()
    await settle()
    expect(wrapper.emitted('created')).toEqual([[account]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })
})

describe('account rules', () => {
  it('mirror the server', () => {
    expect(isValidUsername('zhang.san@brand-1')).toBe(true)
    expect(isValidUsername('ab')).toBe(false)
    expect(isValidUsername('a'.repeat(65))).toBe(false)
    expect(isValidUsername('张三')).toBe(false)
    expect(isValidDisplayName('  ')).toBe(false)
    expect(isValidDisplayName('张'.repeat(64))).toBe(true)
    expect(isValidPassword('x'.repeat(11))).toBe(false)
    expect(isValidPassword('x'.repeat(12))).toBe(true)
    expect(isValidPassword('x'.repeat(129))).toBe(false)
  })
})
