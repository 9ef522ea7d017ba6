import { ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { handleError } from '@/api/error-handler'
import { useFieldErrors } from './useFieldErrors'

/**
 * Sends a form to the server: the client rules first, one call at a time, and the server's
 * field errors on the matching fields of `model` (any other failure becomes handleError's message).
 */
export function useFormSubmit<M extends object>(formRef: Ref<FormInstance | undefined>, model: M) {
  const submitting = ref(false)
  const { errors, reset: resetErrors } = useFieldErrors(Object.keys(model) as (keyof M & string)[])
  // Taken before the validation, which is asynchronous, so a second Enter or click cannot slip in.
  let busy = false

  async function submit(action: () => Promise<void>): Promise<void> {
    if (busy) return
    busy = true
    try {
      const valid = await formRef.value?.validate().catch(() => false)
      if (!valid) return
      submitting.value = true
      resetErrors()
      await action()
    } catch (error) {
      handleError(error, errors)
    } finally {
      submitting.value = false
      busy = false
    }
  }

  function clear(): void {
    formRef.value?.resetFields()
    resetErrors()
  }

  return { submitting, errors, submit, clear }
}
