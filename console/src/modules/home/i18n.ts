export const zhCN = {
  greeting: {
    morning: '早上好，{name}',
    afternoon: '下午好，{name}',
    evening: '晚上好，{name}',
    night: '夜深了，{name}，注意休息',
  },
  today: '{tenant} · 今天是 {date}',
  period: {
    label: '统计周期',
    days: '近 {n} 天',
  },
  kpi: {
    customers: '客户总数',
    members: '会员数',
    memberRate: '会员占比 {rate}',
    newCustomers: '新增客户',
    events: '互动事件',
    staff: '员工账号',
    inPeriod: '近 {n} 天',
    allTime: '累计',
  },
  charts: {
    newCustomers: '每日新增客户',
    events: '每日互动事件（按类型）',
    membersByLevel: '会员等级分布',
    genders: '客户性别分布',
    newCustomersSeries: '新增客户',
    customers: '客户',
  },
  levels: {
    none: '非会员',
    silver: '银卡',
    gold: '金卡',
    diamond: '钻石',
    other: '等级 {level}',
  },
  genders: {
    male: '男',
    female: '女',
    unknown: '未知',
  },
  noDashboard: '你的账号未开通数据看板权限，请通过左侧菜单使用其他功能。',
}

export const en: typeof zhCN = {
  greeting: {
    morning: 'Good morning, {name}',
    afternoon: 'Good afternoon, {name}',
    evening: 'Good evening, {name}',
    night: 'Working late, {name}?',
  },
  today: '{tenant} · Today is {date}',
  period: {
    label: 'Period',
    days: 'Last {n} days',
  },
  kpi: {
    customers: 'Customers',
    members: 'Members',
    memberRate: '{rate} of customers',
    newCustomers: 'New customers',
    events: 'Engagement events',
    staff: 'Staff accounts',
    inPeriod: 'Last {n} days',
    allTime: 'All time',
  },
  charts: {
    newCustomers: 'New customers per day',
    events: 'Engagement events per day, by type',
    membersByLevel: 'Members by tier',
    genders: 'Customers by gender',
    newCustomersSeries: 'New customers',
    customers: 'Customers',
  },
  levels: {
    none: 'Non-member',
    silver: 'Silver',
    gold: 'Gold',
    diamond: 'Diamond',
    other: 'Tier {level}',
  },
  genders: {
    male: 'Male',
    female: 'Female',
    unknown: 'Unknown',
  },
  noDashboard:
    'Your account has no access to the dashboard. Use the menu on the left to open other features.',
}
