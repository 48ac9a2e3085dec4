/** @module The end of every page, above the footer: the note of a published copy (when it is one), "View this page as of release …" (when there is one) and "Cite this page". */
import { useLocation } from '../router.ts'
import { StaticNote } from '../staticModeNote.tsx'
import { AsOfRelease } from './AsOfRelease.tsx'
import { CitePage } from './CiteThis.tsx'
import './PageEnd.css'

export function PageEnd() {
  const loc = useLocation()
  return (
    <div class="page-end">
      <StaticNote />
      <AsOfRelease path={loc.path} search={loc.search} />
      <CitePage />
    </div>
  )
}
