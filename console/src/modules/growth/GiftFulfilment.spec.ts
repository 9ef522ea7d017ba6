import { afterEach, describe, expect, it } from 'vitest'
import './CampaignDetailView.vue'
import { setLocale } from '@/i18n'
import { choose, mountApp as mountConsole, openDialog, type } from '@/test/app'
import { button } from '@/test/dom'
import { ADDRESS, gift, GIFTS, stubGrowthServer } from '@/test/growth'
import { jsonResponse, problemResponse } from '@/test/http'
import { settle } from '@/test/settle'

// A running campaign's page polls until unmounted: none may outlive its test.
const mounted: { unmount: () => void }[] = []
async function mountApp(path: string) {
  const app = await mountConsole(path)
  mounted.push(app.wrapper)
  return app
}

const section = () => document.querySelector<HTMLElement>('[data-testid="gifts"]')!
const rows = () => [...section().querySelectorAll<HTMLElement>('.el-table__body tr')]
const rowText = (i: number) => rows()[i]!.textContent!.replace(/\s+/g, ' ').trim()
const action = (row: number, name: string) =>
  rows()[row]!.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)
const field = (name: string) =>
  openDialog().querySelector<HTMLInputElement>(`input[name="${name}"]`)
const requestsTo = (calls: Request[], method: string, path: string) =>
  calls.filter((c) => c.method === method && new URL(c.url).pathname === path)

