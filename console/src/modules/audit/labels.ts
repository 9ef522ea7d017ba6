/** `api-key.revoked` → `api_key_revoked`: message keys cannot contain dots, which are path separators. */
export function actionMessageKey(action: string): string {
  return `audit.actions.${action.replace(/[.-]/g, '_')}`
}

export interface DetailLabels {
  key: (key: string) => string
  value: (key: string, value: unknown) => string
}

export function plainValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

const rawLabels: DetailLabels = { key: (key) => key, value: (_key, value) => plainValue(value) }

function parseJsonObject(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** One line of text for an entry's detail, whatever shape the server sent (object, JSON text, text, nothing). */
export function detailText(detail: unknown, labels: DetailLabels = rawLabels): string {
  if (detail === null || detail === undefined || detail === '') return ''
  if (typeof detail === 'string') {
    const parsed = parseJsonObject(detail)
    return typeof parsed === 'string' ? parsed : detailText(parsed, labels)
  }
  if (typeof detail === 'object' && !Array.isArray(detail)) {
    return Object.entries(detail)
      .map(([key, value]) => `${labels.key(key)}: ${labels.value(key, value)}`)
      .join(', ')
  }
  return JSON.stringify(detail)
}
