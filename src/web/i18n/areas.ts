/**
 * @module The catalogues of the interface's areas (overview and freshness, charts, editing,
 * publishing, the timeline, the map's zoom), each kept in its own file so the areas can grow without touching one another.
 */
import * as charts from './areas/charts.ts'
import * as edit from './areas/edit.ts'
import * as home from './areas/home.ts'
import * as map from './areas/map.ts'
import * as publish from './areas/publish.ts'
import * as timeline from './areas/timeline.ts'

const areas = [home, charts, edit, publish, timeline, map]

export const areasEn: Record<string, string> = Object.assign({}, ...areas.map((a) => a.en))
export const areasKo: Record<string, string> = Object.assign({}, ...areas.map((a) => a.ko))
