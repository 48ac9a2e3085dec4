/** @module The bundled outlines (country, neighbours, provinces), made at build time by build/koreaGeo.ts. */
import type { KoreaGeo } from '../build/koreaGeo.ts'
import data from 'virtual:korea-geo'

export const geo = data as KoreaGeo
