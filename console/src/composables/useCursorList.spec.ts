import { describe, expect, it } from 'vitest'
import { useCursorList } from './useCursorList'

interface Row {
  id: number
}

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('a cursor list', () => {
  it('keeps the newest answer when an older, slower one arrives last', async () => {
    const answers = [deferred<{ items: Row[] }>(), deferred<{ items: Row[] }>()]
    let call = 0
    const list = useCursorList<Row>(() => answers[call++]!.promise)
    const first = list.reload()
    const second = list.reload()
    answers[1]!.resolve({ items: [{ id: 2 }] })
    await second
    answers[0]!.resolve({ items: [{ id: 1 }] })
    await first
    expect(list.items.value).toEqual([{ id: 2 }])
    expect(list.loading.value).toBe(false)
  })

  it('drops a page that was asked for before the list was reloaded', async () => {
    const more = deferred<{ items: Row[] }>()
    const list = useCursorList<Row>((cursor) =>
      cursor === null ? Promise.resolve({ items: [{ id: 1 }], nextCursor: 'p2' }) : more.promise,
    )
    await list.reload()
    const loading = list.loadMore()
    await list.reload()
    more.resolve({ items: [{ id: 99 }] })
    await loading
    expect(list.items.value).toEqual([{ id: 1 }])
    expect(list.loadingMore.value).toBe(false)
  })

  it('reads the first page again without showing it loading when refreshed', async () => {
    const answer = deferred<{ items: Row[] }>()
    let call = 0
    const list = useCursorList<Row>(() =>
      call++ === 0 ? Promise.resolve({ items: [{ id: 1 }] }) : answer.promise,
    )
    await list.reload()
    const refreshing = list.refresh()
    expect(list.loading.value).toBe(false)
    expect(list.items.value).toEqual([{ id: 1 }])
    answer.resolve({ items: [{ id: 2 }, { id: 1 }] })
    await refreshing
    expect(list.items.value).toEqual([{ id: 2 }, { id: 1 }])
  })
})
