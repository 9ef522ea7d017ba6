import { onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { handleError } from '@/api/error-handler'

/** What a list of separately saved settings (earning rules, coupon rules, card plans) needs from the API. */
export interface EditableListApi<R> {
  load: () => Promise<R[]>
  update: (item: R, active: boolean) => Promise<R>
  remove: (item: R) => Promise<void>
  /** message keys of the delete confirmation and its success message */
  deleteKeys: { title: string; message: string; confirm: string; done: string }
}

/**
 * Items loaded once, edited in a dialog, switched on and off, removed after a confirmation;
 * {@code busy} is the item an action is waiting on.
 */
export function useEditableList<R extends { id: number; name: string }>(api: EditableListApi<R>) {
  const { t } = useI18n()
  const items = ref<R[]>([]) as Ref<R[]>
  const loading = ref(true)
  const editing = ref<R | null>(null) as Ref<R | null>
  const dialogOpen = ref(false)
  const busy = ref<number | null>(null)

  onMounted(async () => {
    try {
      items.value = await api.load()
    } catch (error) {
      handleError(error)
    } finally {
      loading.value = false
    }
  })

  function open(item: R | null): void {
    editing.value = item
    dialogOpen.value = true
  }

  function saved(item: R): void {
    const index = items.value.findIndex((r) => r.id === item.id)
    if (index >= 0) items.value.splice(index, 1, item)
    else items.value.push(item)
  }

  async function toggle(item: R, active: boolean): Promise<void> {
    busy.value = item.id
    try {
      saved(await api.update(item, active))
    } catch (error) {
      handleError(error)
    } finally {
      busy.value = null
    }
  }

  async function remove(item: R): Promise<void> {
    try {
      await ElMessageBox.confirm(
        t(api.deleteKeys.message, { name: item.name }),
        t(api.deleteKeys.title),
        {
          type: 'warning',
          confirmButtonText: t(api.deleteKeys.confirm),
          cancelButtonText: t('common.actions.cancel'),
          confirmButtonClass: 'el-button--danger',
        },
      )
    } catch {
      return
    }
    busy.value = item.id
    try {
      await api.remove(item)
      items.value = items.value.filter((r) => r.id !== item.id)
      ElMessage({ type: 'success', message: t(api.deleteKeys.done, { name: item.name }) })
    } catch (error) {
      handleError(error)
    } finally {
      busy.value = null
    }
  }

  return { items, loading, editing, dialogOpen, busy, open, saved, toggle, remove }
}
