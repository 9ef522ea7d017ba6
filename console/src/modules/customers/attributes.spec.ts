import { describe, expect, it } from 'vitest'
import type { AttributeDefinition, AttributeType } from './api'
import {
  attributeChanges,
  attributeDisplay,
  attributeProblem,
  emptyFormValue,
  inputKind,
  splitOptions,
  toFormValue,
} from './attributes'

function definition(
  key: string,
  type: AttributeType,
  extra: Partial<AttributeDefinition> = {},
): AttributeDefinition {
  const options = type === 'enum' || type === 'multi_enum' ? ['干性', '油性', '敏感'] : []
  return { key, label: key, type, options, required: false, position: 0, ...extra }
}

const skin = definition('skinType', 'multi_enum')
const store = definition('store', 'enum', { required: true })
const budget = definition('budget', 'number')
const since = definition('since', 'date')
const vip = definition('vip', 'boolean')
const note = definition('note', 'string')

describe('custom attribute inputs', () => {
  it('are generated from the type', () => {
    const kinds = [note, budget, since, store, skin, vip].map((d) => inputKind(d.type))
    expect(kinds).toEqual(['text', 'number', 'date', 'select', 'multiSelect', 'yesNo'])
  })

  it('start empty in the shape their input needs', () => {
    expect([note, budget, skin, vip].map(emptyFormValue)).toEqual(['', null, [], null])
  })

  it('take stored values, dropping ones of the wrong shape', () => {
    expect(toFormValue(skin, ['干性'])).toEqual(['干性'])
    expect(toFormValue(skin, '干性')).toEqual(['干性'])
    expect(toFormValue(budget, 1100)).toBe(1100)
    expect(toFormValue(budget, '12.5')).toBe(12.5)
    expect(toFormValue(budget, 'many')).toBeNull()
    expect(toFormValue(vip, false)).toBe(false)
    expect(toFormValue(vip, 'yes')).toBeNull()
    expect(toFormValue(since, undefined)).toBeNull()
    expect(toFormValue(note, 42)).toBe('42')
  })
})

describe('custom attribute validation', () => {
  it('requires a value only for required attributes', () => {
    expect(attributeProblem(store, null)).toBe('required')
    expect(attributeProblem(store, '')).toBe('required')
    expect(attributeProblem(definition('x', 'multi_enum', { required: true }), [])).toBe('required')
    expect(attributeProblem(definition('x', 'string', { required: true }), '   ')).toBe('required')
    expect(attributeProblem(skin, [])).toBeNull()
    expect(attributeProblem(budget, null)).toBeNull()
  })

  it('checks values against the type, as the server does', () => {
    expect(attributeProblem(budget, 12.5)).toBeNull()
    expect(attributeProblem(budget, Number.NaN)).toBe('number')
    expect(attributeProblem(note, 'x'.repeat(500))).toBeNull()
    expect(attributeProblem(note, 'x'.repeat(501))).toBe('tooLong')
    expect(attributeProblem(store, '油性')).toBeNull()
    expect(attributeProblem(store, '中性')).toBe('option')
    expect(attributeProblem(skin, ['干性', '中性'])).toBe('option')
    expect(attributeProblem(vip, false)).toBeNull()
  })
})

describe('custom attribute writes', () => {
  const definitions = [skin, store, budget, since, vip, note]

  it('send only entered values for a new customer', () => {
    const values = {
      skinType: [],
      store: '油性',
      budget: 0,
      since: null,
      vip: false,
      note: '  VIP  ',
    }
    expect(attributeChanges(definitions, values)).toEqual({
      store: '油性',
      budget: 0,
      vip: false,
      note: 'VIP',
    })
  })

  it('send only what changed on an edit, and null for a cleared value', () => {
    const stored = { skinType: ['干性'], store: '干性', budget: 800, note: 'VIP' }
    const values = {
      skinType: ['干性'],
      store: '油性',
      budget: null,
      since: null,
      vip: null,
      note: 'VIP ',
    }
    expect(attributeChanges(definitions, values, stored)).toEqual({ store: '油性', budget: null })
  })

  it('notice a changed order of multiple choices', () => {
    const stored = { skinType: ['干性', '油性'] }
    expect(attributeChanges([skin], { skinType: ['油性', '干性'] }, stored)).toEqual({
      skinType: ['油性', '干性'],
    })
  })
})

describe('custom attribute display', () => {
  it('reads stored values by type', () => {
    expect(attributeDisplay(skin, ['干性', '敏感'])).toEqual({
      kind: 'tags',
      values: ['干性', '敏感'],
    })
    expect(attributeDisplay(vip, true)).toEqual({ kind: 'yesNo', value: true })
    expect(attributeDisplay(budget, 1100)).toEqual({ kind: 'number', value: 1100 })
    expect(attributeDisplay(since, '2026-01-01')).toEqual({ kind: 'text', text: '2026-01-01' })
    expect(attributeDisplay(note, undefined)).toEqual({ kind: 'empty' })
    expect(attributeDisplay(skin, [])).toEqual({ kind: 'empty' })
  })
})

describe('pasted options', () => {
  it('split on commas, semicolons and line breaks, in either width', () => {
    expect(splitOptions('干性, 油性，混合\n敏感；中性;\r\n')).toEqual([
      '干性',
      '油性',
      '混合',
      '敏感',
      '中性',
    ])
    expect(splitOptions('  ')).toEqual([])
  })
})
