import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { handleError } from '@/api/error-handler'
import { groupBuyApi, type GroupBuy } from './api'

/** 提前结束 after the operator confirms: answers the ended offer, or null when kept or failed. */
export function useEndOffer() {
  const { t } = useI18n()
  return async (offer: GroupBuy): Promise<GroupBuy | null> => {
    try {
      await ElMessageBox.confirm(
        t('groupBuys.end.confirm', { name: offer.name }),
        t('groupBuys.end.title'),
        {
          type: 'warning',
          confirmButtonText: t('groupBuys.end.ok'),
          cancelButtonText: t('common.actions.cancel'),
          confirmButtonClass: 'el-button--danger',
        },
      )
    } catch {
      return null
    }
    try {
      const ended = await groupBuyApi.end(offer.id)
      ElMessage({ type: 'success', message: t('groupBuys.end.done', { name: offer.name }) })
      return ended
    } catch (error) {
      handleError(error)
      return null
    }
  }
}
