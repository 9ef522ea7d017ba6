import { describe, expect, it } from 'vitest'
import { fileInfo, material, materials } from '@/test/content'
import { groupIdOf, kindTotal } from './library'
import {
  changesOf,
  chatCardOf,
  draftOf,
  emptyDraft,
  fileProblem,
  fileSlot,
  inputOf,
  keptAs,
  thumbnailOf,
} from './materials'

const [image, link, file, mini, article] = materials() as [
  ReturnType<typeof material>,
  ReturnType<typeof material>,
  ReturnType<typeof material>,
  ReturnType<typeof material>,
  ReturnType<typeof material>,
]

describe('a material’s picture and chat card', () => {
  it('is the image itself for images and posters, else the cover, else none', () => {
    expect(thumbnailOf(image)).toBe('/api/v1/material-files/501')
    expect(thumbnailOf({ ...image, kind: 'poster' })).toBe('/api/v1/material-files/501')
    expect(thumbnailOf(link)).toBe('/api/v1/material-files/502')
    expect(thumbnailOf(file)).toBeNull()
    expect(thumbnailOf(article)).toBeNull()
  })

  it('arrives as WeChat draws it: articles as link cards, files with their name and size', () => {
    expect(chatCardOf(link)).toEqual({
      kind: 'link',
      title: '会员日活动说明',
      description: '本周六会员专享 8 折',
      url: 'https://shop.example.com/member-day',
      picture: '/api/v1/material-files/502',
    })
    expect(chatCardOf(article).kind).toBe('link')
    expect(chatCardOf(file)).toEqual({ kind: 'file', title: '价目表.pdf', size: 1_572_864 })
    expect(chatCardOf(mini)).toMatchObject({
      kind: 'miniprogram',
      picture: '/api/v1/material-files/504',
    })
    expect(chatCardOf({ ...image, kind: 'poster' }).kind).toBe('image')
  })
})

describe('a chosen file', () => {
  it('is checked against WeCom’s limits before it is sent', () => {
    const MB = 1024 * 1024
    expect(fileSlot('poster')).toBe('image')
    expect(fileSlot('link')).toBeNull()
    expect(fileProblem('image', { name: 'a.JPG', size: 2 * MB })).toBeNull()
    expect(fileProblem('image', { name: 'a.webp', size: 2 * MB })).toBe('wrongType')
    expect(fileProblem('image', { name: 'a.png', size: 10 * MB + 1 })).toBe('tooLarge')
    expect(fileProblem('video', { name: 'clip.mov', size: MB })).toBe('wrongType')
    expect(fileProblem('file', { name: '合同.docx', size: 20 * MB })).toBeNull()
    expect(fileProblem('file', { name: '合同.docx', size: 20 * MB + 1 })).toBe('tooLarge')
  })
})

describe('a kept file', () => {
  it('is what the upload asked for, by the type the server read from its bytes', () => {
    expect(keptAs('image', fileInfo({ contentType: 'image/gif' }))).toBe(true)
    expect(keptAs('image', fileInfo({ contentType: 'application/octet-stream' }))).toBe(false)
    expect(keptAs('video', fileInfo({ contentType: 'video/mp4' }))).toBe(true)
    expect(keptAs('video', fileInfo({ contentType: 'image/png' }))).toBe(false)
    expect(keptAs('file', fileInfo({ contentType: 'application/pdf' }))).toBe(true)
  })
})

describe('a new material as the dialog sends it', () => {
  it('has its kind and only the fields that kind uses, trimmed, without empty ones', () => {
    const draft = {
      ...emptyDraft('link', 10),
      title: '  会员日  ',
      url: ' https://shop.example.com/a ',
      body: 'left over from an article',
      appId: 'wx0000000000000000',
      tags: [' 双11 ', '双11', ''],
      cover: fileInfo({ id: 9 }),
    }
    expect(inputOf(draft)).toEqual({
      kind: 'link',
      title: '会员日',
      groupId: 10,
      tags: ['双11'],
      url: 'https://shop.example.com/a',
      coverId: 9,
    })
  })

  it('keeps an article’s body as written, or its address, as chosen', () => {
    const written = {
      ...emptyDraft('article'),
      title: 'T',
      body: '  第一行\n\n第二行',
      url: 'https://x.y',
    }
    expect(inputOf(written)).toEqual({
      kind: 'article',
      title: 'T',
      tags: [],
      body: '  第一行\n\n第二行',
    })
    expect(inputOf({ ...written, source: 'url' })).toEqual({
      kind: 'article',
      title: 'T',
      tags: [],
      url: 'https://x.y',
    })
  })

  it('sends an uploaded file for images, videos and files, and a mini program’s AppID and page', () => {
    expect(
      inputOf({ ...emptyDraft('image'), title: 'x', file: fileInfo({ id: 7 }) }),
    ).toMatchObject({
      kind: 'image',
      fileId: 7,
    })
    expect(
      inputOf({
        ...emptyDraft('miniprogram'),
        title: '商城',
        appId: 'wx1234567890abcdef',
        page: 'pages/index/index',
        cover: fileInfo({ id: 8 }),
      }),
    ).toEqual({
      kind: 'miniprogram',
      title: '商城',
      tags: [],
      appId: 'wx1234567890abcdef',
      page: 'pages/index/index',
      coverId: 8,
    })
  })
})

describe('a change to a material', () => {
  it('is nothing when nothing changed', () => {
    for (const m of materials()) expect(changesOf(draftOf(m), m)).toEqual({})
  })

  it('sends only what changed, and names what was emptied in clear', () => {
    const draft = {
      ...draftOf(link),
      title: '会员日（新）',
      description: '  ',
      groupId: null,
      cover: null,
    }
    expect(changesOf(draft, link)).toEqual({
      title: '会员日（新）',
      clear: ['description', 'group', 'cover'],
    })
  })

  it('empties the address when an article is written here instead', () => {
    const elsewhere = material({ id: 8, kind: 'article', url: 'https://mp.weixin.qq.com/s/abc' })
    expect(draftOf(elsewhere).source).toBe('url')
    const draft = { ...draftOf(elsewhere), source: 'body' as const, body: '正文' }
    expect(changesOf(draft, elsewhere)).toEqual({ body: '正文', clear: ['url'] })
  })

  it('replaces the tags as a whole, an empty list included', () => {
    expect(changesOf({ ...draftOf(image), tags: [] }, image)).toEqual({ tags: [] })
    expect(changesOf({ ...draftOf(image), tags: ['双11', '主图'] }, image)).toEqual({
      tags: ['双11', '主图'],
    })
  })
})

describe('the library’s filters', () => {
  it('read the chosen group as the API’s groupId: none for all, 0 for ungrouped', () => {
    expect(groupIdOf('all')).toBeUndefined()
    expect(groupIdOf('none')).toBe(0)
    expect(groupIdOf('12')).toBe(12)
    expect(groupIdOf('x')).toBeUndefined()
  })

  it('count every kind for the 全部 tab', () => {
    expect(kindTotal({ article: 2, image: 3, file: 1 })).toBe(6)
    expect(kindTotal({})).toBe(0)
  })
})
