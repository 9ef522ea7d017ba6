import type { FileInfo, Material, MaterialGroups, Script, ScriptGroup } from '@/modules/content/api'

export function fileInfo(overrides: Partial<FileInfo> = {}): FileInfo {
  return {
    id: 501,
    name: '双11主图.png',
    size: 245_760,
    contentType: 'image/png',
    width: 1080,
    height: 1080,
    ...overrides,
  }
}

/** A material as the server sends it; a link without a cover unless told. */
export function material(overrides: Partial<Material> & Pick<Material, 'id'>): Material {
  return {
    kind: 'link',
    title: '会员日活动说明',
    description: null,
    groupId: null,
    tags: [],
    url: 'https://shop.example.com/member-day',
    body: null,
    appId: null,
    page: null,
    file: null,
    cover: null,
    uses: 0,
    createdAt: '2026-11-20T02:00:00Z',
    updatedAt: '2026-11-28T02:00:00Z',
    ...overrides,
  }
}

/** An image, a link with a cover, a file, a mini program, an article written here. */
export function materials(): Material[] {
  return [
    material({
      id: 1,
      kind: 'image',
      title: '双11主图',
      url: null,
      groupId: 10,
      file: fileInfo(),
      uses: 12,
      tags: ['双11'],
    }),
    material({
      id: 2,
      kind: 'link',
      title: '会员日活动说明',
      description: '本周六会员专享 8 折',
      groupId: 10,
      cover: fileInfo({ id: 502, name: 'cover.jpg', contentType: 'image/jpeg' }),
      uses: 3,
    }),
    material({
      id: 3,
      kind: 'file',
      title: '2026 价目表',
      url: null,
      file: fileInfo({
        id: 503,
        name: '价目表.pdf',
        size: 1_572_864,
        contentType: 'application/pdf',
        width: null,
        height: null,
      }),
    }),
    material({
      id: 4,
      kind: 'miniprogram',
      title: '小程序商城首页',
      url: null,
      appId: 'wx1234567890abcdef',
      page: 'pages/index/index',
      cover: fileInfo({ id: 504, name: 'mini.png' }),
    }),
    material({
      id: 5,
      kind: 'article',
      title: '秋冬护肤指南',
      url: null,
      body: '第一步：清洁\n第二步：保湿',
    }),
  ]
}

export function materialGroups(): MaterialGroups {
  return {
    groups: [
      { id: 10, name: '双11大促', count: 2 },
      { id: 11, name: '售后', count: 0 },
    ],
    ungrouped: 3,
    total: 5,
  }
}

export function scriptGroups(): ScriptGroup[] {
  return [
    { id: 21, name: '售前咨询', position: 0, count: 2 },
    { id: 22, name: '售后安抚', position: 1, count: 0 },
  ]
}

export function script(overrides: Partial<Script> & Pick<Script, 'id'>): Script {
  return {
    groupId: 21,
    title: '询问价格',
    content: '您好，这款现在会员价 199 元。\n下单前领券还能再减 20 元哦。',
    keywords: ['价格', '多少钱'],
    materials: [],
    uses: 4,
    createdAt: '2026-11-20T02:00:00Z',
    updatedAt: '2026-11-28T02:00:00Z',
    ...overrides,
  }
}
