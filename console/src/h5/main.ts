// The customer-facing H5 app (Vant, no Element Plus, no ECharts): one page per link purpose, /h5/member first.
import { createApp } from 'vue'
import { Locale } from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import 'vant/es/style/base.css'
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/progress/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/toast/style/index'
import { linkToken, memberApi } from './api'
import { createH5I18n, pickLocale } from './i18n'
import MemberApp from './MemberApp.vue'

const locale = pickLocale(location.search, navigator.languages ?? [navigator.language])
const i18n = createH5I18n(locale)
if (locale === 'en') Locale.use('en-US', enUS)
document.documentElement.lang = locale
document.title = i18n.global.t('title')

const token = linkToken(location.hash)
const api = token ? memberApi(token, () => locale) : null

createApp(MemberApp, { api }).use(i18n).mount('#app')
