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

/**
 * Makes the records passed to it share one string for each repeated value of their fields (and
 * of string arrays in them): a claim's subject, source, field, rank, quote and dates repeat across
 * hundreds of thousands of records, and a decoder (JSON.parse, v8.deserialize) makes a new string
 * for every one — about 50 MB of a full load at 100× the data, 110 MB of a persisted snapshot read
 * back. A field whose first values are nearly all distinct (ids, titles, URLs) is left alone.
 */
export function recordInterner(limit = 250_000): (record: Record<string, unknown>) => void {
  const known = new Map<string, string>()
  const fields = new Map<string, { seen: number; hits: number }>()
  const intern = (s: string, field: { seen: number; hits: number }): string => {
    field.seen++
    const hit = known.get(s)
    if (hit !== undefined) {
      field.hits++
      return hit
    }
    if (known.size < limit) known.set(s, s)
    return s
  }
  return (record) => {
    for (const key in record) {
      const value = record[key]
      if (typeof value !== 'string' && !Array.isArray(value)) continue
      let field = fields.get(key)
      if (!field) fields.set(key, (field = { seen: 0, hits: 0 }))
      // Judged on its first 2,000 values: fewer than one in ten repeated, not worth a lookup.
      if (field.seen >= 2_000 && field.hits * 10 < field.seen) continue
      if (typeof value === 'string') record[key] = intern(value, field)
      else for (let i = 0; i < value.length; i++) if (typeof value[i] === 'string') value[i] = intern(value[i] as string, field)
    }
  }
}
