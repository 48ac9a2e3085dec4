/**
 * @module Splits a place as sources write it into the name and the qualifiers around it:
 * "Unsan County, North Pyongan" → Unsan County + [North Pyongan]; "Onchon County (Nampo)" →
 * Onchon County + [Nampo]. The resolver reads the qualifiers as province hints.
 */

export interface SplitName {
  name: string
  /** Parenthesised parts and parts after a comma, in the order written. */
  hints: string[]
}

const bracketed = /[([]([^)\]]*)[)\]]/g

export function splitHints(text: string): SplitName {
  // Most inputs are a bare name; skip the work for them.
  if (!/[,;،([]/.test(text)) return { name: text, hints: [] }
  const hints: string[] = []
  const rest = text.replace(bracketed, (_, inner: string) => {
    hints.push(inner)
    return ' '
  })
  const [name = '', ...tail] = rest.split(/[,;،]/)
  hints.push(...tail)
  return { name: name.trim(), hints: hints.map((h) => h.trim()).filter((h) => h.length > 0) }
}
