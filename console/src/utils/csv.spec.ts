import { afterEach, describe, expect, it, vi } from 'vitest'
import { BOM, csvCell, csvFileName, downloadCsv, toCsv } from './csv'

describe('a CSV export', () => {
  afterEach(() => vi.useRealTimers())

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('抖音投放')).toBe('抖音投放')
    expect(csvCell('抖音, 小红书')).toBe('"抖音, 小红书"')
    expect(csvCell('他说"好"')).toBe('"他说""好"""')
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"')
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"')
  })

  it('writes numbers as they are and leaves null, undefined and NaN empty', () => {
    expect(csvCell(-400)).toBe('-400')
    expect(csvCell(0.4523)).toBe('0.4523')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
  })

  it('keeps text that looks like a formula from running in Excel', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('-渠道')).toBe("'-渠道")
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
  })

  it('starts with a BOM and ends every line with CRLF', () => {
    const text = toCsv({
      columns: ['渠道', '花费（元）'],
      rows: [
        ['抖音, 投放', 9000],
        ['小红书', null],
      ],
    })
    expect(text.startsWith(BOM)).toBe(true)
    expect(text.slice(1)).toBe('渠道,花费（元）\r\n"抖音, 投放",9000\r\n小红书,\r\n')
  })

  it('names the file without characters Windows refuses', () => {
    expect(csvFileName('GMV 拆解', '2026-11-01~2026-11-30')).toBe(
      'GMV_拆解_2026-11-01~2026-11-30.csv',
    )
    expect(csvFileName('a/b:c', '')).toBe('a_b_c.csv')
    expect(csvFileName('')).toBe('export.csv')
  })

  it('downloads UTF-8 bytes that begin with the BOM', async () => {
    vi.useFakeTimers()
    let blob: Blob | undefined
    const create = vi.fn((b: Blob) => {
      blob = b
      return 'blob:csv'
    })
    const revoke = vi.fn()
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }))
    const clicked: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(`${this.download} ${this.getAttribute('href')}`)
    })

    downloadCsv('留存.csv', { columns: ['周'], rows: [['第 1 周']] })
    vi.runAllTimers()
    vi.useRealTimers()

    expect(clicked).toEqual(['留存.csv blob:csv'])
    expect(blob!.type).toBe('text/csv;charset=utf-8')
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
      reader.readAsArrayBuffer(blob!)
    })
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // TextDecoder drops the BOM it reads, as Excel does.
    expect(new TextDecoder().decode(bytes)).toBe('周\r\n第 1 周\r\n')
    expect(revoke).toHaveBeenCalledWith('blob:csv')
    expect(document.querySelector('a[download]')).toBeNull()
    click.mockRestore()
  })
})
