export const zhCN = {
  title: '标签管理',
  picker: {
    placeholder: '选择标签',
  },
}

export const en: typeof zhCN = {
  title: 'Tags',
  picker: {
    placeholder: 'Choose tags',
  },
}
