import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/i18n'
import { ATTRIBUTES } from '@/test/customers'
import { emptyFilters } from '@/modules/customers/query'
import {
  KNOWN_FIELDS,
  duplicateFields,
  exportBody,
  fieldKey,
  fieldLabel,
  initialMapping,
  isFinished,
  mappingBody,
  missingRequired,
  progressPercent,
  progressStatus,
  rowErrorText,
  sampleValues,
  statusKey,
  statusTag,
} from './transfer'

const t = (key: string, values?: Record<string, unknown>) =>
  values ? i18n.global.t(key, values) : i18n.global.t(key)

describe('field labels', () => {
  afterEach(() => setLocale('zh-CN'))

  it('names every known field in Chinese and English', () => {
    for (const field of KNOWN_FIELDS) {
      const key = fieldKey(field)!
      expect(i18n.global.te(key, 'zh-CN'), field).toBe(true)
      expect(i18n.global.te(key, 'en'), field).toBe(true)
    }
    expect(fieldLabel('mobile', t, [])).toBe('手机号')
    expect(fieldLabel('consent.sms', t, [])).toBe('短信授权')
    expect(fieldLabel('wecomExternalUserId', t, [])).toBe('企业微信 ID')
    expect(fieldLabel('orderNo', t, [])).toBe('订单号')
    expect(fieldLabel('type', t, [])).toBe('事件类型')
    expect(fieldLabel('group', t, [])).toBe('标签组')
    expect(fieldLabel('action', t, [])).toBe('操作（添加 / 移除）')
  })

  it('shows a custom attribute by its label, and its key when it is not defined', () => {
    expect(fieldLabel('attr.skinType', t, ATTRIBUTES)).toBe('自定义属性：肤质')
    expect(fieldLabel('attr.gone', t, ATTRIBUTES)).toBe('自定义属性：gone')
    expect(fieldLabel('properties.page', t, [])).toBe('事件属性：page')
    expect(fieldLabel('somethingNew', t, [])).toBe('somethingNew')
  })

  it('speaks English', () => {
    setLocale('en')
    expect(fieldLabel('consent.sms', t, [])).toBe('SMS consent')
    expect(fieldLabel('attr.skinType', t, ATTRIBUTES)).toBe('Custom attribute: 肤质')
  })
})

describe('the mapping', () => {
  const fields = ['mobile', 'name', 'attr.skinType']

  it('starts from the suggestion, each field once, other columns not imported', () => {
    const mapping = initialMapping(
      ['手机', '姓名', '电话', '肤质', '备注', '旧字段'],
      { 手机: 'mobile', 姓名: 'name', 电话: 'mobile', 肤质: 'attr.skinType', 旧字段: 'gone' },
      fields,
    )
    expect(mapping).toEqual({
      手机: 'mobile',
      姓名: 'name',
      电话: '',
      肤质: 'attr.skinType',
      备注: '',
      旧字段: '',
    })
    expect(mappingBody(mapping)).toEqual({ 手机: 'mobile', 姓名: 'name', 肤质: 'attr.skinType' })
  })

  it('finds fields chosen twice and required fields not chosen', () => {
    expect(duplicateFields({ a: 'mobile', b: 'mobile', c: '', d: '' })).toEqual(['mobile'])
    expect(missingRequired('orders', { a: 'orderNo', b: 'sku' })).toEqual(['placedAt'])
    expect(missingRequired('events', {})).toEqual(['eventId', 'type', 'occurredAt'])
    expect(missingRequired('customers', {})).toEqual([])
    expect(missingRequired('tags', { a: 'mobile', b: 'group' })).toEqual(['tag'])
  })

  it('shows the first non-empty sample values of a column', () => {
    const sample = [
      ['13800000001', '张三'],
      ['', '李四'],
      ['13800000003'],
      ['13800000004', '王五'],
      ['13800000005', '赵六'],
    ]
    expect(sampleValues(sample, 0)).toEqual(['13800000001', '13800000003', '13800000004'])
    expect(sampleValues(sample, 1, 2)).toEqual(['张三', '李四'])
    expect(sampleValues([], 0)).toEqual([])
  })
})

