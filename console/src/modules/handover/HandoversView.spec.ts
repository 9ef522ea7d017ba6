import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './HandoversView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'
import { summary } from '@/test/customers'
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

  it('hands a staff member’s customer found by name to another, and shows a refusal on its field', async () => {
    const { calls } = stubServer({
      'GET /api/v1/customers': () => jsonResponse({ items: [summary({ id: 20001 })] }),
      'GET /api/v1/customers/20001/wecom-contacts': () =>
        jsonResponse([
          {
            userId: 'lina',
            staffName: '李娜',
            externalUserId: 'wmLin01',
            addWay: 1,
            addedAt: '2026-11-01T02:00:00Z',
          },
        ]),
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
    await choose(dialog.querySelector('[data-testid="handover-from"]'), '李娜8 位客户')
    await choose(dialog.querySelector('[data-testid="handover-to"]'), '张伟12 位客户')
    const search = dialog.querySelector<HTMLInputElement>('[data-testid="customer-search"] input')
    await type(search, '林晓')
    await settle(400)
    await choose(dialog.querySelector('[data-testid="customer-search"]'), '林晓雯#20001')
    await settle()
    expect(dialog.querySelector('.handover-form__chosen')?.textContent).toContain('林晓雯')
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
    expect(dialog.querySelector('.handover-form__count')?.textContent?.trim()).toBe('已选 1 位客户')
  })

  it('is not in the navigation without wecom:handover', async () => {
    const permissions = ALL_PERMISSIONS.filter((p) => p !== 'wecom:handover')
    stubServer({}, me({ role: 'operator', permissions }))
    const { wrapper } = await mountApp('/')
    expect(wrapper.find('nav').text()).toContain('群活码')
    expect(wrapper.find('nav').text()).not.toContain('客户继承')
  })
})
