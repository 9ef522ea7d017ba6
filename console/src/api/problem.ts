/** One entry of a problem-details `errors[]` array: a message for one request field. */
export interface FieldError {
  field: string
  code: string
  message: string
}

/** RFC 9457 problem details as the Siyu server sends them (already localized by Accept-Language). */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  code?: string
  errors?: FieldError[]
}

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemDetails

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  get code(): string | undefined {
    return this.problem.code
  }

  get detail(): string | undefined {
    return this.problem.detail ?? this.problem.title
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? []
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function toFieldError(value: unknown): FieldError | undefined {
  if (!isRecord(value) || typeof value.field !== 'string') return undefined
  return {
    field: value.field,
    code: typeof value.code === 'string' ? value.code : '',
    message: typeof value.message === 'string' ? value.message : '',
  }
}

/** Reads a response body defensively: a proxy or a crash may answer with anything. */
export function parseProblem(status: number, body: unknown): ProblemDetails {
  if (!isRecord(body)) return { status }
  const errors = Array.isArray(body.errors)
    ? body.errors.map(toFieldError).filter((e): e is FieldError => e !== undefined)
    : undefined
  return {
    type: optionalString(body.type),
    title: optionalString(body.title),
    status: typeof body.status === 'number' ? body.status : status,
    detail: optionalString(body.detail),
    instance: optionalString(body.instance),
    code: optionalString(body.code),
    errors: errors && errors.length > 0 ? errors : undefined,
  }
}
