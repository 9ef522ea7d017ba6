import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElDatePicker } from 'element-plus'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MomentEditorView.vue'
import './MomentDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { material, materials } from '@/test/content'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { moment, stubMomentServer } from '@/test/moments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const field = (name: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
const itemOf = (element: Element | null) => element?.closest<HTMLElement>('.el-form-item')
const errorOf = (element: Element | null) =>
  itemOf(element)?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
const staffSelect = () => document.querySelector('[data-testid="staff-select"]')
const tagsField = () => document.querySelector<HTMLElement>('[data-testid="visible-tags"]')!
const materialsField = () => document.querySelector<HTMLElement>('[data-testid="materials"]')!
const phone = () => document.querySelector<HTMLElement>('[data-testid="moment-phone"]')!
const creates = (calls: Request[]) =>
  calls.filter((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/v1/moments')

/** Picks a corp tag by its name (the option also shows how many customers carry it). */
async function chooseTag(name: string): Promise<void> {
  tagsField().querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .find((item) => item.querySelector('span')?.textContent?.trim() === name)
  if (!option) throw new Error(`no tag ${name}`)
  option.click()
  await settle(0)
}

/** The tags offered, by name. */
const offeredTags = () =>
  [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .map((item) => item.querySelector('span')?.textContent?.trim())

/** Opens the library and picks these materials, in this order. */
async function pickMaterials(...ids: number[]): Promise<void> {
  materialsField().querySelector<HTMLElement>('[data-testid="add-materials"]')!.click()
  await settle()
  for (const id of ids) {
    openDialog()
      .querySelector<HTMLElement>(`.material-picker__item[data-material-id="${id}"]`)!
      .click()
  }
  await settle(0)
  openDialog().querySelector<HTMLElement>('.el-dialog__footer .el-button--primary')!.click()
  await settle()
}

const submit = async (label = '创建并发送') => {
  button(label).click()
  await settle()
}

describe('a new 朋友圈 post', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('counts the text in characters against WeCom’s 2,000, an emoji or a Chinese character as 1', async () => {
    stubMomentServer()
    await mountApp('/outreach/moments/new')
    expect(document.title).toBe('新建朋友圈 · 私域 Siyu')
    const count = () => document.querySelector('[data-testid="text-chars"]')!
    expect(count().textContent?.trim()).toBe('0 / 2,000 字')
    await type(field('text') as HTMLInputElement, '  新品 Hi 🎉  ')
    expect(count().textContent?.trim()).toBe('7 / 2,000 字')
    expect(count().classList).not.toContain('is-over')
    await type(field('text') as HTMLInputElement, '字'.repeat(2001))
    expect(count().textContent?.trim()).toBe('2,001 / 2,000 字')
    expect(count().classList).toContain('is-over')

    await type(field('name') as HTMLInputElement, '双十一新品上市')
    await submit()
    expect(errorOf(field('text'))).toBe('超出企业微信的 2,000 字上限')
  })

  it('creates the post with whom it asks, whom it shows to, what it says and now, and opens it', async () => {
    const { calls } = stubMomentServer({
      'POST /api/v1/moments': () => jsonResponse(moment({ status: 'creating' }), 201),
    })
    const { router } = await mountApp('/outreach/moments/new')
    await type(field('name') as HTMLInputElement, '  双十一新品上市 ')
    // 赵六 cannot have customers: nobody asks him
    await choose(staffSelect(), '李四 · 96 位客户')
    const offered = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .map((item) => item.textContent?.trim())
      .filter((text) => text?.includes('位客户'))
    expect(offered).toEqual(['张三 · 128 位客户', '李四 · 96 位客户', '王五 · 41 位客户'])
    await choose(staffSelect(), '张三 · 128 位客户')
    await chooseTag('直播间')
    await type(field('text') as HTMLInputElement, '双十一新品今天上市，会员专享 8 折 🎉\n')
    await pickMaterials(1)
    await submit()

    expect(creates(calls)).toHaveLength(1)
    expect(await creates(calls)[0]!.clone().json()).toEqual({
      appId: 1,
      name: '双十一新品上市',
      text: '双十一新品今天上市，会员专享 8 折 🎉',
      materialIds: [1],
      staff: ['lisi', 'zhangsan'],
      tagIds: [21],
      sendAt: null,
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已创建朋友圈任务「双十一新品上市」',
    )
    expect(router.currentRoute.value.fullPath).toBe('/outreach/moments/7')
  })

  it('asks every staff member to post to all their customers unless told otherwise', async () => {
    const { calls } = stubMomentServer({
      'POST /api/v1/moments': () => jsonResponse(moment(), 201),
    })
    await mountApp('/outreach/moments/new')
    expect(
      (staffSelect()!.querySelector('.el-select__placeholder') as HTMLElement).textContent,
    ).toContain('不限：所有服务客户的员工')
    expect(tagsField().textContent).toContain('不限：员工的全部客户都能看到')
    await type(field('name') as HTMLInputElement, '周末直播预告')
    await type(field('text') as HTMLInputElement, '周六晚 8 点直播间见')
    await submit()
    const body = await creates(calls)[0]!.clone().json()
    expect(body.staff).toEqual([])
    expect(body.tagIds).toEqual([])
    expect(body.materialIds).toEqual([])
    expect(body.sendAt).toBeNull()
  })

  it('offers only corp tags for whom it shows to', async () => {
    stubMomentServer()
    await mountApp('/outreach/moments/new')
    tagsField().querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle(0)
    // 高价值复购 is kept by a segment and 周末才回 is one staff member's: WeCom knows neither
    expect(offeredTags()).toEqual(['待回访', '已成交', '直播间'])
  })

  it('schedules it at a time picked in the tenant’s time zone, and shows that time on the phone', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-10T02:00:00Z') })
    try {
      const { calls } = stubMomentServer({
        'POST /api/v1/moments': () => jsonResponse(moment({ status: 'scheduled' }), 201),
      })
      const { wrapper } = await mountApp('/outreach/moments/new')
      await type(field('name') as HTMLInputElement, '双十一新品上市')
      await type(field('text') as HTMLInputElement, '双十一新品今天上市')
      const later = [...document.querySelectorAll<HTMLElement>('[data-field="when"] .el-radio')]
      later[1]!.querySelector('input')!.click()
      await settle(0)
      const picker = wrapper.findComponent(ElDatePicker)
      const past = picker.props('disabledDate') as (day: Date) => boolean
      expect(past(new Date('2026-11-09T12:00:00'))).toBe(true)
      expect(past(new Date('2026-11-10T12:00:00'))).toBe(false)

      await submit('创建定时任务')
      expect(errorOf(document.querySelector('[data-testid="send-time"]'))).toBe('请选择发送时间')
      expect(creates(calls)).toEqual([])

      picker.vm.$emit('update:modelValue', '2026-11-11 09:30')
      await settle(0)
      expect(phone().querySelector('[data-testid="moment-when"]')?.textContent?.trim()).toBe(
        '2026-11-11 09:30',
      )
      await submit('创建定时任务')
      // Asia/Shanghai is UTC+8
      expect((await creates(calls)[0]!.clone().json()).sendAt).toBe('2026-11-11T01:30:00.000Z')
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the post on a phone as it will look in 朋友圈', async () => {
    stubMomentServer()
    await mountApp('/outreach/moments/new')
    expect(phone().textContent).toContain('写好内容后')
    await type(field('text') as HTMLInputElement, '  双十一新品今天上市  ')
    expect(phone().querySelector('[data-testid="moment-text"]')?.textContent?.trim()).toBe(
      '双十一新品今天上市',
    )
    expect(phone().querySelector('[data-testid="moment-staff"]')?.textContent?.trim()).toBe('员工')
    expect(phone().querySelector('[data-testid="moment-when"]')?.textContent?.trim()).toBe('刚刚')
    await choose(staffSelect(), '李四 · 96 位客户')
    expect(phone().querySelector('[data-testid="moment-staff"]')?.textContent?.trim()).toBe('李四')
    await pickMaterials(1)
    const image = phone().querySelector<HTMLImageElement>('[data-attachment="image"] img')
    expect(image?.getAttribute('src')).toBe('/api/v1/material-files/501')
  })

  it('offers only images, posters, videos, links and articles, tells WeCom’s rule and refuses them mixed', async () => {
    const { calls } = stubMomentServer()
    await mountApp('/outreach/moments/new')
    expect(
      materialsField().querySelector('[data-testid="materials-help"]')?.textContent?.trim(),
    ).toBe('企业微信规定：最多 9 张图片，或 1 个视频，或 1 个链接，不能混用')
    materialsField().querySelector<HTMLElement>('[data-testid="add-materials"]')!.click()
    await settle()
    const tabs = [...openDialog().querySelectorAll('.el-tabs__item')].map((tab) =>
      tab.textContent?.trim(),
    )
    expect(tabs).toEqual(['全部', '图片', '海报', '视频', '链接', '文章'])
    const offered = [...openDialog().querySelectorAll<HTMLElement>('.material-picker__item')].map(
      (item) => item.dataset.materialId,
    )
    // the file and the mini program are not for 朋友圈; an article goes as a link
    expect(offered).toEqual(['1', '2', '5'])
    button('取消', openDialog()).click()
    await settle()

    await type(field('name') as HTMLInputElement, '双十一新品上市')
    await type(field('text') as HTMLInputElement, '双十一新品今天上市')
    await pickMaterials(1, 2)
    expect(errorOf(materialsField())).toBe('图片、视频和链接不能一起发，请只保留一种')
    await submit()
    expect(creates(calls)).toEqual([])

    // the link taken away, the image alone will do
    materialsField()
      .querySelector<HTMLElement>('[data-material-index="1"] .material-chip__remove')!
      .click()
    await settle()
    expect(errorOf(materialsField())).toBe('')
  })

  it('takes one link at most', async () => {
    stubMomentServer({
      'GET /api/v1/materials': () =>
        jsonResponse({
          items: [...materials(), material({ id: 6, title: '新品手册' })],
          nextCursor: null,
        }),
    })
    await mountApp('/outreach/moments/new')
    await pickMaterials(2, 6)
    expect(errorOf(materialsField())).toBe('只能发 1 个链接')
  })

  it('asks for a name, and for text or materials, before asking the server', async () => {
    const { calls } = stubMomentServer()
    await mountApp('/outreach/moments/new')
    await submit()
    expect(errorOf(field('name'))).toBe('请填写任务名称')
    expect(errorOf(field('text'))).toBe('请填写文字或添加图片、视频或链接')
    // materials alone are a post
    await pickMaterials(1)
    expect(errorOf(field('text'))).toBe('')
    expect(creates(calls)).toEqual([])
  })

  it('shows the server’s messages next to the fields they are about', async () => {
    stubMomentServer({
      'POST /api/v1/moments': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [
            { field: 'name', code: 'x', message: '名称最多 30 个字' },
            { field: 'staff[0]', code: 'x', message: '员工 lisi 不在这个应用里' },
            { field: 'tagIds[0]', code: 'x', message: '标签 21 不是企业微信的企业标签' },
            { field: 'text', code: 'x', message: '内容超过 2000 个字符' },
            { field: 'materialIds[0]', code: 'x', message: '图片超过 10 MB' },
          ],
        }),
    })
    await mountApp('/outreach/moments/new')
    await type(field('name') as HTMLInputElement, '双十一新品上市')
    await choose(staffSelect(), '李四 · 96 位客户')
    await chooseTag('直播间')
    await type(field('text') as HTMLInputElement, '双十一新品今天上市')
    await pickMaterials(1)
    await submit()
    expect(errorOf(field('name'))).toBe('名称最多 30 个字')
    expect(errorOf(staffSelect())).toBe('员工 lisi 不在这个应用里')
    expect(errorOf(tagsField())).toBe('标签 21 不是企业微信的企业标签')
    expect(errorOf(field('text'))).toBe('内容超过 2000 个字符')
    expect(
      materialsField()
        .querySelector('[data-material-index="0"] [data-testid="material-error"]')
        ?.textContent?.trim(),
    ).toBe('图片超过 10 MB')
    expect(document.querySelector('.el-message--error')).toBeNull()

    // another choice is no longer what the server refused
    await chooseTag('待回访')
    expect(errorOf(tagsField())).toBe('')
  })

  it('shows a problem no field is about as a message', async () => {
    stubMomentServer({
      'POST /api/v1/moments': () =>
        problemResponse(409, { detail: '企业微信应用未开启客户朋友圈权限' }),
    })
    await mountApp('/outreach/moments/new')
    await type(field('name') as HTMLInputElement, '双十一新品上市')
    await type(field('text') as HTMLInputElement, '双十一新品今天上市')
    await submit()
    expect(document.querySelector('.el-message--error')?.textContent).toContain(
      '企业微信应用未开启客户朋友圈权限',
    )
  })

  it('is closed to accounts that may only read', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubMomentServer({}, me({ role: 'operator', permissions: readOnly }))
    const { router } = await mountApp('/outreach/moments/new')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMomentServer()
    await mountApp('/outreach/moments/new')
    expect(document.title).toBe('New Moments post · 私域 Siyu')
    expect(document.querySelector('.page-header__title')?.textContent).toBe('New Moments post')
    await type(field('text') as HTMLInputElement, '你好 🎉')
    expect(document.querySelector('[data-testid="text-chars"]')?.textContent?.trim()).toBe(
      '4 / 2,000 characters',
    )
    expect(
      materialsField().querySelector('[data-testid="materials-help"]')?.textContent?.trim(),
    ).toBe("WeCom's rule: up to 9 images, or 1 video, or 1 link, never mixed")
    await pickMaterials(1, 2)
    expect(errorOf(materialsField())).toBe(
      'Images, videos and links cannot go together: keep one kind',
    )
    expect(phone().querySelector('[data-testid="moment-when"]')?.textContent?.trim()).toBe(
      'Just now',
    )
    const words = [
      ...document.querySelectorAll(
        '.form-step__heading, .el-form-item__label, .moment-editor__help, .moment-editor__side > span, .phone__title',
      ),
    ].map((element) => element.textContent)
    expect(words.join(' ')).not.toMatch(/\p{Script=Han}/u)
  })
})
