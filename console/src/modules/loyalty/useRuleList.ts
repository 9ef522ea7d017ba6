import { computed, ref } from 'vue'
import { eventsApi, type EventTypeInfo } from '@/modules/events/api'
import { useEditableList, type EditableListApi } from './useEditableList'

/** An editable list of rules (earning or coupon rules), loaded together with the event catalog they name. */
export function useRuleList<R extends { id: number; name: string }>(
  api: Omit<EditableListApi<R>, 'deleteKeys'> & { deleteKeys: { title: string; message: string } },
) {
  const eventTypes = ref<EventTypeInfo[]>([])
  const list = useEditableList<R>({
    ...api,
    load: async () => {
      const [loaded, types] = await Promise.all([api.load(), eventsApi.types()])
      eventTypes.value = types
      return loaded
    },
    deleteKeys: {
      ...api.deleteKeys,
      confirm: 'loyalty.rules.delete.confirm',
      done: 'loyalty.rules.delete.done',
    },
  })
  const typeNames = computed(
    () => new Map(eventTypes.value.map((type) => [type.name, type.displayName])),
  )
  return { ...list, rules: list.items, eventTypes, typeNames }
}
