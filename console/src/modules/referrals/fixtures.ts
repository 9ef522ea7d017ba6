import type { ReferralView } from './api'

/** Two campaigns: 赵敏 invited 李雷 in the spring one, who went on to invite in the main one. */
export function referralView(overrides: Partial<ReferralView> = {}): ReferralView {
  return {
    from: '2026-09-03',
    to: '2026-12-01',
    figures: {
      customers: 120,
      participants: 134,
      counted: 171,
      memberReferrals: 6,
      kFactor: 1.28,
      cycleHours: 31.4,
      maxDepth: 5,
    },
    campaigns: [
      {
        id: 9,
        name: '邀好友 领定制保温杯',
        status: 'ended',
        participants: 100,
        counted: 150,
        kFactor: 1.5,
        cycleHours: 30,
        maxDepth: 4,
        generations: [
          { depth: 0, participants: 60, ratio: null },
          { depth: 1, participants: 30, ratio: 0.5 },
          { depth: 2, participants: 10, ratio: 0.33 },
        ],
      },
      {
        id: 8,
        name: '春季老带新 邀 2 人得积分',
        status: 'ended',
        participants: 34,
        counted: 21,
        kFactor: 0.62,
        cycleHours: 60,
        maxDepth: 2,
        generations: [{ depth: 0, participants: 12, ratio: null }],
      },
    ],
    depths: [
      { depth: 0, customers: 40 },
      { depth: 1, customers: 70 },
      { depth: 2, customers: 25 },
    ],
    inviters: [
      {
        customerId: 11,
        name: '赵敏',
        invites: 14,
        campaignInvites: 12,
        memberReferrals: 2,
        campaigns: 1,
        chain: 5,
        koc: true,
      },
      {
        customerId: 12,
        name: '李雷',
        invites: 6,
        campaignInvites: 6,
        memberReferrals: 0,
        campaigns: 2,
        chain: 3,
        koc: false,
      },
    ],
    graph: {
      nodes: [
        { customerId: 11, name: '赵敏', invites: 14, depth: 0, koc: true, top: true },
        { customerId: 12, name: '李雷', invites: 6, depth: 1, koc: false, top: true },
        { customerId: 13, name: '韩梅梅', invites: 0, depth: 2, koc: false, top: false },
      ],
      edges: [
        { from: 11, to: 12, campaignId: 8, at: '2026-10-01T02:00:00Z' },
        { from: 12, to: 13, campaignId: 9, at: '2026-11-10T02:00:00Z' },
        { from: 11, to: 13, campaignId: null, at: '2026-11-12T02:00:00Z' },
      ],
      truncated: false,
    },
    ...overrides,
  }
}
