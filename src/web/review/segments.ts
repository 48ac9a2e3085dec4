/**
 * @module The article cut into pieces for highlighting: each proposal's evidence span (character
 * offsets into the report text, or the first place its sentence occurs) marks the pieces it
 * covers, so overlapping and shared sentences (a round-up naming several counties) each still
 * know every proposal they belong to. Pure.
 */

export interface EvidenceSpan {
  id: number
  evidence: string
  start?: number | undefined
  end?: number | undefined
}

export interface Segment {
  text: string
  /** The proposals whose evidence covers this piece (empty: plain text). */
  ids: number[]
  /** The proposals whose evidence starts with this piece (the scroll target). */
  starts: number[]
}

/** Where a proposal's evidence is in the text: its offsets when they hold the sentence, else the sentence found in the text. */
export function locate(text: string, span: EvidenceSpan): [number, number] | null {
  const { start, end, evidence } = span
  if (typeof start === 'number' && typeof end === 'number' && start >= 0 && end > start && end <= text.length) {
    if (!evidence || text.slice(start, end) === evidence) return [start, end]
  }
  if (!evidence) return null
  const at = text.indexOf(evidence)
  return at >= 0 ? [at, at + evidence.length] : null
}

export function segments(text: string, spans: EvidenceSpan[]): Segment[] {
  const located = spans.map((s) => ({ id: s.id, range: locate(text, s) })).filter((s): s is { id: number; range: [number, number] } => s.range !== null)
  const cuts = new Set<number>([0, text.length])
  for (const s of located) {
    cuts.add(s.range[0])
    cuts.add(s.range[1])
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!
    const to = points[i + 1]!
    if (to <= from) continue
    const ids = located.filter((s) => s.range[0] <= from && to <= s.range[1]).map((s) => s.id)
    const starts = located.filter((s) => s.range[0] === from).map((s) => s.id)
    out.push({ text: text.slice(from, to), ids, starts })
  }
  return out
}
