/**
 * Vite build of the web app (src/web → dist/web). The API server serves the build (src/api/static.ts);
 * `npm run dev`-style use: `npx vite` proxies /api to a running tracker (TRACKER_API, default :8020).
 */
import preact from '@preact/preset-vite'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { koreaGeo } from './src/web/build/koreaGeo.ts'

/** In `npx vite`, /embed/* loads the embed page (the API server does the same for the build, src/api/static.ts). */
function embedPages(): Plugin {
  return {
    name: 'embed-pages',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/embed(\/|$|\?)/.test(req.url) && !/\.(svg|tsx?|css|js)(\?|$)/.test(req.url)) req.url = '/embed/index.html'
        next()
      })
    },
  }
}

export default defineConfig({
  root: 'src/web',
  publicDir: false,
  plugins: [preact({ devToolsEnabled: false, prerender: { enabled: false } }), koreaGeo(), embedPages()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
    // Two pages: the app, and the embeds (/embed/*, served from embed/index.html without the site's chrome).
    rollupOptions: { input: { app: fileURLToPath(new URL('./src/web/index.html', import.meta.url)), embed: fileURLToPath(new URL('./src/web/embed/index.html', import.meta.url)) } },
  },
  server: {
    proxy: { '/api': process.env.TRACKER_API ?? 'http://127.0.0.1:8020', '^/embed/.*\\.svg$': process.env.TRACKER_API ?? 'http://127.0.0.1:8020' },
  },
})
