/**
 * @module Unknown query parameters are a 400 naming them, on every GET route: the parameters each
 * route accepts are the ones its definition declares (the same definitions the OpenAPI document
 * is made of). A mistyped filter (`?yaer=2024`) would otherwise be ignored without a word, and
 * every made-up parameter (`?cb=1`, `?cb=2`, …) would be a new URL for the response cache.
 */
import type { MiddlewareHandler } from 'hono'
import { InvalidInputError } from '../model/errors.ts'
import type { AppEnv } from './context.ts'

interface RouteParams {
  pattern: RegExp
  names: Set<string>
}

export interface DeclaredQueries {
  /** Called once all routes are registered: reads what each GET route declares. */
  load(definitions: ReadonlyArray<unknown>): void
  middleware: MiddlewareHandler<AppEnv>
}

export function declaredQueries(): DeclaredQueries {
  const exact = new Map<string, Set<string>>()
  const templated: RouteParams[] = []
  const lookup = (path: string): Set<string> | undefined => exact.get(path) ?? templated.find((r) => r.pattern.test(path))?.names
  return {
    load(definitions) {
      for (const d of definitions as Array<{ type?: string; route?: { method: string; path: string; request?: { query?: { shape?: Record<string, unknown> } } } }>) {
        if (d.type !== 'route' || d.route?.method !== 'get') continue
        const names = new Set(Object.keys(d.route.request?.query?.shape ?? {}))
        const path = d.route.path
        if (!path.includes('{')) exact.set(path, names)
        else templated.push({ pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`), names })
      }
    },
    middleware: async (c, next) => {
      if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !c.req.url.includes('?')) return next()
      const names = lookup(c.req.path)
      if (!names) return next()
      const unknown = [...new Set(new URL(c.req.url).searchParams.keys())].filter((k) => !names.has(k))
      if (unknown.length === 0) return next()
      const known = names.size ? `; this endpoint takes ${[...names].join(', ')}` : '; this endpoint takes no query parameters'
      throw new InvalidInputError(
        `unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 20).join(', ')}${known}`,
        unknown.slice(0, 20).map((k) => ({ path: `query.${k}`, message: 'unknown parameter' })),
      )
    },
  }
}
