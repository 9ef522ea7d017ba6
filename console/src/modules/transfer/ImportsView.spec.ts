import { afterEach, describe, expect, it, vi } from 'vitest'
// Loaded up front: the router imports pages lazily, which is slow the first time in a test.
import './ImportsView.vue'
import { setLocale } from '@/i18n'
import { button } from '@/test/dom'
import { choose, mountApp } from '@/test/app'
import { ATTRIBUTES } from '@/test/customers'
import { jsonResponse, problemResponse, stubFetch, type Route } from '@/test/http'
import { me } from '@/test/session'
import { settle } from '@/test/settle'
import { job } from '@/test/transfer'
import type { ImportPreview } from './api'

const PREVIEW: ImportPreview = {
  job: job(),
  header: ['手机号', '姓名', '肤质', '备注'],
  sample: [
    ['13800000001', '张三', '干性', ''],
    ['13800000002', '李四', '油性', '老客'],
  ],
  suggested: { 手机号: 'mobile', 姓名: 'name', 肤质: 'attr.skinType' },
  fields: ['mobile', 'email', 'name', 'gender', 'consent.sms', 'attr.skinType'],
}

function stubServer(extra: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/imports': () => jsonResponse({ items: [] }),
    'GET /api/v1/customer-attributes': () => jsonResponse(ATTRIBUTES),
    'POST /api/v1/imports': () => jsonResponse(PREVIEW),
    ...extra,
  })
}

