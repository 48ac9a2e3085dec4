/**
 * @module One chart as readers of OWID's grapher expect it: title, a one-line takeaway, the
 * figure (an Observable Plot SVG at the width of its box, with a text alternative), its source
 * line, Download PNG / SVG / CSV and Copy link, and its data as a table.
 */
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { EmbedButton } from '../embed/EmbedButton.tsx'
import { language, t } from '../i18n/i18n.ts'
import { useWidth } from '../useWidth.ts'
import { saveFile, standaloneSvg, svgToPng } from './download.ts'

export interface ChartTable {
  header: string[]
  /** Cells as shown; `numeric` marks the columns aligned as numbers. */
  rows: (string | number)[][]
  numeric: number[]
}

export interface ChartCardProps {
  /** The anchor (/charts#id) and the start of the file names. */
  id: string
  title: string
  takeaway: string
  /** The figure's text alternative (what it shows). */
  describe: string
  source: string
  /** Draws the chart at a width in pixels. */
  draw: (width: number) => SVGSVGElement
  /** Changes whenever what is drawn changes (data, language). */
  drawKey: string
  csv: () => string
  table: ChartTable
  /** Link to the chart at the tracker's canonical address. */
  link: string
  /** Date of the data, for the file names. */
  date: string
  legend?: ComponentChildren
  /** In an embed: the title is the frame's h1, and the figure comes without its download buttons (the embed links to the full page). */
  embed?: boolean
}

/** Width of saved images: the chart is drawn again at a width that reads well on a slide or a page. */
const savedWidth = 800

/** The chart at a width, as one image: its marks' own aria-labels go (the whole figure has one, and ARIA forbids them on roleless groups). */
function drawn(draw: (width: number) => SVGSVGElement, width: number, label: string): SVGSVGElement {
  const svg = draw(width)
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label')
    el.removeAttribute('aria-description')
  }
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  return svg
}

export function ChartCard(p: ChartCardProps) {
  const [box, width] = useWidth<HTMLDivElement>(640)
  const holder = useRef<HTMLDivElement>(null)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)

  const label = `${p.title}. ${p.describe} ${p.takeaway}`
  useEffect(() => {
    const el = holder.current
    if (!el) return
    const svg = drawn(p.draw, width, label)
    svg.classList.add('chart-svg')
    el.replaceChildren(svg)
  }, [width, p.drawKey])

  const name = (ext: string) => `20x10-${p.id}-${p.date}.${ext}`
  const framed = () => standaloneSvg(drawn(p.draw, savedWidth, label), { title: p.title, takeaway: p.takeaway, source: p.source, lang: language() })

  const run = async (make: () => Promise<Blob> | Blob, file: string) => {
    try {
      saveFile(await make(), file)
      setMessage({ text: t('charts.saved', { file }) })
    } catch (error) {
      setMessage({ text: t('charts.saveFailed', { message: (error as Error)?.message ?? String(error) }), error: true })
    }
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(p.link)
      setMessage({ text: t('charts.copied', { url: p.link }) })
    } catch {
      setMessage({ text: t('charts.copyFailed', { url: p.link }) })
    }
  }

  const titleId = `${p.id}-title`
  return (
    <section class={p.embed ? 'chart-card embed-figure' : 'chart-card'} id={p.id} aria-labelledby={titleId} data-chart={p.id} data-testid={p.embed ? 'embed-data' : undefined}>
      {p.embed ? (
        <h1 id={titleId} class="embed-title">
          {p.title}
        </h1>
      ) : (
        <h2 id={titleId}>
          <a href={`#${p.id}`} class="chart-anchor">
            {p.title}
          </a>
        </h2>
      )}
      <p class="chart-takeaway" data-testid="takeaway">
        {p.takeaway}
      </p>
      <figure class="chart-figure">
        <div class="chart-box" ref={box}>
          <div class="chart-plot" ref={holder} />
        </div>
        {p.legend}
        <figcaption class="chart-source" data-testid="chart-source">
          {p.source}
        </figcaption>
      </figure>
      {p.embed ? null : (
        <div class="chart-tools" role="group" aria-label={t('charts.tools', { title: p.title })}>
          <button type="button" class="tool" data-action="png" onClick={() => run(() => svgToPng(framed()), name('png'))}>
            {t('charts.png')}
          </button>
          <button type="button" class="tool" data-action="svg" onClick={() => run(() => new Blob([framed().text], { type: 'image/svg+xml' }), name('svg'))}>
            {t('charts.svg')}
          </button>
          <button type="button" class="tool" data-action="csv" onClick={() => run(() => new Blob(['\ufeff', p.csv()], { type: 'text/csv;charset=utf-8' }), name('csv'))}>
            {t('charts.csv')}
          </button>
          <button type="button" class="tool" data-action="link" onClick={copy}>
            {t('charts.copyLink')}
          </button>
        </div>
      )}
      {p.embed ? null : (
        <p class={message?.error ? 'chart-message error' : 'chart-message'} role="status" data-testid="chart-message">
          {message?.text ?? ''}
        </p>
      )}
      {p.embed ? null : <EmbedButton embeds={[{ name: 'chart', id: p.id, title: t('charts.embedTitle', { title: p.title }) }]} />}
      <details class="chart-data">
        <summary>{t('charts.table')}</summary>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('charts.tableOf', { title: p.title })}>
          <table class="data">
            <caption class="visually-hidden">{t('charts.tableOf', { title: p.title })}</caption>
            <thead>
              <tr>
                {p.table.header.map((h, i) => (
                  <th scope="col" class={p.table.numeric.includes(i) ? 'num' : undefined} key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td class={p.table.numeric.includes(j) ? 'num' : undefined} key={j}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}
