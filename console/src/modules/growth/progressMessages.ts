// Progress messages (进度消息): what participants and groups are told, as the server fills and sends them.

import { http } from '@/api/http'
import type { Campaign, StageInput } from './api'

/** A campaign's progress-message settings, as the server keeps them. */
export interface CampaignMessages {
  enabled: boolean
  /** Also as soon as an invite arrives (held), before it counts. */
  onHeld: boolean
  progress: string
  stage: string
  language: MessageLanguage
  /** Group campaigns: the task announced once in each group. */
  announce: boolean
  announcement: string
  link: string | null
  /** Group campaigns: the day's top inviters, at most once a day per group. */
  digest: boolean
  digestHour: number
}

export type CampaignMessagesInput = Partial<CampaignMessages>

export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number]

export const MESSAGE_KINDS = ['progress', 'stage', 'announce', 'digest'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** What became of a message in WeCom, as messaging reports it. */
export const DELIVERIES = [
  'scheduled',
  'sending',
  'planned',
  'submitted',
  'delivered',
  'quota',
  'over_quota',
  'frequency',
  'no_contact',
  'no_owner',
  'not_friend',
  'opted_out',
  'same_content',
  'duplicate',
  'dismissed',
  'unsent',
  'failed',
  'cancelled',
  'sent',
] as const

/** A message the campaign sent to a participant or a group. */
export interface CampaignMessage {
  id: number
  participantId: number | null
  /** The participant's name as their profile has it; null for a group's message or a nameless customer. */
  participantName?: string | null
  chatId: string | null
  /** The group's name as last synced from WeCom; null for a participant's message or an unnamed group. */
  chatName?: string | null
  kind: MessageKind
  stage: number | null
  /** pending: waiting for more news; sent: handed to WeCom; skipped: nothing new to say. */
  status: 'pending' | 'sent' | 'skipped'
  delivery: string | null
  text: string | null
  at: string
  sentAt: string | null
}

/** What a participant's texts may name; a group announcement's. */
export const PARTICIPANT_PLACEHOLDERS = [
  'name',
  'counted',
  'remaining',
  'next',
  'reward',
  'stage',
  'held',
  'deadline',
  'campaign',
] as const
export const ANNOUNCEMENT_PLACEHOLDERS = ['campaign', 'next', 'reward', 'deadline', 'link'] as const

/** The longest text the server takes, in characters. */
export const MAX_TEXT = 500

const DEFAULTS: Record<MessageLanguage, Record<'progress' | 'stage' | 'announcement', string>> = {
  'zh-CN': {
    progress:
      '{name}，助力成功！你已成功邀请 {counted} 位好友，再邀请 {remaining} 位即可获得{reward}。活动截至 {deadline}。',
    stage: '恭喜{name}！你已成功邀请 {counted} 位好友，完成第 {stage} 阶段任务，获得{reward}。',
    announcement:
      '【{campaign}】邀请好友进群即可领奖：邀请 {next} 位好友得{reward}，活动截至 {deadline}。{link}',
  },
  en: {
    progress:
      '{name}, your friends are in! {counted} invited so far, {remaining} more to get {reward}. Ends {deadline}.',
    stage:
      'Congratulations {name}! With {counted} friends invited you completed stage {stage} and got {reward}.',
    announcement:
      '[{campaign}] Invite friends to this group and get rewarded: {next} friends earn {reward}. Ends {deadline}. {link}',
  },
}

export function languageOf(locale: string): MessageLanguage {
  return locale.startsWith('en') ? 'en' : 'zh-CN'
}

/** The settings a new campaign starts with: messages on, the default texts in the operator's language. */
export function defaultMessages(locale: string): CampaignMessages {
  const language = languageOf(locale)
  return {
    enabled: true,
    onHeld: false,
    ...DEFAULTS[language],
    language,
    announce: true,
    link: null,
    digest: true,
    digestHour: 20,
  }
}

/** The placeholder a text names that it may not, if any (the server refuses it naming the field). */
export function unknownPlaceholder(text: string, known: readonly string[]): string | null {
  for (const match of text.matchAll(/\{([^{}]*)}/g)) {
    if (!known.includes(match[1]!)) return match[0]
  }
  return null
}

/** The text with its placeholders filled; one without a value stays as written. */
export function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^{}]*)}/g, (all, key: string) => values[key] ?? all).trim()
}

/** A reward as a participant reads it (100 积分, 保温杯, 1.00 元红包), as the server writes it. */
export function rewardText(stage: StageInput | undefined, language: MessageLanguage): string {
  if (!stage) return ''
  const en = language === 'en'
  const yuan = (fen: number) => (fen / 100).toFixed(2)
  switch (stage.rewardKind) {
    case 'points':
      return en ? `${stage.amount ?? 0} points` : ` ${stage.amount ?? 0} 积分`
    case 'coupon':
      return en ? 'a coupon' : '优惠券'
    case 'gift':
      return en ? `a ${stage.gift ?? ''}` : (stage.gift ?? '')
    case 'red_packet': {
      const amount =
        yuan(stage.amount ?? 0) +
        (stage.amountMax && stage.amountMax !== stage.amount ? `–${yuan(stage.amountMax)}` : '')
      return en ? `a ${amount} red packet` : ` ${amount} 元红包`
    }
    default:
      return ''
  }
}

/** Sample figures for the live preview: a participant one invite short of the first stage. */
export function sampleValues(
  name: string,
  campaign: string,
  stages: StageInput[],
  deadline: string,
  language: MessageLanguage,
  link: string | null,
): Record<string, string> {
  const first = stages[0]
  const next = first?.invites ?? 3
  const counted = Math.max(0, next - 1)
  return {
    name,
    counted: String(counted),
    held: '1',
    next: String(next),
    remaining: String(next - counted),
    reward: rewardText(first, language),
    stage: '1',
    deadline,
    campaign,
    link: link ?? '',
  }
}

export const messagesApi = {
  change: (campaignId: number, input: CampaignMessagesInput) =>
    http.put<Campaign & { messages: CampaignMessages | null }>(
      `/api/v1/campaigns/${campaignId}/messages`,
      input,
    ),
  sent: (campaignId: number, participantId: number | null, signal?: AbortSignal) =>
    http.get<CampaignMessage[]>(
      `/api/v1/campaigns/${campaignId}/messages/sent`,
      participantId === null ? undefined : { participantId },
      signal,
    ),
}
