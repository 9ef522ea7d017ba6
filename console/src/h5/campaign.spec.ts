import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Component, DefineComponent } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/api/problem'
import type { CampaignApi, Gift, Progress } from './campaign-api'
import { campaignIdFrom, deviceId, validMobile } from './campaign-api'
import CampaignApp from './CampaignApp.vue'
import GiftAddressForm from './GiftAddressForm.vue'
import { createH5I18n, type H5Locale } from './i18n'

const cup: Gift = {
  id: 41,
  stage: 2,
  gift: '定制保温杯',
  status: 'awaiting_address',
  address: null,
  carrier: null,
  trackingNo: null,
}

const progress: Progress = {
  campaignId: 7,
  name: '邀好友领好礼',
  description: '邀请 3 位好友添加顾问即可领取',
  ended: false,
  endsAt: '2026-12-08T00:00:00Z',
  now: '2026-12-01T00:00:00Z',
  counted: 2,
  pending: 1,
  next: { stage: 3, invites: 5, needed: 3 },
  stages: [
    {
      stage: 1,
      invites: 1,
      rewardKind: 'points',
      amount: 10,
      gift: null,
      giftImage: null,
      status: 'granted',
      soldOut: false,
    },
    {
      stage: 2,
      invites: 2,
      rewardKind: 'gift',
      amount: 0,
      gift: '定制保温杯',
      giftImage: null,
      status: 'granted',
      soldOut: true,
    },
    {
      stage: 3,
      invites: 5,
      rewardKind: 'points',
      amount: 100,
      gift: null,
      giftImage: null,
      status: 'locked',
      soldOut: false,
    },
  ],
  friends: [
    { name: '王**', status: 'counted', at: '2026-11-30T02:00:00Z' },
    { name: null, status: 'held', at: '2026-11-30T03:00:00Z' },
  ],
  gifts: [cup],
}

function api(overrides: Partial<CampaignApi> = {}): CampaignApi {
  return {
    progress: vi.fn(async () => progress),
    poster: vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo='),
    address: vi.fn(async (_id, address) => ({ ...cup, status: 'to_ship' as const, address })),
    ...overrides,
  }
}

const mounted: { unmount: () => void }[] = []
function render(component: Component, props: Record<string, unknown>, locale: H5Locale = 'zh-CN') {
  const wrapper = mount(component as DefineComponent, {
    props,
    attachTo: document.body,
    global: { plugins: [createH5I18n(locale)] },
  })
  mounted.push(wrapper)
  return wrapper
}
const texts = (selector: string) =>
  [...document.querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim())
