// The participant's progress page as the wizard previews it: the draft's name, end and stages, with a sample of
// friends counted, in the shape the page gets from the server (so the page's own components draw it).
import type { Friend, Progress, StageView } from '@/h5/campaign-api'
import type { StageDraft } from './stages'

/** Sample friends' names, masked as the server masks them. */
const SAMPLE_NAMES = ['王**', '李*', '张**', '陈*', '刘**', '杨*', '赵**', '黄*']
/** The page lists this many friends in the preview at most. */
export const PREVIEW_FRIENDS = 8
/** Without an end picked, the preview counts down a week. */
const DEFAULT_DAYS = 7

export interface PageDraft {
  name: string
  description: string
  /** The end as an instant (ISO-8601), or null when none is picked yet. */
  endsAt: string | null
  stages: readonly StageDraft[]
  /** Friends counted, as the operator slides the sample. */
  counted: number
}

/** What the page would show a participant with `counted` friends counted, at `now`. */
export function previewProgress(draft: PageDraft, now: Date, untitled: string): Progress {
  const counted = Math.max(0, Math.floor(draft.counted))
  const stages: StageView[] = draft.stages.map((stage, index) => ({
    stage: index + 1,
    invites: stage.invites ?? 0,
    rewardKind: stage.rewardKind,
    amount: stage.rewardKind === 'coupon' ? 0 : (stage.amount ?? 0),
    gift: stage.rewardKind === 'gift' ? stage.gift.trim() || null : null,
    giftImage: stage.rewardKind === 'gift' ? stage.giftImage.trim() || null : null,
    status: stage.invites !== null && counted >= stage.invites ? 'granted' : 'locked',
    soldOut: stage.stock === 0,
  }))
  const next = stages.find((stage) => stage.invites > counted)
  const friends: Friend[] = Array.from({ length: Math.min(counted, PREVIEW_FRIENDS) }, (_, i) => ({
    name: SAMPLE_NAMES[i % SAMPLE_NAMES.length]!,
    status: 'counted',
    at: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(),
  }))
  const ends = draft.endsAt ?? new Date(now.getTime() + DEFAULT_DAYS * 86_400_000).toISOString()
  return {
    campaignId: 0,
    name: draft.name.trim() || untitled,
    description: draft.description.trim() || null,
    ended: false,
    endsAt: ends,
    now: now.toISOString(),
    counted,
    pending: 0,
    next: next
      ? { stage: next.stage, invites: next.invites, needed: next.invites - counted }
      : null,
    stages,
    friends,
    gifts: [],
  }
}

/** The largest number of friends any stage asks for: how far the sample slides. */
export function mostInvites(stages: readonly StageDraft[]): number {
  return Math.max(1, ...stages.map((stage) => stage.invites ?? 0))
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/**
 * A stand-in for the participant's poster (the server draws the real one, with their avatar and code): the
 * campaign's name, the stages as lines and a code's place, as an SVG data URL the page's poster card shows.
 */
export function posterStandIn(title: string, lines: readonly string[], scan: string): string {
  const rows = lines
    .slice(0, 5)
    .map(
      (line, i) =>
        `<text x="375" y="${520 + i * 64}" font-size="34" fill="#fff" text-anchor="middle">${escape(line)}</text>`,
    )
    .join('')
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="1200" viewBox="0 0 750 1200">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f0483e"/>` +
    `<stop offset="1" stop-color="#a3141b"/></linearGradient></defs>` +
    `<rect width="750" height="1200" fill="url(#g)"/>` +
    `<text x="375" y="380" font-size="56" font-weight="700" fill="#fff" text-anchor="middle">${escape(title)}</text>` +
    rows +
    `<rect x="255" y="860" width="240" height="240" rx="16" fill="#fff"/>` +
    `<rect x="285" y="890" width="56" height="56" fill="#1f2329"/><rect x="409" y="890" width="56" height="56" fill="#1f2329"/>` +
    `<rect x="285" y="1014" width="56" height="56" fill="#1f2329"/>` +
    `<text x="375" y="1160" font-size="28" fill="#ffe7e5" text-anchor="middle">${escape(scan)}</text>` +
    `</svg>`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
