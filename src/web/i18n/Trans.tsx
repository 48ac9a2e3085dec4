/**
 * @module A message with links or emphasis inside: the catalogue writes them as numbered tags
 * ("Data <0>CC BY 4.0</0>, code MIT."), and each tag's text goes to the element made for it,
 * so translators can move links within the sentence and no sentence is pieced together.
 */
import type { ComponentChildren } from 'preact'
import { t, type Values } from './i18n.ts'

export function Trans({ k, values, parts = [] }: { k: string; values?: Values; parts?: ((text: string) => ComponentChildren)[] }) {
  const text = t(k, values)
  const out: ComponentChildren[] = []
  const tag = /<(\d+)>(.*?)<\/\1>/g
  let last = 0
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index))
    const make = parts[Number(m[1])]
    out.push(make ? make(m[2]!) : m[2]!)
    last = m.index + m[0].length
  }
  if (last < text.length) out.push(text.slice(last))
  return <>{out}</>
}
