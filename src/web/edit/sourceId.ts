/** @module The id a new source is given unless the editor types another: publisher, date and the first words of the title. */

/** "KCNA", "2025-02-14", "Groundbreaking in Songchon" → "kcna-2025-02-14-groundbreaking-in-songchon". */
export function suggestId(publisher: string, published: string, title: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  const words = slug(title).split('-').filter(Boolean).slice(0, 6).join('-')
  return [slug(publisher).split('-').slice(0, 3).join('-'), slug(published), words].filter(Boolean).join('-').slice(0, 120).replace(/-+$/, '')
}
