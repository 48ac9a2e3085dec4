/** The Data Package and "Cite this" say the same thing: title, author, licence and canonical address. */
import { describe, expect, it } from 'vitest'
import { dataPackageFiles } from '../../src/export/datapackage.ts'
import { buildSnapshot } from '../../src/model/snapshot.ts'
import { citeCslJson } from '../../src/web/cite.ts'
import { miniDataset } from '../support/fixtures.ts'

describe('the data package agrees with the citation', () => {
  it('has the same title, author and address, and the licence of the footer', () => {
    const url = 'https://tracker.example.org'
    const descriptor = JSON.parse(dataPackageFiles(buildSnapshot(miniDataset(), 1), { publicUrl: url }).get('datapackage.json')!)
    const [cited] = JSON.parse(citeCslJson({ url, version: 1, accessed: '2026-12-04' }))
    expect(descriptor.title).toBe(cited.title)
    expect(descriptor.contributors).toEqual([{ title: cited.author[0].literal, role: 'author' }])
    expect(descriptor.homepage).toBe(cited.URL)
    expect(descriptor.licenses[0]).toMatchObject({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' })
    // Without TRACKER_PUBLIC_URL there is no canonical address: no homepage rather than a listen address.
    expect(JSON.parse(dataPackageFiles(buildSnapshot(miniDataset(), 1)).get('datapackage.json')!).homepage).toBeUndefined()
  })
})
