import { computed, onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { handleError } from '@/api/error-handler'
import { eventsApi, type EventTypeInfo } from '@/modules/events/api'

/** What a list of rules (earning or coupon rules) needs from the API. */
export interface RuleListApi<R> {
  load: () => Promise<R[]>
  update: (rule: R, active: boolean) => Promise<R>
  remove: (rule: R) => Promise<void>
  /** message keys of the delete confirmation */
  deleteKeys: { title: string; message: string }
}

/**
 * The rules and the event catalog loaded together, edited in a dialog, switched on and off, removed after a
 * confirmation; {@code busy} is the rule an action is waiting on.
 */
export function useRuleList<R extends { id: number; name: string }>(api: RuleListApi<R>) {
  const { t } = useI18n()
  const rules = ref<R[]>([]) as Ref<R[]>
  const eventTypes = ref<EventTypeInfo[]>([])
  const loading = ref(true)
  const editing = ref<R | null>(null) as Ref<R | null>
  const dialogOpen = ref(false)
  const busy = ref<number | null>(null)

  onMounted(async () => {
    try {
      const [loaded, types] = await Promise.all([api.load(), eventsApi.types()])
      rules.value = loaded
      eventTypes.value = types
    } catch (error) {
      handleError(error)
    } finally {
      loading.value = false
    }
  })

  const typeNames = computed(
    () => new Map(eventTypes.value.map((type) => [type.name, type.displayName])),
  )

  function open(rule: R | null): void {
    editing.value = rule
    dialogOpen.value = true
  }

  function saved(rule: R): void {
    const index = rules.value.findIndex((r) => r.id === rule.id)
    if (index >= 0) rules.value.splice(index, 1, rule)
    else rules.value.push(rule)
  }

  async function toggle(rule: R, active: boolean): Promise<void> {
    busy.value = rule.id
    try {
      saved(await api.update(rule, active))
    } catch (error) {
      handleError(error)
    } finally {
      busy.value = null
    }
  }

  async function remove(rule: R): Promise<void> {
    try {
      await ElMessageBox.confirm(
        t(api.deleteKeys.message, { name: rule.name }),
        t(api.deleteKeys.title),
        {
          type: 'warning',
          confirmButtonText: t('loyalty.rules.delete.confirm'),
          cancelButtonText: t('common.actions.cancel'),
          confirmButtonClass: 'el-button--danger',
        },
      )
    } catch {
      return
    }
    busy.value = rule.id
    try {
      await api.remove(rule)
      rules.value = rules.value.filter((r) => r.id !== rule.id)
      ElMessage({ type: 'success', message: t('loyalty.rules.delete.done', { name: rule.name }) })
    } catch (error) {
      handleError(error)
    } finally {
      busy.value = null
    }
  }

  return {
    rules,
    eventTypes,
    loading,
    editing,
    dialogOpen,
    busy,
    typeNames,
    open,
    saved,
    toggle,
    remove,
  }
}
