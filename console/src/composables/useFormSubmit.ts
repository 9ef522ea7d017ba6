import { ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { handleError } from '@/api/error-handler'
import { useFieldErrors } from './useFieldErrors'

/**
 * Sends a form to the server: the client rules first, one call at a time, and the server's
 * field errors on the matching fields of `model` (any other failure becomes handleError's message).
 * `extraFields` names further fields the server may report that are not top-level keys of `model`
 * and may change while the form is open (e.g. `identities[1].value`, `attributes.skinType`).
 */
export function useFormSubmit<M extends object>(
  formRef: Ref<FormInstance | undefined>,
  model: M,
  extraFields: () => readonly string[] = () => [],
) {
  const submitting = ref(false)
  const { errors, reset: resetErrors } = useFieldErrors(Object.keys(model) as (keyof M & string)[])
  const allErrors = errors as Record<string, string>
  // Taken before the validation, which is asynchronous, so a second Enter or click cannot slip in.
  let busy = false

  function reset(): void {
    resetErrors()
    for (const field of Object.keys(allErrors)) allErrors[field] = ''
  }

  async function submit(action: () => Promise<void>): Promise<void> {
    if (busy) return
    busy = true
    try {
      const valid = await formRef.value?.validate().catch(() => false)
      if (!valid) return
      submitting.value = true
      reset()
      await action()
    } catch (error) {
      for (const field of extraFields()) if (!(field in allErrors)) allErrors[field] = ''
      handleError(error, allErrors)
    } finally {
      submitting.value = false
      busy = false
    }
  }

  function clear(): void {
    formRef.value?.resetFields()
    reset()
  }

  return { submitting, errors, submit, clear }
}
