import { afterEach, describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { setLocale } from '@/i18n'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'
import ProgressMessageEditor from './ProgressMessageEditor.vue'
import {
  ANNOUNCEMENT_PLACEHOLDERS,
  PARTICIPANT_PLACEHOLDERS,
  defaultMessages,
  render,
  rewardText,
  unknownPlaceholder,
} from './progressMessages'
import { newStage, type StageDraft } from './stages'

const sample = () => document.querySelector('[data-testid="progress-sample"]')?.textContent ?? ''
const area = (field: string) =>
  document.querySelector<HTMLTextAreaElement>(
    `textarea[data-testid="progress-text-${field}"], [data-testid="progress-text-${field}"] textarea`,
  )!
const errorOf = (element: Element) =>
  element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

function mountEditor(kind: 'task' | 'group', locale = 'zh-CN') {
  const stage: StageDraft = { ...newStage(), invites: 3, rewardKind: 'points', amount: 100 }
  const state = reactive({ messages: defaultMessages(locale) })
  const wrapper = mountWithApp(ProgressMessageEditor, {
    props: {
      step: 6,
      kind,
      name: '老带新',
      stages: [stage],
      endsAt: '2026-12-31 20:00',
      modelValue: state.messages,
      'onUpdate:modelValue': (value: typeof state.messages) => (state.messages = value),
    },
  })
  return { wrapper, state }
}

describe('the progress messages of the campaign wizard', { timeout: 30_000 }, () => {
  afterEach(() => {
    document.body.innerHTML = ''
    setLocale('zh-CN')
  })

  it('fill placeholders as the server does and know which ones a text may use', () => {
    expect(
      render('{name}，再邀 {remaining} 人得{reward}{x}', {
        name: '安娜',
        remaining: '1',
        reward: ' 100 积分',
      }),
    ).toBe('安娜，再邀 1 人得 100 积分{x}')
    expect(unknownPlaceholder('再邀 {remain} 人', PARTICIPANT_PLACEHOLDERS)).toBe('{remain}')
    expect(unknownPlaceholder('{name}', ANNOUNCEMENT_PLACEHOLDERS)).toBe('{name}')
    expect(unknownPlaceholder(defaultMessages('en').progress, PARTICIPANT_PLACEHOLDERS)).toBeNull()
    expect(
      rewardText({ invites: 1, rewardKind: 'red_packet', amount: 100, amountMax: 250 }, 'zh-CN'),
    ).toBe(' 1.00–2.50 元红包')
  })

  it('shows a live sample with the campaign’s figures and flags an unknown placeholder', async () => {
    const { state } = mountEditor('task')
    await settle()
    expect(sample()).toContain(
      '小美，助力成功！你已成功邀请 2 位好友，再邀请 1 位即可获得 100 积分。活动截至 12月31日 20:00。',
    )
    expect(document.querySelector('[data-testid="progress-announce"]')).toBeNull()

    state.messages.progress = '再邀 {remain} 人'
    await settle()
    expect(errorOf(area('progress'))).toContain('{remain} 不是可用的占位符')
  })

  it('offers a group campaign the announcement in its groups and the daily digest', async () => {
    mountEditor('group')
    await settle()
    expect(document.querySelector('[data-testid="progress-announce"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="progress-digest"]')).not.toBeNull()
    expect(sample()).toContain('【老带新】邀请好友进群即可领奖：邀请 3 位好友得 100 积分')
  })
})