const text = (selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim()

function type(testid: string, value: string): void {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[data-testid="${testid}"] input, [data-testid="${testid}"] textarea`,
  )!
  input.value = value
  input.dispatchEvent(new Event('input'))
}

describe('the campaign progress page', () => {
  afterEach(() => mounted.splice(0).forEach((w) => w.unmount()))

  it('reads the campaign from ?c= and keeps one device id per browser', () => {
    expect(campaignIdFrom('?c=42&lang=en')).toBe(42)
    expect(campaignIdFrom('?c=0')).toBeNull()
    expect(campaignIdFrom('?c=1;drop')).toBeNull()
    const kept = new Map<string, string>()
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    }
    const first = deviceId(storage)
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(deviceId(storage)).toBe(first)
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => undefined,
    }
    expect(deviceId(broken)).not.toBe(first)
  })

  it('checks mobile numbers as the server does', () => {
    expect(validMobile('138 1234 5678')).toBe(true)
    expect(validMobile('+86 138-1234-5678')).toBe(true)
    expect(validMobile('12345678901')).toBe(false)
    expect(validMobile('1381234567')).toBe(false)
  })

  it('shows the campaign, the way to the next stage, stages, masked friends and the gift to address', async () => {
    render(CampaignApp, { api: api() })
    await flushPromises()
    expect(text('.hero__name')).toBe('邀好友领好礼')
    expect(text('[data-testid="countdown"]')).toContain('距活动结束')
    expect(text('[data-testid="countdown"]')).toContain('07 天')
    expect(text('[data-testid="progress"]')).toContain('已邀请 2 位好友')
    expect(text('[data-testid="progress"]')).toContain('另有 1 位好友待确认')
    expect(text('[data-testid="progress-next"]')).toBe('再邀请 3 位好友即可获得第 3 阶奖励')
    expect(document.querySelector<HTMLElement>('.van-progress__portion')!.style.width).toBe('40%')
    expect(texts('[data-testid="stage"] .van-tag')).toEqual(['已获得', '已获得', '未达成'])
    expect(texts('.stage__reward')).toEqual(['10 积分', '定制保温杯', '100 积分'])
    expect(texts('.friend__name')).toEqual(['王**', '好友'])
    expect(texts('[data-testid="friend"] .van-tag')).toEqual(['已生效', '待确认'])
    expect(text('[data-testid="gift"]')).toContain('待填写地址')
    expect(document.querySelector('[data-testid="poster-image"]')).not.toBeNull()
    expect(text('[data-testid="poster"]')).toContain('长按图片保存到相册')
  })

  it('shows a shipped gift with its carrier and number, and no poster once the campaign is over', async () => {
    const shipped: Gift = {
      ...cup,
      status: 'shipped',
      address: {
        recipient: '王芳',
        mobile: '13812345678',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        detail: '张杨路 500 号',
      },
      carrier: '顺丰速运',
      trackingNo: 'SF1400000001',
    }
    const server = api({
      progress: vi.fn(async () => ({ ...progress, ended: true, gifts: [shipped] })),
    })
    render(CampaignApp, { api: server })
    await flushPromises()
    expect(text('[data-testid="gift-shipment"]')).toBe('顺丰速运 · 运单号 SF1400000001')
    expect(text('[data-testid="campaign-ended"]')).toContain('活动已结束')
    expect(document.querySelector('[data-testid="poster"]')).toBeNull()
    expect(server.poster).not.toHaveBeenCalled()
    expect(document.querySelector('[data-testid="fill-address"]')).toBeNull()
  })

  it('shows a clear refusal for an ended campaign or a bad link, with retry only when the network failed', async () => {
    const ended = new ApiError(410, {
      code: 'growth.page.ended',
      detail: '活动「邀好友领好礼」已结束，感谢参与。',
    })
    render(CampaignApp, { api: api({ progress: vi.fn(async () => Promise.reject(ended)) }) })
    await flushPromises()
    expect(text('[data-testid="refusal-title"]')).toBe('活动已结束')
    expect(text('[data-testid="refusal-detail"]')).toBe('活动「邀好友领好礼」已结束，感谢参与。')
    expect(document.querySelector('[data-testid="refusal"] button')).toBeNull()
    mounted.splice(0).forEach((w) => w.unmount())

    const forged = new ApiError(401, { code: 'link.invalid', detail: 'The link is not valid.' })
    render(CampaignApp, { api: api({ progress: vi.fn(async () => Promise.reject(forged)) }) }, 'en')
    await flushPromises()
    expect(text('[data-testid="refusal-title"]')).toBe('Link not usable')
    mounted.splice(0).forEach((w) => w.unmount())

    render(CampaignApp, { api: null })
    await flushPromises()
    expect(text('[data-testid="refusal-detail"]')).toBe('请通过商家发送的活动链接打开')
    mounted.splice(0).forEach((w) => w.unmount())

    render(CampaignApp, {
      api: api({ progress: vi.fn(async () => Promise.reject(new ApiError(0, {}))) }),
    })
    await flushPromises()
    expect(text('[data-testid="refusal"] button')).toBe('重试')
  })

  it('refuses a bad mobile in the form and sends a good address once', async () => {
    const server = api()
    const wrapper = render(GiftAddressForm, { gift: cup, api: server })
    type('address-recipient', '王芳')
    type('address-mobile', '12345678901')
    type('address-province', '上海市')
    type('address-city', '上海市')
    type('address-district', '浦东新区')
    type('address-detail', '张杨路 500 号 12 楼')
    document.querySelector<HTMLElement>('[data-testid="address-submit"]')!.click()
    await flushPromises()
    expect(text('[data-testid="address-mobile"] .van-field__error-message')).toBe(
      '请填写正确的 11 位手机号码',
    )
    expect(server.address).not.toHaveBeenCalled()

    type('address-mobile', '138 1234 5678')
    document.querySelector<HTMLElement>('[data-testid="address-submit"]')!.click()
    await flushPromises()
    expect(server.address).toHaveBeenCalledTimes(1)
    expect(vi.mocked(server.address).mock.calls[0]).toEqual([
      41,
      {
        recipient: '王芳',
        mobile: '138 1234 5678',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        detail: '张杨路 500 号 12 楼',
      },
    ])
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('shows the server’s word under the field it refused', async () => {
    const refused = new ApiError(400, {
      detail: '请求有误',
      errors: [
        {
          field: 'detail',
          code: 'growth.gift.detail',
          message: '请填写详细地址（最多 120 个字符）。',
        },
      ],
    })
    const filled = {
      ...cup,
      address: {
        recipient: '王芳',
        mobile: '13812345678',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        detail: '张杨路',
      },
    }
    render(GiftAddressForm, {
      gift: filled,
      api: api({ address: vi.fn(async () => Promise.reject(refused)) }),
    })
    document.querySelector<HTMLElement>('[data-testid="address-submit"]')!.click()
    await flushPromises()
    expect(text('[data-testid="address-detail"] .van-field__error-message')).toBe(
      '请填写详细地址（最多 120 个字符）。',
    )
  })
})
