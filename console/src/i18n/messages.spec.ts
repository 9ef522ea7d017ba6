import { describe, expect, it } from 'vitest'
import { i18n } from './index'
import { en, zhCN } from './messages'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') result.set(path, value)
    else for (const [k, v] of leaves(value, path)) result.set(k, v)
  }
  return result
}

const zh = leaves(zhCN)
const english = leaves(en)

describe('message files', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('have only non-empty strings as leaves', () => {
    for (const [locale, messages] of [
      ['zh-CN', zh],
      ['en', english],
    ] as const) {
      for (const [key, value] of messages) {
        expect(value.trim(), `${locale} ${key}`).not.toBe('')
      }
    }
  })

  it('contain only messages that vue-i18n can compile', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of zh.keys()) {
        const text = i18n.global.t(
          key,
          {
            name: 'x',
            count: 1,
            n: 7,
            status: 500,
            rate: '1%',
            role: 'r',
            time: 't',
            tenant: 't',
            date: 'd',
            level: 4,
          },
          { locale },
        )
        expect(text, `${locale} ${key}`).not.toBe(key)
        expect(text.trim(), `${locale} ${key}`).not.toBe('')
      }
    }
  })

  it('are mostly translated rather than copied', () => {
    const same = [...zh].filter(([key, value]) => english.get(key) === value).map(([key]) => key)
    // Brand and language names are meant to be identical in both languages, and so are the names
    // of WeCom's settings, which its admin console shows untranslated, and GMV, which Chinese
    // operators say in English too.
    expect(same.sort()).toEqual([
      'analytics.metrics.gmv',
      'common.appName',
      'common.locale.en',
      'common.locale.zh-CN',
      'wecom.fields.agentId',
      'wecom.fields.encodingAesKey',
      'wecom.fields.secret',
      'wecom.fields.token',
    ])
  })
})
