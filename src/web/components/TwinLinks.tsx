/**
 * @module "This page as data: JSON · CSV" above the footer: the API URLs that hold the current
 * page's data, with its filters (see twins.ts); in a published copy the whole file, saying so when the page is filtered.
 */
import { t } from '../i18n/i18n.ts'
import { wholeFileHref } from '../staticMode.ts'
import { twinsOf, type TwinFormat } from '../twins.ts'
import { useApi } from '../useApi.ts'
import { WholeFileNote } from './WholeFileNote.tsx'
import './home.css'

const formatName: Record<TwinFormat, string> = { json: 'JSON', csv: 'CSV', geojson: 'GeoJSON' }
const mediaType: Record<TwinFormat, string> = { json: 'application/json', csv: 'text/csv', geojson: 'application/geo+json' }

export function TwinLinks({ path, search }: { path: string; search: string }) {
  const twins = twinsOf(path, search)
  // The page reads the same URL, so this is answered from the cache; no record, no twin.
  const record = twins.find((x) => x.record)?.record
  const check = useApi<{ items?: { id: string }[] }>(record ? record.href : null)
  const missing = check.error || (record?.id && check.data?.items && !check.data.items.some((x) => x.id === record.id))
  if (twins.length === 0 || missing) return null
  const twice = (format: TwinFormat) => twins.filter((x) => x.format === format).length > 1
  return (
    <p class="twins" data-testid="twins">
      <span class="twins-label">{t('twins.label')}</span>{' '}
      {twins.map((x, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={wholeFileHref(x.href)} type={mediaType[x.format]} data-twin={x.format} title={t(x.what)} key={x.href}>
            {twice(x.format) ? t('twins.formatWhat', { format: formatName[x.format], what: t(x.what) }) : formatName[x.format]}
          </a>
        </>
      ))}{' '}
      <WholeFileNote hrefs={twins.map((x) => x.href)} />
    </p>
  )
}
