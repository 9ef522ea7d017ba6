import { computed, ref, shallowRef } from 'vue'
import type { CursorPage } from '@/api/http'
import { handleError } from '@/api/error-handler'

export const PAGE_SIZE = 50

/**
 * A list read page by page with the server's opaque cursor ("load more", no page numbers).
 * A reload (e.g. after a filter changed) makes every answer still on its way stale: a slower,
 * older answer never replaces or extends the newer list.
 */
export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>) {
  const items = shallowRef<T[]>([])
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const loadingMore = ref(false)
  const hasMore = computed(() => nextCursor.value !== null)
  let generation = 0

  function reload(): Promise<void> {
    return readFirstPage(false)
  }

  /** Reads the first page again, keeping the list on screen without a spinner (a live update). */
  function refresh(): Promise<void> {
    return readFirstPage(true)
  }

  async function readFirstPage(quiet: boolean): Promise<void> {
    const current = ++generation
    loading.value = !quiet
    loadingMore.value = false
    try {
      const page = await fetchPage(null)
      if (current !== generation) return
      items.value = page.items
      nextCursor.value = page.nextCursor ?? null
    } catch (error) {
      if (current === generation) handleError(error)
    } finally {
      if (current === generation) loading.value = false
    }
  }

  async function loadMore(): Promise<void> {
    if (nextCursor.value === null || loadingMore.value || loading.value) return
    const current = generation
    loadingMore.value = true
    try {
      const page = await fetchPage(nextCursor.value)
      if (current !== generation) return
      items.value = [...items.value, ...page.items]
      nextCursor.value = page.nextCursor ?? null
    } catch (error) {
      if (current === generation) handleError(error)
    } finally {
      if (current === generation) loadingMore.value = false
    }
  }

  /** Replaces one loaded item in place, e.g. after an edit, without reloading the list. */
  function replace(item: T, same: (a: T, b: T) => boolean): void {
    items.value = items.value.map((existing) => (same(existing, item) ? item : existing))
  }

  function prepend(item: T): void {
    items.value = [item, ...items.value]
  }

  return {
    items,
    nextCursor,
    hasMore,
    loading,
    loadingMore,
    reload,
    refresh,
    loadMore,
    replace,
    prepend,
  }
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>
