import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { configureHttp } from './api/http'
import { handleError } from './api/error-handler'
import { currentLocale, i18n } from './i18n'
import { createAppRouter, onSessionLost } from './router'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter({ pinia })

configureHttp({
  locale: currentLocale,
  onUnauthorized: () => onSessionLost(router, pinia),
})

app.config.errorHandler = (error) => handleError(error)
document.documentElement.lang = currentLocale()

app.use(pinia).use(i18n).use(router).use(ElementPlus)
app.mount('#app')
