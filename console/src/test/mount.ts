import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n } from '@/i18n'

/** Mounts with the app's real plugins (Element Plus, vue-i18n, a fresh pinia). */
export function mountWithApp<C>(
  component: C,
  options: ComponentMountingOptions<C> & { pinia?: Pinia } = {},
) {
  const pinia = options.pinia ?? createPinia()
  setActivePinia(pinia)
  const { global, ...rest } = options
  return mount(component, {
    attachTo: document.body,
    ...rest,
    global: {
      ...global,
      plugins: [pinia, i18n, ElementPlus, ...(global?.plugins ?? [])],
    },
  } as ComponentMountingOptions<C>)
}
