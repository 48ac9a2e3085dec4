/**
 * @module The four charts as Observable Plot figures: data + marks + scales, sized to the width
 * they are given, with labels in the reader's language passed in. Loaded only with the charts
 * page (Plot and d3 stay out of the first download).
 */
import * as Plot from '@observablehq/plot'
import type { CoverageRow, CumulativeRow, DurationRow, MonthRow } from './chartData.ts'

/** The colours of the site (styles.css) as plain values: an SVG saved from the page must not depend on its stylesheet. */
export const colours = { ink: '#1c1d1f', muted: '#5d6166', rule: '#dcdfe3', accent: '#00564a', op: '#00795c', uc: '#b86e00', target: '#8b9096', empty: '#d7dbde', link: '#0b5aa6' }

export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', NanumGothic, sans-serif"

const style = { background: '#ffffff', color: colours.ink, fontSize: '12px', fontFamily, overflow: 'visible' }

export interface Axis {
  x: string
  y: string
}

function textWidth(text: string, px = 12): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3000-\u303f]/.test(ch) ? px : px * 0.58
  return w
}

/** Room at the left for the longest band label, within a share of the width. */
function leftMargin(labels: string[], width: number): number {
  const longest = Math.max(0, ...labels.map((l) => textWidth(l)))
  return Math.min(Math.ceil(longest) + 12, Math.floor(width * 0.42))
}

export function cumulativePlot(rows: CumulativeRow[], o: { width: number; axis: Axis; yearTick: (year: number) => string; ariaLabel: string }): SVGSVGElement {
  const narrow = o.width < 520
  const counted = rows.filter((r) => r.counted !== null)
  const projected = rows.filter((r) => r.projected !== null)
  return Plot.plot({
    width: o.width,
    height: narrow ? 270 : 330,
    marginLeft: 44,
    // Room for half of the last year's label ("2033년").
    marginRight: 28,
    marginBottom: 44,
    style,
    ariaLabel: o.ariaLabel,
    x: { label: o.axis.x, labelOffset: 40, tickFormat: (d: number) => o.yearTick(d), ticks: narrow ? rows.filter((_, i) => i % 3 === 0).map((r) => r.year) : rows.map((r) => r.year), domain: [rows[0]?.year ?? 0, rows.at(-1)?.year ?? 1] },
    y: { label: o.axis.y, grid: true, domain: [0, Math.max(...rows.map((r) => r.target), 1)] },
    marks: [
      Plot.ruleY([0], { stroke: colours.rule }),
      // The target under the rest, wide and pale: a projection on pace runs along it and must not hide it.
      Plot.line(rows, { x: 'year', y: 'target', stroke: colours.target, strokeWidth: 7, strokeOpacity: 0.35 }),
      Plot.line(projected, { x: 'year', y: 'projected', stroke: colours.uc, strokeWidth: 2, strokeDasharray: '6 4' }),
      Plot.line(counted, { x: 'year', y: 'counted', stroke: colours.accent, strokeWidth: 2.5 }),
      Plot.dot(counted, { x: 'year', y: 'counted', fill: colours.accent, r: 4 }),
      Plot.text(counted.slice(-1), { x: 'year', y: 'counted', text: (d: CumulativeRow) => String(d.counted), dy: -12, fill: colours.accent, fontWeight: 'bold', fontSize: 13 }),
    ],
  }) as SVGSVGElement
}

export function openingsPlot(rows: MonthRow[], o: { width: number; axis: Axis; monthTick: (month: string) => string; ariaLabel: string }): SVGSVGElement {
  const narrow = o.width < 520
  // One tick every few months, so the labels never collide: about one per 90 px.
  const every = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor((o.width - 60) / 90))))
  const ticks = rows.filter((_, i) => i % every === 0).map((r) => r.month)
  return Plot.plot({
    width: o.width,
    height: narrow ? 250 : 290,
    marginLeft: 40,
    marginBottom: 44,
    style,
    ariaLabel: o.ariaLabel,
    x: { label: o.axis.x, labelOffset: 40, type: 'band', domain: rows.map((r) => r.month), ticks, tickFormat: (m: string) => o.monthTick(m), padding: 0.15 },
    y: { label: o.axis.y, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    marks: [Plot.barY(rows, { x: 'month', y: 'openings', fill: colours.op }), Plot.ruleY([0], { stroke: colours.ink })],
  }) as SVGSVGElement
}

