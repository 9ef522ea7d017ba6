import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/problem'
import { channelCode } from '@/test/live-codes'
import {
  attachmentCard,
  changesOf,
  cleanAttachment,
  dayRuns,
  draftOf,
  editorField,
  emptyDraft,
  fillVariables,
  inputOf,
  insertVariable,
  onEditorFields,
  splitVariables,
  utf8Bytes,
} from './codes'

describe('a live code’s settings as the editor sends them', () => {
  it('sends every setting for a new code, without a schedule or welcome left empty', () => {
    const draft = {
      ...emptyDraft(1),
      name: '  双 11 包裹卡 ',
      staff: ['zhangsan', 'lisi', 'zhangsan'],
      tagIds: [21],
    }
    expect(inputOf(draft)).toEqual({
      appId: 1,
      name: '双 11 包裹卡',
      staff: ['zhangsan', 'lisi'],
      backupStaff: [],
      assignment: 'round_robin',
      dailyCap: null,
      schedule: null,
      skipVerify: true,
      tagIds: [21],
      welcome: null,
    })
  })

  it('sends nothing when nothing changed', () => {
    const code = channelCode()
    expect(changesOf(code, draftOf(code))).toEqual({})
  })

  it('sends only what changed', () => {
    const code = channelCode()
    const draft = draftOf(code)
    draft.name = '门店海报（春季）'
    draft.staff = ['lisi', 'zhangsan']
    draft.days = [5, 4, 3, 2, 1]
    draft.tagIds = [21]
    draft.assignment = 'least_loaded'
    expect(changesOf(code, draft)).toEqual({
      name: '门店海报（春季）',
      staff: ['lisi', 'zhangsan'],
      assignment: 'least_loaded',
    })
  })

  it('clears the daily cap, the working hours and the welcome message once they are removed', () => {
    const code = channelCode()
    const draft = draftOf(code)
    draft.dailyCap = null
    draft.scheduled = false
    draft.welcomeText = '   '
    draft.attachments = []
    expect(changesOf(code, draft)).toEqual({ clear: ['dailyCap', 'schedule', 'welcome'] })
  })

  it('sends a changed schedule and welcome whole', () => {
    const code = channelCode({ schedule: null, welcome: null, dailyCap: null })
    const draft = draftOf(code)
    draft.scheduled = true
    draft.days = [7, 6]
    draft.from = '20:00'
    draft.to = '02:00'
    draft.welcomeText = '{nickname} 你好'
    draft.dailyCap = 30
    draft.attachments = [{ type: 'image', picUrl: ' https://img.example.com/a.png ', title: 'x' }]
    expect(changesOf(code, draft)).toEqual({
      dailyCap: 30,
      schedule: { days: [6, 7], from: '20:00', to: '02:00' },
      welcome: {
        text: '{nickname} 你好',
        attachments: [{ type: 'image', picUrl: 'https://img.example.com/a.png' }],
      },
    })
  })

  it('keeps only the fields an attachment type uses, and its optional ones only when filled', () => {
    expect(
      cleanAttachment({
        type: 'link',
        title: ' 新人礼 ',
        url: 'https://a.cn',
        picUrl: '',
        appId: 'x',
      }),
    ).toEqual({ type: 'link', title: '新人礼', url: 'https://a.cn' })
    expect(cleanAttachment({ type: 'miniprogram', title: '商城' })).toEqual({
      type: 'miniprogram',
      title: '商城',
      appId: '',
      page: '',
      picMediaId: '',
    })
  })
})

describe('the welcome text', () => {
  it('counts bytes as WeCom does: a Chinese character is three', () => {
    expect(utf8Bytes('hi')).toBe(2)
    expect(utf8Bytes('你好')).toBe(6)
    expect(utf8Bytes('👋')).toBe(4)
  })

  it('inserts a variable in place of the selection and puts the caret after it', () => {
    expect(insertVariable('你好，欢迎', 2, 2, 'nickname')).toEqual({
      text: '你好{nickname}，欢迎',
      caret: 12,
    })
    expect(insertVariable('我是某某', 2, 4, 'staff')).toEqual({ text: '我是{staff}', caret: 9 })
    expect(insertVariable('', 5, 9, 'staff')).toEqual({ text: '{staff}', caret: 7 })
  })

  it('fills the variables for one customer, every time they occur', () => {
    expect(
      fillVariables('{nickname} 你好，我是{staff}。{nickname}，{unknown}', {
        nickname: '晴天',
        staff: '张三',
      }),
    ).toBe('晴天 你好，我是张三。晴天，{unknown}')
  })

  it('is cut around its variables for showing them apart', () => {
    expect(splitVariables('{nickname} 你好，我是{staff}')).toEqual([
      { variable: 'nickname' },
      { text: ' 你好，我是' },
      { variable: 'staff' },
    ])
  })
})

describe('server field errors in the editor', () => {
  it('land on the field the operator can change', () => {
    expect(editorField('staff[1]')).toBe('staff')
    expect(editorField('backupStaff[0]')).toBe('backupStaff')
    expect(editorField('schedule.days')).toBe('days')
    expect(editorField('schedule.from')).toBe('from')
    expect(editorField('schedule.to')).toBe('to')
    expect(editorField('welcome.text')).toBe('welcomeText')
    expect(editorField('welcome.attachments')).toBe('attachments')
    expect(editorField('welcome.attachments[0].url')).toBe('attachments.0.url')
    expect(editorField('name')).toBe('name')
  })

  it('are renamed on the failure the form shows', () => {
    const problem = new ApiError(400, {
      detail: '请求参数有误',
      errors: [{ field: 'welcome.attachments[2].title', code: 'x', message: '请填写标题' }],
    })
    let thrown: unknown
    try {
      onEditorFields(problem)
    } catch (error) {
      thrown = error
    }
    expect((thrown as ApiError).fieldErrors).toEqual([
      { field: 'attachments.2.title', code: 'x', message: '请填写标题' },
    ])
    expect((thrown as ApiError).detail).toBe('请求参数有误')
  })
})

describe('working days', () => {
  it('are runs of consecutive days', () => {
    expect(dayRuns([7, 1, 2, 3, 5, 4])).toEqual([
      [1, 5],
      [7, 7],
    ])
    expect(dayRuns([6, 7])).toEqual([[6, 7]])
    expect(dayRuns([])).toEqual([])
  })
})

describe('an attachment in the chat preview', () => {
  it('shows a picture only when it has a web address for it', () => {
    expect(
      attachmentCard({
        type: 'link',
        title: '新人礼',
        url: 'https://shop.example.com/gift',
        picUrl: 'https://cdn.example.com/gift.png',
        description: '领取 20 元券',
      }),
    ).toEqual({
      kind: 'link',
      title: '新人礼',
      description: '领取 20 元券',
      url: 'https://shop.example.com/gift',
      picture: 'https://cdn.example.com/gift.png',
    })
    const mini = attachmentCard({ type: 'miniprogram', title: '商城', picMediaId: 'MEDIA_1' })
    expect(mini.kind).toBe('miniprogram')
    expect(mini.picture).toBeNull()
    expect(attachmentCard({ type: 'image', picUrl: 'javascript:alert(1)' }).picture).toBeNull()
  })
})
