export const zhCN = {
  title: '标签管理',
}

export const en: typeof zhCN = {
  title: 'Tags',
}
