/**
 * @module Which Web Mercator tiles cover a map view, and where each goes: the map is drawn with
 * d3's Mercator projection, so a tile of zoom z at (x, y) is a square whose corners are the
 * projected corners of its lon/lat box.
 */
export interface Tile {
  url: string
  x: number
  y: number
  size: number
}

function tileLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180
}
function tileLat(y: number, z: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI
}
function tileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z)
}
function tileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)
}

/**
 * Tiles covering [west, south, east, north] for a projection whose scale is `k` (map units per
 * radian), at the zoom whose tiles are closest to `tilePixels` map units wide.
 */
export function tilesFor(
  template: string,
  bounds: [number, number, number, number],
  k: number,
  project: (lonLat: [number, number]) => [number, number],
  tilePixels = 256,
): Tile[] {
  const [w, s, e, n] = bounds
  const z = Math.max(0, Math.min(18, Math.round(Math.log2((2 * Math.PI * k) / tilePixels))))
  const out: Tile[] = []
  for (let x = tileX(w, z); x <= tileX(e, z); x++) {
    for (let y = tileY(n, z); y <= tileY(s, z); y++) {
      const [left, top] = project([tileLon(x, z), tileLat(y, z)])
      const [right] = project([tileLon(x + 1, z), tileLat(y, z)])
      const url = template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y)).replaceAll('{s}', 'a')
      out.push({ url, x: left, y: top, size: right - left })
    }
  }
  return out
}
