/** WeCom's limit on a mass message's text (text.content of add_msg_template), in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 4000

/** WeCom's limit on a message's attachments. */
export const MAX_MATERIALS = 9

/** A mass send's name, in characters (the server's limit). */
export const MAX_NAME = 30

/**
 * The size of text in UTF-8, as WeCom counts its limit: 1 byte for ASCII, 2 for Latin accents and
 * the like, 3 for a Chinese character, 4 for an emoji outside the Basic Multilingual Plane.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

/** What the server stores and counts: the text without surrounding white space. */
export const sentText = (text: string) => text.trim()

/**
 * The first `{…}` in the text. A mass message is the same text for every customer: WeCom fills in
 * nothing, so a welcome-message variable such as {nickname} would reach customers as written.
 */
export function findPlaceholder(text: string): string | null {
  return /\{[^{}\n]*\}/.exec(text)?.[0] ?? null
}
