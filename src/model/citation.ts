/**
 * @module What every citation of the tracker says the same way: the title, the author (the
 * project, as an organisation) and the data licence. The web's "Cite this" (src/web/cite.ts), the
 * Data Package (src/export/datapackage.ts) and a release's CITATION.cff read them from here.
 */

export const citationTitle = "20×10 Tracker: open data on North Korea's Regional Development 20×10 Policy"

/** The author of the dataset, cited as an organisation. */
export const citationAuthor = '20×10 Tracker'

export const dataLicence = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const
