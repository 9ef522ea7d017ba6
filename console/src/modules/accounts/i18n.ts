export const zhCN = {
  title: '员工账号',
  description: '管理可以登录控制台的员工账号、角色和启用状态。',
  columns: {
    username: '用户名',
    displayName: '显示名称',
    role: '角色',
    status: '状态',
    lastLoginAt: '最近登录',
    wecom: '企业微信成员',
    createdAt: '创建时间',
    actions: '操作',
  },
  status: {
    enabled: '启用',
    disabled: '已停用',
    locked: '已锁定',
  },
  neverLoggedIn: '从未登录',
  fields: {
    username: '用户名',
    displayName: '显示名称',
    role: '角色',
    password: '初始密码',
    enabled: '启用账号',
    mobile: '工作手机（选填）',
    email: '工作邮箱（选填）',
  },
  help: {
    username: "3–64 个字符，可使用字母、数字及 . _ {'@'} -",
    password: '12–128 个字符，请通过安全渠道告知员工',
    enabled: '停用后该员工将无法登录',
    contact: '用户名、手机或邮箱与企业微信通讯录一致时，自动关联该企业微信成员',
  },
  placeholders: {
    username: '例如 zhang.san',
    displayName: '例如 张三',
    role: '请选择角色',
  },
  rules: {
    usernameRequired: '请输入用户名',
    usernameFormat: "用户名须为 3–64 个字符，只能包含字母、数字及 . _ {'@'} -",
    displayNameRequired: '请输入显示名称',
    displayNameLength: '显示名称最多 64 个字符',
    roleRequired: '请选择角色',
    passwordRequired: '请输入初始密码',
    passwordLength: '密码长度须为 12–128 个字符',
  },
  create: {
    button: '新建账号',
    title: '新建员工账号',
    success: '已创建账号「{name}」',
  },
  edit: {
    title: '编辑员工账号',
    success: '已保存账号「{name}」',
  },
  unlock: {
    button: '解锁',
    success: '已解锁账号「{name}」',
  },
  wecom: {
    none: '未关联',
    saved: '已更新账号「{name}」关联的企业微信成员',
  },
}

export const en: typeof zhCN = {
  title: 'Staff accounts',
  description: 'Manage the staff accounts that can sign in to the console, their roles and status.',
  columns: {
    username: 'Username',
    displayName: 'Display name',
    role: 'Role',
    status: 'Status',
    lastLoginAt: 'Last login',
    wecom: 'WeCom member',
    createdAt: 'Created',
    actions: 'Actions',
  },
  status: {
    enabled: 'Enabled',
    disabled: 'Disabled',
    locked: 'Locked',
  },
  neverLoggedIn: 'Never',
  fields: {
    username: 'Username',
    displayName: 'Display name',
    role: 'Role',
    password: 'Initial password',
    enabled: 'Enabled',
    mobile: 'Work mobile (optional)',
    email: 'Work email (optional)',
  },
  help: {
    username: "3–64 characters: letters, digits and . _ {'@'} -",
    password: '12–128 characters. Hand it to the staff member over a secure channel.',
    enabled: 'A disabled account cannot sign in.',
    contact:
      'When the username, mobile or email matches the WeCom directory, the account is linked to that member.',
  },
  placeholders: {
    username: 'e.g. zhang.san',
    displayName: 'e.g. Zhang San',
    role: 'Select a role',
  },
  rules: {
    usernameRequired: 'Please enter a username',
    usernameFormat: "Use 3–64 characters: letters, digits and . _ {'@'} -",
    displayNameRequired: 'Please enter a display name',
    displayNameLength: 'The display name can have at most 64 characters',
    roleRequired: 'Please select a role',
    passwordRequired: 'Please enter an initial password',
    passwordLength: 'The password must be 12–128 characters long',
  },
  create: {
    button: 'New account',
    title: 'New staff account',
    success: 'Account “{name}” created',
  },
  edit: {
    title: 'Edit staff account',
    success: 'Account “{name}” saved',
  },
  unlock: {
    button: 'Unlock',
    success: 'Account “{name}” unlocked',
  },
  wecom: {
    none: 'Not linked',
    saved: 'WeCom member of account “{name}” updated',
  },
}
