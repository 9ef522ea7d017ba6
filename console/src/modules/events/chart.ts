import type { ChartOption } from '@/modules/home/echarts'
import type { DailyEventCount } from '@/modules/home/api'
import { eventsByType, eventsOption, lastDate } from '@/modules/home/charts'
import { addDays } from '@/utils/time'
import type { EventTypeInfo } from './api'

export const CATALOG_DAYS = 30

/**
 * The UTC dates the chart shows: the last 30 up to today (or a later date the server reports),
 * reaching further back when the server's 30-day window starts on the day before.
 */
export function catalogDates(today: string, types: EventTypeInfo[]): string[] {
  const points = types.flatMap((type) => type.daily)
  const end = lastDate(today, points)
  let start = addDays(end, 1 - CATALOG_DAYS)
  for (const p of points) if (p.date < start) start = p.date
  const dates: string[] = []
  for (let date = start; date <= end; date = addDays(date, 1)) dates.push(date)
  return dates
}

/** Daily events stacked by type, days without events at zero, types named as the server names them. */
export function catalogChart(types: EventTypeInfo[], today: string): ChartOption {
  const dates = catalogDates(today, types)
  const points: DailyEventCount[] = types.flatMap((type) =>
    type.daily.map((d) => ({ ...d, type: type.name })),
  )
  const byType = eventsByType(
    points,
    dates,
    types.map((type) => type.name),
  )
  const names = new Map(types.map((type) => [type.name, type.displayName]))
  return eventsOption(dates, byType, (name) => names.get(name) ?? name)
}
