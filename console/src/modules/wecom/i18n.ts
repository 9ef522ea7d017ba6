export const zhCN = {
  title: '企业微信接入',
  description:
    '连接企业微信自建应用：Siyu 通过它接收客户联系事件（添加、删除客户等）并调用企业微信接口。',
  actions: {
    connect: '接入应用',
    check: '测试连接',
    edit: '编辑',
    disconnect: '断开',
    reveal: '显示',
    hide: '隐藏',
    copy: '复制',
  },
  loadFailed: '没能加载已接入的应用',
  empty: {
    title: '还没有接入企业微信应用',
    body: '需要企业微信管理员在管理后台操作，按下面的步骤来，大约 10 分钟。',
  },
  steps: {
    title: '接入步骤',
    create: {
      title: '创建自建应用',
      body: '在企业微信管理后台「应用管理 → 自建」中点「创建应用」。在应用详情页记下 AgentId 和 Secret（点「查看」后，Secret 会发送到管理员的企业微信）。',
    },
    corpId: {
      title: '找到企业ID',
      body: '在「我的企业 → 企业信息」页面底部找到企业ID（通常以 ww 开头）。',
    },
    allow: {
      title: '允许应用调用客户联系接口',
      body: '在「客户与上下游 → 客户联系」中，把这个应用加入「可调用接口的应用」。',
    },
    connect: {
      title: '在 Siyu 中接入',
      body: '点「接入应用」，填写名称、企业ID、AgentId 和 Secret。Siyu 会生成回调 URL、Token 和 EncodingAESKey。',
    },
    callback: {
      title: '设置接收消息',
      body: '回到应用详情页「接收消息 → 设置API接收」，粘贴 Siyu 显示的 URL、Token 和 EncodingAESKey 后保存。企业微信会立即访问这个 URL 校验，所以 Siyu 必须能从公网通过 HTTPS 访问。',
    },
    events: {
      title: '开启外部联系人变更回调',
      body: '在「客户联系 → API → 接收事件服务器」中勾选「外部联系人变更回调」，添加、删除客户等事件才会推送给 Siyu。',
    },
    check: {
      title: '配置企业可信IP，测试连接',
      body: '在应用详情页「企业可信IP」中加入 Siyu 服务器的出口 IP，然后在本页点「测试连接」。',
    },
  },
  fields: {
    name: '名称',
    namePlaceholder: '例如 私域助手',
    nameHelp: '只在 Siyu 中显示，用来区分多个应用',
    corpId: '企业ID',
    corpIdPlaceholder: '例如 ww1234567890abcdef',
    corpIdHelp: '在「我的企业 → 企业信息」页面底部',
    agentId: 'AgentId',
    agentIdPlaceholder: '例如 1000002',
    secret: 'Secret',
    secretPlaceholder: '自建应用的 Secret',
    secretKeep: '留空则保留现在的 Secret',
    token: 'Token',
    encodingAesKey: 'EncodingAESKey',
    optional: '（选填）',
    generatedHint:
      '留空时由 Siyu 生成（推荐）。只有企业微信中已经设置过接收消息时，才需要填写那里的值。',
    changeWarning:
      '修改 Token 或 EncodingAESKey 后，须在企业微信「接收消息 → 设置API接收」中保存同样的值，否则企业微信的回调会失败。',
    fixed: '企业ID 和 AgentId 接入后不能修改；要换成别的应用，请断开后重新接入。',
    advanced: '高级设置',
    apiBaseUrl: 'API 地址',
    apiBaseUrlHelp:
      '留空即企业微信官方地址。只有通过代理转发，或连接测试环境（企业微信模拟器）时才填写。',
  },
  rules: {
    nameRequired: '请输入名称',
    nameLength: '名称最多 60 个字符',
    corpIdRequired: '请输入企业ID',
    corpIdFormat: '企业ID 须为 1 到 64 个字母、数字、下划线或连字符',
    agentIdRequired: '请输入 AgentId',
    agentIdFormat: 'AgentId 须为数字',
    secretRequired: '请输入 Secret',
    secretLength: 'Secret 最多 256 个字符',
    tokenRequired: '请输入 Token',
    tokenFormat: 'Token 须为 1 到 32 个字母或数字',
    aesKeyRequired: '请输入 EncodingAESKey',
    aesKeyFormat: 'EncodingAESKey 须为 43 个字母或数字（现在是 {n} 个字符）',
    baseUrlFormat: 'API 地址须为 http:// 或 https:// 开头的完整地址',
  },
  dialog: {
    connectTitle: '接入企业微信应用',
    editTitle: '编辑「{name}」',
    connect: '接入',
    connected: '已接入「{name}」。下一步：把回调 URL、Token 和 EncodingAESKey 填入企业微信。',
    saved: '已保存「{name}」',
  },
  card: {
    callbackTitle: '在企业微信中填写',
    callbackHelp: '应用详情页 →「接收消息」→「设置API接收」，逐项复制：',
    callbackUrl: '回调 URL',
    eventsHint: '保存后，在「客户联系 → API → 接收事件服务器」中勾选「外部联系人变更回调」。',
    apiBaseUrl: 'API 地址',
    official: '企业微信官方',
    custom: '自定义',
    privateOrigin:
      '你正通过 {origin} 访问控制台，这是内网或本机地址，企业微信访问不到。请把回调 URL 中的地址换成 Siyu 的公网 HTTPS 地址，后面的路径不变。',
  },
  copy: {
    done: '已复制{name}',
    failed: '复制失败，请手动选中后复制',
  },
  check: {
    ok: '连接成功：企业微信中的应用名为「{name}」',
    okHelp:
      'Secret、企业ID 和 AgentId 都正确。回调是否设置好，要等企业微信推送第一个事件时才能确认。',
    failed: '连接失败（错误码 {code}）',
    unreachable: '连接失败：没有收到企业微信的应答',
    wecomSaid: '企业微信返回：{detail}',
    technical: '技术细节：{detail}',
    hints: {
      unreachable: '请检查 API 地址，以及 Siyu 服务器能否访问外网。',
      corpId: '企业ID 不正确，请到「我的企业 → 企业信息」核对后断开重新接入。',
      secret: 'Secret 不正确，或不属于这个企业。请在应用详情页重新查看 Secret，再点「编辑」更新。',
      agentId: 'AgentId 与 Secret 不属于同一个应用，请核对应用详情页的 AgentId。',
      ip: 'Siyu 服务器的出口 IP 不在应用的「企业可信IP」中，请在应用详情页添加。',
      permission: '应用没有调用这个接口的权限，请确认已把它加入「可调用接口的应用」。',
      busy: '企业微信繁忙或调用太频繁，请稍后再试。',
    },
  },
  disconnect: {
    title: '断开企业微信应用',
    message:
      '确定断开「{name}」吗？断开后 Siyu 不再接收它的回调：企业微信推送到这个回调 URL 的事件都会报错。如果不再使用，请同时在企业微信中关闭该应用的「接收消息」。',
    confirm: '断开',
    success: '已断开「{name}」',
  },
}

