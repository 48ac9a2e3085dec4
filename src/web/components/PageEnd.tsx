/** @module The end of every page, above the footer: the note of a published copy (when it is one) and "Cite this page". */
import { StaticNote } from '../staticModeNote.tsx'
import { CitePage } from './CiteThis.tsx'
import './PageEnd.css'

export function PageEnd() {
  return (
    <div class="page-end">
      <StaticNote />
      <CitePage />
    </div>
  )
}
