/** @module The header's account control: who is signed in (and their role) with "Sign out", or a "Sign in" link. */
import { useState } from 'preact/hooks'
import { t } from '../i18n/i18n.ts'
import { useLocation } from '../router.ts'
import { signOut, useSession } from '../session.ts'
import { isStatic, liveUrl, staticRelease } from '../staticMode.ts'

export function SessionControl() {
  const { known, user } = useSession()
  const loc = useLocation()
  const [busy, setBusy] = useState(false)
  // A published copy has no accounts: it says what it is (its note at the end of the page says more).
  if (isStatic) {
    // A release's copy names its release; any other copy says it is one.
    const badge = staticRelease ? t('static.releaseBadge', { version: staticRelease.version }) : t('static.badge')
    return <div class="session">{liveUrl ? <a href={liveUrl} rel="external" title={liveUrl}>{badge}</a> : badge}</div>
  }
  if (!known) return <div class="session" />
  if (!user) {
    const next = loc.path === '/signin' ? '' : `?next=${encodeURIComponent(loc.path + loc.search)}`
    return (
      <div class="session">
        <a href={`/signin${next}`} class="signin-link" aria-current={loc.path === '/signin' ? 'page' : undefined}>
          {t('session.signIn')}
        </a>
      </div>
    )
  }
  return (
    <div class="session" data-testid="session">
      <span class="who">
        <span class="visually-hidden">{t('session.signedInAs')}</span>
        <strong>{user.name}</strong> <span class="role">{t(`session.role.${user.role}`)}</span>
      </span>{' '}
      <button
        type="button"
        class="link-button"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          void signOut().finally(() => setBusy(false))
        }}
      >
        {t('session.signOut')}
      </button>
    </div>
  )
}
