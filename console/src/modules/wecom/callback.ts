/**
 * The URL WeCom is to call: this console's address plus the app's callback path. The server does
 * not know its public address, so the page takes the one the administrator is using.
 */
export function callbackUrl(path: string, origin: string = window.location.origin): string {
  return `${origin.replace(/\/+$/, '')}${path}`
}

const PRIVATE_V4 = [/^10\./, /^127\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./]

/**
 * True for addresses WeCom cannot reach from the internet (this machine, a private network):
 * a callback URL built from them would fail WeCom's URL check.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true
  if (host.includes(':')) return host === '::1' || /^(f[cd]|fe80)/.test(host)
  return host === '0.0.0.0' || PRIVATE_V4.some((range) => range.test(host))
}

/** Siyu's own code for "no usable answer from WeCom" (WeComApiException.UNAVAILABLE_CODE). */
export const UNREACHABLE = -99_999

type Hint = 'unreachable' | 'corpId' | 'secret' | 'agentId' | 'ip' | 'permission' | 'busy'

/** The error codes a connection test may answer, each with what the administrator can do. */
const HINTS: Record<number, Hint> = {
  [UNREACHABLE]: 'unreachable',
  40013: 'corpId',
  40001: 'secret',
  40091: 'secret',
  40056: 'agentId',
  301002: 'agentId',
  60020: 'ip',
  48002: 'permission',
  [-1]: 'busy',
  45009: 'busy',
  45033: 'busy',
}

/** The message key of the advice for a WeCom error code, or null when there is none. */
export function hintKey(errcode: number | null | undefined): `wecom.check.hints.${Hint}` | null {
  const hint = errcode == null ? undefined : HINTS[errcode]
  return hint ? `wecom.check.hints.${hint}` : null
}
