import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './TagsView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { mountApp, openDialog, type } from '@/test/app'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { tag, tagGroups } from '@/test/tags'

const STAFF = me({
  id: 9,
  role: 'staff',
  displayName: '李店长',
  permissions: ['customers:read', 'tags:read', 'tags:write'],
})

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
    ...routes,
  })
}

const paths = (calls: Request[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)
const group = (id: number) => document.querySelector<HTMLElement>(`[data-group-id="${id}"]`)!
const chip = (id: number) => document.querySelector<HTMLElement>(`[data-tag-id="${id}"]`)!
const personal = () => document.querySelector<HTMLElement>('[data-testid="personal-tags"]')
const shownGroups = () =>
  [...document.querySelectorAll('.tag-group:not(.tag-group--personal) .tag-group__name')].map((g) =>
    g.textContent?.trim(),
  )

/** The items of the dropdown menu that is open. */
function menuItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item')].filter(
    (item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )
}

async function openMenu(trigger: HTMLElement): Promise<string[]> {
  trigger.click()
  await settle(0)
  return menuItems().map((i) => i.textContent?.trim() ?? '')
}

async function pick(label: string): Promise<void> {
  const item = menuItems().find((i) => i.textContent?.trim() === label)
  if (!item) throw new Error(`no menu item ${label}`)
  item.click()
  await settle()
}

/** The message box on top (one that is closing may still be in the page). */
function messageBox(): HTMLElement {
  const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)
  if (!box) throw new Error('no message box')
  return box
}

/** The card at the top of the open tag menu. */
const openCard = () =>
  [...document.querySelectorAll<HTMLElement>('.tag-chip__card')].find(
    (c) => c.closest<HTMLElement>('.el-popper')?.style.display !== 'none',
  )

/** Opens a select and picks the option that starts with `label` (options show more than a name). */
async function choose(select: Element | null, label: string): Promise<void> {
  select?.querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .find((item) => item.textContent?.trim().startsWith(label))
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(0)
}

