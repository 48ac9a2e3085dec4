/** @module A small map for a locality or a province page (loaded on demand with the map code). */
import { CountryMap } from './CountryMap.tsx'

export interface MiniPoint {
  id: string
  lon: number
  lat: number
  label: string
  status: string | null
  reached: boolean
}

export default function MiniMap({ points, title, zoom = false, highlight }: { points: MiniPoint[]; title: string; zoom?: boolean; highlight?: string }) {
  return (
    <div class="mini-map">
      <CountryMap
        title={title}
        zoom={zoom}
        labels={!zoom}
        highlight={highlight}
        width={zoom ? 360 : 300}
        points={points.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, label: p.label, status: p.status, hollow: !p.reached, r: points.length === 1 ? 7 : 6.5, href: points.length === 1 ? undefined : `/localities/${encodeURIComponent(p.id)}` }))}
      />
    </div>
  )
}
