/**
 * @module The embed app (/embed/*): one figure of the tracker with minimal chrome — a title, the
 * figure, a credit line — and no site header, navigation or footer, readable in a 400×300 frame.
 * The figures are the app's own components; the embed only arranges them.
 */
import { t, useLanguage } from '../i18n/i18n.ts'
import { lazy } from '../lazy.tsx'
import { useProvinces } from '../useProvinces.ts'
import { withoutBase } from '../staticMode.ts'
import { parseEmbedPath } from './embeds.ts'
import { EmbedGrid } from './EmbedGrid.tsx'
import { EmbedProgress } from './EmbedProgress.tsx'
import { EmbedProject } from './EmbedProject.tsx'

const EmbedMap = lazy(() => import('./EmbedMap.tsx'), 'lazy.map')
const EmbedTimeline = lazy(() => import('./EmbedTimeline.tsx'), 'lazy.timeline')
const EmbedChart = lazy(() => import('../charts/EmbedChart.tsx'), 'lazy.charts')

export function EmbedApp() {
  const lang = useLanguage()
  useProvinces(lang === 'ko')
  const found = parseEmbedPath(withoutBase(window.location.pathname))
  const body = !found ? (
    <div class="embed-missing">
      <h1>{t('embed.missing')}</h1>
      <p>{t('embed.missingNote')}</p>
    </div>
  ) : found.name === 'progress' ? (
    <EmbedProgress />
  ) : found.name === 'grid' ? (
    <EmbedGrid />
  ) : found.name === 'map' ? (
    <EmbedMap />
  ) : found.name === 'timeline' ? (
    <EmbedTimeline />
  ) : found.name === 'chart' ? (
    <EmbedChart id={found.id!} />
  ) : (
    <EmbedProject id={found.id!} />
  )
  return (
    <main class={`embed embed-${found?.name ?? 'missing'}`} data-lang={lang}>
      {body}
    </main>
  )
}
