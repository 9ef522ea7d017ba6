import { http, requestWithStatus, type CursorPage } from '@/api/http'
import { PAGE_SIZE } from '@/composables/useCursorList'
import type { FieldError } from '@/api/problem'

export const IMPORT_ENTITIES = ['customers', 'orders', 'events', 'tags'] as const
export type ImportEntity = (typeof IMPORT_ENTITIES)[number]

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** uploaded → running → done | failed; interrupted: the server stopped while it ran. */
export type JobStatus = 'uploaded' | 'running' | 'done' | 'failed' | 'interrupted'

/** An import or export job. */
export interface Job {
  id: number
  kind: string
  entity: string
  format: string
  encoding?: string | null
  fileName: string
  status: JobStatus | string
  mapping: Record<string, string>
  totalRows: number
  processedRows: number
  acceptedRows: number
  rejectedRows: number
  message?: string | null
  createdBy: string
  createdAt: string
  finishedAt?: string | null
}

/** The answer to an upload: the file's header, first rows and a suggested column → field mapping. */
export interface ImportPreview {
  job: Job
  header: string[]
  sample: string[][]
  suggested: Record<string, string>
  fields: string[]
}

export interface DryRunRow {
  row: number
  status: 'created' | 'updated' | 'duplicate' | 'rejected' | string
  errors?: FieldError[] | null
}

export interface DryRunResult {
  accepted: number
  rejected: number
  rows: DryRunRow[]
}

/** The body of POST /exports: the format and the customer list's filters, or a segment. */
export interface ExportRequest {
  format: ExportFormat
  /** Exports the members of this segment (instead of filtering the customer list). */
  segmentId?: number
  q?: string
  gender?: string
  /** A city code as text (the server also takes a name). */
  city?: string
  ownerId?: number
  sourceChannel?: string
  memberLevel?: number
  attributes?: Record<string, string>
}

const IMPORTS = '/api/v1/imports'
const EXPORTS = '/api/v1/exports'

export const importsApi = {
  upload: (entity: ImportEntity, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return requestWithStatus<ImportPreview>(IMPORTS, {
      method: 'POST',
      query: { entity },
      body: form,
    }).then((r) => r.body)
  },
  list: (cursor: string | null) => http.get<CursorPage<Job>>(IMPORTS, { limit: PAGE_SIZE, cursor }),
  get: (id: number) => http.get<Job>(`${IMPORTS}/${id}`),
  dryRun: (id: number, mapping: Record<string, string>) =>
    http.post<DryRunResult>(`${IMPORTS}/${id}/dry-run`, { mapping }),
  start: (id: number, mapping: Record<string, string>) =>
    http.post<Job>(`${IMPORTS}/${id}/start`, { mapping }),
  errorsUrl: (id: number) => `${IMPORTS}/${id}/errors`,
}

export const exportsApi = {
  start: (body: ExportRequest) => http.post<Job>(EXPORTS, body),
  list: (cursor: string | null) => http.get<CursorPage<Job>>(EXPORTS, { limit: PAGE_SIZE, cursor }),
  get: (id: number) => http.get<Job>(`${EXPORTS}/${id}`),
  fileUrl: (id: number) => `${EXPORTS}/${id}/file`,
}
