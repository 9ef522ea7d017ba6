import { http } from '@/api/http'

export const ROLES = ['admin', 'manager', 'operator', 'staff'] as const
export type Role = (typeof ROLES)[number]

export type Permission =
  | 'dashboard:read'
  | 'accounts:read'
  | 'accounts:write'
  | 'api-keys:manage'
  | 'audit:read'
  | 'tenant:write'
  | 'metrics:read'
  | 'events:read'
  | 'events:write'
  | 'customers:read'
  | 'customers:write'
  /** Unmasked mobiles, emails and other identities. */
  | 'customers:pii'
  /** Every customer; without it, staff see only the customers they own. */
  | 'customers:all'
  | 'commerce:read'
  | 'commerce:write'
  | 'data:transfer'
  | 'tags:read'
  | 'tags:write'
  | 'tags:manage'
  | 'segments:read'
  | 'segments:write'
  /** Starts 在职转移 and 离职继承 (handing customers from one staff member to another). */
  | 'wecom:handover'
  /** Connects WeCom apps and sees their callback Token and EncodingAESKey. */
  | 'wecom:manage'
  /** Sees live codes, their statistics, the WeCom staff directory and the sandbox. */
  | 'live-codes:read'
  /** Creates, changes and deletes live codes, and plays customers in the sandbox. */
  | 'live-codes:write'
  /** Sees the material library and the script library, and copies scripts. */
  | 'content:read'
  /** Creates, changes and deletes materials, scripts and their groups. */
  | 'content:write'
  /** Sees mass sends (企业群发), their progress and the sending rules. */
  | 'messaging:read'
  /** Starts, reminds and cancels mass sends, and changes the sending rules. */
  | 'messaging:send'
  /** Sees journeys and SOPs, their statistics and runs, and the templates. */
  | 'journeys:read'
  /** Creates, edits, publishes, pauses, resumes, stops and deletes journeys. */
  | 'journeys:write'
  /** Sees the tasks journeys give staff members (staff: their own) and marks them done. */
  | 'tasks:read'
  /** Sees 任务宝 campaigns, their participants, invites and rewards. */
  | 'growth:read'
  /** Makes, starts and ends campaigns, and joins customers to them. */
  | 'growth:write'
  /** Sees the membership program, members, their points and coupons, the mall and its figures. */
  | 'loyalty:read'
  /** Makes members, asks for points adjustments, gives coupons and handles mall orders. */
  | 'loyalty:write'
  /** Changes the membership program, coupon templates and mall items. */
  | 'loyalty:manage'
  /** Approves or rejects points adjustments (never one's own). */
  | 'loyalty:approve'
  /** Sees 数据分析: the AARRR funnel, retention, GMV breakdown, WeCom funnel and channel ROI. */
  | 'analytics:read'
  /** Changes the WeCom funnel's baselines and enters channel spend. */
  | 'analytics:manage'

export interface TenantInfo {
  id: string
  name: string
  timeZone: string
}

/** The signed-in staff account. */
export interface Me {
  id: number
  username: string
  displayName: string
  role: Role
  permissions: Permission[]
  tenant: TenantInfo
}

export type Session = { authenticated: false } | { authenticated: true; account: Me }

export const authApi = {
  session: () => http.get<Session>('/api/v1/auth/session'),
  // A 401 here means wrong credentials, not an expired session.
  login: (username: string, password: string) =>
    http.post<Me>('/api/v1/auth/login', { username, password }, { authRedirect: false }),
  logout: () => http.post<void>('/api/v1/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.put<void>('/api/v1/auth/me/password', { currentPassword, newPassword }),
}
