import { http } from '@/api/http'

/** WeCom's own API address: what the server reports when an app names no other one. */
export const WECOM_API = 'https://qyapi.weixin.qq.com'

/** A connected self-built app. The secret is write-only: the server never returns it. */
export interface WeComApp {
  id: number
  name: string
  corpId: string
  agentId: string
  /** The callback Token, to be pasted into WeCom (接收消息 → 设置API接收). */
  token: string
  /** The callback EncodingAESKey (43 characters), pasted there too. */
  encodingAesKey: string
  /** The path WeCom calls, under this server's public address, e.g. /callbacks/wecom/Xy3… */
  callbackPath: string
  /** Where API calls go: WECOM_API for WeCom itself, or a proxy / the simulator. */
  apiBaseUrl: string
}

/** Connecting an app: Token and EncodingAESKey are generated when left out. */
export interface WeComAppConnect {
  name: string
  corpId: string
  agentId: string
  secret: string
  token?: string
  encodingAesKey?: string
  apiBaseUrl?: string
}

/**
 * Changing an app: a field left out stays as it is (the secret included); corp and agent cannot
 * change. An empty apiBaseUrl goes back to WeCom itself.
 */
export interface WeComAppUpdate {
  name?: string
  secret?: string
  token?: string
  encodingAesKey?: string
  apiBaseUrl?: string
}

/** What a connection test found: WeCom's name for the app, or its error code and message. */
export type WeComCheck =
  { ok: true; name: string } | { ok: false; errcode?: number | null; error?: string | null }

/** A staff member of the corp as the last sync found them. */
export interface WeComStaff {
  userId: string
  name: string
  departments: number[]
  /** Whether WeCom lets them use customer contact (客户联系): only they can receive adds. */
  contactEnabled: boolean
  /** WeCom's status: 1 active, 2 disabled, 4 not activated, 5 left. */
  status: number
  /** How many customers they have now. */
  customers: number
}

export type SyncStatus = 'running' | 'done' | 'failed'

/** A reconcile of an app's directory and contacts with WeCom; progress and diff fill in as it runs. */
export interface SyncRun {
  id: number
  appId: number
  trigger: 'manual' | 'schedule'
  status: SyncStatus
  progress: { phase?: 'directory' | 'contacts'; done?: number; total?: number }
  diff: {
    departments?: number
    staff?: { added: number; removed: number; total: number }
    contacts?: { added: number; lost: number; unchanged: number }
  }
  error: string | null
  startedAt: string
  finishedAt: string | null
}

export const wecomApi = {
  list: (signal?: AbortSignal) => http.get<WeComApp[]>('/api/v1/wecom/apps', undefined, signal),
  /** Which apps are connected (id, name, corp id), for anyone working with live codes or handovers. */
  options: (signal?: AbortSignal) =>
    http.get<{ id: number; name: string; corpId: string }[]>(
      '/api/v1/wecom/app-options',
      undefined,
      signal,
    ),
  connect: (body: WeComAppConnect) => http.post<WeComApp>('/api/v1/wecom/apps', body),
  update: (id: number, body: WeComAppUpdate) =>
    http.patch<WeComApp>(`/api/v1/wecom/apps/${id}`, body),
  disconnect: (id: number) => http.delete(`/api/v1/wecom/apps/${id}`),
  check: (id: number) => http.post<WeComCheck>(`/api/v1/wecom/apps/${id}/check`),
  staff: (id: number, signal?: AbortSignal) =>
    http.get<WeComStaff[]>(`/api/v1/wecom/apps/${id}/staff`, undefined, signal),
  syncs: (id: number) => http.get<SyncRun[]>(`/api/v1/wecom/apps/${id}/sync`),
  startSync: (id: number) => http.post<SyncRun>(`/api/v1/wecom/apps/${id}/sync`),
}
