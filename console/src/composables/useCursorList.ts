import { computed, ref, shallowRef } from 'vue'
import type { CursorPage } from '@/api/http'
import { handleError } from '@/api/error-handler'

export const PAGE_SIZE = 50

/** A list read page by page with the server's opaque cursor ("load more", no page numbers). */
export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>) {
  const items = shallowRef<T[]>([])
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const loadingMore = ref(false)
  const hasMore = computed(() => nextCursor.value !== null)

  async function reload(): Promise<void> {
    loading.value = true
    try {
      const page = await fetchPage(null)
      items.value = page.items
      nextCursor.value = page.nextCursor ?? null
    } catch (error) {
      handleError(error)
    } finally {
      loading.value = false
    }
  }

  async function loadMore(): Promise<void> {
    if (nextCursor.value === null || loadingMore.value) return
    loadingMore.value = true
    try {
      const page = await fetchPage(nextCursor.value)
      items.value = [...items.value, ...page.items]
      nextCursor.value = page.nextCursor ?? null
    } catch (error) {
      handleError(error)
    } finally {
      loadingMore.value = false
    }
  }

  /** Replaces one loaded item in place, e.g. after an edit, without reloading the list. */
  function replace(item: T, same: (a: T, b: T) => boolean): void {
    items.value = items.value.map((existing) => (same(existing, item) ? item : existing))
  }

  function prepend(item: T): void {
    items.value = [item, ...items.value]
  }

  return { items, nextCursor, hasMore, loading, loadingMore, reload, loadMore, replace, prepend }
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>
