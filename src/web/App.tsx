/**
 * @module The app shell: header with navigation and the account control, the page for the
 * current URL, the footer. Map, timeline and the editing code are loaded on demand; everything
 * else is in the first download.
 */
import { useEffect, useRef } from 'preact/hooks'
import { ReviewLink } from './components/ReviewLink.tsx'
import { SessionControl } from './components/SessionControl.tsx'
import { NewSourcePage } from './editing.ts'
import { sharedSearch } from './filters.ts'
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

const MapPage = lazy(() => import('./pages/MapPage.tsx'), 'map')
const TimelinePage = lazy(() => import('./pages/TimelinePage.tsx'), 'timeline')
const Review = lazy(() => import('./pages/Review.tsx'), 'review page')

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
  if (first === 'about' && !id) return <About />
  if (first === 'signin' && !id) return <SignIn />
  if (first === 'review' && !id) return <Review />
  if (first === 'sources' && id === 'new') return <NewSourcePage />
  if (first === 'projects') return id ? <ProjectPage id={id} key={id} /> : <Explorer />
  if (first === 'localities' && id) return <LocalityPage id={id} key={id} />
  if (first === 'provinces') return id ? <ProvincePage id={id} key={id} /> : <ProvinceList />
  if (first === 'sources') return id ? <SourcePage id={id} key={id} /> : <SourceList />
  return <NotFound />
}

const nav = [
  { href: '/', label: 'Overview' },
  { href: '/map', label: 'Map' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/projects', label: 'Projects' },
  { href: '/sources', label: 'Sources' },
  { href: '/about', label: 'About' },
]

export function App() {
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

  const filterPage = loc.path === '/projects' || loc.path === '/map'
  const carried = filterPage ? sharedSearch(loc.search) : ''
  const section = '/' + (loc.path.split('/')[1] ?? '')

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site-head">
        <a class="brand" href="/">
          <span class="brand-mark" aria-hidden="true">
            20×10
          </span>{' '}
          Tracker
        </a>
        <nav aria-label="Main">
          <ul>
            {nav.map((n) => {
              const active = n.href === '/' ? loc.path === '/' : section === n.href
              const href = n.href === '/map' || n.href === '/projects' ? n.href + carried : n.href
              return (
                <li key={n.href}>
                  <a href={href} aria-current={active ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              )
            })}
            <ReviewLink path={loc.path} active={section === '/review'} />
          </ul>
        </nav>
        <SessionControl />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route(loc.path)}
      </main>
      <footer class="site-foot">
        <p>
          20×10 Tracker — open data on North Korea's Regional Development 20×10 Policy. Data <a href="https://creativecommons.org/licenses/by/4.0/" rel="external license">CC BY 4.0</a> (includes GeoNames), code MIT.{' '}
          <a href="/about">Method, sources and how to cite</a> · <a href="/api/openapi.json">API</a>
        </p>
      </footer>
    </>
  )
}
