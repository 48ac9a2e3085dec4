/** @module What a page shows while it loads, or when its request failed. `what` is a message key ("what.map"). */
import { t } from '../i18n/i18n.ts'

export function Loading({ what = 'what.data' }: { what?: string }) {
  return (
    <p class="loading" role="status">
      {t('notice.loading', { what: t(what) })}
    </p>
  )
}

export function ErrorNotice({ error, what = 'what.page' }: { error: { status: number; message: string }; what?: string }) {
  const name = t(what)
  return (
    <div class="error" role="alert">
      <h2>{error.status === 404 ? t('notice.notFound') : t('notice.couldNotLoad', { what: name })}</h2>
      <p>
        {error.status === 404
          ? t('notice.noSuch', { what: name.replace(/^the /, '') })
          : error.status === 0 || error.status >= 500
            ? t('notice.serverError', { message: error.message })
            : error.message}
      </p>
      <p>
        <a href="/">{t('notice.back')}</a>
      </p>
    </div>
  )
}