async function upload(name = '会员名单.csv'): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('.el-upload input[type=file]')
  if (!input) throw new Error('no file input')
  const file = new File(['手机号,姓名\n13800000001,张三\n'], name, { type: 'text/csv' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

const bodyOf = async (calls: Request[], method: string, path: string) => {
  const call = calls.find((c) => c.method === method && new URL(c.url).pathname === path)
  if (!call) throw new Error(`no ${method} ${path}`)
  return (await call.clone().json()) as unknown
}

const selectOf = (column: string) =>
  document.querySelector(`.imports__columns .el-select:has(input[aria-label="${column}"])`)

describe('the data import page', { timeout: 20_000 }, () => {
  afterEach(() => {
    setLocale('zh-CN')
    vi.useRealTimers()
  })

  it('renders empty: the upload step and an empty history', async () => {
    stubServer()
    const { wrapper } = await mountApp('/data/imports')
    expect(document.title).toBe('数据导入 · 私域 Siyu')
    expect(wrapper.find('nav .el-menu-item.is-active').text()).toBe('数据导入')
    const text = document.body.textContent ?? ''
    for (const part of [
      '客户',
      '订单',
      '事件',
      'UTF-8',
      'GBK',
      'XLSX',
      '50 MB',
      '还没有导入记录',
    ]) {
      expect(text).toContain(part)
    }
  })

  it('uploads the file for the chosen kind and prefills the mapping', async () => {
    const { calls } = stubServer()
    await mountApp('/data/imports')
    ;[...document.querySelectorAll<HTMLElement>('.imports__entity .el-radio-button')]
      .find((r) => r.textContent?.trim() === '订单')
      ?.click()
    await settle(0)
    await upload()
    const post = calls.find((c) => c.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/v1/imports')
    expect(new URL(post.url).searchParams.get('entity')).toBe('orders')

    const rows = [...document.querySelectorAll('.imports__columns tbody tr')].map(
      (r) => r.textContent ?? '',
    )
    expect(rows).toHaveLength(4)
    expect(rows[0]).toContain('13800000001 · 13800000002')
    const selected = [...document.querySelectorAll('.imports__columns .el-select__selected-item')]
      .map((s) => s.textContent?.trim())
      .filter(Boolean)
    expect(selected).toEqual(['手机号', '姓名', '自定义属性：肤质', '不导入'])
    expect(document.body.textContent).toContain('文件：会员名单.csv（GBK）')
  })

  it('shows the problems of a rejected upload', async () => {
    stubServer({
      'POST /api/v1/imports': () =>
        problemResponse(413, {
          detail: '文件太大',
          errors: [{ field: 'file', code: 'x', message: '最大 50 MB' }],
        }),
    })
    await mountApp('/data/imports')
    await upload()
    const alert = document.querySelector('.imports__problems')?.textContent ?? ''
    expect(alert).toContain('文件太大')
    expect(alert).toContain('最大 50 MB')
  })

  it('dry-runs the mapping, lists row results, then imports and follows the progress', async () => {
    let polls = 0
    const { calls } = stubServer({
      'POST /api/v1/imports/7/dry-run': () =>
        jsonResponse({
          accepted: 1,
          rejected: 1,
          rows: [
            { row: 2, status: 'created', errors: null },
            {
              row: 3,
              status: 'rejected',
              errors: [{ field: 'mobile', code: 'bad', message: '手机号格式不正确' }],
            },
          ],
        }),
      'POST /api/v1/imports/7/start': () =>
        jsonResponse(job({ status: 'running', processedRows: 0 }), 202),
      'GET /api/v1/imports/7': () => {
        polls++
        return jsonResponse(
          polls === 1
            ? job({ status: 'running', processedRows: 1, acceptedRows: 1 })
            : job({ status: 'done', processedRows: 3, acceptedRows: 2, rejectedRows: 1 }),
        )
      },
    })
    await mountApp('/data/imports')
    await upload()
    await choose(selectOf('备注'), '邮箱')
    button('试运行').click()
    await settle()
    expect(await bodyOf(calls, 'POST', '/api/v1/imports/7/dry-run')).toEqual({
      mapping: { 手机号: 'mobile', 姓名: 'name', 肤质: 'attr.skinType', 备注: 'email' },
    })
    const dry = document.querySelector('.imports__dry-run')?.textContent ?? ''
    expect(dry).toContain('试运行：1 行可导入，1 行被拒绝')
    expect(dry).toContain('新建')
    expect(dry).toContain('拒绝')
    expect(dry).toContain('手机号格式不正确')

    button('开始导入').click()
    await settle()
    expect(await bodyOf(calls, 'POST', '/api/v1/imports/7/start')).toEqual({
      mapping: { 手机号: 'mobile', 姓名: 'name', 肤质: 'attr.skinType', 备注: 'email' },
    })
    expect(document.querySelector('.imports__run')?.textContent).toContain('已处理 0 / 3 行')

    await vi.waitFor(
      () => expect(document.querySelector('.imports__run')?.textContent).toContain('已完成'),
      { timeout: 4000, interval: 100 },
    )
    await settle(0)
    const run = document.querySelector('.imports__run')?.textContent ?? ''
    expect(run).toContain('已处理 3 / 3 行')
    expect(run).toContain('成功 2 行')
    expect(run).toContain('拒绝 1 行')
    expect(document.querySelector('.imports__run .el-progress')?.textContent).toContain('100%')
    const link = document.querySelector<HTMLAnchorElement>('.imports__download')
    expect(link?.getAttribute('href')).toBe('/api/v1/imports/7/errors')
    expect(link?.hasAttribute('download')).toBe(true)
    // Finished: no more polling.
    const seen = polls
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect(polls).toBe(seen)
  })

  it('asks for the required fields of an order import before running it', async () => {
    stubServer({
      'POST /api/v1/imports': () =>
        jsonResponse({
          ...PREVIEW,
          job: job({ entity: 'orders' }),
          header: ['订单号', '商品'],
          sample: [['A1', 'S1']],
          suggested: { 订单号: 'orderNo' },
          fields: ['orderNo', 'placedAt', 'sku'],
        }),
    })
    await mountApp('/data/imports')
    await upload()
    expect(document.body.textContent).toContain('必须对应的字段：下单时间、商品编码')
    expect(button('试运行').disabled).toBe(true)
    await choose(selectOf('商品'), '商品编码')
    expect(document.body.textContent).toContain('必须对应的字段：下单时间')
  })

  it('lists earlier imports with their status, in English too', async () => {
    setLocale('en')
    stubServer({
      'GET /api/v1/imports': () =>
        jsonResponse({
          items: [
            job({ id: 3, status: 'interrupted', totalRows: 1200, processedRows: 500 }),
            job({
              id: 2,
              status: 'done',
              entity: 'orders',
              rejectedRows: 4,
              acceptedRows: 96,
              totalRows: 100,
            }),
          ],
        }),
    })
    await mountApp('/data/imports')
    const rows = [...document.querySelectorAll('.imports__history tbody tr')].map(
      (r) => r.textContent ?? '',
    )
    expect(rows[0]).toContain('Interrupted')
    expect(rows[0]).toContain('Customers')
    expect(rows[1]).toContain('Done')
    expect(rows[1]).toContain('Orders')
    expect(rows[1]).toContain('Download error report')
    expect(document.querySelector('nav')?.textContent).toContain('Data import')
  })
})