describe('job progress', () => {
  it('is the share of rows processed, 100 when done', () => {
    expect(progressPercent({ status: 'running', processedRows: 0, totalRows: 0 })).toBe(0)
    expect(progressPercent({ status: 'running', processedRows: 500, totalRows: 1200 })).toBe(41)
    expect(progressPercent({ status: 'running', processedRows: 1300, totalRows: 1200 })).toBe(100)
    expect(progressPercent({ status: 'done', processedRows: 0, totalRows: 0 })).toBe(100)
    expect(progressPercent({ status: 'failed', processedRows: 300, totalRows: 600 })).toBe(50)
  })

  it('knows finished jobs and their look', () => {
    expect(isFinished({ status: 'running' })).toBe(false)
    expect(isFinished({ status: 'uploaded' })).toBe(false)
    for (const status of ['done', 'failed', 'interrupted'])
      expect(isFinished({ status })).toBe(true)
    expect(progressStatus({ status: 'done' })).toBe('success')
    expect(progressStatus({ status: 'failed' })).toBe('exception')
    expect(progressStatus({ status: 'interrupted' })).toBe('warning')
    expect(progressStatus({ status: 'running' })).toBe('')
    expect(statusTag('rejected')).toBe('danger')
    expect(statusTag('interrupted')).toBe('warning')
    expect(statusTag('new-one')).toBe('info')
    expect(statusKey('interrupted')).toBe('transfer.statuses.interrupted')
    expect(statusKey('new-one')).toBeNull()
  })
})

describe('the export body', () => {
  it('is only the format without filters', () => {
    expect(exportBody(emptyFilters(), 'csv')).toEqual({ format: 'csv' })
  })

  it('carries the list filters the server understands', () => {
    const filters = {
      ...emptyFilters(),
      q: ' 林 ',
      gender: 'female' as const,
      city: 1,
      ownerId: 9,
      sourceChannel: ' 企微扫码 ',
      memberLevel: 2,
      anonymous: false,
      attributes: { skinType: '干性', store: '' },
    }
    expect(exportBody(filters, 'xlsx')).toEqual({
      format: 'xlsx',
      q: '林',
      gender: 'female',
      city: '1',
      ownerId: 9,
      sourceChannel: '企微扫码',
      memberLevel: 2,
      attributes: { skinType: '干性' },
    })
  })

  it('keeps city 0 and level 0', () => {
    const body = exportBody({ ...emptyFilters(), city: 0, memberLevel: 0 }, 'csv')
    expect(body).toEqual({ format: 'csv', city: '0', memberLevel: 0 })
  })
})

describe('row errors', () => {
  afterEach(() => setLocale('zh-CN'))
  const label = (field: string) => fieldLabel(field, t, ATTRIBUTES)
  const error = (message: string) => ({ field: 'row[2].identities[0].value', message })

  it('name an identity by its label where the server names it by its code', () => {
    expect(rowErrorText(error('mobile 的取值格式不正确。'), label)).toBe('手机号的取值格式不正确。')
    expect(rowErrorText(error('请检查 email 和 unionid'), label)).toBe('请检查 邮箱和 微信 UnionID')
    expect(rowErrorText(error('mobileX 不变'), label)).toBe('mobileX 不变')
    setLocale('en')
    expect(rowErrorText(error('The value of mobile is not well-formed.'), label)).toBe(
      'The value of Mobile is not well-formed.',
    )
  })

  it('leave other messages as sent, and show the field when there is no message', () => {
    expect(rowErrorText(error('手机号格式不正确'), label)).toBe('手机号格式不正确')
    expect(rowErrorText(error('姓名 name 过长'), label)).toBe('姓名 name 过长')
    expect(rowErrorText(error(''), label)).toBe('row[2].identities[0].value')
  })
})
