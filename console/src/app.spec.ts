import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from './i18n'
import { mountApp } from '@/test/app'
import { funnel, wecom } from '@/test/analytics'
import { jsonResponse, stubFetch } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'

const overview = {
  days: 7,
  customers: { total: 102345, members: 40210, newInPeriod: 812 },
  staff: { total: 36 },
  events: { inPeriod: 55120 },
  dailyNewCustomers: [{ date: '2026-11-01', count: 120 }],
  dailyEvents: [
    { date: '2026-11-01', type: 'view', count: 900 },
    { date: '2026-11-01', type: 'purchase', count: 40 },
  ],
  membersByLevel: [
    { level: 0, count: 62135 },
    { level: 1, count: 30000 },
    { level: 2, count: 9000 },
    { level: 3, count: 1210 },
  ],
  genders: [
    { gender: 1, count: 40000 },
    { gender: 2, count: 60000 },
    { gender: 0, count: 2345 },
  ],
}

const account = {
  id: 11,
  username: 'zhang.san',
  displayName: '张三',
  role: 'operator',
  enabled: true,
  locked: true,
  lastLoginAt: '2026-11-01T01:02:03Z',
  createdAt: '2026-10-01T01:02:03Z',
}

function stubServer() {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account: me() }),
    'GET /api/v1/dashboard/overview': () => jsonResponse(overview),
    'GET /api/v1/analytics/funnel': () => jsonResponse(funnel()),
    'GET /api/v1/analytics/wecom': () => jsonResponse(wecom()),
    'GET /api/v1/accounts': () =>
      jsonResponse({
        items: [
          account,
          { ...account, id: 12, username: 'li.si', locked: false, lastLoginAt: undefined },
        ],
        nextCursor: 'next',
      }),
    'GET /api/v1/api-keys': () =>
      jsonResponse({
        items: [
          {
            id: 21,
            name: '订单同步',
            prefix: 'siyu_1_JKKN…',
            role: 'operator',
            createdAt: '2026-10-01T00:00:00Z',
            createdBy: 'admin',
          },
        ],
      }),
    'GET /api/v1/audit-events': () =>
      jsonResponse({
        items: [
          {
            id: 31,
            occurredAt: '2026-11-01T00:00:00Z',
            actor: 'admin',
            action: 'api-key.revoked',
            target: '订单同步',
            detail: '{}',
          },
          {
            id: 32,
            occurredAt: '2026-11-01T00:00:00Z',
            actor: null,
            action: 'segment.rebuilt',
            target: null,
            detail: '{"role": "manager", "locked": true, "took": "2s"}',
          },
        ],
        nextCursor: null,
      }),
    'GET /api/v1/tenant': () =>
      jsonResponse({ id: 't-1', name: '示例品牌', timeZone: 'Asia/Shanghai' }),
    'GET /api/v1/event-types': () =>
      jsonResponse([
        {
          name: 'purchase',
          code: 3,
          builtIn: true,
          displayName: '购买',
          properties: [
            { name: 'orderId', kind: 'string', required: true, maxLength: 64, values: [] },
          ],
          last30Days: 40,
          daily: [{ date: '2026-11-01', count: 40 }],
        },
      ]),
  })
}

