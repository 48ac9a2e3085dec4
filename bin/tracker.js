#!/usr/bin/env node
// The `tracker` command. `tracker serve` runs the sources bundled by esbuild (bin/bundle.js:
// rebuilt whenever a source file differs, so never stale), which loads several times faster;
// every other command, and serve when no bundle can be had, runs the TypeScript sources directly
// through tsx's loader.
const main = process.argv[2] === 'serve' ? await (await import('./bundle.js')).bundledMain() : null
if (main) {
  await import(main)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
