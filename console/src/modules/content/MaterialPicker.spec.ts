import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { openDialog } from '@/test/app'
import { material, materials } from '@/test/content'
import { button } from '@/test/dom'
import { jsonResponse, stubFetch } from '@/test/http'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import type { Material, MaterialKind } from './api'
import MaterialPicker from './MaterialPicker.vue'

/** The picker as a page uses it: opened with what is chosen, answering with what was picked. */
async function openPicker(
  props: { selected?: Material[]; max?: number; multiple?: boolean; kinds?: MaterialKind[] } = {},
) {
  const picked: Material[][] = []
  const Host = defineComponent(() => {
    const open = ref(false)
    return () =>
      h('div', [
        h('button', { id: 'open', onClick: () => (open.value = true) }, 'open'),
        h(MaterialPicker, {
          ...props,
          modelValue: open.value,
          'onUpdate:modelValue': (value: boolean) => (open.value = value),
          onPick: (materials: Material[]) => picked.push(materials),
        }),
      ])
  })
  mountWithApp(Host)
  document.querySelector<HTMLElement>('#open')!.click()
  await settle()
  return picked
}

const item = (id: number) =>
  openDialog().querySelector<HTMLElement>(`.material-picker__item[data-material-id="${id}"]`)!
const queries = (calls: Request[]) =>
  calls.map((c) => Object.fromEntries(new URL(c.url).searchParams))

describe('the material picker', { timeout: 20_000 }, () => {
  it('opens with the chosen materials marked and answers in the order they were picked', async () => {
    stubFetch({ 'GET /api/v1/materials': () => jsonResponse({ items: materials() }) })
    const picked = await openPicker({ selected: [materials()[2]!] })
    expect(item(3).getAttribute('aria-pressed')).toBe('true')
    expect(item(1).getAttribute('aria-pressed')).toBe('false')
    item(5).click()
    item(3).click()
    item(1).click()
    await settle(0)
    expect(openDialog().querySelector('[data-testid="picker-count"]')?.textContent?.trim()).toBe(
      '已选 2 个',
    )
    button('确定', openDialog()).click()
    await settle()
    expect(picked).toHaveLength(1)
    expect(picked[0]!.map((m) => m.id)).toEqual([5, 1])
  })

  it('lists one kind at a time and finds by words', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/materials': () => jsonResponse({ items: materials() }),
    })
    await openPicker()
    openDialog().querySelector<HTMLElement>('#tab-image')!.click()
    await settle()
    expect(queries(calls).at(-1)).toEqual({ kind: 'image', limit: '24' })
    const search = openDialog().querySelector<HTMLInputElement>('input[name="q"]')!
    search.value = '主图'
    search.dispatchEvent(new Event('input'))
    await settle(0)
    openDialog().querySelector('form')!.requestSubmit()
    await settle()
    expect(queries(calls).at(-1)).toEqual({ kind: 'image', q: '主图', limit: '24' })
  })

  it('refuses more than its limit and says so', async () => {
    const many = Array.from({ length: 4 }, (_, i) =>
      material({ id: i + 1, title: `素材 ${i + 1}` }),
    )
    stubFetch({ 'GET /api/v1/materials': () => jsonResponse({ items: many }) })
    const picked = await openPicker({ max: 3 })
    for (const id of [1, 2, 3, 4]) item(id).click()
    await settle(0)
    expect(item(4).getAttribute('aria-pressed')).toBe('false')
    expect(document.querySelector('.el-message--warning')?.textContent).toContain(
      '最多选择 3 个素材',
    )
    button('确定', openDialog()).click()
    await settle()
    expect(picked[0]!.map((m) => m.id)).toEqual([1, 2, 3])
  })

  it('picks one at a time when only one may be chosen, and offers only the kinds asked for', async () => {
    stubFetch({ 'GET /api/v1/materials': () => jsonResponse({ items: materials() }) })
    const picked = await openPicker({ multiple: false, kinds: ['image', 'link'] })
    const tabs = [...openDialog().querySelectorAll('.el-tabs__item')].map((t) =>
      t.textContent?.trim(),
    )
    expect(tabs).toEqual(['全部', '图片', '链接'])
    // the 全部 tab lists every kind; the others are left out
    expect(openDialog().querySelectorAll('.material-picker__item')).toHaveLength(2)
    item(1).click()
    item(2).click()
    await settle(0)
    button('确定', openDialog()).click()
    await settle()
    expect(picked[0]!.map((m) => m.id)).toEqual([2])
  })
})
