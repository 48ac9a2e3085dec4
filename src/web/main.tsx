/** @module Entry point of the web app: styles, the interface language, link interception (and, in a published copy, links kept under its base), and the app rendered into #app. */
import { render } from 'preact'
import { App } from './App.tsx'
import { startLanguage } from './i18n/i18n.ts'
import { interceptLinks } from './router.ts'
import { installStaticLinks } from './staticLinks.ts'
import './styles.css'

installStaticLinks()
startLanguage()
interceptLinks()
render(<App />, document.getElementById('app')!)
