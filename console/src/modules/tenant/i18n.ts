export const zhCN = {
  title: '企业设置',
  description: '企业名称和时区。控制台中的所有时间都按企业时区显示。',
  fields: {
    name: '企业名称',
    timeZone: '时区',
  },
  timeZonePlaceholder: '搜索时区，例如 Shanghai',
  preview: '该时区当前时间：{time}',
  rules: {
    nameRequired: '请输入企业名称',
    nameLength: '企业名称最多 100 个字符',
    timeZoneRequired: '请选择时区',
  },
  saved: '企业设置已保存',
}

export const en: typeof zhCN = {
  title: 'Tenant settings',
  description: 'Your company name and time zone. The console shows every time in this time zone.',
  fields: {
    name: 'Company name',
    timeZone: 'Time zone',
  },
  timeZonePlaceholder: 'Search, e.g. Shanghai',
  preview: 'Current time there: {time}',
  rules: {
    nameRequired: 'Please enter the company name',
    nameLength: 'The company name can have at most 100 characters',
    timeZoneRequired: 'Please select a time zone',
  },
  saved: 'Tenant settings saved',
}
