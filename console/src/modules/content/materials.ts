import { markRaw, type Component } from 'vue'
import {
  Document,
  Link,
  Picture,
  PictureRounded,
  Promotion,
  Reading,
  VideoPlay,
} from '@element-plus/icons-vue'
import type { ChatCardData } from '@/components/chat/chat'
import {
  fileUrl,
  type FileInfo,
  type Material,
  type MaterialClearable,
  type MaterialInput,
  type MaterialKind,
} from './api'

export const TITLE_MAX = 64
export const DESCRIPTION_MAX = 170
export const BODY_MAX = 20_000
export const TAG_MAX = 20
export const TAGS_MAX = 10

export const KIND_ICONS: Record<MaterialKind, Component> = {
  article: markRaw(Reading),
  image: markRaw(Picture),
  video: markRaw(VideoPlay),
  link: markRaw(Link),
  miniprogram: markRaw(Promotion),
  file: markRaw(Document),
  poster: markRaw(PictureRounded),
}

export const KIND_COLORS: Record<MaterialKind, string> = {
  article: '#2f6fed',
  image: '#0e9f8c',
  video: '#e0457b',
  link: '#0891b2',
  miniprogram: '#07c160',
  file: '#e07b12',
  poster: '#8b5cf6',
}

/** What an upload takes: WeCom's media limits (images and videos 10 MB, other files 20 MB). */
export type UploadSlot = 'image' | 'video' | 'file'

const MB = 1024 * 1024

export const UPLOADS: Record<
  UploadSlot,
  { maxBytes: number; accept: string; extensions: readonly string[] }
> = {
  image: {
    maxBytes: 10 * MB,
    accept: '.jpg,.jpeg,.png,.gif',
    extensions: ['jpg', 'jpeg', 'png', 'gif'],
  },
  video: { maxBytes: 10 * MB, accept: '.mp4', extensions: ['mp4'] },
  // Which documents are allowed is the server's call; the browser only checks the size.
  file: { maxBytes: 20 * MB, accept: '', extensions: [] },
}

/** Why a chosen file cannot be sent, before it is: the server checks the same again. */
export function fileProblem(slot: UploadSlot, file: Pick<File, 'name' | 'size'>) {
  const { maxBytes, extensions } = UPLOADS[slot]
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? ''
  if (extensions.length > 0 && !extensions.includes(extension)) return 'wrongType' as const
  if (file.size > maxBytes) return 'tooLarge' as const
  return null
}

/**
 * Whether the server, which reads a file's type from its bytes, kept what the slot takes: a file
 * named .png that is no picture is kept as a plain file, which an image material cannot use.
 */
export function keptAs(slot: UploadSlot, file: Pick<FileInfo, 'contentType'>): boolean {
  if (slot === 'image') return file.contentType.startsWith('image/')
  if (slot === 'video') return file.contentType === 'video/mp4'
  return true
}

/** The upload a kind's content is: the image itself, the video, the document; or none. */
export function fileSlot(kind: MaterialKind): UploadSlot | null {
  if (kind === 'image' || kind === 'poster') return 'image'
  if (kind === 'video' || kind === 'file') return kind
  return null
}

/** Kinds that show a cover image on their card; a mini program cannot go without one. */
export const usesCover = (kind: MaterialKind) =>
  kind === 'article' || kind === 'video' || kind === 'link' || kind === 'miniprogram'
export const coverRequired = (kind: MaterialKind) => kind === 'miniprogram'

/** The picture of a material's card: the image or poster itself, else its cover. */
export function thumbnailOf(material: Pick<Material, 'kind' | 'file' | 'cover'>): string | null {
  if (fileSlot(material.kind) === 'image' && material.file) return fileUrl(material.file)
  return material.cover ? fileUrl(material.cover) : null
}

/** A material as a customer sees it in the chat: articles arrive as link cards. */
export function chatCardOf(material: Material): ChatCardData {
  const picture = thumbnailOf(material)
  switch (material.kind) {
    case 'image':
    case 'poster':
      return { kind: 'image', title: material.title, picture }
    case 'video':
      return { kind: 'video', title: material.title, picture, size: material.file?.size }
    case 'file':
      return {
        kind: 'file',
        title: material.file?.name ?? material.title,
        size: material.file?.size,
      }
    case 'miniprogram':
      return { kind: 'miniprogram', title: material.title, picture }
    default:
      return {
        kind: 'link',
        title: material.title,
        description: material.description,
        url: material.url,
        picture,
      }
  }
}

