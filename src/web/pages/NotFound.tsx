/** @module The page for an address the app does not know. */
import { useTitle } from '../useTitle.ts'

export default function NotFound() {
  useTitle('Not found')
  return (
    <div class="page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Try <a href="/">the overview</a>, <a href="/projects">the list of projects</a> or <a href="/about">the method</a>.
      </p>
    </div>
  )
}
