/** A cell as the console has it: numbers stay numbers, null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined

/** A table to export: header labels (in the UI language) and rows of the same length. */
export interface CsvTable {
  columns: readonly string[]
  rows: readonly (readonly CsvCell[])[]
}

/** Excel reads a CSV file as the system's code page (GBK in China) unless it starts with a BOM. */
export const BOM = '\uFEFF'

// Text starting like a formula is run by Excel when the file is opened (CSV injection); names
// come from the server (channel names, staff names), so such text is prefixed to stay text.
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line break. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The table as CSV text with a BOM and CRLF line ends, as Excel expects. */
export function toCsv(table: CsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** A file name without the characters Windows refuses (the title may contain a slash). */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .filter((part) => part.trim() !== '')
    .join('_')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
  return `${name || 'export'}.csv`
}

/** Saves the table as a UTF-8 CSV file through the browser's download. */
export function downloadCsv(fileName: string, table: CsvTable): void {
  const blob = new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Some browsers start the download only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
