import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormItemRule } from 'element-plus'
import { DISPLAY_NAME_MAX, isValidPassword, isValidUsername } from './rules'

type Validator = NonNullable<FormItemRule['validator']>

function check(test: (value: string) => boolean, message: () => string): Validator {
  return (_rule, value, callback) => {
    callback(
      typeof value === 'string' && value !== '' && !test(value) ? new Error(message()) : undefined,
    )
  }
}

/** Element Plus form rules for account fields, re-translated when the language changes. */
export function useAccountRules() {
  const { t } = useI18n()
  return computed(() => ({
    username: [
      { required: true, message: t('accounts.rules.usernameRequired'), trigger: 'blur' },
      {
        validator: check(isValidUsername, () => t('accounts.rules.usernameFormat')),
        trigger: 'blur',
      },
    ] satisfies FormItemRule[],
    displayName: [
      {
        required: true,
        whitespace: true,
        message: t('accounts.rules.displayNameRequired'),
        trigger: 'blur',
      },
      { max: DISPLAY_NAME_MAX, message: t('accounts.rules.displayNameLength'), trigger: 'blur' },
    ] satisfies FormItemRule[],
    role: [
      { required: true, message: t('accounts.rules.roleRequired'), trigger: 'change' },
    ] satisfies FormItemRule[],
    password: [
      { required: true, message: t('accounts.rules.passwordRequired'), trigger: 'blur' },
      {
        validator: check(isValidPassword, () => t('accounts.rules.passwordLength')),
        trigger: 'blur',
      },
    ] satisfies FormItemRule[],
  }))
}
