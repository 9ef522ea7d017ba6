import { http, upload, type CursorPage, type UploadOptions } from '@/api/http'

/** The kinds of material, in the order the library's tabs show them. */
export const MATERIAL_KINDS = [
  'article',
  'image',
  'video',
  'link',
  'miniprogram',
  'file',
  'poster',
] as const
export type MaterialKind = (typeof MATERIAL_KINDS)[number]

/** A file kept by Siyu: an uploaded image, video or document, or a cover. */
export interface FileInfo {
  id: number
  name: string
  /** In bytes. */
  size: number
  contentType: string
  /** In pixels, for images; null for anything else. */
  width?: number | null
  height?: number | null
}

/**
 * A material: what a message sends besides its text. Which fields a kind uses: article (body or
 * url, cover), image and poster (file), video (file, cover), link (url, cover), miniprogram (appId,
 * page, cover), file (file).
 */
export interface Material {
  id: number
  kind: MaterialKind
  title: string
  description: string | null
  /** null: 未分组. */
  groupId: number | null
  tags: string[]
  url: string | null
  body: string | null
  appId: string | null
  page: string | null
  file: FileInfo | null
  cover: FileInfo | null
  /** How many times it was sent or copied. */
  uses: number
  createdAt: string
  updatedAt: string
}

/** The fields a change can empty, by naming them in `clear`. */
export type MaterialClearable = 'description' | 'url' | 'body' | 'cover' | 'group' | 'tags'

/**
 * The body of a create (every field the kind uses) or of a change: absent (or null) fields stay,
 * those named in `clear` are emptied. The kind is fixed once made.
 */
export interface MaterialInput {
  kind?: MaterialKind
  title?: string
  description?: string | null
  groupId?: number | null
  tags?: string[]
  url?: string | null
  body?: string | null
  appId?: string | null
  page?: string | null
  fileId?: number | null
  coverId?: number | null
  clear?: MaterialClearable[]
}

/** Which materials to list: `groupId` 0 is 未分组, absent is every group. */
export interface MaterialQuery {
  kind?: MaterialKind | null
  groupId?: number | null
  q?: string | null
}

export type KindCounts = Partial<Record<MaterialKind, number>>

export interface MaterialGroup {
  id: number
  name: string
  count: number
}

export interface MaterialGroups {
  groups: MaterialGroup[]
  /** Materials in no group (未分组). */
  ungrouped: number
  total: number
}

export interface Script {
  id: number
  groupId: number
  title: string
  content: string
  keywords: string[]
  materials: Material[]
  uses: number
  createdAt: string
  updatedAt: string
}

export interface ScriptInput {
  groupId?: number
  title?: string
  content?: string
  keywords?: string[]
  materialIds?: number[]
}

export interface ScriptQuery {
  groupId?: number | null
  q?: string | null
}

export interface ScriptGroup {
  id: number
  name: string
  position: number
  count: number
}

export const MATERIALS = '/api/v1/materials'
export const MATERIAL_FILES = '/api/v1/material-files'
const MATERIAL_GROUPS = '/api/v1/material-groups'
const SCRIPTS = '/api/v1/scripts'
const SCRIPT_GROUPS = '/api/v1/script-groups'

/** Where the browser loads a kept file (an <img src>), or downloads it. */
export function fileUrl(file: Pick<FileInfo, 'id'>, download = false): string {
  return `${MATERIAL_FILES}/${file.id}${download ? '?download=true' : ''}`
}

export const materialsApi = {
  list: (query: MaterialQuery, cursor: string | null, limit = 24) =>
    http.get<CursorPage<Material>>(MATERIALS, { ...query, cursor, limit }),
  kinds: (query: Omit<MaterialQuery, 'kind'>, signal?: AbortSignal) =>
    http.get<KindCounts>(`${MATERIALS}/kinds`, { ...query }, signal),
  get: (id: number) => http.get<Material>(`${MATERIALS}/${id}`),
  create: (input: MaterialInput) => http.post<Material>(MATERIALS, input),
  update: (id: number, input: MaterialInput) => http.patch<Material>(`${MATERIALS}/${id}`, input),
  remove: (id: number) => http.delete(`${MATERIALS}/${id}`),
  used: (id: number) => http.post<void>(`${MATERIALS}/${id}/used`),
  upload: (file: File, options?: UploadOptions) => upload<FileInfo>(MATERIAL_FILES, file, options),
}

export const materialGroupsApi = {
  list: (signal?: AbortSignal) => http.get<MaterialGroups>(MATERIAL_GROUPS, undefined, signal),
  create: (name: string) => http.post<MaterialGroup>(MATERIAL_GROUPS, { name }),
  rename: (id: number, name: string) =>
    http.patch<MaterialGroup>(`${MATERIAL_GROUPS}/${id}`, { name }),
  remove: (id: number) => http.delete(`${MATERIAL_GROUPS}/${id}`),
}

export const scriptsApi = {
  list: (query: ScriptQuery, cursor: string | null, limit = 20) =>
    http.get<CursorPage<Script>>(SCRIPTS, { ...query, cursor, limit }),
  create: (input: ScriptInput) => http.post<Script>(SCRIPTS, input),
  update: (id: number, input: ScriptInput) => http.patch<Script>(`${SCRIPTS}/${id}`, input),
  remove: (id: number) => http.delete(`${SCRIPTS}/${id}`),
  used: (id: number) => http.post<void>(`${SCRIPTS}/${id}/used`),
}

export const scriptGroupsApi = {
  list: (signal?: AbortSignal) => http.get<ScriptGroup[]>(SCRIPT_GROUPS, undefined, signal),
  create: (name: string) => http.post<ScriptGroup>(SCRIPT_GROUPS, { name }),
  update: (id: number, change: { name?: string; position?: number }) =>
    http.patch<ScriptGroup>(`${SCRIPT_GROUPS}/${id}`, change),
  remove: (id: number) => http.delete(`${SCRIPT_GROUPS}/${id}`),
}
