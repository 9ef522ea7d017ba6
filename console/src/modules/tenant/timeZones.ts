import { utcOffsetLabel } from '@/utils/time'

export interface TimeZoneOption {
  value: string
  label: string
}

const ALWAYS_OFFERED = ['Asia/Shanghai', 'UTC']

/** Every IANA zone the browser knows, each labelled with its current UTC offset. */
export function timeZoneOptions(current?: string, now: Date = new Date()): TimeZoneOption[] {
  const zones = new Set<string>(Intl.supportedValuesOf('timeZone'))
  for (const zone of ALWAYS_OFFERED) zones.add(zone)
  // A zone saved earlier stays selectable even if this browser's list lacks it.
  if (current) zones.add(current)
  return [...zones].sort().map((zone) => ({
    value: zone,
    label: `${zone} (${utcOffsetLabel(zone, now)})`,
  }))
}
