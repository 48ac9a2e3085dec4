/**
 * @module The editing code as components loaded on demand: readers never download it; an
 * editor's first page with editing controls fetches it once. The history is its own chunk.
 */
import type * as Editing from './edit/editing.tsx'
import type HistoryComponent from './edit/History.tsx'
import { lazy, lazyNamed } from './lazy.tsx'

const load = () => import('./edit/editing.tsx')
type Props<K extends keyof typeof Editing> = Parameters<(typeof Editing)[K]> extends [infer P, ...unknown[]] ? (P extends object ? P : Record<string, never>) : Record<string, never>

export const ProjectTools = lazyNamed<typeof Editing, 'ProjectTools', Props<'ProjectTools'>>(load, 'ProjectTools', 'lazy.tools', { quiet: true })
export const EventTools = lazyNamed<typeof Editing, 'EventTools', Props<'EventTools'>>(load, 'EventTools', 'lazy.tools', { quiet: true })
export const PreferClaim = lazyNamed<typeof Editing, 'PreferClaim', Props<'PreferClaim'>>(load, 'PreferClaim', 'lazy.tools', { quiet: true })
export const SourceTools = lazyNamed<typeof Editing, 'SourceTools', Props<'SourceTools'>>(load, 'SourceTools', 'lazy.tools', { quiet: true })
export const DeletedRecord = lazyNamed<typeof Editing, 'DeletedRecord', Props<'DeletedRecord'>>(load, 'DeletedRecord', 'lazy.page')
export const NewSourcePage = lazyNamed<typeof Editing, 'NewSourcePage', Props<'NewSourcePage'>>(load, 'NewSourcePage', 'lazy.page')
export const History = lazy<Parameters<typeof HistoryComponent>[0]>(() => import('./edit/History.tsx'), 'history', { quiet: true })
