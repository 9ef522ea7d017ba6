// The customer-facing H5 app (Vant, no Element Plus, no ECharts): one page per link purpose, chosen by the path:
// /h5/member (the member page), /h5/campaign (a 任务宝 participant's progress) and /h5/distributor (分销).
import { createApp, type Component } from 'vue'
import { Locale } from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import 'vant/es/style/base.css'
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/count-down/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/field/style/index'
import 'vant/es/form/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/progress/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/toast/style/index'
import { linkToken, memberApi } from './api'
import { campaignApi, campaignIdFrom, deviceId } from './campaign-api'
import CampaignApp from './CampaignApp.vue'
import { distributorApi } from './distributor-api'
import DistributorApp from './DistributorApp.vue'
import { createH5I18n, pickLocale } from './i18n'
import MemberApp from './MemberApp.vue'

const locale = pickLocale(location.search, navigator.languages ?? [navigator.language])
const i18n = createH5I18n(locale)
if (locale === 'en') Locale.use('en-US', enUS)
document.documentElement.lang = locale

const token = linkToken(location.hash)

/** The page the path names, and what it needs. */
function page(): { component: Component; props: Record<string, unknown>; title: string } {
  if (/^\/h5\/campaign\/?$/.test(location.pathname)) {
    const campaign = campaignIdFrom(location.search)
    const api =
      token && campaign ? campaignApi(token, campaign, () => locale, deviceId(storage())) : null
    return { component: CampaignApp, props: { api }, title: i18n.global.t('campaign.title') }
  }
  if (/^\/h5\/distributor\/?$/.test(location.pathname)) {
    const api = token ? distributorApi(token, () => locale) : null
    return { component: DistributorApp, props: { api }, title: i18n.global.t('distributor.title') }
  }
  const api = token ? memberApi(token, () => locale) : null
  return { component: MemberApp, props: { api }, title: i18n.global.t('title') }
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    // storage refused (some private modes): the page makes a new device id each time
    return null
  }
}

const chosen = page()
document.title = chosen.title
createApp(chosen.component, chosen.props).use(i18n).mount('#app')
