/** What a chat message can carry besides text, as WeChat draws it. */
export type ChatCardKind = 'image' | 'link' | 'miniprogram' | 'video' | 'file'

/**
 * One card of a chat message: an image, a link card (articles are sent as one too), a mini-program
 * card, a video or a file. `picture` is an address the browser may load (the image itself, or the
 * cover of a link, mini program or video); without one, the card shows an icon in its place.
 */
export interface ChatCardData {
  kind: ChatCardKind
  title?: string | null
  description?: string | null
  picture?: string | null
  /** Where a link card leads; its host stands in for a missing description. */
  url?: string | null
  /** The size in bytes, for a file or a video. */
  size?: number | null
}

/** The host of a web address, or '' when it is not one. */
export function hostOf(url: string | null | undefined): string {
  if (!url) return ''
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

/** The file's extension in capitals ("PDF"), which WeChat prints on a file's icon. */
export function extensionOf(name: string | null | undefined): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(name ?? '')
  return match ? match[1]!.toUpperCase() : ''
}
