import { afterEach, describe, expect, it } from 'vitest'
import LoginForm from './LoginForm.vue'
import { setLocale } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import { jsonResponse, problemResponse, stubFetch } from '@/test/http'
import { me } from '@/test/session'

describe('LoginForm', () => {
  afterEach(() => setLocale('zh-CN'))

  it('asks for both fields before calling the server', async () => {
    const { fetchMock } = stubFetch({})
    const wrapper = mountWithApp(LoginForm)
    await wrapper.find('form').trigger('submit')
    await settle()
    const errors = wrapper.findAll('.el-form-item__error').map((e) => e.text())
    expect(errors).toEqual(['请输入用户名', '请输入密码'])
    expect(fetchMock).not.toHaveBeenCalled()
    expect(wrapper.emitted('authenticated')).toBeUndefined()
  })

  it('treats a blank username as missing and shows messages in the chosen language', async () => {
    setLocale('en')
    const { fetchMock } = stubFetch({})
    const wrapper = mountWithApp(LoginForm)
    await wrapper.find('input[name="username"]').setValue('   ')
    await wrapper.find('input[name="password"]').setValue('secret')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.findAll('.el-form-item__error').map((e) => e.text())).toEqual([
      'Please enter your username',
    ])
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('signs in with the trimmed username and reports success', async () => {
    const { calls } = stubFetch({ 'POST /api/v1/auth/login': () => jsonResponse(me()) })
    const wrapper = mountWithApp(LoginForm)
    await wrapper.find('input[name="username"]').setValue(' admin ')
    await wrapper.find('input[name="password"]').setValue('correct horse battery')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls).toHaveLength(1)
    expect(await calls[0]?.json()).toEqual({ username: 'admin', password: 'correct horse battery' })
    expect(wrapper.emitted('authenticated')).toHaveLength(1)
    expect(useSessionStore().me?.displayName).toBe('王经理')
  })

  it('shows the server’s reason in the form when the credentials are refused', async () => {
    stubFetch({
      'POST /api/v1/auth/login': () =>
        problemResponse(401, { code: 'auth.bad-credentials', detail: '用户名或密码错误' }),
    })
    const wrapper = mountWithApp(LoginForm)
    await wrapper.find('input[name="username"]').setValue('admin')
    await wrapper.find('input[name="password"]').setValue('wrong password')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('.el-alert').text()).toContain('用户名或密码错误')
    expect((wrapper.find('input[name="password"]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.emitted('authenticated')).toBeUndefined()
  })
})
