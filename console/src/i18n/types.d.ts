import type { MessageSchema } from './messages'

declare module 'vue-i18n' {
  // Types the message tree for vue-i18n's composer (key completion, typed messages).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
