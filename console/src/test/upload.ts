import { vi } from 'vitest'

/** One upload the page sent: where, with which headers and file; `progress` plays the bytes going out. */
export interface UploadCall {
  method: string
  url: string
  headers: Record<string, string>
  file: File | null
  progress(percent: number): void
}

/** The server's answer to an upload. */
export interface UploadAnswer {
  status: number
  body?: unknown
}

/**
 * Replaces XMLHttpRequest (which uploads use, for their progress) with a fake that hands each
 * upload to `answer`; the answer may wait (a promise) so that a test sees the upload under way.
 */
export function stubUpload(answer: (call: UploadCall) => UploadAnswer | Promise<UploadAnswer>) {
  const calls: UploadCall[] = []

  class FakeXhr {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
    status = 0
    responseText = ''
    withCredentials = false
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    onabort: (() => void) | null = null
    private call: UploadCall = {
      method: '',
      url: '',
      headers: {},
      file: null,
      progress: (percent) =>
        this.upload.onprogress?.({
          lengthComputable: true,
          loaded: percent,
          total: 100,
        } as ProgressEvent),
    }
    private aborted = false

    open(method: string, url: string): void {
      this.call.method = method
      this.call.url = url
    }

    setRequestHeader(name: string, value: string): void {
      this.call.headers[name.toLowerCase()] = value
    }

    abort(): void {
      this.aborted = true
      this.onabort?.()
    }

    send(form: FormData): void {
      const file = form.get('file')
      this.call.file = file instanceof File ? file : null
      calls.push(this.call)
      void Promise.resolve(answer(this.call)).then((reply) => {
        if (this.aborted) return
        this.status = reply.status
        this.responseText = reply.body === undefined ? '' : JSON.stringify(reply.body)
        this.onload?.()
      })
    }
  }

  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  return { calls }
}
