import { afterEach, describe, expect, it } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ChannelsView.vue'
import { setLocale } from '@/i18n'
import ChartCard from '@/modules/home/ChartCard.vue'
import { button } from '@/test/dom'
import { mountApp, openDialog, type } from '@/test/app'
import { queries, stubAnalyticsServer } from '@/test/analytics'
import { jsonResponse } from '@/test/http'
import { bodies } from '@/test/segments'
import { ALL_PERMISSIONS, me } from '@/test/session'
import { settle } from '@/test/settle'

type Series = { type?: string; name?: string; data: unknown[] }
const plain = (data: unknown[]) =>
  data.map((d) => (typeof d === 'object' && d !== null && 'value' in d ? d.value : d))

const tableRows = () =>
  [...document.querySelectorAll('[data-testid="channels-table"] .el-table__body-wrapper tr')].map(
    (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  )

/** Types an amount into a cell of the spend table (ElInputNumber takes it on change). */
async function enter(cell: string, value: string): Promise<void> {
  const input = document.querySelector<HTMLInputElement>(`[data-cell="${cell}"] input`)
  if (!input) throw new Error(`no cell ${cell}`)
  input.value = value
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  await settle(0)
}

describe('channel ROI', { timeout: 30_000 }, () => {
  afterEach(() => setLocale('zh-CN'))

  it('charts GMV against spend per channel, and CAC against LTV with the break-even line', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/channels')
    expect(document.title).toBe('渠道 ROI · 私域 Siyu')
    expect(document.querySelector('[data-testid="filter-channel"]')).toBeNull()
    const [gmv, cac] = wrapper.findAllComponents(ChartCard)
    const option = gmv!.props('option')!
    expect((option.xAxis as { data: string[] }).data).toEqual(['门店扫码', '抖音投放', '小红书'])
    expect((option.series as Series[]).map((s) => [s.name, s.data])).toEqual([
      ['GMV', [15000, 12000, 3000]],
      ['花费', [0, 9000, 6000]],
    ])
    const scatter = (cac!.props('option')!.series as Series[])[0]!
    expect(plain(scatter.data)).toEqual([
      [30, 40, '抖音投放'],
      [60, 30, '小红书'],
    ])
    expect(cac!.props('csv')!.rows[2]).toEqual(['门店扫码', null, 75])
    wrapper.unmount()
  })

  it('lists the channels with a dash where there is no spend, and ROI below 1 in red', async () => {
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/channels')
    expect(tableRows()).toEqual([
      ['抖音投放', '300', '¥9,000.00', '¥30.00', '40', '¥12,000.00', '¥40.00', '1.33'],
      ['小红书', '100', '¥6,000.00', '¥60.00', '10', '¥3,000.00', '¥30.00', '0.5'],
      ['门店扫码', '200', '¥0.00', '—', '50', '¥15,000.00', '¥75.00', '—'],
    ])
    const red = [...document.querySelectorAll('[data-testid="channels-table"] .analytics-bad')].map(
      (e) => e.textContent?.trim(),
    )
    expect(red).toEqual(['¥30.00', '0.5'])
    wrapper.unmount()
  })

  it('lets a manager enter spend per channel and month, sending only what changed', async () => {
    const { calls } = stubAnalyticsServer({
      'PUT /api/v1/analytics/spend': async (request) => jsonResponse(await request.clone().json()),
    })
    const { wrapper } = await mountApp('/analytics/channels?from=2026-10-15&to=2026-11-30')
    button('录入花费').click()
    await settle()
    expect(queries(calls, '/api/v1/analytics/spend')).toEqual([
      { from: '2026-10-01', to: '2026-11-30' },
    ])
    const dialog = openDialog()
    const heads = [...dialog.querySelectorAll('th')].map((th) => th.textContent?.trim())
    expect(heads).toEqual(['渠道', '2026-10', '2026-11'])
    const channels = [...dialog.querySelectorAll('.el-table__body-wrapper tr')].map((tr) =>
      tr.querySelector('td')?.textContent?.trim(),
    )
    expect(channels).toEqual(['抖音投放', '小红书', '门店扫码'])
    expect(
      dialog.querySelector<HTMLInputElement>('[data-cell="抖音投放/2026-11"] input')!.value,
    ).toBe('9000.00')

    await enter('抖音投放/2026-11', '9500')
    await enter('小红书/2026-10', '')
    await type(dialog.querySelector<HTMLInputElement>('input[name="newChannel"]'), '视频号')
    button('添加渠道', dialog).click()
    await settle(0)
    await enter('视频号/2026-11', '300.5')
    button('保存花费', dialog).click()
    await settle()

    const sent = (await bodies(calls, 'PUT', '/api/v1/analytics/spend')) as {
      rows: { channel: string }[]
    }[]
    expect(sent).toHaveLength(1)
    expect(
      sent[0]!.rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual(
      [
        { channel: '小红书', month: '2026-10', amount: 0 },
        { channel: '抖音投放', month: '2026-11', amount: 9500 },
        { channel: '视频号', month: '2026-11', amount: 300.5 },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    )
    expect(document.querySelector('.el-message--success')?.textContent).toContain('花费已保存')
    expect(queries(calls, '/api/v1/analytics/channels')).toHaveLength(2)
    wrapper.unmount()
  })

  it('offers operators no spend editor', async () => {
    const operator = ALL_PERMISSIONS.filter((p) => p !== 'analytics:manage')
    stubAnalyticsServer({}, me({ role: 'operator', permissions: operator }))
    const { wrapper } = await mountApp('/analytics/channels')
    expect(document.querySelector('[data-testid="edit-spend"]')).toBeNull()
    expect(tableRows()).toHaveLength(3)
    wrapper.unmount()
  })

  it('speaks English', async () => {
    setLocale('en')
    stubAnalyticsServer()
    const { wrapper } = await mountApp('/analytics/channels')
    expect(document.title).toBe('Channel ROI · 私域 Siyu')
    const words = [...document.querySelectorAll('.page-header, .chart-card__title, th')]
    expect(words.map((w) => w.textContent).join(' ')).not.toMatch(/\p{Script=Han}/u)
    wrapper.unmount()
  })
})
