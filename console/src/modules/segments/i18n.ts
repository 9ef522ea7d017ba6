export const zhCN = {
  title: '人群分群',
}

export const en: typeof zhCN = {
  title: 'Segments',
}
