/** @module Pages and widgets loaded on demand (map, chart and editing code stays out of the first download). */
import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading } from './components/Notice.tsx'
import { t } from './i18n/i18n.ts'

export interface LazyOptions {
  /** Show nothing while loading (small inline controls), instead of "Loading …". */
  quiet?: boolean
}

/** `what` is the message key of what is loaded ("lazy.map"), read when shown. */
export function lazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, what = 'lazy.page', options: LazyOptions = {}): ComponentType<P> {
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
    if (failed)
      return (
        <p class="error" role="alert">
          {t('lazy.failed', { what: t(what), message: failed.message })}
        </p>
      )
    if (!loaded) return options.quiet ? null : <Loading what={what} />
    const Component = loaded
    return <Component {...props} />
  }
}

/** One named export of a module loaded on demand. */
export function lazyNamed<M, K extends keyof M, P extends object>(load: () => Promise<M>, name: K & string, what: string, options: LazyOptions = {}): ComponentType<P> {
  return lazy<P>(() => load().then((m) => ({ default: m[name] as unknown as ComponentType<P> })), what, options)
}
