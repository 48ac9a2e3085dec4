import { describe, expect, it } from 'vitest'
import { locate, segments } from './segments.ts'

const text = 'Dateline. First sentence here. Second one, shared. Tail.'

describe('evidence segments', () => {
  it('marks each proposal by its offsets and keeps the rest as plain text', () => {
    const first = 'First sentence here.'
    const start = text.indexOf(first)
    const out = segments(text, [{ id: 1, evidence: first, start, end: start + first.length }])
    expect(out.map((s) => [s.text, s.ids])).toEqual([
      ['Dateline. ', []],
      [first, [1]],
      [' Second one, shared. Tail.', []],
    ])
    expect(out.map((s) => s.text).join('')).toBe(text)
    expect(out[1]!.starts).toEqual([1])
  })

  it('lets two proposals share one sentence (a round-up), and overlap', () => {
    const shared = 'Second one, shared.'
    const out = segments(text, [
      { id: 2, evidence: shared },
      { id: 3, evidence: shared },
      { id: 4, evidence: 'here. Second' },
    ])
    expect(out.map((s) => s.text).join('')).toBe(text)
    const sharedStart = out.find((s) => s.starts.includes(2))!
    expect(sharedStart.starts).toEqual([2, 3])
    expect(out.filter((s) => s.ids.includes(4)).map((s) => s.text).join('')).toBe('here. Second')
    expect(out.find((s) => s.text === 'Second')!.ids.sort()).toEqual([2, 3, 4])
  })

  it('falls back to finding the sentence when the offsets do not hold it, and skips evidence not in the text', () => {
    expect(locate(text, { id: 1, evidence: 'Tail.', start: 0, end: 5 })).toEqual([text.indexOf('Tail.'), text.length])
    expect(locate(text, { id: 1, evidence: 'Not there.' })).toBeNull()
    expect(segments(text, [{ id: 1, evidence: 'Not there.' }])).toEqual([{ text, ids: [], starts: [] }])
    expect(segments('', [])).toEqual([])
  })
})
