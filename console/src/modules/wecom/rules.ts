// Mirrors the server's validation (WeComAppManagement) so that a mistyped id is caught before a
// round trip; the server stays the authority and its field errors are shown on the same fields.
export const NAME_MAX = 60
export const SECRET_MAX = 256
export const CORP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export const AGENT_ID_PATTERN = /^[0-9]{1,20}$/
export const TOKEN_PATTERN = /^[A-Za-z0-9]{1,32}$/
export const AES_KEY_LENGTH = 43
export const AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/

/** Names count code points, as the server does (an emoji is one character). */
export function isValidName(value: string): boolean {
  const length = [...value.trim()].length
  return length >= 1 && length <= NAME_MAX
}

export const isValidCorpId = (value: string) => CORP_ID_PATTERN.test(value.trim())
export const isValidAgentId = (value: string) => AGENT_ID_PATTERN.test(value.trim())
export const isValidToken = (value: string) => TOKEN_PATTERN.test(value.trim())
export const isValidAesKey = (value: string) => AES_KEY_PATTERN.test(value.trim())

/** An http(s) address with a host, as the server accepts for the API base URL. */
export function isValidBaseUrl(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}