describe('the console, signed in with every permission', () => {
  afterEach(() => setLocale('zh-CN'))

  it('shows the nav, the header and the dashboard without a console warning', async () => {
    stubServer()
    const { wrapper } = await mountApp('/')
    const nav = wrapper.find('nav').text()
    const labels = ['首页', '客户列表', '自定义属性', '数据', '事件目录', '账号与权限', '员工账号']
    for (const label of [...labels, 'API 密钥', '审计日志', '企业设置', '企业微信接入'])
      expect(nav).toContain(label)
    const groups = ['首页', '数据分析', '客户', '数据事件目录', '账号与权限'].map((label) =>
      nav.indexOf(label),
    )
    expect(groups).toEqual([...groups].sort((a, b) => a - b))
    expect(wrapper.text()).toContain('示例品牌')
    expect(wrapper.text()).toContain('102,345')
    expect(wrapper.text()).toContain('每日新增客户')
    expect(wrapper.find('[data-testid="morning-summary"]').text()).toContain('昨日早报')
    expect(document.querySelector('.el-message--error')).toBeNull()
    expect(wrapper.findAll('echarts-stub')).toHaveLength(4)
    expect(document.title).toBe('首页 · 私域 Siyu')
  })

  it('shows tenant-local times and an unlock button on the staff accounts page', async () => {
    stubServer()
    const { wrapper } = await mountApp('/access/accounts')
    expect(wrapper.text()).toContain('zhang.san')
    expect(wrapper.text()).toContain('2026-11-01 09:02')
    expect(wrapper.text()).toContain('已锁定')
    expect(wrapper.text()).toContain('解锁')
    expect(wrapper.text()).toContain('加载更多')
    expect(wrapper.text()).toContain('从未登录')
  })

  it('shows API keys and the audit log with localized actions and raw codes as fallback', async () => {
    stubServer()
    const keys = await mountApp('/access/api-keys')
    expect(keys.wrapper.text()).toContain('siyu_1_JKKN…')
    expect(keys.wrapper.text()).not.toContain('……')
    expect(keys.wrapper.text()).toContain('已全部加载，共 1 条')
    expect(keys.wrapper.text()).toContain('从未使用')
    keys.wrapper.unmount()

    const audit = await mountApp('/access/audit')
    expect(audit.wrapper.text()).toContain('吊销 API 密钥')
    expect(audit.wrapper.text()).toContain('segment.rebuilt')
    expect(audit.wrapper.text()).toContain('系统')
    expect(audit.wrapper.text()).toContain('角色: 运营经理, 已锁定: 是, took: 2s')
  })

  it('shows the event catalog under 数据 with its chart, schema and example', async () => {
    stubServer()
    const { wrapper } = await mountApp('/data/events')
    expect(document.title).toBe('事件目录 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('事件目录')
    expect(wrapper.text()).toContain('近 30 天每日事件量')
    expect(wrapper.findAll('echarts-stub')).toHaveLength(1)
    expect(wrapper.text()).toContain('orderId')
    expect(wrapper.text()).toContain('如何上报事件')
  })

  it('shows the tenant settings form', async () => {
    stubServer()
    const { wrapper } = await mountApp('/access/tenant')
    expect((wrapper.find('input[name="name"]').element as HTMLInputElement).value).toBe('示例品牌')
    expect(wrapper.text()).toContain('该时区当前时间')
  })

  it('switches the texts to English and remembers the choice', async () => {
    stubServer()
    const { wrapper } = await mountApp('/access/accounts')
    setLocale('en')
    await settle()
    expect(wrapper.find('nav').text()).toContain('Staff accounts')
    expect(wrapper.find('nav').text()).not.toMatch(/\p{Script=Han}/u)
    expect(wrapper.text()).toContain('Load more')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('siyu.locale')).toBe('en')
    expect(document.title).toBe('Staff accounts · 私域 Siyu')
  })

  it('hides nav entries the account may not use', async () => {
    stubFetch({
      'GET /api/v1/auth/session': () =>
        jsonResponse({
          authenticated: true,
          account: me({ role: 'staff', permissions: ['dashboard:read', 'audit:read'] }),
        }),
      'GET /api/v1/dashboard/overview': () => jsonResponse(overview),
    })
    const { wrapper } = await mountApp('/')
    const nav = wrapper.find('nav').text()
    expect(nav).toContain('审计日志')
    expect(nav).not.toContain('员工账号')
    expect(nav).not.toContain('API 密钥')
    expect(nav).not.toContain('企业设置')
    expect(nav).not.toContain('企业微信接入')
    expect(nav).not.toContain('事件目录')
    expect(nav).not.toContain('数据')
    expect(nav).not.toContain('客户')
  })

  it('shows an operator the event catalog but not the access pages', async () => {
    stubFetch({
      'GET /api/v1/auth/session': () =>
        jsonResponse({
          authenticated: true,
          account: me({
            role: 'operator',
            permissions: ['dashboard:read', 'events:read', 'events:write'],
          }),
        }),
      'GET /api/v1/dashboard/overview': () => jsonResponse(overview),
    })
    const { wrapper } = await mountApp('/')
    const nav = wrapper.find('nav').text()
    expect(nav).toContain('数据')
    expect(nav).toContain('事件目录')
    expect(nav).not.toContain('账号与权限')
  })
})
