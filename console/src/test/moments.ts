// Test data shaped like the server's answers about 客户朋友圈 (used by the specs only).
import type { Moment, MomentDetail, MomentStaff } from '@/modules/moments/api'
import { materials } from './content'
import { jsonResponse, stubFetch, type Route } from './http'
import { APP, STAFF } from './live-codes'
import { me } from './session'
import { tagGroups } from './tags'

/**
 * Post 7 of app 1, by 张三, 李四 and 王五 to their customers tagged 直播间 (21): handed to WeCom,
 * 张三 and 李四 have posted it, 王五 has not.
 */
export function moment(overrides: Partial<Moment> = {}): Moment {
  return {
    id: 7,
    appId: 1,
    name: '双十一新品上市',
    text: '双十一新品今天上市，会员专享 8 折 🎉',
    materialIds: [1],
    staff: ['zhangsan', 'lisi', 'wangwu'],
    tagIds: [21],
    sendAt: '2026-11-10T02:00:00Z',
    status: 'created',
    error: null,
    momentId: 'momABC123',
    createdBy: '王经理',
    createdAt: '2026-11-09T08:00:00Z',
    counts: { staff: 3, published: 2, customers: 265 },
    ...overrides,
  }
}

export function poster(overrides: Partial<MomentStaff> = {}): MomentStaff {
  return {
    userId: 'zhangsan',
    name: '张三',
    published: true,
    publishedAt: '2026-11-10T03:15:00Z',
    customers: 128,
    ...overrides,
  }
}

/** 张三 and 李四 posted it, 王五 has yet to. */
export const POSTERS: MomentStaff[] = [
  poster(),
  poster({ userId: 'lisi', name: '李四', publishedAt: '2026-11-10T04:00:00Z', customers: 96 }),
  poster({ userId: 'wangwu', name: '王五', published: false, publishedAt: null, customers: 41 }),
]

export function momentDetail(
  overrides: Partial<Moment> = {},
  staff: MomentStaff[] = POSTERS,
): MomentDetail {
  return { moment: moment(overrides), staff }
}

/** A scheduled post not handed to WeCom yet: nobody asked, nothing counted. */
export function scheduledMoment(overrides: Partial<Moment> = {}): Moment {
  return moment({
    id: 8,
    name: '周末直播预告',
    status: 'scheduled',
    sendAt: '2099-11-20T12:00:00Z',
    momentId: null,
    staff: [],
    tagIds: [],
    materialIds: [],
    counts: { staff: 0, published: 0, customers: 0 },
    ...overrides,
  })
}

/** A signed-in admin, the app, its staff, tags, the library and the 朋友圈 endpoints (post 7). */
export function stubMomentServer(routes: Record<string, Route> = {}, account = me()) {
  return stubFetch({
    'GET /api/v1/auth/session': () => jsonResponse({ authenticated: true, account }),
    'GET /api/v1/wecom/app-options': () => jsonResponse([APP]),
    'GET /api/v1/wecom/apps/1/staff': () => jsonResponse(STAFF),
    'GET /api/v1/tag-groups': () => jsonResponse(tagGroups()),
    'GET /api/v1/moments': () =>
      jsonResponse({ items: [moment(), scheduledMoment()], nextCursor: null }),
    'GET /api/v1/moments/7': () => jsonResponse(momentDetail()),
    'GET /api/v1/materials': () => jsonResponse({ items: materials(), nextCursor: null }),
    'GET /api/v1/materials/1': () => jsonResponse(materials()[0]),
    'GET /api/v1/materials/2': () => jsonResponse(materials()[1]),
    ...routes,
  })
}
