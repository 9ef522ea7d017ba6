import { describe, expect, it } from 'vitest'
import {
  addDays,
  dateInZone,
  formatDateTime,
  hourInZone,
  instantInZone,
  relativeTime,
  todayInZone,
  utcOffsetLabel,
} from './time'

describe('formatDateTime', () => {
  it('shows a UTC instant as wall-clock time in the tenant zone', () => {
    expect(formatDateTime('2026-11-01T02:03:04Z', 'Asia/Shanghai')).toBe('2026-11-01 10:03')
    expect(formatDateTime('2026-11-01T02:03:04Z', 'UTC', { seconds: true })).toBe(
      '2026-11-01 02:03:04',
    )
  })

  it('crosses the date line when the zone does', () => {
    expect(formatDateTime('2026-11-01T20:30:00Z', 'Asia/Shanghai')).toBe('2026-11-02 04:30')
    expect(formatDateTime('2026-11-01T02:00:00Z', 'America/Los_Angeles')).toBe('2026-10-31 19:00')
  })

  it('follows daylight saving time', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 14:00')
    expect(formatDateTime('2026-01-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-01-01 13:00')
  })

  it('uses midnight as 00, not 24', () => {
    expect(formatDateTime('2026-11-01T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-02 00:00')
  })

  it('accepts offsets and fractional seconds in the input', () => {
    expect(formatDateTime('2026-11-01T10:03:04.123456+08:00', 'UTC')).toBe('2026-11-01 02:03')
  })

  it('falls back to UTC for an unknown zone and keeps unparseable text visible', () => {
    expect(formatDateTime('2026-11-01T02:03:04Z', 'Mars/Olympus')).toBe('2026-11-01 02:03')
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date')
  })
})

describe('calendar helpers', () => {
  const now = new Date('2026-11-01T17:30:00Z')

  it('know which day and hour it is in a zone', () => {
    expect(todayInZone('Asia/Shanghai', now)).toBe('2026-11-02')
    expect(todayInZone('UTC', now)).toBe('2026-11-01')
    expect(hourInZone('Asia/Shanghai', now)).toBe(1)
  })

  it('add days to plain dates across month and year ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
  })

  it('label a zone with its current UTC offset', () => {
    expect(utcOffsetLabel('Asia/Shanghai', now)).toBe('UTC+08:00')
    expect(utcOffsetLabel('UTC', now)).toBe('UTC+00:00')
    expect(utcOffsetLabel('Asia/Kolkata', now)).toBe('UTC+05:30')
  })
})

describe('relative times', () => {
  // 10:00 on 30 Nov in Shanghai
  const now = new Date('2026-11-30T02:00:00Z')
  const ago = (iso: string, locale = 'zh-CN') => relativeTime(iso, locale, 'Asia/Shanghai', now)

  it('say how long ago in the UI language', () => {
    expect(ago('2026-11-30T01:59:30Z')).toBe('现在')
    expect(ago('2026-11-30T01:55:00Z')).toBe('5分钟前')
    expect(ago('2026-11-29T23:00:00Z')).toBe('3小时前')
    expect(ago('2026-11-27T02:00:00Z')).toBe('3天前')
    expect(ago('2026-11-09T02:00:00Z')).toBe('3周前')
    expect(ago('2026-08-30T02:00:00Z')).toBe('3个月前')
    expect(ago('2024-11-30T02:00:00Z')).toBe('2年前')
    expect(ago('2026-11-27T02:00:00Z', 'en')).toBe('3 days ago')
    expect(ago('2026-08-30T02:00:00Z', 'en')).toBe('3 mo. ago')
  })

  it('count calendar days in the tenant zone: 23:00 last night was yesterday, not hours ago', () => {
    expect(ago('2026-11-29T15:00:00Z')).toBe('昨天')
    expect(ago('2026-11-29T15:00:00Z', 'en')).toBe('yesterday')
    expect(ago('2026-11-28T15:00:00Z')).toBe('前天')
    expect(ago('2026-11-29T16:30:00Z')).toBe('9小时前')
  })

  it('keep unparseable text visible', () => {
    expect(ago('soon')).toBe('soon')
  })

  it('know the calendar date of an instant in a zone', () => {
    expect(dateInZone('2026-11-29T16:30:00Z', 'Asia/Shanghai')).toBe('2026-11-30')
    expect(dateInZone('2026-11-29T16:30:00Z', 'UTC')).toBe('2026-11-29')
  })
})

describe('instantInZone', () => {
  it('finds the instant at which the zone shows a wall-clock time', () => {
    expect(instantInZone('2026-11-01 10:03:04', 'Asia/Shanghai')).toBe('2026-11-01T02:03:04.000Z')
    expect(instantInZone('2026-11-02 00:00', 'Asia/Shanghai')).toBe('2026-11-01T16:00:00.000Z')
    expect(instantInZone('2026-10-31 19:00', 'America/Los_Angeles')).toBe(
      '2026-11-01T02:00:00.000Z',
    )
  })

  it('is the reverse of formatDateTime, also in summer time', () => {
    for (const iso of ['2026-07-01T12:00:00.000Z', '2026-01-01T12:00:00.000Z']) {
      const wall = formatDateTime(iso, 'Europe/Berlin', { seconds: true })
      expect(instantInZone(wall, 'Europe/Berlin')).toBe(iso)
    }
  })

  it('takes the hour after a daylight-saving gap, and nothing that is not a time', () => {
    expect(instantInZone('2026-03-29 02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z')
    expect(instantInZone('yesterday', 'UTC')).toBeNull()
    expect(instantInZone('', 'UTC')).toBeNull()
  })
})
