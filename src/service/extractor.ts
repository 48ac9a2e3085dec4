/**
 * @module The intake's extractor over the record as it is now: the gazetteer and the projects of
 * the current snapshot (built once per snapshot), with HTML reduced to its article first — a page
 * without an article is refused, not read as its menus and footers.
 */
import { createExtractor, type Extractor } from '../intake/extractReport.ts'
import { htmlToText } from '../intake/htmlText.ts'
import { InvalidInputError } from '../model/errors.ts'
import type { Snapshot } from '../model/snapshot.ts'
import type { Extract, ExtractedReport, ReportIn } from './intake.ts'

const extractors = new WeakMap<Snapshot, Extractor>()

function extractorOf(snapshot: Snapshot): Extractor {
  let e = extractors.get(snapshot)
  if (!e) {
    const gazetteer = { localities: snapshot.dataset.localities, provinces: snapshot.dataset.provinces }
    e = createExtractor(gazetteer, { projects: snapshot.dataset.projects.map((p) => ({ locality: p.locality_id, kinds: p.kinds })) })
    extractors.set(snapshot, e)
  }
  return e
}

/** Reads one report against the snapshot's gazetteer and projects. */
export const extractWithRecord: Extract = (input: ReportIn, snapshot: Snapshot): ExtractedReport => {
  const known = {
    ...(input.url ? { url: input.url } : {}),
    ...(input.published ? { published: input.published } : {}),
    ...(input.language ? { language: input.language } : {}),
  }
  if (typeof input.html === 'string') {
    const page = htmlToText(input.html)
    if (!page.article || page.text.trim().length < 80) {
      throw new InvalidInputError('the HTML page holds no article text (only navigation or boilerplate): send the article page, or its text', [{ path: 'body.html', message: 'no article found' }])
    }
    const title = input.title ?? page.title ?? undefined
    return extractorOf(snapshot).extract({ text: page.text, ...known, ...(title ? { title } : {}) }) as ExtractedReport
  }
  return extractorOf(snapshot).extract({ text: input.text ?? '', ...known, ...(input.title ? { title: input.title } : {}) }) as ExtractedReport
}
