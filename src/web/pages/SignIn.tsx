/** @module The sign-in page (/signin): name and password → a session cookie; then back to where the editor came from. */
import { t } from '../i18n/i18n.ts'
import { Trans } from '../i18n/Trans.tsx'
import { useRef, useState } from 'preact/hooks'
import { ApiError } from '../api.ts'
import { navigate, useSearchParams } from '../router.ts'
import { signIn, signOut, useSession } from '../session.ts'
import { safeNext } from '../safeNext.ts'
import { useTitle } from '../useTitle.ts'

export default function SignIn() {
  useTitle(t('session.signIn'))
  const params = useSearchParams()
  const { user } = useSession()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const alert = useRef<HTMLParagraphElement>(null)
  const next = safeNext(params.get('next'), window.location.origin)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(name.trim(), password)
      navigate(next)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'network', String(e))
      setError(err.status === 429 ? t('signin.tooMany', { message: err.message }) : err.status === 401 ? t('signin.wrong') : err.message)
      setBusy(false)
      setTimeout(() => alert.current?.focus(), 0)
    }
  }

  return (
    <div class="page signin">
      <header class="page-head">
        <h1>{t('session.signIn')}</h1>
        <p class="lede">{t('signin.lede')}</p>
      </header>
      {user ? (
        <div class="panel">
          <p>
            <Trans k="signin.as" values={{ name: user.name, role: t(`session.role.${user.role}`) }} parts={[(text) => <strong>{text}</strong>]} />
          </p>
          <p class="form-actions">
            <a href={next}>{t('signin.continue')}</a>
            <button type="button" onClick={() => void signOut()}>
              {t('session.signOut')}
            </button>
          </p>
        </div>
      ) : (
        <form class="edit-form signin-form" onSubmit={submit} noValidate>
          {error ? (
            <p class="form-error" role="alert" tabIndex={-1} ref={alert}>
              {error}
            </p>
          ) : null}
          <div class="field">
            <label for="signin-name">{t('signin.name')}</label>
            <input id="signin-name" name="name" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="signin-password">{t('signin.password')}</label>
            <input id="signin-password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <p class="form-actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('signin.busy') : t('session.signIn')}
            </button>
          </p>
          <p class="hint">
            <Trans k="signin.accounts" parts={[(text) => <code>{text}</code>]} />
          </p>
        </form>
      )}
    </div>
  )
}
