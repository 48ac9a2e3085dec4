/**
 * @module Damerau–Levenshtein distance (the optimal-string-alignment variant: insert, delete,
 * substitute, swap two neighbours) with a cap, for tolerating typos in name keys.
 */

/**
 * The edit distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`.
 * The cap keeps a scan over every known name cheap: most pairs are rejected on length alone or
 * after a row or two.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = new Array<number>(n + 1)
  let row = new Array<number>(n + 1)
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1)
      const cost = ai === bj ? 0 : 1
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1)
      row[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    ;[prev2, prev, row] = [prev, row, prev2]
  }
  return Math.min(prev[n]!, max + 1)
}
