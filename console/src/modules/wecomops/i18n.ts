// Words the WeCom operation pages share (群活码, 客户继承, 客户流失, the customer's 企微好友).
export const zhCN = {
  app: '应用',
  noApp: '还没有接入企业微信应用，接入后才能使用企微运营功能',
  connect: '去接入',
  period: {
    label: '统计周期',
    days: '近 {n} 天',
  },
  staffLeft: '已离职',
  contacts: {
    title: '企微好友',
    description: '这位客户是哪些员工的企业微信好友（一个客户可以被多位员工添加）',
    empty: '还不是任何员工的企业微信好友',
    loadFailed: '没能加载企微好友',
    staff: '员工',
    addedAt: '添加时间',
    channel: '来源活码',
    status: '状态',
    active: '好友中',
    lostCustomer: '已流失：客户删除',
    lostStaff: '已流失：员工删除',
    transferred: '已转接',
    lostAt: '{date} 流失',
    noChannel: '未经活码',
    shared: '{n} 位员工共享',
  },
}

export const en: typeof zhCN = {
  app: 'App',
  noApp: 'No WeCom app is connected yet. Connect one to use WeCom operations.',
  connect: 'Connect an app',
  period: {
    label: 'Period',
    days: 'Last {n} days',
  },
  staffLeft: 'Left',
  contacts: {
    title: 'WeCom contacts',
    description:
      'The staff members this customer is (or was) a WeCom contact of; several may share a customer',
    empty: 'Not a WeCom contact of any staff member yet',
    loadFailed: 'Could not load the WeCom contacts',
    staff: 'Staff member',
    addedAt: 'Added',
    channel: 'Live code',
    status: 'Status',
    active: 'Contact',
    lostCustomer: 'Lost: deleted by the customer',
    lostStaff: 'Lost: deleted by the staff member',
    transferred: 'Handed over',
    lostAt: 'Lost on {date}',
    noChannel: 'No live code',
    shared: 'Shared by {n} staff members',
  },
}
