/** @module In a published copy, beside download and data links that carry the page's filters: the copy gives the whole table (one file a table), and says so. */
import { t } from '../i18n/i18n.ts'
import { isFilteredData, isStatic } from '../staticMode.ts'

export function WholeFileNote({ hrefs }: { hrefs: readonly string[] }) {
  if (!isStatic || !hrefs.some(isFilteredData)) return null
  return (
    <span class="whole-file hint" data-testid="whole-file">
      {t('static.wholeTable')}
    </span>
  )
}
