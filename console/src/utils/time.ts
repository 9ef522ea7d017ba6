const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    // en-US with fixed 2-digit parts: we assemble an ISO-like text ourselves, the same in every UI language.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

interface ZonedParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

function zonedParts(date: Date, timeZone: string): ZonedParts {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC'
  const parts: Record<string, string> = {}
  for (const part of partsFormatter(zone).formatToParts(date)) parts[part.type] = part.value
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  }
}

/**
 * Shows a UTC ISO-8601 instant from the API as wall-clock time in the tenant's zone,
 * e.g. "2026-11-01 10:03". Unparseable input is returned unchanged rather than hidden.
 */
export function formatDateTime(
  iso: string,
  timeZone: string,
  options: { seconds?: boolean } = {},
): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const p = zonedParts(date, timeZone)
  const time = options.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`
  return `${p.year}-${p.month}-${p.day} ${time}`
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant (UTC ISO-8601) at which clocks in the zone show `wallTime` ("2026-11-01 10:03[:04]"),
 * the reverse of formatDateTime: what an operator picks in the tenant's time, for the API. Null
 * for text that is no such time. In a daylight-saving gap the clocks skip, the hour after is taken.
 */
export function instantInZone(wallTime: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(wallTime.trim())
  if (!match) return null
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[]
  const wanted = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0)
  if (Number.isNaN(wanted)) return null
  // Start from the wall time read as UTC and move by what the zone shows instead, twice for DST edges.
  let instant = wanted
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(instant), timeZone)
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second)
    instant += wanted - shown
  }
  return new Date(instant).toISOString()
}

/** The calendar date (YYYY-MM-DD) it is now in the given zone. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  const p = zonedParts(now, timeZone)
  return `${p.year}-${p.month}-${p.day}`
}

/** The hour of day (0–23) it is now in the given zone. */
export function hourInZone(timeZone: string, now: Date = new Date()): number {
  return Number(zonedParts(now, timeZone).hour)
}

/** Adds days to a plain calendar date (YYYY-MM-DD); no time zone is involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000)
  return utc.toISOString().slice(0, 10)
}

/** The offset of a zone right now, e.g. "UTC+08:00". */
export function utcOffsetLabel(timeZone: string, now: Date = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value
    if (!name || name === 'GMT') return 'UTC+00:00'
    return name.replace('GMT', 'UTC')
  } catch {
    return ''
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in the given zone; unparseable text stays as it is. */
export function dateInZone(iso: string, timeZone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const p = zonedParts(date, timeZone)
  return `${p.year}-${p.month}-${p.day}`
}

/** Whole days from calendar date `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number)
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)
  }
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}

/**
 * How long ago an instant was, in the UI language: "刚刚" / "5 分钟前" / "昨天" / "3 个月前".
 * Minutes and hours within the last day; calendar days (in the tenant's zone) after that, so
 * "yesterday" means the day before today there, not 24 hours ago.
 */
export function relativeTime(
  iso: string,
  locale: string,
  timeZone: string,
  now: Date = new Date(),
): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  // "auto" words only where they are exact (now, yesterday); "last week" would read as a calendar week.
  // "short": "3 wk. ago" rather than "3 weeks ago", to fit a table column.
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
  const numbers = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' })
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000)
  if (seconds < 60) return words.format(0, 'second')
  if (seconds < 3600) return numbers.format(-Math.floor(seconds / 60), 'minute')
  const days = daysBetween(dateInZone(iso, timeZone), todayInZone(timeZone, now))
  if (days <= 0) return numbers.format(-Math.floor(seconds / 3600), 'hour')
  if (days < 7) return words.format(-days, 'day')
  if (days < 30) return numbers.format(-Math.floor(days / 7), 'week')
  if (days < 365) return numbers.format(-Math.floor(days / 30), 'month')
  return numbers.format(-Math.floor(days / 365), 'year')
}
