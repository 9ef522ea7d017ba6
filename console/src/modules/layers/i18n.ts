export const zhCN = {
  title: '客户分层',
}

export const en: typeof zhCN = {
  title: 'Layers',
}
