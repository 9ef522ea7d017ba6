import { afterEach, describe, expect, it } from 'vitest'
import VChart from 'vue-echarts'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './LiveCodeStatsView.vue'
import { setLocale } from '@/i18n'
import { mountApp, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { jsonResponse, problemResponse, type Route } from '@/test/http'
import { channelCode, report, stubLiveCodeServer, withTotals } from '@/test/live-codes'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { addDays, todayInZone } from '@/utils/time'
import type { ChartOption } from '@/modules/home/echarts'

const STORE = withTotals(
  channelCode({
    id: 31,
    parentId: 7,
    kind: 'store',
    name: '门店海报 · 上海静安店',
    store: '上海静安店',
    staff: ['wangwu'],
  }),
  88,
)

const PERSONAL = {
  ...withTotals(channelCode({ id: 41, parentId: 7, kind: 'personal', sharerCustomerId: 20001 }), 3),
  sharer: { id: 20001, name: '林晓雯' },
}

function stubServer(account = me(), routes: Record<string, Route> = {}) {
  return stubLiveCodeServer(
    [],
    {
      ...routes,
      'GET /api/v1/wecom/channel-codes': (request) =>
        jsonResponse(
          new URL(request.url).searchParams.get('parentId') === '7' ? [STORE, PERSONAL] : [],
        ),
      'GET /api/v1/wecom/channel-codes/7': () => jsonResponse(withTotals(channelCode())),
      'GET /api/v1/wecom/channel-codes/7/stats': () => jsonResponse(report()),
      'GET /api/v1/wecom/channel-codes/404': () =>
        problemResponse(404, { detail: '渠道活码不存在' }),
    },
    account,
  )
}

const statsCalls = (calls: Request[]) =>
  calls
    .filter((c) => new URL(c.url).pathname.endsWith('/stats'))
    .map((c) => Object.fromEntries(new URL(c.url).searchParams))

describe('a live code’s statistics', { timeout: 30_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    localStorage.clear()
  })

  it('charts adds, losses and net per day and per staff member over the last 30 days', async () => {
    const { calls } = stubServer()
    const { wrapper } = await mountApp('/acquisition/live-codes/7')
    expect(document.title).toBe('活码统计 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('渠道活码')
    expect(wrapper.find('.code-stats__name').text()).toBe('门店海报')

    const today = todayInZone('Asia/Shanghai')
    expect(statsCalls(calls)).toEqual([{ from: addDays(today, -29), to: today }])

    const kpis = wrapper.find('[data-testid="code-kpis"]').text().replace(/\s/g, '')
    for (const part of [
      '累计添加1,284',
      '所选时段+7',
      '今日添加23',
      '留存1,188',
      '留存率92.5%',
      '流失96',
    ]) {
      expect(kpis).toContain(part)
    }
    expect(wrapper.find('[data-testid="period-sums"]').text()).toBe(
      '所选时段：添加 7 · 流失 4 · 净增 +3',
    )

    // charts, not tables
    expect(wrapper.find('[data-testid="daily-chart"] table').exists()).toBe(false)
    const [daily, perStaff] = wrapper
      .findAllComponents(VChart)
      .map((chart) => chart.props('option') as ChartOption)
    const dailySeries = daily!.series as { type: string; name: string; data: number[] }[]
    expect(dailySeries.map((s) => `${s.type}:${s.name}`)).toEqual([
      'bar:添加',
      'bar:流失',
      'line:净增',
    ])
    expect(dailySeries[0]!.data).toEqual([5, 0, 2])
    expect((perStaff!.yAxis as { data: string[] }).data).toEqual(['李四', '张三'])
  })

  it('lists the store codes made from it, each with its QR and what it brought', async () => {
    stubServer()
    const { wrapper } = await mountApp('/acquisition/live-codes/7')
    // its personal codes are not store codes: they have their own dialog
    expect(wrapper.findAll('[data-testid="store-codes"] .store-code')).toHaveLength(1)
    const store = wrapper.find('[data-testid="store-codes"] [data-code-id="31"]')
    expect(store.find('.store-code__name').text()).toBe('上海静安店')
    expect(store.text()).toContain('接待：王五')
    expect(store.text().replace(/\s/g, '')).toContain('累计添加88')
    expect(store.find('img').attributes('src')).toBe(
      '/api/v1/wecom/channel-codes/31/qr.png?size=256',
    )
    expect(store.find('a.el-button').attributes('href')).toBe(
      '/api/v1/wecom/channel-codes/31/qr.png?size=1024',
    )
    expect(button('门店码')).toBeTruthy()
  })

  it('makes store codes for several stores at once, with the server’s errors on their rows', async () => {
    const answers = [
      () =>
        problemResponse(400, {
          detail: '请求参数有误',
          errors: [
            {
              field: 'stores[1].staff[0]',
              code: 'wecom.code.staff.unknown',
              message: '员工 zhaoliu 不能接待客户',
            },
          ],
        }),
      () => jsonResponse([STORE.code, { ...STORE.code, id: 32, store: '杭州西湖店' }], 201),
    ]
    const { calls } = stubServer(me(), {
      'POST /api/v1/wecom/channel-codes/7/stores': () => answers.shift()!(),
    })
    await mountApp('/acquisition/live-codes/7')
    button('门店码').click()
    await settle()
    expect(openDialog().querySelector('.el-dialog__title')?.textContent).toBe(
      '为「门店海报」生成门店活码',
    )
    const rows = () => [...openDialog().querySelectorAll<HTMLElement>('[data-store-row]')]
    expect(rows()).toHaveLength(2)
    await type(openDialog().querySelector('input[name="stores.0.store"]'), ' 上海静安店 ')
    await type(openDialog().querySelector('input[name="stores.1.store"]'), '杭州西湖店')
    for (const [row, name] of [
      [0, '王五'],
      [1, '张三'],
    ] as const) {
      rows()[row]!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
      await settle(0)
      const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
        .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
        .find((item) => item.textContent?.startsWith(name))!
      option.click()
      await settle(0)
    }
    button('生成门店码', openDialog()).click()
    await settle()
    const posted = calls.filter((c) => c.method === 'POST')
    expect(await posted[0]!.clone().json()).toEqual({
      stores: [
        { store: '上海静安店', staff: ['wangwu'] },
        { store: '杭州西湖店', staff: ['zhangsan'] },
      ],
    })
    const errorOf = (row: number) =>
      rows()
        [row]!.querySelectorAll('.el-form-item')[1]!
        .querySelector('.el-form-item__error')
        ?.textContent?.trim()
    expect(errorOf(1)).toBe('员工 zhaoliu 不能接待客户')
    expect(errorOf(0)).toBeUndefined()

    button('生成门店码', openDialog()).click()
    await settle()
    expect(document.querySelector('.el-message--success')?.textContent).toContain(
      '已生成 2 个门店活码',
    )
  })

  it('offers no changes to accounts without live-codes:write', async () => {
    stubServer(me({ role: 'staff', permissions: ['live-codes:read'] }))
    const { wrapper } = await mountApp('/acquisition/live-codes/7')
    const actions = wrapper.findAll('.code-stats__actions .el-button').map((b) => b.text())
    expect(actions).toEqual(['千人千面码', '下载二维码', '下载海报'])
  })

  it('says when the code does not exist', async () => {
    stubServer()
    const { wrapper } = await mountApp('/acquisition/live-codes/404')
    expect(wrapper.text()).toContain('渠道活码不存在或已删除')
    expect(document.querySelector('.el-message--error')).toBeNull()
  })
})
