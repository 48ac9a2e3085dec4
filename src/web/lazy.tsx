/** @module Pages and widgets loaded on demand (map, chart and editing code stays out of the first download). */
import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading } from './components/Notice.tsx'

export interface LazyOptions {
  /** Show nothing while loading (small inline controls), instead of "Loading …". */
  quiet?: boolean
}

export function lazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, what = 'page', options: LazyOptions = {}): ComponentType<P> {
  let loaded: ComponentType<P> | null = null
  let failed: Error | null = null
  return function Lazy(props: P) {
    const [, setTick] = useState(0)
    useEffect(() => {
      if (loaded || failed) return
      let live = true
      load().then(
        (m) => {
          loaded = m.default
          if (live) setTick((t) => t + 1)
        },
        (error: unknown) => {
          failed = error instanceof Error ? error : new Error(String(error))
          if (live) setTick((t) => t + 1)
        },
      )
      return () => {
        live = false
      }
    }, [])
    if (failed) return <p class="error" role="alert">Could not load this {what}: {failed.message}. Reload the page to try again.</p>
    if (!loaded) return options.quiet ? null : <Loading what={`the ${what}`} />
    const Component = loaded
    return <Component {...props} />
  }
}

/** One named export of a module loaded on demand. */
export function lazyNamed<M, K extends keyof M, P extends object>(load: () => Promise<M>, name: K & string, what: string, options: LazyOptions = {}): ComponentType<P> {
  return lazy<P>(() => load().then((m) => ({ default: m[name] as unknown as ComponentType<P> })), what, options)
}
