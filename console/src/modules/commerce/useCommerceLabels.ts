import { useI18n } from 'vue-i18n'

/** Product roles, order statuses and payment methods in the UI language; unknown codes as sent. */
export function useCommerceLabels() {
  const { t, te } = useI18n()
  const label = (group: string, code: string) => {
    const key = `commerce.${group}.${code}`
    return te(key) ? t(key) : code
  }
  return {
    roleLabel: (role: string) => label('roles', role),
    statusLabel: (status: string) => label('orders.statuses', status),
    methodLabel: (method: string | null | undefined) =>
      method ? label('orders.methods', method) : '—',
  }
}
