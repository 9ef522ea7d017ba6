import { describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './AttributesView.vue'
import { button } from '@/test/dom'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { ATTRIBUTES } from '@/test/customers'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  let definitions = [...ATTRIBUTES]
  const server = stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/customer-attributes': () => jsonResponse(definitions),
    'POST /api/v1/customer-attributes': async (request) => {
      const created = await request.clone().json()
      definitions = [...definitions, created]
      return jsonResponse(created, 201)
    },
    'DELETE /api/v1/customer-attributes/budget': () => {
      definitions = definitions.filter((d) => d.key !== 'budget')
      return new Response(null, { status: 204 })
    },
    ...routes,
  })
  return server
}

const rows = () =>
  [...document.querySelectorAll('.attributes .el-table__body tbody tr')].map((r) =>
    (r.textContent ?? '').replace(/\s+/g, ' ').trim(),
  )

async function pressEnter(input: HTMLInputElement): Promise<void> {
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  await settle(0)
}

describe('the custom attributes page', { timeout: 20_000 }, () => {
  it('lists the definitions with localized types, options and the required flag', async () => {
    stubServer()
    await mountApp('/customers/attributes')
    expect(document.title).toBe('自定义属性 · 私域 Siyu')
    const [skin, store, budget] = rows()
    expect(skin).toContain('肤质')
    expect(skin).toContain('skinType')
    expect(skin).toContain('多选')
    const tags = document.querySelectorAll('.attributes .el-table__body tbody tr')[0]!
    expect([...tags.querySelectorAll('.el-tag')].map((t) => t.textContent?.trim())).toEqual([
      '干性',
      '油性',
      '敏感',
    ])
    expect(skin).toContain('选填')
    expect(store).toContain('单选')
    expect(store).toContain('必填')
    expect(budget).toContain('数字')
    expect(budget).toContain('—')
  })

  it('defines an enum attribute with its options', async () => {
    const { calls } = stubServer()
    await mountApp('/customers/attributes')
    button('新建属性').click()
    await settle()
    const dialog = openDialog()
    await type(dialog.querySelector('input[name="label"]'), '宝宝阶段')
    await type(dialog.querySelector('input[name="key"]'), 'babyStage')
    await choose(dialog.querySelectorAll('.el-form-item')[2]!, '单选')
    const option = openDialog().querySelector<HTMLInputElement>('input[name="option"]')!
    await type(option, '备孕, 孕期，0-1 岁')
    await pressEnter(option)
    await type(option, '孕期')
    await pressEnter(option)
    await settle()
    expect(openDialog().textContent).toContain('选项「孕期」已存在')
    await type(option, '')
    button('新建', openDialog()).click()
    await settle()
    const sent = calls.find((c) => c.method === 'POST')!
    expect(await sent.json()).toEqual({
      key: 'babyStage',
      label: '宝宝阶段',
      type: 'enum',
      options: ['备孕', '孕期', '0-1 岁'],
      required: false,
      position: 10,
    })
    expect(rows().at(-1)).toContain('宝宝阶段')
  })

  it('checks the key before sending, and shows the server’s word on options in use', async () => {
    const { calls } = stubServer({
      'PUT /api/v1/customer-attributes/skinType': () =>
        problemResponse(400, {
          detail: '请求中有字段不合要求，请按下列说明修改。',
          errors: [{ field: 'options', code: 'x', message: '仍有客户使用选项“敏感”，不能删除。' }],
        }),
    })
    await mountApp('/customers/attributes')
    button('新建属性').click()
    await settle()
    await type(openDialog().querySelector('input[name="key"]'), 'Skin type')
    button('新建', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('须以小写字母开头')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    button('取消', openDialog()).click()
    await settle(400)

    button('编辑', document.querySelector('.attributes .el-table__body tbody tr')!).click()
    await settle()
    const dialog = openDialog()
    expect(dialog.querySelector<HTMLInputElement>('input[name="key"]')!.disabled).toBe(true)
    dialog.querySelectorAll<HTMLElement>('.options .el-tag__close')[2]!.click()
    await settle(0)
    button('保存', dialog).click()
    await settle()
    const sent = calls.find((c) => c.method === 'PUT')!
    expect((await sent.json()).options).toEqual(['干性', '油性'])
    expect(openDialog().textContent).toContain('仍有客户使用选项“敏感”，不能删除。')
  })

  it('deletes an attribute only after a warning that every value goes with it', async () => {
    const { calls } = stubServer()
    await mountApp('/customers/attributes')
    button('删除', document.querySelectorAll('.attributes .el-table__body tbody tr')[2]!).click()
    await settle()
    const box = document.querySelector<HTMLElement>('.el-message-box')!
    expect(box.textContent).toContain('所有客户的该属性值将被一并清除')
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
    button('删除', box).click()
    await settle()
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1)
    expect(rows()).toHaveLength(2)
  })

  it('only shows the definitions to staff who may not change them', async () => {
    stubServer({}, me({ role: 'staff', permissions: ['customers:read'] }))
    const { wrapper } = await mountApp('/customers/attributes')
    expect(wrapper.text()).toContain('你可以查看属性定义')
    expect(wrapper.text()).not.toContain('新建属性')
    expect(wrapper.text()).not.toContain('删除')
  })
})
