import { useI18n } from 'vue-i18n'
import { useFormat } from '@/composables/useFormat'
import type { CouponTemplate } from './api'

type CouponTerms = Pick<CouponTemplate, 'kind' | 'value' | 'maxOff' | 'threshold'>
type Validity = Pick<CouponTemplate, 'validDays' | 'validFrom' | 'validUntil'>

/** The words of coupons and mall prices, in the UI language. */
export function useLoyaltyWords() {
  const { t, locale } = useI18n()
  const format = useFormat()

  /** 15 percent off is 8.5 折 in Chinese. */
  const zhe = (percent: number) =>
    new Intl.NumberFormat(locale.value, { maximumFractionDigits: 2 }).format((100 - percent) / 10)

  return {
    /**
     * The word for one of the module's values (`entryKinds`, `earn`). Empty without a value: a table
     * renders its cells once without a row to learn its columns.
     */
    label: (group: string, value: string | null | undefined) =>
      value == null ? '' : t(`loyalty.${group}.${value}`),
    /** "减 ¥20" or "8.5 折，最多减 ¥50". */
    value: (coupon: CouponTerms) => {
      if (coupon.kind === 'amount')
        return t('loyalty.coupon.amount', { value: format.money(coupon.value) })
      const values = {
        rate: zhe(coupon.value),
        percent: coupon.value,
        max: format.money(coupon.maxOff),
      }
      return coupon.maxOff
        ? t('loyalty.coupon.percentCapped', values)
        : t('loyalty.coupon.percent', values)
    },
    /** "满 ¥100 可用" or "无门槛". */
    threshold: (coupon: CouponTerms) =>
      coupon.threshold > 0
        ? t('loyalty.coupon.threshold', { amount: format.money(coupon.threshold) })
        : t('loyalty.coupon.noThreshold'),
    validity: (template: Validity) =>
      template.validDays
        ? t('loyalty.coupon.validDays', { n: template.validDays })
        : t('loyalty.coupon.validRange', {
            from: format.date(template.validFrom),
            until: format.date(template.validUntil),
          }),
    /** "2,000 积分" or "800 积分 + ¥9.90". */
    price: (item: { points: number; cash: number }) =>
      item.cash > 0
        ? t('loyalty.mall.price.withCash', {
            points: format.number(item.points),
            cash: format.money(item.cash),
          })
        : t('loyalty.mall.price.points', { points: format.number(item.points) }),
  }
}
