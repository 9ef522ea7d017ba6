import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElDatePicker } from 'element-plus'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './MassSendEditorView.vue'
import './MassSendDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp, openDialog, pickRadio, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse } from '@/test/http'
import { GROUP_PREVIEW, PREVIEW, groupSend, massSend, stubMassSendServer } from '@/test/mass-sends'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

const field = (name: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
const itemOf = (element: Element | null) => element?.closest<HTMLElement>('.el-form-item')
const errorOf = (element: Element | null) =>
  itemOf(element)?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
const preview = () => document.querySelector<HTMLElement>('[data-testid="preview"]')!
const audience = () => document.querySelector<HTMLElement>('[data-testid="audience"]')!
const groupAudience = () => document.querySelector<HTMLElement>('[data-testid="group-audience"]')!

const chooseKind = (label: string) => pickRadio(label, audience())
/** 发送给: 客户 or 客户群. */
const sendTo = (label: string) =>
  pickRadio(label, document.querySelector('[data-testid="chat-type"]')!)

const shown = (item: HTMLElement) =>
  item.closest<HTMLElement>('.el-popper')?.style.display !== 'none'
/** The groups the picker offers now, by name. */
const offeredGroups = () =>
  [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item[data-chat-id]')]
    .filter(shown)
    .map((item) => item.querySelector('.group-audience__name')?.textContent?.trim())

async function openGroups(): Promise<void> {
  groupAudience()
    .querySelector<HTMLElement>('[data-testid="group-select"] .el-select__wrapper')!
    .click()
  await settle(0)
}

/** Narrows the picker's groups the way an operator types into it. */
const searchGroups = (words: string) =>
  type(groupAudience().querySelector<HTMLInputElement>('.el-select__input'), words)

async function pickGroup(name: string): Promise<void> {
  const option = [
    ...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item[data-chat-id]'),
  ]
    .filter(shown)
    .find((item) => item.querySelector('.group-audience__name')?.textContent?.trim() === name)
  if (!option) throw new Error(`no group ${name}`)
  option.click()
  await settle(0)
}

/** Picks a tag by its name (the option also shows how many customers carry it). */
async function chooseTag(name: string): Promise<void> {
  audience().querySelector<HTMLElement>('[data-testid="tag-picker"] .el-select__wrapper')!.click()
  await settle(0)
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .find((item) => item.querySelector('span')?.textContent?.trim() === name)
  if (!option) throw new Error(`no tag ${name}`)
  option.click()
  await settle(0)
}

/** The debounced preview has been asked and answered. */
const previewed = () => settle(450)

async function fillValidForm(): Promise<void> {
  await type(field('name') as HTMLInputElement, '双十一会员福利')
  await chooseKind('按标签')
  await chooseTag('直播间')
  await type(field('text') as HTMLInputElement, '双十一会员专享：全场满 300 减 50')
}

describe('a new mass send', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('counts the message in WeCom’s bytes, a Chinese character as 3', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    expect(document.title).toBe('新建群发 · 私域 Siyu')
    const bytes = () => document.querySelector('[data-testid="text-bytes"]')!
    expect(bytes().textContent?.trim()).toBe('0 / 4,000 字节')
    await type(field('text') as HTMLInputElement, '你好 Hi')
    expect(bytes().textContent?.trim()).toBe('9 / 4,000 字节')
    await type(field('text') as HTMLInputElement, '字'.repeat(1334))
    expect(bytes().textContent?.trim()).toBe('4,002 / 4,000 字节')
    expect(bytes().classList).toContain('is-over')
  })

  it('shows the message on a phone as the customer will see it', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    const phone = () => document.querySelector<HTMLElement>('[data-testid="message-phone"]')!
    expect(phone().textContent).toContain('写好内容后')
    await type(field('text') as HTMLInputElement, '  双十一会员专享  ')
    expect(phone().querySelector('[data-testid="bubble"]')?.textContent?.trim()).toBe(
      '双十一会员专享',
    )
    await choose(document.querySelector('[data-testid="staff-select"]'), '李四 · 96 位客户')
    expect(phone().querySelector('.phone__title')?.textContent?.trim()).toBe('李四')
  })

  it('previews whom the chosen tags reach, who is held back and why, and through whom', async () => {
    const { calls } = stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    expect(preview().textContent).toContain('选好应用和发送对象后')
    await chooseKind('按标签')
    await chooseTag('直播间')
    await previewed()
    const asked = calls.filter((c) => c.url.endsWith('/api/v1/mass-sends/preview'))
    expect(asked).toHaveLength(1)
    expect(await asked[0]!.clone().json()).toEqual({
      appId: 1,
      chatType: 'single',
      audience: { rule: { tags: { any: [21] } } },
      staff: [],
    })
    const kpi = (name: string) =>
      preview().querySelector(`[data-kpi="${name}"]`)?.textContent?.replace(/\s+/g, '')
    expect(kpi('audience')).toBe('目标客户42')
    expect(kpi('reachable')).toBe('可发送38')
    expect(kpi('held')).toBe('暂不发送4')
    const held = [...preview().querySelectorAll('[data-testid="preview-held"] li')].map((li) =>
      li.textContent?.replace(/\s+/g, ''),
    )
    expect(held).toEqual(['未添加企业微信1', '超过频次上限3'])
    expect(preview().querySelector('[data-testid="chart-reach"]')).not.toBeNull()
    expect(preview().querySelector('[data-testid="chart-staff"]')).not.toBeNull()
    // 李四 is not the only one who sends: the phone names nobody in particular
    expect(
      document.querySelector('[data-testid="message-phone"] .phone__title')?.textContent?.trim(),
    ).toBe('员工')

    // all of the tags, and only 李四 sending: asked again
    const all = [...audience().querySelectorAll<HTMLElement>('.el-radio')].find((r) =>
      r.textContent?.includes('同时满足所有标签'),
    )
    all!.querySelector('input')!.click()
    await choose(document.querySelector('[data-testid="staff-select"]'), '李四 · 96 位客户')
    await previewed()
    const last = calls.filter((c) => c.url.endsWith('/preview')).at(-1)!
    expect(await last.clone().json()).toEqual({
      appId: 1,
      chatType: 'single',
      audience: { rule: { tags: { all: [21] } } },
      staff: ['lisi'],
    })
  })

  it('names on the phone the one staff member the preview says will send it', async () => {
    stubMassSendServer({
      'POST /api/v1/mass-sends/preview': () =>
        jsonResponse({ ...PREVIEW, staff: [PREVIEW.staff[1]], reachable: 8 }),
    })
    await mountApp('/outreach/mass-sends/new')
    await chooseKind('按标签')
    await chooseTag('直播间')
    await previewed()
    const title = document.querySelector('[data-testid="message-phone"] .phone__title')
    expect(title?.textContent?.trim()).toBe('李四')
  })

  it('previews pasted customer ids, and says why the server could not', async () => {
    const { calls } = stubMassSendServer({
      'POST /api/v1/mass-sends/preview': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [{ field: 'audience.customerIds', code: 'x', message: '最多 10000 位客户' }],
        }),
    })
    await mountApp('/outreach/mass-sends/new')
    await chooseKind('指定客户')
    await type(field('customerIds') as HTMLInputElement, '20001\n20002, 20001')
    expect(document.querySelector('[data-testid="ids-count"]')?.textContent).toContain('2 个')
    await previewed()
    const asked = calls.find((c) => c.url.endsWith('/preview'))!
    expect((await asked.clone().json()).audience).toEqual({ customerIds: [20001, 20002] })
    expect(preview().querySelector('[data-testid="preview-error"]')?.textContent).toContain(
      '最多 10000 位客户',
    )
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('creates the send with exactly what was chosen and opens it', async () => {
    const { calls } = stubMassSendServer({
      'POST /api/v1/mass-sends': () => jsonResponse(massSend({ status: 'scheduled' }), 201),
    })
    const { router } = await mountApp('/outreach/mass-sends/new')
    await fillValidForm()
    // a member-only offer outranks the day's other pushes
    await pickRadio('高', document.querySelector('[data-testid="priority"]')!)
    button('创建并发送').click()
    await settle()
    const created = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/mass-sends'))
    expect(await created!.clone().json()).toEqual({
      appId: 1,
      name: '双十一会员福利',
      chatType: 'single',
      audience: { rule: { tags: { any: [21] } } },
      staff: [],
      text: '双十一会员专享：全场满 300 减 50',
      materialIds: [],
      sendAt: null,
      priority: 'high',
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已创建群发「双十一会员福利」',
    )
    expect(router.currentRoute.value.fullPath).toBe('/outreach/mass-sends/42')
  })

  it('schedules it at a time picked in the tenant’s time zone', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-10T02:00:00Z') })
    try {
      const { calls } = stubMassSendServer({
        'POST /api/v1/mass-sends': () => jsonResponse(massSend({ status: 'scheduled' }), 201),
      })
      const { wrapper } = await mountApp('/outreach/mass-sends/new')
      await fillValidForm()
      const later = [...document.querySelectorAll<HTMLElement>('[data-field="when"] .el-radio')]
      later[1]!.querySelector('input')!.click()
      await settle(0)
      const picker = wrapper.findComponent(ElDatePicker)
      const past = picker.props('disabledDate') as (day: Date) => boolean
      expect(past(new Date('2026-11-09T12:00:00'))).toBe(true)
      expect(past(new Date('2026-11-10T12:00:00'))).toBe(false)

      button('创建定时群发').click()
      await settle()
      expect(errorOf(document.querySelector('[data-testid="send-time"]'))).toBe('请选择发送时间')

      picker.vm.$emit('update:modelValue', '2026-11-11 09:30')
      await settle(0)
      button('创建定时群发').click()
      await settle()
      const created = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/mass-sends'))
      // Asia/Shanghai is UTC+8
      expect((await created!.clone().json()).sendAt).toBe('2026-11-11T01:30:00.000Z')
    } finally {
      vi.useRealTimers()
    }
  })

  it('attaches materials from the library, shows them on the phone and sends their ids', async () => {
    const { calls } = stubMassSendServer({
      'POST /api/v1/mass-sends': () => jsonResponse(massSend({ materialIds: [2, 1] }), 201),
    })
    await mountApp('/outreach/mass-sends/new')
    await fillValidForm()
    await type(field('text') as HTMLInputElement, '')
    document.querySelector<HTMLElement>('[data-testid="add-materials"]')!.click()
    await settle()
    const item = (id: number) =>
      openDialog().querySelector<HTMLElement>(`.material-picker__item[data-material-id="${id}"]`)!
    item(2).click()
    item(1).click()
    await settle(0)
    button('确定', openDialog()).click()
    await settle()
    const chips = [...document.querySelectorAll('[data-testid="materials"] .material-chip')]
    expect(chips.map((c) => c.getAttribute('data-material-id'))).toEqual(['2', '1'])
    const phone = document.querySelector<HTMLElement>('[data-testid="message-phone"]')!
    expect(
      [...phone.querySelectorAll<HTMLElement>('[data-attachment]')].map(
        (c) => c.dataset.attachment,
      ),
    ).toEqual(['link', 'image'])
    expect(phone.textContent).toContain('会员日活动说明')

    // materials alone are a message: no text needed
    button('创建并发送').click()
    await settle()
    const created = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/mass-sends'))
    const body = await created!.clone().json()
    expect(body.materialIds).toEqual([2, 1])
    expect(body.text).toBe('')
  })

  it('shows the server’s problem with a material on that material', async () => {
    stubMassSendServer({
      'POST /api/v1/mass-sends': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [{ field: 'materialIds[1]', code: 'x', message: '文章需要链接才能群发' }],
        }),
    })
    await mountApp('/outreach/mass-sends/new')
    await fillValidForm()
    document.querySelector<HTMLElement>('[data-testid="add-materials"]')!.click()
    await settle()
    for (const id of [1, 2]) {
      openDialog()
        .querySelector<HTMLElement>(`.material-picker__item[data-material-id="${id}"]`)!
        .click()
    }
    await settle(0)
    button('确定', openDialog()).click()
    await settle()
    button('创建并发送').click()
    await settle()
    const wrong = document.querySelector<HTMLElement>('[data-material-index="1"]')!
    expect(wrong.querySelector('[data-testid="material-error"]')?.textContent?.trim()).toBe(
      '文章需要链接才能群发',
    )
    expect(
      document.querySelector('[data-material-index="0"] [data-testid="material-error"]'),
    ).toBeNull()
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('refuses variables and empty or over-long messages before asking the server', async () => {
    const { calls } = stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    button('创建并发送').click()
    await settle()
    expect(errorOf(field('name'))).toBe('请填写群发名称')
    expect(errorOf(audience())).toBe('请选择一个人群')
    expect(errorOf(field('text'))).toBe('请填写消息内容或添加素材')

    await fillValidForm()
    await type(field('text') as HTMLInputElement, '{nickname} 你好，双十一快乐')
    button('创建并发送').click()
    await settle()
    expect(errorOf(field('text'))).toBe('群发不会替换 {nickname}，客户会原样看到它，请改成普通文字')

    await type(field('text') as HTMLInputElement, '字'.repeat(1334))
    button('创建并发送').click()
    await settle()
    expect(errorOf(field('text'))).toBe('超出企业微信的 4,000 字节上限（一个汉字算 3 字节）')
    expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith('/mass-sends'))).toEqual([])
  })

  it('shows the server’s messages next to the fields they are about', async () => {
    stubMassSendServer({
      'POST /api/v1/mass-sends': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [
            { field: 'audience.rule.tags.any[0]', code: 'x', message: '标签 21 已删除' },
            { field: 'text', code: 'x', message: '内容超过 4000 字节' },
            { field: 'staff[0]', code: 'x', message: '员工 lisi 不在这个应用里' },
            { field: 'name', code: 'x', message: '名称最多 30 个字' },
          ],
        }),
    })
    await mountApp('/outreach/mass-sends/new')
    await fillValidForm()
    await choose(document.querySelector('[data-testid="staff-select"]'), '李四 · 96 位客户')
    button('创建并发送').click()
    await settle()
    expect(errorOf(audience())).toBe('标签 21 已删除')
    expect(errorOf(field('text'))).toBe('内容超过 4000 字节')
    expect(errorOf(document.querySelector('[data-testid="staff-select"]'))).toBe(
      '员工 lisi 不在这个应用里',
    )
    expect(errorOf(field('name'))).toBe('名称最多 30 个字')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('tells the quiet hours that will hold a send until morning', async () => {
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    expect(document.querySelector('[data-testid="quiet-hint"]')?.textContent?.trim()).toBe(
      '免打扰时段 21:00–08:00 内到期的群发会顺延到 08:00 再发出',
    )
  })

  it('is closed to accounts that may only read mass sends', async () => {
    const readOnly = ALL_PERMISSIONS.filter((p) => p !== 'messaging:send')
    stubMassSendServer({}, me({ role: 'operator', permissions: readOnly }))
    const { router } = await mountApp('/outreach/mass-sends/new')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    expect(document.querySelector('.page-header__title')?.textContent).toBe('New mass send')
    await type(field('text') as HTMLInputElement, '你好')
    expect(document.querySelector('[data-testid="text-bytes"]')?.textContent?.trim()).toBe(
      '6 / 4,000 bytes',
    )
    expect((field('text') as HTMLTextAreaElement).placeholder).toContain('{nickname}')
  })
})

