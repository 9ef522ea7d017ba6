import { describe, expect, it } from 'vitest'
import type { MaterialKind } from '@/modules/content/api'
import { placeErrors } from '@/modules/mass-sends/errors'
import { MOMENT_FIELDS, charCount, materialsProblem, materialsProblemMessage } from './content'

const of = (...kinds: MaterialKind[]) => kinds.map((kind) => ({ kind }))

describe('a 朋友圈 post’s content', () => {
  it('counts its text by character: a Chinese character, a letter and an emoji each count 1', () => {
    expect(charCount('')).toBe(0)
    expect(charCount('新品 Hi')).toBe(5)
    expect(charCount('🎉👍')).toBe(2)
  })

  it('carries up to 9 images, or one video, or one link', () => {
    expect(materialsProblem([])).toBeNull()
    expect(materialsProblem(of(...Array<MaterialKind>(9).fill('image')))).toBeNull()
    expect(materialsProblem(of('video'))).toBeNull()
    expect(materialsProblem(of('link'))).toBeNull()
    expect(materialsProblem(of(...Array<MaterialKind>(10).fill('image')))).toEqual({
      key: 'tooMany',
      kind: 'image',
      max: 9,
    })
    expect(materialsProblem(of('video', 'video'))).toEqual({
      key: 'tooMany',
      kind: 'video',
      max: 1,
    })
    expect(materialsProblem(of('link', 'link'))).toEqual({ key: 'tooMany', kind: 'link', max: 1 })
  })

  it('never mixes kinds, and carries no file or mini program', () => {
    expect(materialsProblem(of('image', 'video'))).toEqual({ key: 'mixed' })
    expect(materialsProblem(of('link', 'image'))).toEqual({ key: 'mixed' })
    expect(materialsProblem(of('article', 'poster'))).toEqual({ key: 'mixed' })
    for (const kind of ['file', 'miniprogram'] as const) {
      expect(materialsProblem(of(kind))).toEqual({ key: 'kind' })
    }
  })

  it('posts a poster as an image and an article as a link', () => {
    expect(materialsProblem(of('poster', 'image', 'poster'))).toBeNull()
    expect(materialsProblem(of('article'))).toBeNull()
    expect(materialsProblem(of('article', 'link'))).toEqual({
      key: 'tooMany',
      kind: 'link',
      max: 1,
    })
  })

  it('tells a problem with its materials in the words of the kind it is about', () => {
    expect(materialsProblemMessage({ key: 'tooMany', kind: 'video', max: 1 })).toEqual({
      key: 'moments.editor.materialsProblem.video',
      values: { max: 1 },
    })
    expect(materialsProblemMessage({ key: 'mixed' })).toEqual({
      key: 'moments.editor.materialsProblem.mixed',
      values: {},
    })
  })

  it('takes the server’s field errors on the fields of its form', () => {
    const error = (field: string) => ({ field, code: 'x', message: field })
    const placed = placeErrors(
      [
        error('tagIds[1]'),
        error('staff[0]'),
        error('materialIds'),
        error('materialIds[2]'),
        error('sendAt'),
        error('audience'),
      ],
      MOMENT_FIELDS,
    )
    expect(placed.fields).toEqual({
      tagIds: 'tagIds[1]',
      staff: 'staff[0]',
      materials: 'materialIds',
      sendAt: 'sendAt',
    })
    expect(placed.materials).toEqual({ 2: 'materialIds[2]' })
    expect(placed.other.map((e) => e.field)).toEqual(['audience'])
  })
})
