const UNITS = ['B', 'KB', 'MB', 'GB'] as const

/**
 * A file size for people: "820 B", "1.5 KB", "12 MB" (binary steps of 1024, as WeCom states its
 * limits), at most one decimal and none from 10 up, in the UI language's number format.
 */
export function formatBytes(bytes: number, locale = 'zh-CN'): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
  return `${number} ${UNITS[unit]}`
}