describe('the tag management page', { timeout: 20_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    localStorage.clear()
  })

  it('shows the groups with their kind and tags with counts, rule tags and my personal tags apart', async () => {
    stubServer()
    const { wrapper } = await mountApp('/audience/tags')
    expect(document.title).toBe('标签管理 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('标签管理')
    expect(wrapper.find('[data-testid="kind-intro"]').text()).toContain('客户跟进到了哪一步')

    expect(shownGroups()).toEqual(['跟进阶段', '渠道来源', '双 11'])
    const followUp = group(1).textContent ?? ''
    expect(group(1).querySelector('.kind-badge')?.textContent?.trim()).toBe('跟进状态')
    expect(group(2).querySelector('.kind-badge')?.textContent?.trim()).toBe('来源')
    expect(followUp).toContain('3 个标签')
    expect(chip(11).textContent).toContain('待回访')
    expect(chip(11).textContent).toContain('1,234')
    expect(chip(13).classList).toContain('tag-chip--rule')
    // the personal tag is listed under "my personal tags", not in its group
    expect(group(1).querySelector('[data-tag-id="14"]')).toBeNull()
    expect(personal()?.textContent).toContain('周末才回')
    expect(group(3).textContent).toContain('这个组还没有标签')
    expect(wrapper.find('[data-testid="tags-summary"]').text()).toBe(
      '3 个组 · 4 个公共标签 · 1 个规则标签',
    )
  })

  it('finds tags by name across groups and filters groups by kind', async () => {
    stubServer()
    const { wrapper } = await mountApp('/audience/tags')
    await type(document.querySelector('input[name="tagSearch"]'), '回')
    expect(shownGroups()).toEqual(['跟进阶段'])
    expect(wrapper.find('[data-testid="tags-summary"]').text()).toBe('找到 2 个标签')
    expect(chip(11).querySelector('mark')?.textContent).toBe('回')
    expect(chip(12)).toBeNull()
    expect(personal()?.textContent).toContain('周末才回')

    await type(document.querySelector('input[name="tagSearch"]'), '没有这个')
    expect(wrapper.text()).toContain('没有名称包含“没有这个”的标签')

    await type(document.querySelector('input[name="tagSearch"]'), '')
    const kinds = [...document.querySelectorAll<HTMLElement>('.tags-toolbar .el-radio-button')]
    kinds
      .find((k) => k.textContent?.includes('来源'))!
      .querySelector('input')!
      .click()
    await settle(0)
    expect(shownGroups()).toEqual(['渠道来源'])
  })

  it('creates a group of a chosen kind', async () => {
    const { calls } = stubServer({
      'POST /api/v1/tag-groups': () =>
        jsonResponse({ id: 4, name: '肤质', kind: 'attribute', position: 40, tags: [] }, 201),
    })
    await mountApp('/audience/tags')
    button('新建标签组').click()
    await settle()
    await type(openDialog().querySelector('input[name="groupName"]'), ' 肤质 ')
    await choose(openDialog().querySelector('.el-select'), '属性')
    expect(openDialog().textContent).toContain('客户本人的特点')
    button('新建', openDialog()).click()
    await settle()
    const post = calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toEqual({ name: '肤质', kind: 'attribute' })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已新建标签组“肤质”',
    )
    expect(paths(calls).filter((p) => p === 'GET /api/v1/tag-groups')).toHaveLength(2)
  })

  it('adds a tag to a group, showing a taken name on the name field', async () => {
    let answer = 0
    const { calls } = stubServer({
      'POST /api/v1/tags': () =>
        ++answer === 1
          ? problemResponse(409, {
              code: 'problem.invalid-request',
              detail: '请求有误',
              errors: [
                {
                  field: 'name',
                  code: 'tag.name-taken',
                  message: '这个分组里已有名为“待回访”的标签。',
                },
              ],
            })
          : jsonResponse(tag({ id: 15, groupId: 1, name: '待二次回访' }), 201),
    })
    await mountApp('/audience/tags')
    button('添加标签', group(1)).click()
    await settle()
    expect(openDialog().querySelector('.el-select')?.textContent).toContain('跟进阶段')
    await type(openDialog().querySelector('input[name="tagName"]'), '待回访')
    button('新建', openDialog()).click()
    await settle()
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({
      groupId: 1,
      name: '待回访',
    })
    expect(openDialog().querySelector('.el-form-item__error')?.textContent).toContain(
      '这个分组里已有名为“待回访”的标签。',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()

    await type(openDialog().querySelector('input[name="tagName"]'), '待二次回访')
    button('新建', openDialog()).click()
    await settle()
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已新建标签“待二次回访”',
    )
  })

  it('renames and moves a tag from its card', async () => {
    const bodies: Record<string, unknown>[] = []
    stubServer({
      'PATCH /api/v1/tags/11': async (request) => {
        const body = (await request.json()) as Record<string, unknown>
        bodies.push(body)
        // the first move finds the name taken in the other group
        return bodies.filter((b) => 'groupId' in b).length === 1
          ? problemResponse(409, {
              detail: '请求有误',
              errors: [
                {
                  field: 'name',
                  code: 'tag.name-taken',
                  message: '这个分组里已有名为“待回访”的标签。',
                },
              ],
            })
          : jsonResponse(tag({ id: 11, groupId: 1, name: '待回访', ...body }))
      },
    })
    await mountApp('/audience/tags')
    expect(await openMenu(chip(11))).toEqual(['重命名', '移动到其他组', '删除标签'])
    expect(openCard()?.textContent).toContain('1,234 位客户')
    await pick('重命名')
    await type(openDialog().querySelector('input[name="tagName"]'), '待电话回访')
    button('保存', openDialog()).click()
    await settle()
    expect(bodies).toEqual([{ name: '待电话回访' }])

    await openMenu(chip(11))
    await pick('移动到其他组')
    expect(openDialog().querySelector('input[name="tagName"]')).toBeNull()
    await choose(openDialog().querySelector('.el-select'), '渠道来源')
    button('保存', openDialog()).click()
    await settle()
    // shown on the group, the field that was changed
    expect(openDialog().querySelector('.el-form-item__error')?.textContent).toContain(
      '这个分组里已有名为“待回访”的标签。',
    )
    button('保存', openDialog()).click()
    await settle()
    expect(bodies.slice(1)).toEqual([{ groupId: 2 }, { groupId: 2 }])
    expect([...document.querySelectorAll('.el-message--success')].at(-1)?.textContent).toContain(
      '已把“待回访”移到“渠道来源”',
    )
  })

  it('deletes a tag only after saying how many customers lose it', async () => {
    const { calls } = stubServer({
      'DELETE /api/v1/tags/11': () => new Response(null, { status: 204 }),
    })
    await mountApp('/audience/tags')
    await openMenu(chip(11))
    await pick('删除标签')
    expect(messageBox().textContent).toContain('目前带有它的 1,234 位客户将不再带有它')
    expect(paths(calls)).not.toContain('DELETE /api/v1/tags/11')
    button('删除标签', messageBox()).click()
    await settle()
    expect(paths(calls)).toContain('DELETE /api/v1/tags/11')
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已删除标签“待回访”',
    )
  })

  it('keeps rule tags out of hand editing and links to their segment', async () => {
    stubServer({ 'GET /api/v1/segments/:id': () => jsonResponse({}) })
    const { router } = await mountApp('/audience/tags')
    expect(await openMenu(chip(13))).toEqual(['查看人群 #7'])
    expect(openCard()?.textContent).toContain('由人群 #7 按规则自动维护')
    await pick('查看人群 #7')
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe('/audience/segments/7'),
      {
        // the next page is loaded lazily: slow on a busy machine
        timeout: 10_000,
      },
    )
  })

  it('deletes only an empty group, and explains why not otherwise', async () => {
    const { calls } = stubServer({
      'DELETE /api/v1/tag-groups/3': () =>
        problemResponse(409, {
          code: 'tag.group.not-empty',
          detail: '标签组“双 11”里还有其他员工的个人标签',
        }),
    })
    await mountApp('/audience/tags')
    await openMenu(group(2).querySelector<HTMLElement>('.tag-group__more')!)
    await pick('删除标签组')
    expect(messageBox().textContent).toContain('标签组“渠道来源”里还有 1 个标签')
    button('知道了', messageBox()).click()
    await settle()
    expect(paths(calls)).not.toContain('DELETE /api/v1/tag-groups/2')

    await openMenu(group(3).querySelector<HTMLElement>('.tag-group__more')!)
    await pick('删除标签组')
    expect(messageBox().textContent).toContain('确定删除标签组“双 11”吗？')
    button('删除', messageBox()).click()
    await settle()
    expect(paths(calls)).toContain('DELETE /api/v1/tag-groups/3')
    expect(messageBox().textContent).toContain('里还有其他员工的个人标签')
  })

  it('lets staff see the tags and keep personal ones, without the management buttons', async () => {
    const { calls } = stubServer(
      {
        'POST /api/v1/tags': () =>
          jsonResponse(tag({ id: 16, groupId: 2, name: '爱砍价', personal: true, ownerId: 9 })),
      },
      STAFF,
    )
    const { wrapper } = await mountApp('/audience/tags')
    expect(wrapper.text()).toContain('标签组和公共标签由运营人员维护')
    expect(wrapper.text()).not.toContain('新建标签组')
    expect(group(1).textContent).not.toContain('添加标签')
    expect(group(1).querySelector('.tag-group__more')).toBeNull()
    expect(await openMenu(chip(11))).toEqual([])
    expect(await openMenu(chip(14))).toEqual(['重命名', '移动到其他组', '删除标签'])

    button('新建个人标签').click()
    await settle()
    expect(openDialog().textContent).toContain('个人标签只有你自己能看到和使用')
    await type(openDialog().querySelector('input[name="tagName"]'), '爱砍价')
    await choose(openDialog().querySelector('.el-select'), '渠道来源')
    button('新建', openDialog()).click()
    await settle()
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({
      groupId: 2,
      name: '爱砍价',
      personal: true,
    })
  })

  it('puts the explanation of kinds away and brings it back', async () => {
    stubServer()
    const { wrapper } = await mountApp('/audience/tags')
    button('收起说明').click()
    await settle(0)
    expect(wrapper.find('[data-testid="kind-intro"]').exists()).toBe(false)
    expect(localStorage.getItem('siyu.tags.introHidden')).toBe('1')
    button('标签组类型说明').click()
    await settle(0)
    expect(wrapper.find('[data-testid="kind-intro"]').exists()).toBe(true)
  })

  it('speaks English', async () => {
    stubServer()
    setLocale('en')
    const { wrapper } = await mountApp('/audience/tags')
    expect(wrapper.find('[data-testid="tags-summary"]').text()).toBe(
      'Groups: 3 · Shared tags: 4 · Rule tags: 1',
    )
    expect(group(1).querySelector('.kind-badge')?.textContent?.trim()).toBe('Follow-up')
    expect(wrapper.text()).toContain('My personal tags')
    expect(wrapper.text()).toContain('New group')
  })
})
