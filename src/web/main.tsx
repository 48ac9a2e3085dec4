/** @module Entry point of the web app: styles, link interception, and the app rendered into #app. */
import { render } from 'preact'
import { App } from './App.tsx'
import { interceptLinks } from './router.ts'
import './styles.css'

interceptLinks()
render(<App />, document.getElementById('app')!)
