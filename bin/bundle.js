/**
 * @module The command line bundled for `tracker serve`: esbuild turns the TypeScript sources into
 * a few JavaScript chunks once, kept in node_modules/.cache/tracker-bundle/. Loading them takes
 * about a fifth of the time tsx's loader needs for the same ~650 modules (bench/startup.bench.ts).
 *
 * Never stale: the bundle is named by a hash of the exact bytes of every source file it was built
 * from (esbuild's own list of inputs, hashed as the build read them), of esbuild's and Node's
 * versions and of this file. Each start hashes those files again; any difference means a new
 * build. Packages stay outside the bundle (loaded from node_modules as usual), and each file's
 * import.meta.url keeps pointing at the source file, so paths relative to it (migrations, data,
 * the web app) resolve as before.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const defaultRoot = fileURLToPath(new URL('..', import.meta.url))
const self = fileURLToPath(import.meta.url)

function fingerprint(root, files, esbuildVersion, read = (f) => fs.readFileSync(path.join(root, f))) {
  const hash = createHash('sha256')
  hash.update(`${esbuildVersion} ${process.version}\0`)
  hash.update(fs.readFileSync(self))
  for (const file of [...files].sort()) {
    hash.update(`\0${file}\0`)
    hash.update(read(file))
  }
  return hash.digest('hex').slice(0, 24)
}

/** The bundle's entry when the cached one was built from the sources as they are now, else null. */
function cached(root, dir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    const current = fingerprint(root, manifest.inputs, manifest.esbuild)
    const main = path.join(dir, manifest.hash, 'main.js')
    return current === manifest.hash && fs.existsSync(main) ? main : null
  } catch {
    return null
  }
}

async function build(root, dir) {
  const esbuild = await import('esbuild')
  const read = new Map()
  const tmp = path.join(dir, `.build-${process.pid}-${Date.now()}`)
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outdir: tmp,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'source-urls',
        setup(b) {
          b.onLoad({ filter: /\.(ts|js|mjs|json)$/ }, async (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
            const bytes = await fs.promises.readFile(args.path)
            read.set(path.relative(root, args.path), bytes)
            const text = bytes.toString('utf8')
            const url = JSON.stringify(pathToFileURL(args.path).href)
            return { contents: text.replaceAll('import.meta.url', url), loader: args.path.endsWith('.json') ? 'json' : args.path.endsWith('.ts') ? 'ts' : 'js' }
          })
        },
      },
    ],
  })
  const inputs = Object.keys(result.metafile.inputs).map((f) => path.relative(root, path.resolve(root, f)))
  for (const f of inputs) if (!read.has(f)) throw new Error(`bundle: ${f} was not read by the build`)
  const hash = fingerprint(root, inputs, esbuild.version, (f) => read.get(f))
  const target = path.join(dir, hash)
  try {
    fs.renameSync(tmp, target)
  } catch {
    // Another process built the same sources at the same time: theirs is as good.
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const manifestTmp = path.join(dir, `.manifest-${process.pid}.json`)
  fs.writeFileSync(manifestTmp, JSON.stringify({ hash, esbuild: esbuild.version, inputs }))
  fs.renameSync(manifestTmp, path.join(dir, 'manifest.json'))
  // Builds of older sources go after a day (not at once: a server still running one loads its
  // lazy chunks from it), and so do builds left half-done.
  const dayAgo = Date.now() - 86_400_000
  for (const name of fs.readdirSync(dir)) {
    if (name === hash || name === 'manifest.json') continue
    const full = path.join(dir, name)
    if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true })
  }
  return path.join(target, 'main.js')
}

/**
 * The entry of a bundle of the current sources, built if need be; null when it cannot be had
 * (no esbuild, a read-only install): the caller then runs the sources through tsx. `root` is the
 * project's folder (src/cli/main.ts is the entry); tests point it elsewhere.
 */
export async function bundledMain(root = defaultRoot) {
  const dir = path.join(root, 'node_modules', '.cache', 'tracker-bundle', createHash('sha256').update(root).digest('hex').slice(0, 12))
  try {
    const found = cached(root, dir)
    if (found) return found
    fs.mkdirSync(dir, { recursive: true })
    return await build(root, dir)
  } catch {
    return null
  }
}
