/** @module The rendered width of an element, following resizes (for charts drawn in pixels). */
import { useEffect, useRef, useState } from 'preact/hooks'

export function useWidth<T extends HTMLElement>(initial = 900) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(initial)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setWidth(Math.max(280, Math.floor(el.getBoundingClientRect().width)))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}
