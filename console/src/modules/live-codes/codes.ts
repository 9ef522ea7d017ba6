import type { ChatCardData } from '@/components/chat/chat'
import { ApiError } from '@/api/problem'
import type {
  Assignment,
  Attachment,
  AttachmentType,
  ChannelCode,
  Clearable,
  CodeInput,
  CodeUpdate,
  Schedule,
  Welcome,
} from './api'

// Mirrors the server's limits (ChannelCodeInput), which are WeCom's: the server stays the authority
// and its field errors are shown on the same fields.
export const NAME_MAX = 30
export const STAFF_MAX = 100
export const DAILY_CAP_MAX = 10_000
export const WELCOME_MAX_BYTES = 4000
export const ATTACHMENTS_MAX = 9

/** The variables a welcome text may hold, filled in for each customer. */
export const VARIABLES = ['nickname', 'staff'] as const
export type Variable = (typeof VARIABLES)[number]

/** The fields each attachment type uses, in the order the editor shows them; required first. */
export const ATTACHMENT_FIELDS: Record<AttachmentType, readonly (keyof Attachment)[]> = {
  image: ['picUrl'],
  link: ['title', 'url', 'picUrl', 'description'],
  miniprogram: ['title', 'appId', 'page', 'picMediaId'],
}
const REQUIRED: Record<AttachmentType, readonly (keyof Attachment)[]> = {
  image: ['picUrl'],
  link: ['title', 'url'],
  miniprogram: ['title', 'appId', 'page', 'picMediaId'],
}
export const isRequired = (type: AttachmentType, field: keyof Attachment) =>
  REQUIRED[type].includes(field)

/** The editor's form: the code's settings as the operator edits them. */
export interface Draft {
  appId: number | null
  name: string
  staff: string[]
  backupStaff: string[]
  assignment: Assignment
  dailyCap: number | null
  /** Whether adds follow working hours at all (days, from and to). */
  scheduled: boolean
  days: number[]
  from: string
  to: string
  skipVerify: boolean
  tagIds: number[]
  welcomeText: string
  attachments: Attachment[]
}

export const WORKDAYS = [1, 2, 3, 4, 5]

export function emptyDraft(appId: number | null = null): Draft {
  return {
    appId,
    name: '',
    staff: [],
    backupStaff: [],
    assignment: 'round_robin',
    dailyCap: null,
    scheduled: false,
    days: [...WORKDAYS],
    from: '09:00',
    to: '18:00',
    skipVerify: true,
    tagIds: [],
    welcomeText: '',
    attachments: [],
  }
}

export function draftOf(code: ChannelCode): Draft {
  const empty = emptyDraft(code.appId)
  return {
    ...empty,
    name: code.name,
    staff: [...code.staff],
    backupStaff: [...code.backupStaff],
    assignment: code.assignment,
    dailyCap: code.dailyCap,
    scheduled: code.schedule !== null,
    days: code.schedule ? [...code.schedule.days] : empty.days,
    from: code.schedule?.from ?? empty.from,
    to: code.schedule?.to ?? empty.to,
    skipVerify: code.skipVerify,
    tagIds: [...code.tagIds],
    welcomeText: code.welcome?.text ?? '',
    attachments: (code.welcome?.attachments ?? []).map((a) => ({ ...a })),
  }
}

/** An attachment with only the fields its type uses, trimmed, optional empty ones left out. */
export function cleanAttachment(attachment: Attachment): Attachment {
  const clean: Attachment = { type: attachment.type }
  for (const field of ATTACHMENT_FIELDS[attachment.type] ?? []) {
    const value = (attachment[field] ?? '').trim()
    if (value !== '' || isRequired(attachment.type, field)) {
      ;(clean as unknown as Record<string, string>)[field] = value
    }
  }
  return clean
}

const isWebAddress = (value: string | null | undefined) => !!value && /^https?:\/\/\S+$/.test(value)

/**
 * An attachment as the chat draws it. Only a web address can be shown as its picture: a
 * mini program's picMediaId names an image uploaded to WeCom, which the browser cannot load.
 */
export function attachmentCard(attachment: Attachment): ChatCardData {
  return {
    kind: attachment.type,
    title: attachment.title,
    description: attachment.description,
    url: attachment.url,
    picture: isWebAddress(attachment.picUrl) ? attachment.picUrl : null,
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids)]

function welcomeOf(draft: Draft): Welcome | null {
  const text = draft.welcomeText.trim() === '' ? '' : draft.welcomeText
  if (text === '' && draft.attachments.length === 0) return null
  return { text, attachments: draft.attachments.map(cleanAttachment) }
}

/** Everything the server takes to create a code. */
export function inputOf(draft: Draft): CodeInput {
  return {
    appId: draft.appId ?? 0,
    name: draft.name.trim(),
    staff: unique(draft.staff),
    backupStaff: unique(draft.backupStaff),
    assignment: draft.assignment,
    dailyCap: draft.dailyCap ?? null,
    schedule: draft.scheduled
      ? { days: [...new Set(draft.days)].sort((a, b) => a - b), from: draft.from, to: draft.to }
      : null,
    skipVerify: draft.skipVerify,
    tagIds: [...draft.tagIds],
    welcome: welcomeOf(draft),
  }
}

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((value, i) => value === b[i])
const sameSet = (a: readonly number[], b: readonly number[]) =>
  sameList([...new Set(a)].sort(), [...new Set(b)].sort())

