/** @module Sets the document title of a page. */
import { useEffect } from 'preact/hooks'
import { t, useLanguage } from './i18n/i18n.ts'

/** `title` is already in the reader's language (a t() message or a name). */
export function useTitle(title: string | null | undefined): void {
  const lang = useLanguage()
  useEffect(() => {
    document.title = title ? t('app.titleOf', { title }) : t('app.title')
  }, [title, lang])
}
