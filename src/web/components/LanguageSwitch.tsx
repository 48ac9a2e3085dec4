/**
 * @module The header's language switch (English / 한국어): changes the interface at once, keeps
 * `?lang=ko` in the address so the link shares the language, and remembers the choice.
 */
import { language, setLanguage, t, useLanguage } from '../i18n/i18n.ts'
import { withLanguage, type Language } from '../i18n/language.ts'
import { navigate } from '../router.ts'

const choices: { lang: Language; name: string }[] = [
  { lang: 'en', name: 'English' },
  { lang: 'ko', name: '한국어' },
]

export function LanguageSwitch() {
  const current = useLanguage()
  const choose = (lang: Language) => {
    if (lang === language()) return
    setLanguage(lang)
    navigate(withLanguage(window.location.pathname + window.location.search + window.location.hash, lang, window.location.origin), { replace: true })
  }
  return (
    <div class="lang-switch" role="group" aria-label={t('app.language')} data-testid="lang-switch">
      {choices.map((c) => (
        <button type="button" lang={c.lang} aria-pressed={current === c.lang ? 'true' : 'false'} onClick={() => choose(c.lang)} key={c.lang}>
          {c.name}
        </button>
      ))}
    </div>
  )
}