function sameSchedule(a: Schedule | null, b: Schedule | null): boolean {
  if (a === null || b === null) return a === b
  return sameSet(a.days, b.days) && a.from === b.from && a.to === b.to
}

function sameWelcome(a: Welcome | null, b: Welcome | null): boolean {
  if (a === null || b === null) return a === b
  const shape = (w: Welcome) => JSON.stringify([w.text, w.attachments.map(cleanAttachment)])
  return shape(a) === shape(b)
}

/**
 * What an update sends: only the settings that differ from the code as it is, and `clear` for the
 * optional ones (daily cap, working hours, welcome message) that were removed.
 */
export function changesOf(code: ChannelCode, draft: Draft): CodeUpdate {
  const next = inputOf(draft)
  const update: CodeUpdate = {}
  const clear: Clearable[] = []
  if (next.name !== code.name) update.name = next.name
  if (!sameList(next.staff, code.staff)) update.staff = next.staff
  if (!sameList(next.backupStaff, code.backupStaff)) update.backupStaff = next.backupStaff
  if (next.assignment !== code.assignment) update.assignment = next.assignment
  if (next.dailyCap !== (code.dailyCap ?? null)) {
    if (next.dailyCap === null) clear.push('dailyCap')
    else update.dailyCap = next.dailyCap
  }
  if (!sameSchedule(next.schedule, code.schedule ?? null)) {
    if (next.schedule === null) clear.push('schedule')
    else update.schedule = next.schedule
  }
  if (next.skipVerify !== code.skipVerify) update.skipVerify = next.skipVerify
  if (!sameSet(next.tagIds, code.tagIds)) update.tagIds = next.tagIds
  if (!sameWelcome(next.welcome, code.welcome ?? null)) {
    if (next.welcome === null) clear.push('welcome')
    else update.welcome = next.welcome
  }
  if (clear.length > 0) update.clear = clear
  return update
}

export const isEmptyUpdate = (update: CodeUpdate) => Object.keys(update).length === 0

/** UTF-8 bytes, as WeCom counts the welcome text (a Chinese character is 3). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length
}

/** A name's length as the server counts it: code points (an emoji is one character). */
export const nameLength = (name: string) => [...name.trim()].length

/**
 * Puts `{variable}` in place of the selection [start, end) and says where the caret goes: right
 * after what was inserted, so the operator can keep typing.
 */
export function insertVariable(
  text: string,
  start: number,
  end: number,
  variable: Variable,
): { text: string; caret: number } {
  const token = `{${variable}}`
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length }
}

/** The text as one customer receives it: every {nickname} and {staff} filled in. */
export function fillVariables(text: string, values: Record<Variable, string>): string {
  return text.replace(/\{(nickname|staff)\}/g, (_, name: Variable) => values[name])
}

export type TextPart = { text: string } | { variable: Variable }

/** The text cut around its variables, to show them apart from what is written. */
export function splitVariables(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(/\{(nickname|staff)\}/g)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) })
    parts.push({ variable: match[1] as Variable })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}

/** Whether to < from: the working hours run past midnight (e.g. 20:00–02:00). */
export const isOvernight = (from: string, to: string) => to < from

/**
 * The weekdays as runs of consecutive days, for a summary like 周一至周五、周日:
 * [1,2,3,4,5,7] → [[1,5],[7,7]].
 */
export function dayRuns(days: readonly number[]): [number, number][] {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  const runs: [number, number][] = []
  for (const day of sorted) {
    const last = runs.at(-1)
    if (last && day === last[1] + 1) last[1] = day
    else runs.push([day, day])
  }
  return runs
}

/**
 * Where a server field error belongs in the editor: `staff[1]` on the staff picker,
 * `schedule.from` on the start time, `welcome.attachments[0].url` on that attachment's address.
 */
export function editorField(field: string): string {
  const list = /^(staff|backupStaff|tagIds)\[\d+\]$/.exec(field)
  if (list) return list[1]!
  if (field === 'schedule' || field === 'schedule.days') return 'days'
  if (field === 'schedule.from') return 'from'
  if (field === 'schedule.to') return 'to'
  if (field === 'welcome' || field === 'welcome.text') return 'welcomeText'
  if (field === 'welcome.attachments') return 'attachments'
  const attachment = /^welcome\.attachments\[(\d+)\]\.(\w+)$/.exec(field)
  if (attachment) return `attachments.${attachment[1]}.${attachment[2]}`
  return field
}

/** The error-message slots for the attachments shown (see editorField). */
export function attachmentErrorFields(attachments: readonly Attachment[]): string[] {
  return attachments.flatMap((a, i) =>
    ['type', ...ATTACHMENT_FIELDS[a.type]].map((field) => `attachments.${i}.${field}`),
  )
}

/** A failed save with its field errors renamed to the editor's fields. */
export function onEditorFields(error: unknown): never {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    throw new ApiError(error.status, {
      ...error.problem,
      errors: error.fieldErrors.map((e) => ({ ...e, field: editorField(e.field) })),
    })
  }
  throw error
}
