export const zhCN = {
  title: '事件目录',
  description: '外部系统可以上报的客户行为事件，以及每种事件的属性规范和近 30 天上报量。',
  chart: '近 30 天每日事件量（按 UTC 日期）',
  columns: {
    type: '事件类型',
    last30Days: '近 30 天事件数',
    properties: '属性规范',
  },
  builtIn: '内置',
  custom: '自定义',
  noProperties: '不带属性',
  property: {
    required: '必填',
    optional: '选填',
    maxLength: '最多 {n} 个字符',
    values: '取值',
    datetime: 'ISO 8601 时间',
  },
  kinds: {
    string: '文本',
    integer: '整数',
    number: '数值',
    boolean: '布尔值',
    datetime: '时间',
  },
  send: {
    title: '如何上报事件',
    intro:
      '商城、订单系统等外部系统通过 API 上报事件，每批最多 1000 条，逐条校验，出错的事件会注明原因。',
    steps: {
      key: '在「API 密钥」页面新建密钥，角色选择管理员、运营经理或运营专员。',
      request: '向 {endpoint} 发送 POST 请求，请求头带上 {header}。',
      eventId:
        '{eventId} 由你的系统生成，{occurredAt} 使用 UTC 时间；两者都相同的事件重复上报只记一次。',
      customer: '{customer} 中只填一种客户标识，例如手机号、unionid 或会员号。',
    },
    example: '示例事件',
    keyPlaceholder: '你的 API 密钥',
    copy: '复制请求体',
    copied: '请求体已复制到剪贴板',
    copyFailed: '复制失败，请手动选中后复制',
    docs: '完整接口文档',
  },
}

export const en: typeof zhCN = {
  title: 'Event catalog',
  description:
    'The customer events external systems can send, the properties each one takes, and how many arrived in the last 30 days.',
  chart: 'Events per day, last 30 days (UTC dates)',
  columns: {
    type: 'Event type',
    last30Days: 'Last 30 days',
    properties: 'Properties',
  },
  builtIn: 'Built-in',
  custom: 'Custom',
  noProperties: 'No properties',
  property: {
    required: 'Required',
    optional: 'Optional',
    maxLength: 'Up to {n} characters',
    values: 'One of',
    datetime: 'ISO 8601 instant',
  },
  kinds: {
    string: 'Text',
    integer: 'Integer',
    number: 'Number',
    boolean: 'Boolean',
    datetime: 'Timestamp',
  },
  send: {
    title: 'How to send events',
    intro:
      'Shops, order systems and other external systems send events through the API, up to 1,000 per batch. Each event is checked on its own, and a rejected one comes back with the reason.',
    steps: {
      key: 'Create a key on the API keys page with the role Admin, Manager or Operator.',
      request: 'Send a POST request to {endpoint} with the header {header}.',
      eventId:
        'Your system generates {eventId}, and {occurredAt} is in UTC; an event sent again with both unchanged is stored once.',
      customer:
        'Give exactly one customer identity in {customer}, such as a mobile number, unionid or member number.',
    },
    example: 'Example event',
    keyPlaceholder: 'your API key',
    copy: 'Copy request body',
    copied: 'Request body copied to the clipboard',
    copyFailed: 'Copying failed. Select the text and copy it by hand.',
    docs: 'Full API reference',
  },
}
