import { useI18n } from 'vue-i18n'
import { useFormat } from '@/composables/useFormat'
import type { RewardOf } from './stages'

/** Stands in for what the operator has not filled in yet. */
const BLANK = '…'

/** The words of a campaign's stages and invites, in the UI language. */
export function useGrowthWords() {
  const { t, te } = useI18n()
  const format = useFormat()

  /** "¥3.00", or "¥1.00–¥2.00" for a random amount. */
  const packet = (reward: RewardOf) =>
    reward.amount
      ? format.money(reward.amount / 100) +
        (reward.amountMax && reward.amountMax > reward.amount
          ? `–${format.money(reward.amountMax / 100)}`
          : '')
      : BLANK

  const values = (reward: RewardOf) => ({
    amount: reward.amount ? format.number(reward.amount) : BLANK,
    packet: packet(reward),
    coupon: reward.couponId?.trim() || BLANK,
    gift: reward.gift?.trim() || BLANK,
  })

  return {
    /** "100 积分", "优惠券 CPN-1", "礼品：保温杯". */
    reward: (reward: RewardOf) => t(`growth.reward.${reward.rewardKind}`, values(reward)),
    /** "邀请 3 位好友得 100 积分": a stage as participants read it. */
    ladder: (invites: number | null, reward: RewardOf) =>
      t(
        `growth.ladder.${reward.rewardKind}`,
        { n: invites ?? BLANK, ...values(reward) },
        { plural: invites ?? 2 },
      ),
    /** Why an invite did not count (or went to review); a reason the console does not know as sent. */
    reason: (reason: string | null) =>
      reason ? (te(`growth.reasons.${reason}`) ? t(`growth.reasons.${reason}`) : reason) : '—',
  }
}