/** An article is either written here (body) or lives elsewhere (url). */
export type ArticleSource = 'body' | 'url'

/** What the material dialog edits. */
export interface MaterialDraft {
  kind: MaterialKind
  title: string
  description: string
  /** null: 未分组. */
  groupId: number | null
  tags: string[]
  source: ArticleSource
  url: string
  body: string
  appId: string
  page: string
  file: FileInfo | null
  cover: FileInfo | null
}

export function emptyDraft(kind: MaterialKind, groupId: number | null = null): MaterialDraft {
  return {
    kind,
    title: '',
    description: '',
    groupId,
    tags: [],
    source: 'body',
    url: '',
    body: '',
    appId: '',
    page: '',
    file: null,
    cover: null,
  }
}

export function draftOf(material: Material): MaterialDraft {
  return {
    kind: material.kind,
    title: material.title,
    description: material.description ?? '',
    groupId: material.groupId,
    tags: [...material.tags],
    source: material.kind === 'article' && material.url && !material.body ? 'url' : 'body',
    url: material.url ?? '',
    body: material.body ?? '',
    appId: material.appId ?? '',
    page: material.page ?? '',
    file: material.file,
    cover: material.cover,
  }
}

const text = (value: string) => (value.trim() === '' ? null : value.trim())

type Fields = Required<Omit<MaterialInput, 'kind' | 'clear'>>

/** Every field of the material's kind, as the server takes it; the ones a kind does not use are null. */
function fieldsOf(draft: MaterialDraft): Fields {
  const { kind } = draft
  const article = kind === 'article'
  return {
    title: draft.title.trim(),
    description: text(draft.description),
    groupId: draft.groupId,
    tags: [...new Set(draft.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    url: (article && draft.source === 'url') || kind === 'link' ? text(draft.url) : null,
    // The body keeps its own spacing and line breaks.
    body: article && draft.source === 'body' && draft.body.trim() !== '' ? draft.body : null,
    appId: kind === 'miniprogram' ? text(draft.appId) : null,
    page: kind === 'miniprogram' ? text(draft.page) : null,
    fileId: fileSlot(kind) ? (draft.file?.id ?? null) : null,
    coverId: usesCover(kind) ? (draft.cover?.id ?? null) : null,
  }
}

/** A new material: its kind and the fields it uses (nothing empty). */
export function inputOf(draft: MaterialDraft): MaterialInput {
  const input: MaterialInput = { kind: draft.kind }
  for (const [field, value] of Object.entries(fieldsOf(draft))) {
    if (value !== null) (input as Record<string, unknown>)[field] = value
  }
  return input
}

/** How the server names a field that a change empties (see MaterialInput.clear). */
const CLEARED_AS: Partial<Record<keyof Fields, MaterialClearable>> = {
  description: 'description',
  url: 'url',
  body: 'body',
  coverId: 'cover',
  groupId: 'group',
}

/**
 * What changed in an existing material: only those fields, so that a colleague's change to
 * another field meanwhile stays; a field emptied is named in `clear` (null would mean "keep").
 */
export function changesOf(draft: MaterialDraft, material: Material): MaterialInput {
  const before = fieldsOf(draftOf(material))
  const after = fieldsOf(draft)
  const changes: MaterialInput = {}
  const clear: MaterialClearable[] = []
  for (const field of Object.keys(after) as (keyof Fields)[]) {
    if (JSON.stringify(after[field]) === JSON.stringify(before[field])) continue
    const cleared = CLEARED_AS[field]
    if (after[field] === null && cleared) clear.push(cleared)
    else if (after[field] !== null) (changes as Record<string, unknown>)[field] = after[field]
  }
  if (clear.length > 0) changes.clear = clear
  return changes
}

/** A WeChat AppID: "wx" and 16 hexadecimal digits. */
export const APP_ID = /^wx[0-9a-f]{16}$/i
export const WEB_ADDRESS = /^https?:\/\/\S+$/i