export const en: typeof zhCN = {
  title: 'WeCom connection',
  description:
    'Connect WeCom self-built apps: Siyu receives customer-contact events (customers added, removed…) through them and calls the WeCom API.',
  actions: {
    connect: 'Connect an app',
    check: 'Test connection',
    edit: 'Edit',
    disconnect: 'Disconnect',
    reveal: 'Show',
    hide: 'Hide',
    copy: 'Copy',
  },
  loadFailed: 'The connected apps could not be loaded',
  empty: {
    title: 'No WeCom app connected yet',
    body: 'A WeCom administrator does this in the WeCom admin console; following the steps below takes about 10 minutes.',
  },
  steps: {
    title: 'Setup steps',
    create: {
      title: 'Create a self-built app',
      body: 'In the WeCom admin console, open App Management → Self-built (应用管理 → 自建) and create an app. Note its AgentId and Secret on the app\'s page (after "View", WeCom sends the Secret to the administrator\'s WeCom).',
    },
    corpId: {
      title: 'Find the corp ID',
      body: 'My Company → Company Information (我的企业 → 企业信息) shows the corp ID at the bottom (it usually starts with ww).',
    },
    allow: {
      title: 'Let the app use the customer-contact API',
      body: 'Under Customer Contact (客户与上下游 → 客户联系), add the app to "Apps that can call the API" (可调用接口的应用).',
    },
    connect: {
      title: 'Connect it in Siyu',
      body: 'Press "Connect an app" and enter a name, the corp ID, the AgentId and the Secret. Siyu generates the callback URL, the Token and the EncodingAESKey.',
    },
    callback: {
      title: 'Set up receiving messages',
      body: "Back on the app's page, open Receive Messages → Set API receiving (接收消息 → 设置API接收), paste the URL, Token and EncodingAESKey that Siyu shows, and save. WeCom calls the URL at once to check it, so Siyu must be reachable from the internet over HTTPS.",
    },
    events: {
      title: 'Turn on external-contact change callbacks',
      body: 'Under Customer Contact → API → Event server (客户联系 → API → 接收事件服务器), tick "External contact changes" (外部联系人变更回调) so that events such as customers added or removed reach Siyu.',
    },
    check: {
      title: "Trust Siyu's IP and test",
      body: 'Add the Siyu server\'s outgoing IP to the app\'s trusted IPs (企业可信IP), then press "Test connection" on this page.',
    },
  },
  fields: {
    name: 'Name',
    namePlaceholder: 'e.g. Private-domain assistant',
    nameHelp: 'Shown only in Siyu, to tell several apps apart',
    corpId: 'Corp ID',
    corpIdPlaceholder: 'e.g. ww1234567890abcdef',
    corpIdHelp: 'At the bottom of My Company → Company Information',
    agentId: 'AgentId',
    agentIdPlaceholder: 'e.g. 1000002',
    secret: 'Secret',
    secretPlaceholder: "The self-built app's Secret",
    secretKeep: 'Leave empty to keep the current Secret',
    token: 'Token',
    encodingAesKey: 'EncodingAESKey',
    optional: '(optional)',
    generatedHint:
      'Generated by Siyu when left empty (recommended). Only enter values here if receiving messages is already set up in WeCom.',
    changeWarning:
      "After changing the Token or EncodingAESKey, save the same values in WeCom (Receive Messages → Set API receiving), or WeCom's callbacks will fail.",
    fixed:
      'The corp ID and AgentId cannot change once connected; to use another app, disconnect this one and connect the other.',
    advanced: 'Advanced',
    apiBaseUrl: 'API address',
    apiBaseUrlHelp:
      'Empty means WeCom itself. Only fill it in to call through a proxy or a test setup (the WeCom simulator).',
  },
  rules: {
    nameRequired: 'Please enter a name',
    nameLength: 'The name can have at most 60 characters',
    corpIdRequired: 'Please enter the corp ID',
    corpIdFormat: 'The corp ID must be 1 to 64 letters, digits, underscores or hyphens',
    agentIdRequired: 'Please enter the AgentId',
    agentIdFormat: 'The AgentId must be a number',
    secretRequired: 'Please enter the Secret',
    secretLength: 'The Secret can have at most 256 characters',
    tokenRequired: 'Please enter the Token',
    tokenFormat: 'The Token must be 1 to 32 letters or digits',
    aesKeyRequired: 'Please enter the EncodingAESKey',
    aesKeyFormat: 'The EncodingAESKey must be 43 letters or digits (this one has {n} characters)',
    baseUrlFormat: 'The API address must be a full address starting with http:// or https://',
  },
  dialog: {
    connectTitle: 'Connect a WeCom app',
    editTitle: 'Edit "{name}"',
    connect: 'Connect',
    connected:
      '"{name}" connected. Next: enter the callback URL, Token and EncodingAESKey in WeCom.',
    saved: '"{name}" saved',
  },
  card: {
    callbackTitle: 'Enter in WeCom',
    callbackHelp: "On the app's page → Receive Messages → Set API receiving, copy each of:",
    callbackUrl: 'Callback URL',
    eventsHint:
      'Then tick "External contact changes" under Customer Contact → API → Event server (客户联系 → API → 接收事件服务器).',
    apiBaseUrl: 'API address',
    official: 'WeCom',
    custom: 'Custom',
    privateOrigin:
      "You reach the console at {origin}, an internal or local address that WeCom cannot reach. Replace it in the callback URL with Siyu's public HTTPS address; keep the path.",
  },
  copy: {
    done: '{name} copied',
    failed: 'Copying failed. Select the text and copy it by hand.',
  },
  check: {
    ok: 'Connected: WeCom calls the app "{name}"',
    okHelp:
      'The Secret, corp ID and AgentId are right. Whether the callback is set up shows only when WeCom sends its first event.',
    failed: 'Connection failed (error code {code})',
    unreachable: 'Connection failed: WeCom did not answer',
    wecomSaid: 'WeCom answered: {detail}',
    technical: 'Technical details: {detail}',
    hints: {
      unreachable: 'Check the API address, and that the Siyu server can reach the internet.',
      corpId:
        'The corp ID is wrong. Check it under My Company → Company Information, then disconnect and connect again.',
      secret:
        'The Secret is wrong or belongs to another corp. View the Secret again on the app\'s page and update it with "Edit".',
      agentId:
        "The AgentId and the Secret belong to different apps. Check the AgentId on the app's page.",
      ip: "The Siyu server's outgoing IP is not among the app's trusted IPs (企业可信IP). Add it on the app's page.",
      permission:
        'The app may not call this API. Make sure it is among "Apps that can call the API" (可调用接口的应用).',
      busy: 'WeCom is busy or the calls were too frequent. Try again in a moment.',
    },
  },
  disconnect: {
    title: 'Disconnect WeCom app',
    message:
      'Disconnect "{name}"? Siyu stops taking its callbacks: every event WeCom sends to this callback URL will fail. If the app is no longer used, also turn off its Receive Messages in WeCom.',
    confirm: 'Disconnect',
    success: '"{name}" disconnected',
  },
}
