import { useI18n } from 'vue-i18n'
import type { ChatType } from './api'
import type { zhCN } from './i18n'
import { recipientLabelKey } from './status'

export type ChatWord = keyof (typeof zhCN)['chatType']['single']

/**
 * The words of a send that depend on whom it goes to, so one screen serves customers and customer
 * groups alike: `word` for counts, headings and labels, `status` for what became of a recipient.
 */
export function useChatWords(chatType: () => ChatType) {
  const { t } = useI18n()
  return {
    word: (key: ChatWord, values: Record<string, unknown> = {}) =>
      t(`massSends.chatType.${chatType()}.${key}`, values),
    status: (status: string) => t(recipientLabelKey(chatType(), status)),
  }
}
