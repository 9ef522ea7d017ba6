import type { MaterialKind } from '@/modules/content/api'

/** WeCom's limit on a 朋友圈 post's text, in characters (not bytes). */
export const MAX_TEXT_CHARS = 2000

/** A task's name, in characters (the server's limit). */
export const MAX_NAME = 30

/** What a post is made of besides text: up to 9 images, or one video, or one link. */
export type MomentKind = 'image' | 'video' | 'link'

/**
 * The materials a post can carry, and what each is in it: a poster is an image; an article is a
 * link (to its own address, or to its page in Siyu) and needs a cover, like a link.
 */
export const MOMENT_KIND_OF = {
  image: 'image',
  poster: 'image',
  video: 'video',
  link: 'link',
  article: 'link',
} as const satisfies Partial<Record<MaterialKind, MomentKind>>

/** The material kinds a post can carry, for the material picker. */
export const MOMENT_KINDS = Object.keys(MOMENT_KIND_OF) as (keyof typeof MOMENT_KIND_OF)[]

/** What a material is in a post, or null for what a post cannot carry. */
export const momentKind = (kind: MaterialKind): MomentKind | null =>
  (MOMENT_KIND_OF as Partial<Record<MaterialKind, MomentKind>>)[kind] ?? null

/** How many of each kind a post may carry, the kinds never mixed. */
export const MOMENT_KIND_MAX: Record<MomentKind, number> = { image: 9, video: 1, link: 1 }

/** The most materials a post carries: 9 images. */
export const MAX_MOMENT_MATERIALS = Math.max(...Object.values(MOMENT_KIND_MAX))

/**
 * The text as the server counts it: by character, so that a Chinese character, a letter and an
 * emoji each count one.
 */
export const charCount = (text: string) => [...text].length

/** What the server stores and counts: the text without surrounding white space. */
export const postText = (text: string) => text.trim()

export type MaterialsProblem =
  { key: 'kind' } | { key: 'mixed' } | { key: 'tooMany'; kind: MomentKind; max: number }

/**
 * Why WeCom would refuse a post's materials, or null: a kind a post cannot carry (a file, a mini
 * program), kinds mixed (images with a video), or too many of a kind.
 */
export function materialsProblem(
  materials: readonly { kind: MaterialKind }[],
): MaterialsProblem | null {
  const kinds = new Set(materials.map((material) => momentKind(material.kind)))
  if (kinds.has(null)) return { key: 'kind' }
  if (kinds.size > 1) return { key: 'mixed' }
  const [kind] = kinds as Set<MomentKind>
  if (kind && materials.length > MOMENT_KIND_MAX[kind]) {
    return { key: 'tooMany', kind, max: MOMENT_KIND_MAX[kind] }
  }
  return null
}

/** How a problem with a post's materials is told: its message key and values. */
export const materialsProblemMessage = (problem: MaterialsProblem) =>
  problem.key === 'tooMany'
    ? { key: `moments.editor.materialsProblem.${problem.kind}`, values: { max: problem.max } }
    : { key: `moments.editor.materialsProblem.${problem.key}`, values: {} }

/** The fields of the new post form that can show a message of the server. */
export const MOMENT_FIELDS = [
  'appId',
  'name',
  'staff',
  'tagIds',
  'text',
  'materials',
  'sendAt',
] as const
export type MomentField = (typeof MOMENT_FIELDS)[number]
