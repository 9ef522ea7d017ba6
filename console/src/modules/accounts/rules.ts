// Mirrors the server's validation so most mistakes are caught before a round trip;
// the server stays the authority and its field errors are shown on the same fields.
export const USERNAME_PATTERN = /^[a-zA-Z0-9._@-]{3,64}$/
export const DISPLAY_NAME_MAX = 64
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

export function isValidUsername(value: string): boolean {
  return USERNAME_PATTERN.test(value)
}

export function isValidDisplayName(value: string): boolean {
  const trimmed = value.trim()
  return trimmed.length >= 1 && trimmed.length <= DISPLAY_NAME_MAX
}

export function isValidPassword(value: string): boolean {
  return value.length >= PASSWORD_MIN && value.length <= PASSWORD_MAX
}
