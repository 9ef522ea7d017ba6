import { describe, expect, it } from 'vitest'
import { placeErrors } from './errors'

const error = (field: string, message = field) => ({ field, code: 'x', message })

describe('the server’s field errors on the new mass send form', () => {
  it('put rule problems of the audience on the audience', () => {
    expect(placeErrors([error('audience.rule.tags.any[0]', '标签 99 不存在')]).fields).toEqual({
      audience: '标签 99 不存在',
    })
    expect(placeErrors([error('audience.segmentId')]).fields.audience).toBe('audience.segmentId')
    expect(placeErrors([error('audience')]).fields.audience).toBe('audience')
  })

  it('put a refused group on the audience and a refused kind of send on the choice of kind', () => {
    expect(
      placeErrors([error('audience.chatIds[3]', '客户群已解散'), error('chatType', '无效的类型')])
        .fields,
    ).toEqual({ audience: '客户群已解散', chatType: '无效的类型' })
  })

  it('put a staff member’s problem on the staff select and a material’s on that material', () => {
    const placed = placeErrors([
      error('staff[1]', '员工 nobody 不存在'),
      error('materialIds[2]', '文章需要链接'),
      error('materialIds', '最多 9 个素材'),
    ])
    expect(placed.fields).toEqual({ staff: '员工 nobody 不存在', materials: '最多 9 个素材' })
    expect(placed.materials).toEqual({ 2: '文章需要链接' })
  })

  it('keep the first message of a field and hand back the ones no field is about', () => {
    const placed = placeErrors([
      error('text', '超过 4000 字节'),
      error('text', '内容为空'),
      error('sendAt', '太远了'),
      error('somethingElse', '?'),
    ])
    expect(placed.fields).toEqual({ text: '超过 4000 字节', sendAt: '太远了' })
    expect(placed.other.map((e) => e.field)).toEqual(['somethingElse'])
  })
})
