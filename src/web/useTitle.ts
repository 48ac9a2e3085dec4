/** @module Sets the document title of a page. */
import { useEffect } from 'preact/hooks'

export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · 20×10 Tracker` : '20×10 Tracker'
  }, [title])
}
