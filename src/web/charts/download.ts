/**
 * @module Saving a chart: a standalone SVG (title, takeaway, the chart, its source line; no
 * stylesheet needed), the same SVG drawn onto a canvas in the browser for the PNG, and a file
 * handed to the browser's download.
 */
import { colours, fontFamily } from './plots.ts'

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

function charWidth(ch: string, px: number): number {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(ch) ? px : px * 0.56
}

/** Breaks a line of text into lines no wider than `width` at a font size of `px` (by estimate; no layout engine here). */
export function wrapText(text: string, width: number, px: number): string[] {
  const lines: string[] = []
  let line = ''
  let w = 0
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const ww = [...word].reduce((n, ch) => n + charWidth(ch, px), 0)
    const space = line ? charWidth(' ', px) : 0
    if (line && w + space + ww > width) {
      lines.push(line)
      line = word
      w = ww
    } else {
      line = line ? `${line} ${word}` : word
      w += space + ww
    }
  }
  if (line) lines.push(line)
  return lines
}

export interface Framing {
  title: string
  takeaway: string
  source: string
  lang: string
}

/** The chart with its title and takeaway above and its source below, as one SVG document. */
export function standaloneSvg(chart: SVGSVGElement, f: Framing): { text: string; width: number; height: number } {
  const width = Number(chart.getAttribute('width')) || chart.getBoundingClientRect().width
  const chartHeight = Number(chart.getAttribute('height')) || chart.getBoundingClientRect().height
  const pad = 12
  const titleLines = wrapText(f.title, width - 2 * pad, 17)
  const takeLines = wrapText(f.takeaway, width - 2 * pad, 13)
  const sourceLines = wrapText(f.source, width - 2 * pad, 11)
  let y = pad
  const parts: string[] = []
  for (const l of titleLines) {
    y += 20
    parts.push(`<text x="${pad}" y="${y}" font-size="17" font-weight="bold" fill="${colours.ink}">${escapeXml(l)}</text>`)
  }
  y += 4
  for (const l of takeLines) {
    y += 17
    parts.push(`<text x="${pad}" y="${y}" font-size="13" fill="${colours.ink}">${escapeXml(l)}</text>`)
  }
  y += 10
  const clone = chart.cloneNode(true) as SVGSVGElement
  clone.setAttribute('x', '0')
  clone.setAttribute('y', String(y))
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(chartHeight))
  const inner = new XMLSerializer().serializeToString(clone)
  y += chartHeight + 6
  const foot: string[] = []
  for (const l of sourceLines) {
    y += 14
    foot.push(`<text x="${pad}" y="${y}" font-size="11" fill="${colours.muted}">${escapeXml(l)}</text>`)
  }
  const height = Math.ceil(y + pad)
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fontFamily)}" xml:lang="${escapeXml(f.lang)}" role="img" aria-label="${escapeXml(`${f.title}. ${f.takeaway}`)}">` +
    `<title>${escapeXml(f.title)}</title><desc>${escapeXml(f.takeaway)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}${inner}${foot.join('')}</svg>\n`
  return { text, width, height }
}

/** Draws an SVG document onto a canvas (at `scale` × its size, for sharp text) and returns it as a PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  // A data: address, not a blob: one: the page's content security policy allows images from data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`
  const image = new Image()
  image.width = svg.width
  image.height = svg.height
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve()
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'))
    image.src = url
  })
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(svg.width * scale)
  canvas.height = Math.round(svg.height * scale)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this browser cannot draw on a canvas')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.scale(scale, scale)
  ctx.drawImage(image, 0, 0, svg.width, svg.height)
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be made'))), 'image/png'))
}

/** Hands a file to the browser's download (the "Save as" of the reader's browser). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
