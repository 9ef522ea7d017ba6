import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { ElTableColumn } from 'element-plus'
import ListPage from './ListPage.vue'
import { useCursorList } from '@/composables/useCursorList'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'

interface Row {
  id: number
  name: string
}

describe('the list page', () => {
  it('loads the first page when shown and appends the next one on request', async () => {
    const fetchPage = vi.fn(async (cursor: string | null) =>
      cursor === null
        ? { items: [{ id: 1, name: '订单同步' }], nextCursor: 'page-2' }
        : { items: [{ id: 2, name: '数据仓库' }], nextCursor: null },
    )
    const list = useCursorList<Row>(fetchPage)
    const wrapper = mountWithApp(ListPage<Row>, {
      props: { title: 'API 密钥', description: '第三方系统的访问凭据', list },
      slots: {
        actions: () => h('button', '新建密钥'),
        default: () => h(ElTableColumn, { label: '名称', prop: 'name' }),
      },
    })
    await settle()
    expect(fetchPage).toHaveBeenCalledWith(null)
    expect(wrapper.find('h1').text()).toBe('API 密钥')
    expect(wrapper.find('.page-header__actions').text()).toBe('新建密钥')
    expect(wrapper.text()).toContain('订单同步')

    const more = wrapper.findAll('button').find((b) => b.text() === '加载更多')
    await more?.trigger('click')
    await settle()
    expect(fetchPage).toHaveBeenLastCalledWith('page-2')
    expect(wrapper.text()).toContain('数据仓库')
    expect(wrapper.text()).toContain('已全部加载，共 2 条')
  })
})
