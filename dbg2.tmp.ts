import fs from 'node:fs'
import { extractReport } from './src/intake/extractReport.ts'
const g = { localities: JSON.parse(fs.readFileSync('data/gazetteer/localities.json','utf8')), provinces: JSON.parse(fs.readFileSync('data/gazetteer/provinces.json','utf8')) }
const cases = JSON.parse(fs.readFileSync('/work/eval/tune.json','utf8'))
const c = cases.find((x: any) => x.id === process.argv[2])
const r = extractReport({ text: c.text, url: c.url ?? undefined, published: c.published ?? undefined }, g)
console.log(JSON.stringify(r.source), JSON.stringify(r.events.map(e => [e.type, e.locality, e.candidates, e.place_text, e.province, e.province_conflict, e.date, e.date_text, e.leader_present, e.kinds, e.confidence, e.evidence.slice(0, 80)]), null, 0))
