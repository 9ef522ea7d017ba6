import { describe, expect, it, vi } from 'vitest'
import * as csv from '@/utils/csv'
import { mountWithApp } from '@/test/mount'
import ChartCard from './ChartCard.vue'

const option = { series: [{ type: 'bar', data: [1] }] }
const table = { columns: ['渠道', '花费'], rows: [['抖音', 9000]] }

describe('a chart card', () => {
  it('downloads its data as CSV named after its title', async () => {
    const download = vi.spyOn(csv, 'downloadCsv').mockImplementation(() => {})
    const wrapper = mountWithApp(ChartCard, {
      props: { title: '渠道 GMV 与花费', option, csv: table },
      global: { stubs: { Echarts: true } },
    })
    await wrapper.find('[data-testid="export-csv"]').trigger('click')
    expect(download).toHaveBeenCalledWith('渠道_GMV_与花费.csv', table)
    wrapper.unmount()
  })

  it('offers no export without data, and none at all when it has no table', async () => {
    const empty = mountWithApp(ChartCard, {
      props: { title: 'x', option, csv: { columns: ['a'], rows: [] } },
      global: { stubs: { Echarts: true } },
    })
    expect(empty.find('[data-testid="export-csv"]').attributes('disabled')).toBeDefined()
    empty.unmount()
    const none = mountWithApp(ChartCard, {
      props: { title: 'x', option },
      global: { stubs: { Echarts: true } },
    })
    expect(none.find('[data-testid="export-csv"]').exists()).toBe(false)
    none.unmount()
  })
})
