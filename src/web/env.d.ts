/// <reference types="vite/client" />

/** Made at build time by build/koreaGeo.ts; typed in map/geoData.ts. */
declare module 'virtual:korea-geo' {
  const geo: unknown
  export default geo
}
