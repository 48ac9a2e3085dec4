/**
 * @module The view of a zoomable map after a two-finger gesture (pinch): the zoom grows with the
 * distance between the fingers, and the map point that was under their midpoint when they landed
 * stays under their midpoint as they move — so a pinch zooms about the fingers and moving both
 * fingers pans. Pure; CountryMap clamps the result to the map.
 */

/** What part of the map is shown: zoom factor `k`, and the top left corner (x, y) in the units of the whole map. */
export interface View {
  k: number
  x: number
  y: number
}

/** A finger, in screen pixels from the map's top left corner. */
export interface Finger {
  x: number
  y: number
}

const midpoint = (a: Finger, b: Finger): Finger => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })

/**
 * The view for fingers now at `a1`, `b1` that landed at `a0`, `b0` while `from` was shown;
 * `pixelsPerUnit` is how many screen pixels one map unit takes at zoom 1.
 */
export function pinchView(from: View, a0: Finger, b0: Finger, a1: Finger, b1: Finger, pixelsPerUnit: number, maxZoom: number): View {
  const d0 = Math.hypot(a0.x - b0.x, a0.y - b0.y)
  const d1 = Math.hypot(a1.x - b1.x, a1.y - b1.y)
  // Fingers that land on one spot give no scale to compare with: the zoom stays.
  const k = Math.min(maxZoom, Math.max(1, d0 > 0 ? (from.k * d1) / d0 : from.k))
  const m0 = midpoint(a0, b0)
  const m1 = midpoint(a1, b1)
  // The map point under the first midpoint…
  const cx = from.x + m0.x / (pixelsPerUnit * from.k)
  const cy = from.y + m0.y / (pixelsPerUnit * from.k)
  // …drawn under the midpoint now.
  return { k, x: cx - m1.x / (pixelsPerUnit * k), y: cy - m1.y / (pixelsPerUnit * k) }
}
