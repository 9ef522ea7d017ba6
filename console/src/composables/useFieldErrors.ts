import { reactive } from 'vue'

/**
 * Server-side messages per form field, bound to ElFormItem's `error` prop.
 * Reset before each submit so that a repeated identical error is shown again.
 */
export function useFieldErrors<K extends string>(fields: readonly K[]) {
  const errors = reactive(Object.fromEntries(fields.map((field) => [field, '']))) as Record<
    K,
    string
  >
  function reset(): void {
    for (const field of fields) errors[field] = ''
  }
  return { errors, reset }
}
