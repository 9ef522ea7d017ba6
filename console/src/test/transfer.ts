import type { Job } from '@/modules/transfer/api'

/** An import or export job as the server shows it; an import of a GBK customer file unless told. */
export function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 7,
    kind: 'import',
    entity: 'customers',
    format: 'csv',
    encoding: 'GBK',
    fileName: '会员名单.csv',
    status: 'uploaded',
    mapping: {},
    totalRows: 3,
    processedRows: 0,
    acceptedRows: 0,
    rejectedRows: 0,
    message: null,
    createdBy: 'admin',
    createdAt: '2026-11-23T06:00:00Z',
    finishedAt: null,
    ...overrides,
  }
}

/** A customer export job, running unless told. */
export function exportJob(overrides: Partial<Job> = {}): Job {
  return job({
    id: 12,
    kind: 'export',
    encoding: 'UTF-8',
    fileName: 'customers-12.csv',
    status: 'running',
    totalRows: 2000,
    ...overrides,
  })
}