describe('a new mass send to customer groups', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('goes to the groups picked by name or owner, as a group send, and opens it', async () => {
    const { calls } = stubMassSendServer({
      'POST /api/v1/mass-sends': () => jsonResponse(groupSend({ status: 'scheduled' }), 201),
    })
    const { router } = await mountApp('/outreach/mass-sends/new')
    await type(field('name') as HTMLInputElement, '双十一群公告')
    await sendTo('客户群')
    expect(document.querySelector('[data-testid="audience"]')).toBeNull()
    expect(document.querySelector('[data-testid="all-groups"]')?.textContent?.trim()).toBe(
      '发到应用下全部 3 个客户群（已解散的除外）',
    )

    await pickRadio('指定客户群', groupAudience())
    await openGroups()
    // 国庆活动群 was dismissed: it cannot be sent to
    expect(offeredGroups()).toEqual(['会员福利一群', '会员福利二群', '售后答疑群'])
    await searchGroups('李四')
    expect(offeredGroups()).toEqual(['售后答疑群'])
    await pickGroup('售后答疑群')
    await searchGroups('二群')
    expect(offeredGroups()).toEqual(['会员福利二群'])
    await pickGroup('会员福利二群')
    expect(document.querySelector('[data-testid="groups-count"]')?.textContent?.trim()).toBe(
      '指定的 2 个客户群',
    )

    await type(field('text') as HTMLInputElement, '双十一活动今晚 8 点开始')
    button('创建并发送').click()
    await settle()
    const created = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/mass-sends'))
    expect(await created!.clone().json()).toEqual({
      appId: 1,
      name: '双十一群公告',
      chatType: 'group',
      audience: { chatIds: ['wrHelp3', 'wrVip2'] },
      staff: [],
      text: '双十一活动今晚 8 点开始',
      materialIds: [],
      sendAt: null,
    })
    expect(router.currentRoute.value.fullPath).toBe('/outreach/mass-sends/43')
  })

  it('shows the server’s problem with a group at the group picker', async () => {
    stubMassSendServer({
      'POST /api/v1/mass-sends': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [
            { field: 'audience.chatIds[0]', code: 'x', message: '客户群已解散：售后答疑群' },
          ],
        }),
    })
    await mountApp('/outreach/mass-sends/new')
    await type(field('name') as HTMLInputElement, '双十一群公告')
    await type(field('text') as HTMLInputElement, '双十一活动今晚 8 点开始')
    await sendTo('客户群')
    await pickRadio('指定客户群', groupAudience())
    await openGroups()
    await pickGroup('售后答疑群')
    button('创建并发送').click()
    await settle()
    expect(errorOf(groupAudience())).toBe('客户群已解散：售后答疑群')
    expect(document.querySelector('.el-message--error')).toBeNull()

    // another choice is no longer what the server refused
    await pickGroup('会员福利一群')
    await settle()
    expect(errorOf(groupAudience())).toBe('')
  })

  it('sends to every group unless told otherwise, and asks for a group once they are to be picked', async () => {
    const { calls } = stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    button('创建并发送').click()
    await settle()
    expect(errorOf(audience())).toBe('请选择一个人群')

    // what the customers lacked is no complaint about the groups
    await sendTo('客户群')
    await settle()
    expect(errorOf(groupAudience())).toBe('')
    await pickRadio('指定客户群', groupAudience())
    button('创建并发送').click()
    await settle()
    expect(errorOf(groupAudience())).toBe('请至少选择一个客户群')
    expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith('/mass-sends'))).toEqual([])
  })

  it('limits the owners, each offered with their groups, and tells WeCom’s rule for a group', async () => {
    const { calls } = stubMassSendServer()
    await mountApp('/outreach/mass-sends/new')
    await sendTo('客户群')
    await settle()
    const staffSelect = document.querySelector('[data-testid="staff-select"]')
    expect(itemOf(staffSelect)?.querySelector('.el-form-item__label')?.textContent?.trim()).toBe(
      '群主',
    )
    expect(document.querySelector('[data-testid="group-quota"]')?.textContent?.trim()).toBe(
      '企业微信群发规则：每个客户群每月最多收到当月天数条；超过的客户群这次不发送',
    )
    await choose(staffSelect, '李四 · 1 个群')
    // 王五 and 赵六 own no group
    const owners = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .map((item) => item.textContent?.trim())
      .filter((text) => text?.endsWith('个群'))
    expect(owners).toEqual(['张三 · 2 个群', '李四 · 1 个群'])
    await previewed()
    const last = calls.filter((c) => c.url.endsWith('/preview')).at(-1)!
    expect(await last.clone().json()).toEqual({
      appId: 1,
      chatType: 'group',
      audience: {},
      staff: ['lisi'],
    })
  })

  it('previews in groups: how many it reaches, through which owners, and why some are held back', async () => {
    stubMassSendServer({
      'POST /api/v1/mass-sends/preview': () => jsonResponse(GROUP_PREVIEW),
    })
    await mountApp('/outreach/mass-sends/new')
    await sendTo('客户群')
    await previewed()
    expect(preview().querySelector('[data-testid="preview-reach"]')?.textContent?.trim()).toBe(
      '将发送到 3 个客户群',
    )
    const kpi = (name: string) =>
      preview().querySelector(`[data-kpi="${name}"]`)?.textContent?.replace(/\s+/g, '')
    expect(kpi('audience')).toBe('目标客户群5')
    expect(kpi('reachable')).toBe('可发送3')
    expect(kpi('held')).toBe('暂不发送2')
    const held = [...preview().querySelectorAll('[data-testid="preview-held"] li')].map((li) =>
      li.textContent?.replace(/\s+/g, ''),
    )
    expect(held).toEqual(['群主不可发送（离职/交接中）1', '超过企业微信每群群发上限1'])
    expect(preview().textContent).toContain('各群主要发送的群')
    expect(document.querySelector('.mass-editor__phone')?.textContent).toContain('群里看到的消息')
  })

  it('speaks English', async () => {
    setLocale('en')
    stubMassSendServer({
      'POST /api/v1/mass-sends/preview': () => jsonResponse(GROUP_PREVIEW),
    })
    await mountApp('/outreach/mass-sends/new')
    await sendTo('Customer groups')
    await previewed()
    expect(document.querySelector('[data-testid="all-groups"]')?.textContent?.trim()).toBe(
      "All the app's groups, dismissed ones aside: 3",
    )
    const staffSelect = document.querySelector('[data-testid="staff-select"]')
    expect(itemOf(staffSelect)?.querySelector('.el-form-item__label')?.textContent?.trim()).toBe(
      'Group owners',
    )
    expect(preview().querySelector('[data-testid="preview-reach"]')?.textContent?.trim()).toBe(
      'Groups it goes to: 3',
    )
    expect(preview().textContent).toContain('Owner cannot send (left or being handed over)')
    expect(preview().textContent).not.toMatch(/\p{Script=Han}/u)
    expect(itemOf(groupAudience())!.textContent).not.toMatch(/\p{Script=Han}/u)
  })
})
