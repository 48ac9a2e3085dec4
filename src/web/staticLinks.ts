/**
 * @module Every link of a published copy kept inside its base, in one place: a Preact `options.vnode`
 * hook rewrites `href` and `src` attributes that start with "/" as the element is created (app paths
 * get the base, API addresses become the published files; see staticHref). Installed only in a
 * published copy, so the app served by the tracker renders exactly as before.
 */
import { options, type VNode } from 'preact'
import { isStatic, staticHref } from './staticMode.ts'

export function installStaticLinks(): void {
  if (!isStatic) return
  // For styles that differ in a copy.
  document.documentElement.dataset.static = ''
  const previous = options.vnode
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'string') {
      const props = vnode.props as Record<string, unknown>
      for (const name of ['href', 'src'] as const) {
        const value = props[name]
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) props[name] = staticHref(value)
      }
    }
    previous?.(vnode)
  }
}
