import { createPinia, type Pinia } from 'pinia'
import { createMemoryHistory, type RouteLocationRaw } from 'vue-router'
import App from '@/App.vue'
import { createAppRouter } from '@/router'
import { mountWithApp } from './mount'
import { settle } from './settle'

/**
 * The whole console at `path` (or a location, e.g. with history state), with the real router and
 * guard (stub GET /api/v1/auth/session).
 */
export async function mountApp(path: RouteLocationRaw, pinia: Pinia = createPinia()) {
  const router = createAppRouter({ pinia, history: createMemoryHistory() })
  await router.push(path)
  const wrapper = mountWithApp(App, {
    pinia,
    global: {
      plugins: [router],
      // jsdom has no canvas; the chart component itself is ECharts' concern.
      stubs: { Echarts: true },
    },
  })
  await settle()
  return { wrapper, router }
}

/** The dialog on top, skipping ones that are closed (kept in the DOM, hidden). */
export function openDialog(): HTMLElement {
  const dialogs = [...document.querySelectorAll<HTMLElement>('.el-dialog')].filter(
    (d) => d.closest<HTMLElement>('.el-overlay')?.style.display !== 'none',
  )
  const dialog = dialogs.at(-1)
  if (!dialog) throw new Error('no open dialog')
  return dialog
}

/** Types into a native input the way a user does (Element Plus listens for `input`). */
export async function type(input: HTMLInputElement | null, value: string): Promise<void> {
  if (!input) throw new Error('no input')
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle(0)
}

/** Opens an Element Plus select and picks the option with exactly this text. */
export async function choose(select: Element | null, label: string): Promise<void> {
  const wrapper = select?.querySelector<HTMLElement>('.el-select__wrapper')
  if (!wrapper) throw new Error('no select')
  wrapper.click()
  await settle(0)
  // Every select keeps its dropdown in the body; only the one just opened is shown.
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .filter((item) => item.closest<HTMLElement>('.el-popper')?.style.display !== 'none')
    .filter((item) => item.textContent?.trim() === label)
    .at(-1)
  if (!option) throw new Error(`no option ${label}`)
  option.click()
  await settle(0)
}

/** Picks the Element Plus radio button (in `scope`) with exactly this text. */
export async function pickRadio(label: string, scope: ParentNode = document.body): Promise<void> {
  const radio = [...scope.querySelectorAll<HTMLElement>('.el-radio-button')].find(
    (r) => r.textContent?.trim() === label,
  )
  if (!radio) throw new Error(`no radio button ${label}`)
  radio.querySelector('input')!.click()
  await settle(0)
}
