import { markRaw, type Component } from 'vue'
import {
  AlarmClock,
  Bell,
  Camera,
  ChatDotRound,
  ChatLineSquare,
  Checked,
  EditPen,
  Link,
  Operation,
  Present,
  PriceTag,
  Share,
  SwitchButton,
  Timer,
} from '@element-plus/icons-vue'
import type { StepType } from './definition'

/** How each kind of step looks on the chart, and where the "+" menu lists it. */
export const STEP_STYLE: Record<StepType, { icon: Component; color: string }> = {
  message: { icon: markRaw(ChatDotRound), color: '#2f6fed' },
  group_message: { icon: markRaw(ChatLineSquare), color: '#6b5cf6' },
  moment: { icon: markRaw(Camera), color: '#0e9f8c' },
  wait: { icon: markRaw(Timer), color: '#8a94a6' },
  wait_until: { icon: markRaw(AlarmClock), color: '#8a94a6' },
  wait_event: { icon: markRaw(Bell), color: '#e6a23c' },
  condition: { icon: markRaw(Share), color: '#9b7bf7' },
  split: { icon: markRaw(Operation), color: '#9b7bf7' },
  tag: { icon: markRaw(PriceTag), color: '#17c3a2' },
  attribute: { icon: markRaw(EditPen), color: '#17c3a2' },
  reward: { icon: markRaw(Present), color: '#f0627f' },
  webhook: { icon: markRaw(Link), color: '#38bdf8' },
  task: { icon: markRaw(Checked), color: '#2f6fed' },
  exit: { icon: markRaw(SwitchButton), color: '#c0c6d0' },
}

export const FALLBACK_STYLE = { icon: markRaw(Operation), color: '#8a94a6' }

export const styleOf = (type: string) => STEP_STYLE[type as StepType] ?? FALLBACK_STYLE

/** The "+" menu's sections, in order. */
export const STEP_MENU: { section: string; types: StepType[] }[] = [
  { section: 'reach', types: ['message', 'group_message', 'moment', 'task'] },
  { section: 'wait', types: ['wait', 'wait_until', 'wait_event'] },
  { section: 'logic', types: ['condition', 'split'] },
  { section: 'act', types: ['tag', 'attribute', 'reward', 'webhook'] },
  { section: 'end', types: ['exit'] },
]
