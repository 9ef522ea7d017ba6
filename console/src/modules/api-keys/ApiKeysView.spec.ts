import { describe, expect, it, vi } from 'vitest'
import ApiKeysView from './ApiKeysView.vue'
import { useSessionStore } from '@/stores/session'
import { button } from '@/test/dom'
import { jsonResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { me } from '@/test/session'
import { settle } from '@/test/settle'

const SECRET = 'siyu_7_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'

function openDialog(): HTMLElement {
  const dialogs = [...document.querySelectorAll<HTMLElement>('.el-dialog')].filter(
    (d) => d.closest<HTMLElement>('.el-overlay')?.style.display !== 'none',
  )
  const dialog = dialogs.at(-1)
  if (!dialog) throw new Error('no open dialog')
  return dialog
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle(0)
}

describe('the API keys page', () => {
  it('shows a new key once, copies it, and lists it without the secret', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/api-keys': () => jsonResponse({ items: [] }),
      'POST /api/v1/api-keys': () =>
        jsonResponse(
          {
            id: 7,
            name: '订单同步',
            prefix: 'siyu_7_AbCd…',
            role: 'operator',
            createdAt: '2026-11-01T00:00:00Z',
            key: SECRET,
          },
          201,
        ),
    })
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('isSecureContext', true)
    const wrapper = mountWithApp(ApiKeysView)
    useSessionStore().me = me()
    await settle()

    button('新建密钥').click()
    await settle()
    await type(openDialog().querySelector<HTMLInputElement>('input[name="name"]')!, '订单同步')
    openDialog().querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    ;[...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .find((item) => item.textContent?.trim() === '运营专员')!
      .click()
    await settle(0)
    button('新建', openDialog()).click()
    await settle()

    expect(await calls.at(-1)?.json()).toEqual({ name: '订单同步', role: 'operator' })
    const secretDialog = openDialog()
    expect(secretDialog.textContent).toContain('关闭窗口后将无法再次查看')
    expect(secretDialog.querySelector<HTMLInputElement>('input')?.value).toBe(SECRET)
    expect(secretDialog.querySelector('.el-dialog__headerbtn')).toBeNull()

    button('复制', secretDialog).click()
    await settle(0)
    expect(writeText).toHaveBeenCalledWith(SECRET)

    button('我已保存', secretDialog).click()
    await settle()
    expect(wrapper.text()).toContain('订单同步')
    expect(wrapper.text()).toContain('siyu_7_AbCd…')
    expect(document.body.innerHTML).not.toContain(SECRET)
  })

  it('revokes a key only after confirmation', async () => {
    const key = {
      id: 3,
      name: '数据仓库',
      prefix: 'siyu_3_Zz…',
      role: 'manager',
      createdAt: '2026-10-01T00:00:00Z',
      createdBy: 'admin',
    }
    const { calls } = stubFetch({
      'GET /api/v1/api-keys': () => jsonResponse({ items: [key] }),
      'DELETE /api/v1/api-keys/3': () => new Response(null, { status: 204 }),
    })
    const wrapper = mountWithApp(ApiKeysView)
    await settle()

    button('吊销').click()
    await settle()
    const box = document.querySelector<HTMLElement>('.el-message-box')!
    expect(box.textContent).toContain('确定吊销密钥「数据仓库」吗')
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)

    button('吊销', box).click()
    await settle()
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1)
    expect(wrapper.text()).toContain('已吊销')
  })
})
