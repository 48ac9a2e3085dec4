/**
 * @module One string for each repeated value (timestamps: a bulk load writes thousands of records
 * in the same instant), so that a large snapshot holds each once; bounded to `limit` distinct values.
 */
export function interner(limit = 100_000): (s: string) => string {
  const known = new Map<string, string>()
  return (s) => {
    const hit = known.get(s)
    if (hit !== undefined) return hit
    if (known.size < limit) known.set(s, s)
    return s
  }
}
