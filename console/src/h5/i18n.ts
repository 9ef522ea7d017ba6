// The member page's words (zh-CN first, English alongside), and the language it speaks: ?lang= when given,
// else the browser's, else Chinese.
import { createI18n } from 'vue-i18n'

export const zhCN = {
  title: '会员中心',
  card: {
    memberNo: '会员号 {no}',
    growth: '成长值 {value}',
    toNext: '再获得 {needed} 成长值升级为{name}',
    top: '已是最高等级',
    points: '可用积分',
    expiring: '{points} 积分将于 {date} 过期',
    discount: '{fold} 折专享',
    freeShipping: '包邮',
    birthday: '生日赠 {points} 积分',
    paidValid: '{plan} · 有效期至 {date}',
    paidEnded: '{plan}已于 {date} 到期，续费可恢复卡权益',
  },
  tabs: { points: '积分', coupons: '优惠券', mall: '积分商城' },
  points: {
    empty: '还没有积分记录',
    expires: '{date} 过期',
    kinds: { earn: '获得', spend: '使用', expire: '过期', reverse: '退款扣回', adjust: '调整' },
    sources: {
      purchase: '购物奖励',
      refund: '退款',
      journey: '活动奖励',
      campaign: '活动奖励',
      mall: '积分商城兑换',
      shop: '购物抵扣',
      manual: '积分调整',
      expiry: '积分过期',
      referral: '推荐奖励',
      birthday: '生日礼',
      rule: '任务奖励',
    },
  },
  coupons: {
    empty: '暂无优惠券',
    status: { available: '可使用', used: '已使用', expired: '已过期' },
    amountOff: '¥{value}',
    percentOff: '{fold} 折',
    threshold: '满 {threshold} 元可用',
    noThreshold: '无门槛',
    maxOff: '最多减 {maxOff} 元',
    skus: '限指定商品：{skus}',
    until: '有效期至 {date}',
    usedAt: '{date} 已使用',
  },
  mall: {
    empty: '商城暂无可兑换的商品',
    points: '{points} 积分',
    plusCash: '+ ¥{cash}',
    cashNote: '另需支付 ¥{cash}',
    left: '剩 {left} 件',
    soldOut: '已兑完',
    perMember: '每人限兑 {count} 件',
    redeem: '兑换',
    confirm: '确认兑换',
    confirmText: '将使用 {points} 积分兑换「{name}」，当前可用 {balance} 积分。',
    notEnough: '积分不足',
    done: '兑换成功，剩余 {balance} 积分',
  },
  failed: '加载失败，请稍后重试',
  retry: '重试',
  noLink: '请通过商家发送的会员页链接打开',
}

export type H5Messages = typeof zhCN

export const en: H5Messages = {
  title: 'Membership',
  card: {
    memberNo: 'Member no. {no}',
    growth: 'Growth {value}',
    toNext: '{needed} more growth to reach {name}',
    top: 'Top tier reached',
    points: 'Points',
    expiring: '{points} points expire on {date}',
    discount: '{percent}% member discount',
    freeShipping: 'Free shipping',
    birthday: '{points} birthday points',
    paidValid: '{plan} · valid until {date}',
    paidEnded: '{plan} ended on {date}; renew to get its benefits back',
  },
  tabs: { points: 'Points', coupons: 'Coupons', mall: 'Rewards' },
  points: {
    empty: 'No points yet',
    expires: 'expires {date}',
    kinds: {
      earn: 'Earned',
      spend: 'Spent',
      expire: 'Expired',
      reverse: 'Refund',
      adjust: 'Adjusted',
    },
    sources: {
      purchase: 'Purchase reward',
      refund: 'Refund',
      journey: 'Campaign reward',
      campaign: 'Campaign reward',
      mall: 'Rewards redemption',
      shop: 'Used at checkout',
      manual: 'Adjustment',
      expiry: 'Points expired',
      referral: 'Referral reward',
      birthday: 'Birthday gift',
      rule: 'Task reward',
    },
  },
  coupons: {
    empty: 'No coupons yet',
    status: { available: 'Available', used: 'Used', expired: 'Expired' },
    amountOff: '¥{value} off',
    percentOff: '{value}% off',
    threshold: 'On orders from ¥{threshold}',
    noThreshold: 'No minimum spend',
    maxOff: 'Up to ¥{maxOff} off',
    skus: 'Only for: {skus}',
    until: 'Valid until {date}',
    usedAt: 'Used on {date}',
  },
  mall: {
    empty: 'Nothing to redeem yet',
    points: '{points} points',
    plusCash: '+ ¥{cash}',
    cashNote: 'Plus ¥{cash} to pay',
    left: '{left} left',
    soldOut: 'Sold out',
    perMember: 'Up to {count} per member',
    redeem: 'Redeem',
    confirm: 'Confirm',
    confirmText: 'Redeem “{name}” for {points} points? You have {balance} points.',
    notEnough: 'Not enough points',
    done: 'Redeemed; {balance} points left',
  },
  failed: 'Could not load; try again later',
  retry: 'Retry',
  noLink: 'Open this page from the member link the shop sent you',
}

export type H5Locale = 'zh-CN' | 'en'

/** ?lang=en or ?lang=zh-CN wins; else the browser's first language we speak; else Chinese. */
export function pickLocale(search: string, languages: readonly string[]): H5Locale {
  const asked = new URLSearchParams(search).get('lang')?.toLowerCase()
  for (const language of asked ? [asked] : languages.map((l) => l.toLowerCase())) {
    if (language.startsWith('zh')) return 'zh-CN'
    if (language.startsWith('en')) return 'en'
  }
  return 'zh-CN'
}

export function createH5I18n(locale: H5Locale) {
  return createI18n<[H5Messages], H5Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  })
}
