import fs from 'node:fs'
import { createPlaceFinder } from './src/intake/places.ts'
const g = { localities: JSON.parse(fs.readFileSync('data/gazetteer/localities.json','utf8')), provinces: JSON.parse(fs.readFileSync('data/gazetteer/provinces.json','utf8')) }
const f = createPlaceFinder(g)
for (const t of process.argv.slice(2)) {
  console.log(t.slice(0,60), JSON.stringify(f.findPlaces(t).map(p=>[p.text,p.unit,p.spotted])), JSON.stringify(f.findProvinces(t).map(p=>[p.text,p.id,p.bare])))
}
console.log(JSON.stringify(f.resolver.resolveLocality('Soncheon County', {province:'south-pyongan'})))
const t = "SEOUL, December 21st. /tass/. North Korean leader Kim Jong-un inspected factories in Soncheon County in Pyongan-Namdo Province, built under the 20x10 regional development program. This is"
console.log(JSON.stringify(f.findProvinces(t)))
console.log(f.nearInProvince('Soncheon County', 'south-pyongan'))
