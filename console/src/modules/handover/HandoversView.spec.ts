import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './HandoversView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { APP, STAFF } from '@/test/wecomops'
import type { Handover } from './api'

const HANDOVER: Handover = {
  id: 3,
  appId: 1,
  kind: 'onjob',
  handoverUserId: 'lina',
  takeoverUserId: 'zhangwei',
  message: '您好，之后由张伟为您服务',
  createdBy: 'admin',
  createdAt: '2026-11-20T02:00:00Z',
  counts: { waiting: 1, failed: 1 },
  customers: [
    {
      externalUserId: 'wmLin01',
      customerId: 20001,
      name: '林晓雯',
      status: 'waiting',
      errcode: null,
      takeoverAt: null,
    },
    {
      externalUserId: 'wmWang02',
      customerId: 20002,
      name: '王小明',
      status: 'failed',
      errcode: 40097,
      takeoverAt: null,
    },
  ],
}

/** 李娜's WeCom customers, newest first, as the server lists them. */
const LINA_CUSTOMERS = [
  {
    externalUserId: 'wmLin01',
    customerId: 20001,
    name: '林晓雯',
    addedAt: '2026-11-01T02:00:00Z',
    channelCode: '门店海报',
  },
  {
    externalUserId: 'wmWang02',
    customerId: 20002,
    name: '王小明',
    addedAt: '2026-10-20T10:30:00Z',
    channelCode: null,
  },
]

const list = (dialog: HTMLElement) =>
  dialog.querySelector<HTMLElement>('[data-testid="handover-customers"]')!
const rows = (dialog: HTMLElement) => [
  ...list(dialog).querySelectorAll<HTMLElement>('[data-external-user-id]'),
]
const rowOf = (dialog: HTMLElement, name: string) =>
  rows(dialog).find((row) => row.textContent?.includes(name))!
/** A row's customer, when they were added and the channel they came through. */
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('.el-checkbox__label > span')].map((cell) => cell.textContent?.trim())
const count = (dialog: HTMLElement) =>
  list(dialog).querySelector('[data-testid="chosen-count"]')?.textContent?.trim()

function stubServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/apps': () => jsonResponse([APP]),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/wecom/apps/1/unassigned': () =>
      jsonResponse([
        {
          handoverUserId: 'zhoujie',
          externalUserId: 'wmZhou01',
          dimissionTime: '2026-11-10T02:00:00Z',
          customerId: 20005,
          name: '赵敏',
        },
      ]),
    'GET /api/v1/wecom/apps/1/staff/zhoujie/customers': () =>
      jsonResponse([
        {
          externalUserId: 'wmZhou01',
          customerId: 20005,
          name: '赵敏',
          addedAt: '2026-09-01T09:00:00Z',
          channelCode: null,
        },
      ]),
    'GET /api/v1/wecom/handovers': () => jsonResponse([HANDOVER]),
    ...routes,
  })
}

