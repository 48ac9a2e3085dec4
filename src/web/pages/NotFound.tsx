/** @module The page for an address the app does not know. */
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { useTitle } from '../useTitle.ts'

export default function NotFound() {
  useTitle(t('notice.notFound'))
  return (
    <div class="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Trans k="notFound.text" parts={[(text) => <a href="/">{text}</a>, (text) => <a href="/projects">{text}</a>, (text) => <a href="/about">{text}</a>]} />
      </p>
    </div>
  )
}
