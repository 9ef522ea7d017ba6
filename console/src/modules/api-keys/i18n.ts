export const zhCN = {
  title: 'API 密钥',
  description: '供外部系统（如订单系统、数据仓库）调用 Siyu API。密钥只在创建时显示一次。',
  columns: {
    name: '名称',
    prefix: '密钥前缀',
    role: '角色',
    createdAt: '创建时间',
    createdBy: '创建人',
    lastUsedAt: '最近使用',
    status: '状态',
    actions: '操作',
  },
  status: {
    active: '有效',
    revoked: '已吊销',
  },
  revokedAt: '吊销于 {time}',
  neverUsed: '从未使用',
  create: {
    button: '新建密钥',
    title: '新建 API 密钥',
    name: '名称',
    namePlaceholder: '例如 订单系统同步',
    role: '角色',
    roleHelp: '密钥以该角色的权限调用 API',
  },
  rules: {
    nameRequired: '请输入名称',
    nameLength: '名称最多 64 个字符',
    roleRequired: '请选择角色',
  },
  secret: {
    title: 'API 密钥已创建',
    warning: '请立即复制并妥善保存此密钥。关闭窗口后将无法再次查看，遗失只能吊销后重新创建。',
    label: '密钥',
    copy: '复制',
    copied: '已复制到剪贴板',
    copyFailed: '复制失败，请手动选中密钥后复制',
    done: '我已保存',
  },
  revoke: {
    button: '吊销',
    title: '吊销 API 密钥',
    message: '确定吊销密钥「{name}」吗？使用该密钥的系统将立即无法访问 API，此操作不可撤销。',
    confirm: '吊销',
    success: '已吊销密钥「{name}」',
  },
}

export const en: typeof zhCN = {
  title: 'API keys',
  description:
    'Let external systems (order systems, data warehouses) call the Siyu API. A key is shown only once, when it is created.',
  columns: {
    name: 'Name',
    prefix: 'Key prefix',
    role: 'Role',
    createdAt: 'Created',
    createdBy: 'Created by',
    lastUsedAt: 'Last used',
    status: 'Status',
    actions: 'Actions',
  },
  status: {
    active: 'Active',
    revoked: 'Revoked',
  },
  revokedAt: 'Revoked {time}',
  neverUsed: 'Never',
  create: {
    button: 'New key',
    title: 'New API key',
    name: 'Name',
    namePlaceholder: 'e.g. Order system sync',
    role: 'Role',
    roleHelp: 'The key calls the API with the permissions of this role',
  },
  rules: {
    nameRequired: 'Please enter a name',
    nameLength: 'The name can have at most 64 characters',
    roleRequired: 'Please select a role',
  },
  secret: {
    title: 'API key created',
    warning:
      'Copy this key now and store it safely. It will not be shown again: if it is lost, revoke it and create a new one.',
    label: 'Key',
    copy: 'Copy',
    copied: 'Copied to the clipboard',
    copyFailed: 'Copying failed. Select the key and copy it by hand.',
    done: 'I have saved it',
  },
  revoke: {
    button: 'Revoke',
    title: 'Revoke API key',
    message:
      'Revoke the key “{name}”? Systems using it lose access to the API at once. This cannot be undone.',
    confirm: 'Revoke',
    success: 'Key “{name}” revoked',
  },
}
