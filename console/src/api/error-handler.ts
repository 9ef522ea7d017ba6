import { ElMessage } from 'element-plus'
import { t } from '@/i18n'
import { ApiError } from './problem'

/** The text to show for a failed call: the server's localized detail when it sent one. */
export function messageFor(error: ApiError): string {
  if (error.status === 0) return t('common.errors.network')
  if (error.detail) return error.detail
  if (error.status === 403) return t('common.errors.forbidden')
  return t('common.errors.unexpected', { status: error.status })
}

/**
 * Puts field errors onto the form fields that exist in `target`.
 * Returns true when every error found a field, so no extra toast is needed.
 */
export function applyFieldErrors(error: ApiError, target: Record<string, string>): boolean {
  const errors = error.fieldErrors
  if (errors.length === 0) return false
  let allPlaced = true
  for (const fieldError of errors) {
    if (fieldError.field in target) {
      // The first message per field is the most relevant one; later ones would overwrite it.
      if (!target[fieldError.field]) target[fieldError.field] = fieldError.message
    } else {
      allPlaced = false
    }
  }
  return allPlaced
}

/**
 * The one place where failed calls become something the operator sees.
 * 401s are not shown: the HTTP client has already sent the user to the login page.
 */
export function handleError(error: unknown, fieldErrors?: Record<string, string>): void {
  if (!(error instanceof ApiError)) {
    console.error(error)
    ElMessage({ type: 'error', message: t('common.errors.unknown'), grouping: true })
    return
  }
  if (error.status === 401) return
  if (fieldErrors && applyFieldErrors(error, fieldErrors)) return
  ElMessage({ type: 'error', message: messageFor(error), grouping: true, showClose: true })
}
