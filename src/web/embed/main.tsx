/** @module Entry point of the embeds (/embed/*): the app's styles and the embed styles, the interface language (?lang=ko), links kept under a published copy's base, and the embed for the current path. */
import { render } from 'preact'
import { startLanguage } from '../i18n/i18n.ts'
import { installStaticLinks } from '../staticLinks.ts'
import '../styles.css'
import './embed.css'
import { EmbedApp } from './EmbedApp.tsx'

installStaticLinks()
startLanguage()
render(<EmbedApp />, document.getElementById('app')!)
