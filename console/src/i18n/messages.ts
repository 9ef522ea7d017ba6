import * as common from './common'
import * as accounts from '@/modules/accounts/i18n'
import * as analytics from '@/modules/analytics/i18n'
import * as apiKeys from '@/modules/api-keys/i18n'
import * as audit from '@/modules/audit/i18n'
import * as auth from '@/modules/auth/i18n'
import * as commerce from '@/modules/commerce/i18n'
import * as content from '@/modules/content/i18n'
import * as customers from '@/modules/customers/i18n'
import * as events from '@/modules/events/i18n'
import * as groupBuys from '@/modules/group-buys/i18n'
import * as distribution from '@/modules/distribution/i18n'
import * as groupCodes from '@/modules/groupcodes/i18n'
import * as growth from '@/modules/growth/i18n'
import * as handover from '@/modules/handover/i18n'
import * as home from '@/modules/home/i18n'
import * as journeys from '@/modules/journeys/i18n'
import * as layers from '@/modules/layers/i18n'
import * as liveCodes from '@/modules/live-codes/i18n'
import * as loyalty from '@/modules/loyalty/i18n'
import * as losses from '@/modules/losses/i18n'
import * as massSends from '@/modules/mass-sends/i18n'
import * as moments from '@/modules/moments/i18n'
import * as referrals from '@/modules/referrals/i18n'
import * as segments from '@/modules/segments/i18n'
import * as tags from '@/modules/tags/i18n'
import * as tenant from '@/modules/tenant/i18n'
import * as transfer from '@/modules/transfer/i18n'
import * as wecom from '@/modules/wecom/i18n'
import * as wecomOps from '@/modules/wecomops/i18n'

// Each capability owns its keys; they are mounted here under the capability's name.
export const zhCN = {
  common: common.zhCN,
  auth: auth.zhCN,
  home: home.zhCN,
  customers: customers.zhCN,
  events: events.zhCN,
  tags: tags.zhCN,
  segments: segments.zhCN,
  layers: layers.zhCN,
  liveCodes: liveCodes.zhCN,
  content: content.zhCN,
  commerce: commerce.zhCN,
  accounts: accounts.zhCN,
  apiKeys: apiKeys.zhCN,
  audit: audit.zhCN,
  tenant: tenant.zhCN,
  transfer: transfer.zhCN,
  wecom: wecom.zhCN,
  wecomOps: wecomOps.zhCN,
  groupCodes: groupCodes.zhCN,
  handover: handover.zhCN,
  losses: losses.zhCN,
  massSends: massSends.zhCN,
  moments: moments.zhCN,
  journeys: journeys.zhCN,
  growth: growth.zhCN,
  groupBuys: groupBuys.zhCN,
  referrals: referrals.zhCN,
  distribution: distribution.zhCN,
  loyalty: loyalty.zhCN,
  analytics: analytics.zhCN,
}

export type MessageSchema = typeof zhCN

export const en: MessageSchema = {
  common: common.en,
  auth: auth.en,
  home: home.en,
  customers: customers.en,
  events: events.en,
  tags: tags.en,
  segments: segments.en,
  layers: layers.en,
  liveCodes: liveCodes.en,
  content: content.en,
  commerce: commerce.en,
  accounts: accounts.en,
  apiKeys: apiKeys.en,
  audit: audit.en,
  tenant: tenant.en,
  transfer: transfer.en,
  wecom: wecom.en,
  wecomOps: wecomOps.en,
  groupCodes: groupCodes.en,
  handover: handover.en,
  losses: losses.en,
  massSends: massSends.en,
  moments: moments.en,
  journeys: journeys.en,
  growth: growth.en,
  groupBuys: groupBuys.en,
  referrals: referrals.en,
  distribution: distribution.en,
  loyalty: loyalty.en,
  analytics: analytics.en,
}
