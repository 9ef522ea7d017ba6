import { describe, expect, it, vi } from 'vitest'
import { h, reactive } from 'vue'
import { ElFormItem, ElInput } from 'element-plus'
import FormDialog from './FormDialog.vue'
import { ApiError } from '@/api/problem'
import { button } from '@/test/dom'
import { mountWithApp } from '@/test/mount'
import { settle } from '@/test/settle'

function mountDialog(action: () => Promise<void>) {
  const form = reactive({ name: '订单同步', code: 'sync' })
  return mountWithApp(FormDialog, {
    props: {
      modelValue: true,
      title: '新建',
      width: '440px',
      model: form,
      rules: { name: [{ required: true, message: '请输入名称', trigger: 'blur' }] },
      submitLabel: '保存',
      action,
    },
    slots: {
      default: ({ errors }: { errors: Record<'name' | 'code', string> }) => [
        h(ElFormItem, { label: '名称', prop: 'name', error: errors.name }, () =>
          h(ElInput, { modelValue: form.name }),
        ),
        h(ElFormItem, { label: '代码', prop: 'code', error: errors.code }, () =>
          h(ElInput, { modelValue: form.code }),
        ),
      ],
    },
  })
}

function saveButton(): HTMLButtonElement {
  return button('保存', document.querySelector('.el-dialog__footer')!)
}

function errorOf(label: string): string | undefined {
  const item = [...document.querySelectorAll('.el-dialog .el-form-item')].find(
    (i) => i.querySelector('.el-form-item__label')?.textContent?.trim() === label,
  )
  if (!item) throw new Error(`no field ${label}`)
  return item.querySelector('.el-form-item__error')?.textContent?.trim()
}

describe('the form dialog', () => {
  it('shows the server’s field errors on the matching fields and stays open', async () => {
    const action = vi.fn(() =>
      Promise.reject(
        new ApiError(400, {
          detail: '请求参数有误',
          errors: [{ field: 'code', code: 'duplicate', message: '代码已被占用' }],
        }),
      ),
    )
    const wrapper = mountDialog(action)
    await settle()
    saveButton().click()
    await settle()
    expect(action).toHaveBeenCalledTimes(1)
    expect(errorOf('代码')).toBe('代码已被占用')
    expect(errorOf('名称')).toBeUndefined()
    expect(document.querySelector('.el-message')).toBeNull()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })

  it('sends once while a save is under way, then closes', async () => {
    let finish: () => void = () => {}
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const wrapper = mountDialog(action)
    await settle()
    const form = document.querySelector('.el-dialog form')!
    saveButton().click()
    form.dispatchEvent(new Event('submit'))
    await settle()
    expect(saveButton().classList).toContain('is-loading')
    form.dispatchEvent(new Event('submit'))
    await settle()
    expect(action).toHaveBeenCalledTimes(1)

    finish()
    await settle()
    expect(saveButton().classList).not.toContain('is-loading')
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })
})