export function durationsPlot(rows: DurationRow[], o: { width: number; axis: Pick<Axis, 'x'>; label: (r: DurationRow) => string; median: number | null; medianLabel: string; ariaLabel: string }): SVGSVGElement {
  const labels = rows.map(o.label)
  const marginLeft = leftMargin(labels, o.width)
  return Plot.plot({
    width: o.width,
    height: rows.length * 17 + 60,
    marginLeft,
    marginRight: 36,
    marginTop: 42,
    style,
    ariaLabel: o.ariaLabel,
    x: { label: o.axis.x, grid: true, axis: 'top', nice: true },
    y: { label: null, domain: labels, tickSize: 0 },
    marks: [
      // x1/x2, not x: a bar of x alone is stacked on any other bar of the same label.
      Plot.barX(rows, { x1: 0, x2: 'days', y: (r: DurationRow) => o.label(r), fill: colours.link, fillOpacity: 0.85, insetTop: 2, insetBottom: 2 }),
      Plot.ruleX([0], { stroke: colours.ink }),
      ...(o.median === null ? [] : [Plot.ruleX([o.median], { stroke: colours.uc, strokeWidth: 2, strokeDasharray: '4 3' })]),
      // The numbers over the median line, on a white halo so the line never strikes through them.
      Plot.text(rows, { x: 'days', y: (r: DurationRow) => o.label(r), text: (r: DurationRow) => String(r.days), textAnchor: 'start', dx: 3, fill: colours.muted, fontSize: 10, stroke: '#ffffff', strokeWidth: 3, paintOrder: 'stroke' }),
      ...(o.median === null
        ? []
        : [Plot.text([o.median], { x: (d: number) => d, frameAnchor: 'bottom', text: () => o.medianLabel, dy: 14, fill: colours.uc, fontWeight: 'bold', textAnchor: 'middle' })]),
    ],
  }) as SVGSVGElement
}

export function coveragePlot(rows: CoverageRow[], o: { width: number; axis: Pick<Axis, 'x'>; name: (r: CoverageRow) => string; reachedLabel: string; waitingLabel: string; ariaLabel: string }): SVGSVGElement {
  const labels = rows.map(o.name)
  const marginLeft = leftMargin(labels, o.width)
  const stacked = rows.flatMap((r) => [
    { name: o.name(r), part: o.reachedLabel, count: r.reached },
    { name: o.name(r), part: o.waitingLabel, count: r.waiting },
  ])
  return Plot.plot({
    width: o.width,
    height: rows.length * 26 + 60,
    marginLeft,
    marginRight: 44,
    marginTop: 42,
    style,
    ariaLabel: o.ariaLabel,
    x: { label: o.axis.x, grid: true, axis: 'top' },
    y: { label: null, domain: labels, tickSize: 0 },
    color: { domain: [o.reachedLabel, o.waitingLabel], range: [colours.accent, colours.empty] },
    marks: [
      Plot.barX(stacked, Plot.stackX({ x: 'count', y: 'name', fill: 'part', order: [o.reachedLabel, o.waitingLabel], insetTop: 3, insetBottom: 3 })),
      Plot.text(rows, { x: 'localities', y: (r: CoverageRow) => o.name(r), text: (r: CoverageRow) => `${Math.round(r.share * 100)}%`, textAnchor: 'start', dx: 4, fill: colours.ink, fontSize: 11 }),
      Plot.ruleX([0], { stroke: colours.ink }),
    ],
  }) as SVGSVGElement
}
