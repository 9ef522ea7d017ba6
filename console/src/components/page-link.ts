/** A signed customer link (an H5 page) as staff send it: the address, when it stops working, its QR (PNG data URL). */
export interface PageLink {
  url: string
  expiresAt: string
  qr: string
}
