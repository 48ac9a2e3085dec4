/**
 * @module The app shell: header with navigation and the account control, the page for the
 * current URL, the footer. Map, timeline, charts and the editing code are loaded on demand; everything
 * else is in the first download.
 */
import { useEffect, useRef } from 'preact/hooks'
import { Freshness } from './components/Freshness.tsx'
import { LanguageSwitch } from './components/LanguageSwitch.tsx'
import { PageEnd } from './components/PageEnd.tsx'
import { ReleaseBanner } from './components/ReleaseBanner.tsx'
import { ReviewLink } from './components/ReviewLink.tsx'
import { SessionControl } from './components/SessionControl.tsx'
import { TwinLinks } from './components/TwinLinks.tsx'
import { NewSourcePage } from './editing.ts'
import { sharedSearch } from './filters.ts'
import { t, useLanguage } from './i18n/i18n.ts'
import { Trans } from './i18n/Trans.tsx'
import { lazy } from './lazy.tsx'
import About from './pages/About.tsx'
import Explorer from './pages/Explorer.tsx'
import LocalityPage from './pages/LocalityPage.tsx'
import NotFound from './pages/NotFound.tsx'
import Overview from './pages/Overview.tsx'
import ProjectPage from './pages/ProjectPage.tsx'
import ProvincePage, { ProvinceList } from './pages/ProvincePage.tsx'
import SignIn from './pages/SignIn.tsx'
import SourcePage, { SourceList } from './pages/SourcePage.tsx'
import { useLocation } from './router.ts'
import { useProvinces } from './useProvinces.ts'

const MapPage = lazy(() => import('./pages/MapPage.tsx'), 'lazy.map')
const TimelinePage = lazy(() => import('./pages/TimelinePage.tsx'), 'lazy.timeline')
const Review = lazy(() => import('./pages/Review.tsx'), 'lazy.review')
const Releases = lazy(() => import('./pages/Releases.tsx'), 'release.what')
const ChartsPage = lazy(() => import('./pages/ChartsPage.tsx'), 'lazy.charts')

function route(path: string) {
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p)
    } catch {
      return p
    }
  })
  const [first, id, ...rest] = parts
  if (rest.length > 0) return <NotFound />
  if (!first) return <Overview />
  if (first === 'map' && !id) return <MapPage />
  if (first === 'timeline' && !id) return <TimelinePage />
  if (first === 'charts' && !id) return <ChartsPage />
  if (first === 'about' && !id) return <About />
  if (first === 'signin' && !id) return <SignIn />
  if (first === 'review' && !id) return <Review />
  if (first === 'sources' && id === 'new') return <NewSourcePage />
  if (first === 'projects') return id ? <ProjectPage id={id} key={id} /> : <Explorer />
  if (first === 'localities' && id) return <LocalityPage id={id} key={id} />
  if (first === 'provinces') return id ? <ProvincePage id={id} key={id} /> : <ProvinceList />
  if (first === 'sources') return id ? <SourcePage id={id} key={id} /> : <SourceList />
  if (first === 'releases') return <Releases version={id} key={id ?? ''} />
  return <NotFound />
}

const nav = [
  { href: '/', label: () => t('nav.overview') },
  { href: '/map', label: () => t('nav.map') },
  { href: '/timeline', label: () => t('nav.timeline') },
  { href: '/charts', label: () => t('nav.charts') },
  { href: '/projects', label: () => t('nav.projects') },
  { href: '/sources', label: () => t('nav.sources') },
  { href: '/about', label: () => t('nav.about') },
]

export function App() {
  // Every message is read through t(): a change of language re-renders the whole tree from here.
  const lang = useLanguage()
  // In Korean, province names are shown in hangul: read the provinces once for every page.
  useProvinces(lang === 'ko')
  const loc = useLocation()
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus({ preventScroll: true })
  }, [loc.path])
  // On a phone the navigation is one row that scrolls inside itself: keep the current page's link in view.
  const navRef = useRef<HTMLElement>(null)
  useEffect(() => {
    const reveal = () => {
      const el = navRef.current
      const current = el?.querySelector<HTMLElement>('a[aria-current="page"]')
      if (!el || !current || el.scrollWidth <= el.clientWidth) return
      const box = el.getBoundingClientRect()
      const link = current.getBoundingClientRect()
      // Only as far as needed, and clear of the fade at the right edge.
      if (link.right > box.right - 32) el.scrollLeft += link.right - box.right + 40
      else if (link.left < box.left + 12) el.scrollLeft -= box.left + 12 - link.left
    }
    reveal()
    // The widths change once the web fonts are in.
    void document.fonts?.ready.then(reveal)
  }, [loc.path, lang])

  const filterPage = loc.path === '/projects' || loc.path === '/map'
  const carried = filterPage ? sharedSearch(loc.search) : ''
  const section = '/' + (loc.path.split('/')[1] ?? '')

  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="site-head">
        <a class="brand" href="/">
          <span class="brand-mark" aria-hidden="true">
            20×10
          </span>{' '}
          {t('app.brand')}
        </a>
        <nav aria-label={t('app.mainNav')} ref={navRef}>
          <ul>
            {nav.map((n) => {
              const active = n.href === '/' ? loc.path === '/' : section === n.href
              const href = n.href === '/map' || n.href === '/projects' ? n.href + carried : n.href
              return (
                <li key={n.href}>
                  <a href={href} aria-current={active ? 'page' : undefined}>
                    {n.label()}
                  </a>
                </li>
              )
            })}
            <ReviewLink path={loc.path} active={section === '/review'} />
          </ul>
        </nav>
        <LanguageSwitch />
        <SessionControl />
      </header>
      <main id="main" ref={main} tabIndex={-1} data-lang={lang}>
        <ReleaseBanner />
        <Freshness />
        {route(loc.path)}
        <TwinLinks path={loc.path} search={loc.search} />
      </main>
      <PageEnd />
      <footer class="site-foot">
        <p>
          <Trans
            k="app.footer"
            parts={[
              (text) => (
                <a href="https://creativecommons.org/licenses/by/4.0/" rel="external license">
                  {text}
                </a>
              ),
            ]}
          />{' '}
          <a href="/about">{t('app.footerAbout')}</a> · <a href="/api/openapi.json">API</a>
        </p>
      </footer>
    </>
  )
}
