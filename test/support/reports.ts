/**
 * @module Reports for the intake tests, written in our own words in the form state-media
 * reports take (a dateline, relative dates, several places in one report). No real article text.
 */

export const reportUrl = 'https://kcna.example/en/article/2025-01-21-factories.html'

/**
 * Against the bundled record: Onchon's inauguration on 20 Jan 2025 (confirms), Unpa's on 14 Jan
 * (the record says 10 Jan: conflicts), a leader visit in Kusong (new) and a groundbreaking in
 * Hoeyang, which has no project yet (new_project).
 */
export const reportText = [
  'Pyongyang, January 21 (KCNA) -- Newly built regional-industry factories were inaugurated in Onchon County, Nampo City, on January 20.',
  'A ceremony inaugurating the local factories of Unpa County, North Hwanghae Province, was held on January 14.',
  'Kim Jong Un visited the construction site of the regional factories in Kusong City on the 18th and gave guidance.',
  'A groundbreaking ceremony for regional-industry factories took place in Hoeyang County, Kangwon Province, on January 19.',
].join('\n')
