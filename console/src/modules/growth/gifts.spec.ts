import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { GIFT_STATUSES } from './api'
import { addressLine, giftActions, maskedMobile, MOBILE, normalMobile } from './gifts'

describe('a gift on its way', () => {
  it('takes a mainland mobile number written with spaces, hyphens or +86, and no other', () => {
    expect(normalMobile('+86 138-1234-5678')).toBe('13812345678')
    expect(MOBILE.test(normalMobile('+86 138-1234-5678'))).toBe(true)
    for (const bad of ['12345678901', '1381234567', '138123456789', '23812345678', 'abc']) {
      expect(MOBILE.test(normalMobile(bad)), bad).toBe(false)
    }
  })

  it('reads the address on one line, without the city twice for a municipality', () => {
    const address = {
      recipient: '王芳',
      mobile: '13812345678',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      detail: '张杨路 500 号',
    }
    expect(addressLine(address)).toBe('上海市浦东新区 张杨路 500 号')
    expect(
      addressLine({ ...address, province: '浙江省', city: '杭州市', district: '西湖区' }),
    ).toBe('浙江省杭州市西湖区 张杨路 500 号')
    expect(maskedMobile('13812345678')).toBe('138****5678')
  })

  it('offers the next step its status allows, and nothing once it is received or cancelled', () => {
    expect(giftActions({ status: 'awaiting_address' })).toEqual(['address', 'cancel'])
    expect(giftActions({ status: 'to_ship' })).toEqual(['ship', 'address', 'cancel'])
    expect(giftActions({ status: 'shipped' })).toEqual(['receive'])
    expect(giftActions({ status: 'received' })).toEqual([])
    expect(giftActions({ status: 'cancelled' })).toEqual([])
  })

  it.each(['zh-CN', 'en'] as const)('names every status in %s', (locale) => {
    const keys = [
      ...GIFT_STATUSES.map((s) => `growth.gifts.status.${s}`),
      'growth.rewardStatus.cancelled',
    ]
    expect(keys.filter((key) => !i18n.global.te(key, locale))).toEqual([])
  })
})