describe('the customer handover page', { timeout: 20_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('explains WeCom’s rules and shows each customer’s status in Chinese with error codes', async () => {
    stubServer()
    const { wrapper } = await mountApp('/wecom-ops/handovers')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('客户继承')
    const page = document.body.textContent ?? ''
    expect(page).toContain('24 小时后自动接替')
    expect(page).toContain('90 天内最多被转接 2 次')
    const record = document.querySelector<HTMLElement>('[data-handover-id="3"]')!
    expect(record.textContent).toContain('李娜')
    expect(record.textContent).toContain('张伟')
    const counts = record.querySelector('[data-testid="handover-counts"]')!.textContent
    expect(counts).toContain('等待接替 1')
    expect(counts).toContain('失败 1')
    const statuses = [...record.querySelectorAll('[data-testid="customer-status"]')].map((s) =>
      s.textContent?.trim(),
    )
    expect(statuses).toEqual(['等待接替', '失败'])
    expect(record.textContent).toContain('错误码 40097')
    expect(record.textContent).toContain('预计 2026-11-21 10:00 自动接替')
  })

  it('lists the chosen staff member’s customers with when and where they came, and hands the ticked one over', async () => {
    const { calls } = stubServer({
      'GET /api/v1/wecom/apps/1/staff/lina/customers': () => jsonResponse(LINA_CUSTOMERS),
      'POST /api/v1/wecom/handovers': () =>
        problemResponse(400, {
          detail: '请求中有无效字段',
          errors: [{ field: 'takeoverUserId', code: 'x', message: '员工 zhangwei 不能接替' }],
        }),
    })
    await mountApp('/wecom-ops/handovers')
    button('在职转移', document.querySelector<HTMLElement>('.page-header')!).click()
    await settle()
    const dialog = openDialog()
    expect(list(dialog).textContent).toContain('请先选择原员工')
    await choose(dialog.querySelector('[data-testid="handover-from"]'), '李娜8 位客户')
    await choose(dialog.querySelector('[data-testid="handover-to"]'), '张伟12 位客户')
    await settle()
    expect(rows(dialog).map(cells)).toEqual([
      ['林晓雯', '2026-11-01 10:00', '门店海报'],
      ['王小明', '2026-10-20 18:30', '非活码添加'],
    ])
    expect(count(dialog)).toBe('已选 0 位客户')

    rowOf(dialog, '林晓雯').querySelector<HTMLElement>('.el-checkbox__input')!.click()
    await settle(0)
    expect(count(dialog)).toBe('已选 1 位客户')
    button('在职转移', dialog).click()
    await settle()
    const body = await calls
      .find((c) => c.method === 'POST')
      ?.clone()
      .json()
    expect(body).toEqual({
      appId: 1,
      kind: 'onjob',
      handoverUserId: 'lina',
      takeoverUserId: 'zhangwei',
      externalUserIds: ['wmLin01'],
    })
    const to = dialog.querySelector('[data-testid="handover-to"]')!.closest('.el-form-item')!
    expect(to.querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
      '员工 zhangwei 不能接替',
    )
  })

  it('filters the customer list and selects all or none of what the filter shows', async () => {
    stubServer({
      'GET /api/v1/wecom/apps/1/staff/lina/customers': () => jsonResponse(LINA_CUSTOMERS),
    })
    await mountApp('/wecom-ops/handovers')
    button('在职转移', document.querySelector<HTMLElement>('.page-header')!).click()
    await settle()
    const dialog = openDialog()
    await choose(dialog.querySelector('[data-testid="handover-from"]'), '李娜8 位客户')
    await settle()
    button('全选（2）', dialog).click()
    await settle(0)
    expect(count(dialog)).toBe('已选 2 位客户')

    await type(dialog.querySelector<HTMLInputElement>('input[name="customerFilter"]'), '门店')
    expect(rows(dialog).map((r) => r.dataset.externalUserId)).toEqual(['wmLin01'])
    button('全不选', dialog).click()
    await settle(0)
    // only the customer the filter shows is let go
    expect(count(dialog)).toBe('已选 1 位客户')
    await type(dialog.querySelector<HTMLInputElement>('input[name="customerFilter"]'), '张')
    expect(list(dialog).textContent).toContain('没有与「张」匹配的客户')
  })

  it('says so when the staff member has no customers', async () => {
    stubServer({ 'GET /api/v1/wecom/apps/1/staff/lina/customers': () => jsonResponse([]) })
    await mountApp('/wecom-ops/handovers')
    button('在职转移', document.querySelector<HTMLElement>('.page-header')!).click()
    await settle()
    const dialog = openDialog()
    await choose(dialog.querySelector('[data-testid="handover-from"]'), '李娜8 位客户')
    await settle()
    expect(rows(dialog)).toEqual([])
    expect(list(dialog).textContent).toContain('李娜 目前没有企业微信客户')
  })

  it('offers the unassigned customers of staff who left for 离职继承', async () => {
    stubServer()
    await mountApp('/wecom-ops/handovers?')
    const leaver = document.querySelector<HTMLElement>('[data-user-id="zhoujie"]')!
    expect(leaver.textContent).toContain('周杰')
    expect(leaver.textContent).toContain('赵敏')
    button('分配给其他员工', leaver).click()
    await settle()
    const dialog = openDialog()
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe('离职继承')
    expect(rows(dialog).map((r) => r.dataset.externalUserId)).toEqual(['wmZhou01'])
    expect(rowOf(dialog, '赵敏').textContent).toContain('2026-09-01 17:00')
    expect(rowOf(dialog, '赵敏').querySelector('input')?.checked).toBe(true)
    expect(count(dialog)).toBe('已选 1 位客户')
  })

  it('is not in the navigation without wecom:handover', async () => {
    const permissions = ALL_PERMISSIONS.filter((p) => p !== 'wecom:handover')
    stubServer({}, me({ role: 'operator', permissions }))
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('nav').text()).toContain('群活码')
    expect(wrapper.find('nav').text()).not.toContain('客户继承')
  })
})
