/**
 * @module Points that would hide one another on a map (Pyongyang's districts share one coordinate),
 * moved apart: points whose dots (nearly) share their middle form a group, and each group is laid out
 * as a small sunflower around its centre, every two points at least `gap` apart. Deterministic: the
 * same points always land in the same places. Points that overlap nothing stay where they are.
 */

export interface Spot {
  id: string
  x: number
  y: number
  /** Radius of what is drawn (dot and ring), in map units. */
  r: number
}

const golden = Math.PI * (3 - Math.sqrt(5))

/** `n` positions around (0, 0) (Vogel's spiral, started half a step out), nearest neighbours exactly `gap` apart, the first nearest the centre. */
function sunflower(n: number, gap: number): [number, number][] {
  const raw: [number, number][] = Array.from({ length: n }, (_, i) => [Math.sqrt(i + 0.5) * Math.cos(i * golden), Math.sqrt(i + 0.5) * Math.sin(i * golden)])
  let nearest = Infinity
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) nearest = Math.min(nearest, Math.hypot(raw[i]![0] - raw[j]![0], raw[i]![1] - raw[j]![1]))
  const k = Number.isFinite(nearest) && nearest > 0 ? gap / nearest : 0
  return raw.map(([x, y]) => [x * k, y * k])
}

/** Points moved apart together: their ids (sorted; joined, a key), their centre, and how far from it the farthest went. */
export interface Group {
  key: string
  ids: string[]
  x: number
  y: number
  radius: number
}

/**
 * Where to draw each point: its own place, or — for a point whose dot overlaps another's — a place in
 * its group's sunflower; and the groups. `gap` is the least distance between two points of a group
 * (at least their dots' width, so they never overlap again).
 */
export function spread(spots: Spot[], gap: number): { places: Map<string, [number, number]>; groups: Group[] } {
  const parent = spots.map((_, i) => i)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  for (let i = 0; i < spots.length; i++)
    for (let j = i + 1; j < spots.length; j++) {
      const a = spots[i]!
      const b = spots[j]!
      // Dots that only touch or overlap in part can each be pointed at; a dot whose middle lies
      // near another's middle cannot (it shows no more than a sliver).
      if (Math.hypot(a.x - b.x, a.y - b.y) < 0.6 * Math.min(a.r, b.r)) parent[root(i)] = root(j)
    }
  const groups = new Map<number, Spot[]>()
  spots.forEach((s, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), s]))
  const out = new Map<string, [number, number]>()
  const moved: Group[] = []
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.set(group[0]!.id, [group[0]!.x, group[0]!.y])
      continue
    }
    const cx = group.reduce((n, s) => n + s.x, 0) / group.length
    const cy = group.reduce((n, s) => n + s.y, 0) / group.length
    const least = Math.max(gap, 2 * Math.max(...group.map((s) => s.r)) + 2)
    // The point nearest the centre goes nearest the middle; the others go outwards in the order of their distance, then of their ids.
    const ordered = [...group].sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const places = sunflower(ordered.length, least)
    ordered.forEach((s, i) => out.set(s.id, [cx + places[i]![0], cy + places[i]![1]]))
    const ids = group.map((s) => s.id).sort()
    moved.push({ key: ids.join(' '), ids, x: cx, y: cy, radius: Math.max(...places.map(([x, y]) => Math.hypot(x, y))) })
  }
  return { places: out, groups: moved }
}
