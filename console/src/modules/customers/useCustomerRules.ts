import { useI18n } from 'vue-i18n'
import type { FormItemRule } from 'element-plus'
import type { AttributeDefinition, IdentityType } from './api'
import { attributeProblem, type AttributeFormValue } from './attributes'
import { identityProblem } from './identities'

type Validator = NonNullable<FormItemRule['validator']>

/** Element Plus rules for the generated inputs of a customer form, in the UI language. */
export function useCustomerRules() {
  const { t } = useI18n()

  function identity(type: () => IdentityType): FormItemRule[] {
    const validator: Validator = (_rule, value, callback) => {
      const problem = identityProblem(type(), typeof value === 'string' ? value : '')
      callback(
        problem
          ? new Error(
              t(
                problem === 'required'
                  ? 'customers.form.rules.identityRequired'
                  : `customers.form.rules.${problem}`,
              ),
            )
          : undefined,
      )
    }
    return [{ validator, trigger: 'blur' }]
  }

  function attribute(definition: AttributeDefinition): FormItemRule[] {
    const validator: Validator = (_rule, value, callback) => {
      const problem = attributeProblem(definition, value as AttributeFormValue)
      const messages = {
        required: () => t('customers.form.rules.attributeRequired', { name: definition.label }),
        number: () => t('customers.form.rules.attributeNumber'),
        tooLong: () => t('customers.form.rules.attributeTooLong'),
        option: () => t('customers.form.rules.attributeOption'),
      }
      callback(problem ? new Error(messages[problem]()) : undefined)
    }
    // Selects and date pickers change without a blur; text inputs are checked on blur too.
    return [{ validator, trigger: ['blur', 'change'] }]
  }

  return { identity, attribute }
}