describe('a campaign’s gift fulfilment (礼品发货)', { timeout: 30_000 }, () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    setLocale('zh-CN')
  })

  it('lists each gift with its status, masked phone, address and tracking number', async () => {
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    expect(section().querySelector('h2')!.textContent).toBe('礼品发货')
    expect(rows()).toHaveLength(3)
    expect(rowText(0)).toContain('第 3 阶 · 品牌保温杯')
    expect(rowText(0)).toContain('待填地址')
    expect(rowText(0)).toContain('等待填写地址')
    expect(rowText(1)).toContain('王芳 · 138****5678')
    expect(rowText(1)).toContain('上海市浦东新区 张杨路 500 号 12 楼')
    expect(rowText(2)).toContain('已发货')
    expect(rowText(2)).toContain('顺丰速运')
    expect(rowText(2)).toContain('SF1400000001')
    expect(action(0, 'address')!.textContent!.trim()).toBe('填写地址')
    expect(action(1, 'ship')!.textContent!.trim()).toBe('发货')
    expect(action(1, 'address')!.textContent!.trim()).toBe('修改地址')
    expect(action(2, 'receive')!.textContent!.trim()).toBe('确认签收')
    expect(action(2, 'cancel')).toBeNull()
    expect(section().querySelector('[data-testid="gift-export"]')!.getAttribute('href')).toBe(
      '/api/v1/campaigns/9/rewards/export?status=to_ship',
    )
  })

  it('asks the server for the gifts of the status chosen', async () => {
    const { calls } = stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    const radio = [...section().querySelectorAll<HTMLElement>('.el-radio-button')].find(
      (r) => r.textContent?.trim() === '待发货',
    )!
    radio.querySelector('input')!.click()
    await settle()
    const asked = requestsTo(calls, 'GET', '/api/v1/campaigns/9/rewards').at(-1)!
    expect(new URL(asked.url).searchParams.get('status')).toBe('to_ship')
  })

  it('enters an address: a bad mobile number stays here, a good one is sent without +86', async () => {
    const { calls } = stubGrowthServer({
      'PUT /api/v1/campaigns/9/rewards/71/address': async (request) =>
        jsonResponse(gift({ status: 'to_ship', address: await request.clone().json() })),
    })
    await mountApp('/growth/campaigns/9')
    action(0, 'address')!.click()
    await settle()
    expect(field('recipient')!.value).toBe('林小雨')
    await type(field('recipient'), '王芳')
    await type(field('mobile'), '1381234567')
    await type(field('province'), '上海市')
    await type(field('city'), '上海市')
    await type(field('district'), '浦东新区')
    await type(field('detail'), '张杨路 500 号 12 楼')
    button('保存地址', openDialog()).click()
    await settle()
    expect(openDialog().textContent).toContain('请填写 11 位中国大陆手机号码')
    expect(requestsTo(calls, 'PUT', '/api/v1/campaigns/9/rewards/71/address')).toHaveLength(0)

    await type(field('mobile'), '+86 138 1234 5678')
    button('保存地址', openDialog()).click()
    await settle()
    const put = requestsTo(calls, 'PUT', '/api/v1/campaigns/9/rewards/71/address')
    expect(put).toHaveLength(1)
    expect(await put[0]!.json()).toEqual(ADDRESS)
    expect(rowText(0)).toContain('待发货')
    expect(rowText(0)).toContain('王芳 · 138****5678')
  })

  it('shows the server’s word on each bad field of an address', async () => {
    stubGrowthServer({
      'PUT /api/v1/campaigns/9/rewards/72/address': () =>
        problemResponse(400, {
          detail: '请求中有字段不合要求',
          errors: [
            {
              field: 'detail',
              code: 'growth.gift.detail',
              message: '请填写详细地址（最多 120 个字符）。',
            },
          ],
        }),
    })
    await mountApp('/growth/campaigns/9')
    action(1, 'address')!.click()
    await settle()
    expect(field('mobile')!.value).toBe('13812345678')
    button('保存地址', openDialog()).click()
    await settle()
    expect(openDialog().querySelector('.el-form-item.is-error')!.textContent).toContain(
      '请填写详细地址（最多 120 个字符）。',
    )
  })

  it('ships with a carrier and tracking number, then marks it received', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns/9/rewards/72/ship': async (request) =>
        jsonResponse({ ...GIFTS[1]!, status: 'shipped', ...(await request.clone().json()) }),
      'POST /api/v1/campaigns/9/rewards/73/receive': () =>
        jsonResponse({ ...GIFTS[2]!, status: 'received' }),
    })
    await mountApp('/growth/campaigns/9')
    action(1, 'ship')!.click()
    await settle()
    expect(openDialog().querySelector('[data-testid="ship-to"]')!.textContent).toContain(
      '寄往 王芳 13812345678，上海市浦东新区 张杨路 500 号 12 楼',
    )
    await choose(openDialog().querySelector('[data-testid="ship-carrier"]'), '京东物流')
    await type(field('trackingNo'), 'JDVA1234567')
    button('确认发货', openDialog()).click()
    await settle()
    const ship = requestsTo(calls, 'POST', '/api/v1/campaigns/9/rewards/72/ship')
    expect(await ship[0]!.json()).toEqual({ carrier: '京东物流', trackingNo: 'JDVA1234567' })
    expect(rowText(1)).toContain('已发货')
    expect(rowText(1)).toContain('京东物流')
    expect(rowText(1)).toContain('JDVA1234567')

    action(2, 'receive')!.click()
    await settle()
    expect(requestsTo(calls, 'POST', '/api/v1/campaigns/9/rewards/73/receive')).toHaveLength(1)
    expect(rowText(2)).toContain('已签收')
    expect(action(2, 'receive')).toBeNull()
  })

  it('cancels only once the operator confirms it, naming the stage that gets the stock back', async () => {
    const { calls } = stubGrowthServer({
      'POST /api/v1/campaigns/9/rewards/71/cancel': () =>
        jsonResponse(gift({ status: 'cancelled' })),
    })
    await mountApp('/growth/campaigns/9')
    action(0, 'cancel')!.click()
    await settle()
    const box = [...document.querySelectorAll<HTMLElement>('.el-message-box')].at(-1)!
    expect(box.textContent).toContain('库存退回第 3 阶')
    button('取消礼品', box).click()
    await settle()
    expect(requestsTo(calls, 'POST', '/api/v1/campaigns/9/rewards/71/cancel')).toHaveLength(1)
    expect(rowText(0)).toContain('已取消')
  })

  it('speaks English when the console does', async () => {
    setLocale('en')
    stubGrowthServer()
    await mountApp('/growth/campaigns/9')
    expect(section().querySelector('h2')!.textContent).toBe('Gift fulfilment')
    expect(rowText(0)).toContain('Awaiting address')
    expect(section().textContent).not.toMatch(/待|已|礼品发货/)
  })
})
