/**
 * @module Every setting of the tracker, declared once with its environment variable, default and
 * help text. README's configuration table is checked against this list by a test.
 */
import { isIP } from 'node:net'
import { ConfigError } from '../model/errors.ts'

export interface Setting<T> {
  env: string
  default: string | undefined
  help: string
  parse: (raw: string) => T
}

function integer(env: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw)
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ConfigError(`${env}=${raw} is not valid: expected a whole number from ${min} to ${max}`)
    }
    return n
  }
}

function oneOf<const T extends string>(env: string, values: readonly T[]) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${env}=${raw} is not valid: expected one of ${values.join(', ')}`)
    return raw as T
  }
}

function databaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: expected postgres://user:password@host:port/database`)
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got ${url.protocol}//)`)
  }
  if (!url.hostname && !url.searchParams.get('host')) throw new ConfigError('DATABASE_URL has no host')
  return raw
}

function httpUrl(env: string) {
  return (raw: string): string => {
    try {
      const url = new URL(raw.replaceAll(/\{[xyzs]\}/g, '0'))
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error()
      return raw
    } catch {
      throw new ConfigError(`${env}=${raw} is not an http(s) URL`)
    }
  }
}

/** A comma-separated list of IP addresses and CIDR blocks ("127.0.0.1, 10.0.0.0/8, ::1"). */
function addressList(env: string) {
  return (raw: string): string[] => {
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean)
    for (const item of items) {
      const [address, bits, extra] = item.split('/')
      const family = isIP(address ?? '')
      const max = family === 4 ? 32 : 128
      if (!family || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(bits) || Number(bits) > max))) {
        throw new ConfigError(`${env}=${raw} is not valid: "${item}" is not an IP address or CIDR block (e.g. 127.0.0.1, 10.0.0.0/8, ::1)`)
      }
    }
    if (items.length === 0) throw new ConfigError(`${env} is empty: list the addresses of the proxies you trust, e.g. 127.0.0.1`)
    return items
  }
}

/** Feed URLs separated by commas or white space, each http(s). */
function urlList(env: string) {
  return (raw: string): string[] => {
    const items = [...new Set(raw.split(/[\s,]+/).filter(Boolean))]
    for (const item of items) httpUrl(env)(item)
    if (items.length === 0) throw new ConfigError(`${env} is empty: list feed URLs separated by commas or spaces`)
    return items
  }
}

/** A duration such as 90s, 15m, 2h or 1d (a bare number is minutes), in milliseconds. */
function duration(env: string, minMs: number, maxMs: number) {
  const unit: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
  return (raw: string): number => {
    const m = /^\s*(\d{1,7})\s*([smhd]?)\s*$/i.exec(raw)
    const ms = m ? Number(m[1]) * unit[(m[2] || 'm').toLowerCase()]! : NaN
    if (!(ms >= minMs && ms <= maxMs)) throw new ConfigError(`${env}=${raw} is not valid: expected a duration from ${minMs / 1000}s to ${maxMs / 86_400_000}d, e.g. 15m, 2h, 1d`)
    return ms
  }
}

export const settings = {
  port: {
    env: 'PORT',
    default: '8020',
    help: 'TCP port the web app and API listen on.',
    parse: integer('PORT', 0, 65535),
  },
  host: {
    env: 'HOST',
    default: '127.0.0.1',
    help: 'Address to listen on; 0.0.0.0 to accept connections from other machines.',
    parse: (raw: string) => raw,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    default: undefined,
    help: 'PostgreSQL connection URL. When set, the tracker uses this PostgreSQL database instead of the embedded one.',
    parse: databaseUrl,
  },
  dataDir: {
    env: 'TRACKER_DATA_DIR',
    default: './.tracker',
    help: 'Directory of the embedded database (PGlite). Used when DATABASE_URL is not set; one process at a time.',
    parse: (raw: string) => raw,
  },
  releasesDir: {
    env: 'TRACKER_RELEASES_DIR',
    default: undefined,
    help: 'Directory of the releases (`tracker release`), one immutable folder each, served by /api/releases. Unset: the folder releases inside TRACKER_DATA_DIR (also with PostgreSQL). Several instances over one PostgreSQL database must share this directory (e.g. a shared volume) to see the same releases.',
    parse: (raw: string) => raw,
  },
  maxBodyBytes: {
    env: 'TRACKER_MAX_BODY_BYTES',
    default: String(5 * 1024 * 1024),
    help: 'Largest request body the API accepts, in bytes; larger requests get 413.',
    parse: integer('TRACKER_MAX_BODY_BYTES', 1024, 1024 * 1024 * 1024),
  },
  shutdownTimeoutMs: {
    env: 'TRACKER_SHUTDOWN_TIMEOUT_MS',
    default: '10000',
    help: 'On SIGTERM/SIGINT, how long in-flight requests may take to finish before the server closes anyway.',
    parse: integer('TRACKER_SHUTDOWN_TIMEOUT_MS', 0, 600_000),
  },
  pollIntervalMs: {
    env: 'TRACKER_POLL_INTERVAL_MS',
    default: '1000',
    help: 'With PostgreSQL: how often to check for writes made by other instances, besides LISTEN/NOTIFY.',
    parse: integer('TRACKER_POLL_INTERVAL_MS', 50, 3_600_000),
  },
  snapshotCache: {
    env: 'TRACKER_SNAPSHOT_CACHE',
    default: 'auto',
    help: 'Persist the read model\'s snapshot in TRACKER_DATA_DIR so that `tracker serve` answers from it at start instead of reading every record again: on, off, or auto (on with the embedded database, off with PostgreSQL, where it is opt-in). A file whose data version, last write, schema or code differs from the database and the server is ignored.',
    parse: oneOf('TRACKER_SNAPSHOT_CACHE', ['auto', 'on', 'off'] as const),
  },
  logLevel: {
    env: 'TRACKER_LOG_LEVEL',
    default: 'info',
    help: 'How much the server logs to stderr: debug, info, warn, error or silent.',
    parse: oneOf('TRACKER_LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const),
  },
  today: {
    env: 'TRACKER_TODAY',
    default: undefined,
    help: "Pretend today is this date (YYYY-MM-DD) for figures that depend on it (years begun, projection, where the timeline's bars of projects still under construction end); to reproduce a past run.",
    parse: (raw: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new ConfigError(`TRACKER_TODAY=${raw} is not a date YYYY-MM-DD`)
      return raw
    },
  },
  publicUrl: {
    env: 'TRACKER_PUBLIC_URL',
    default: undefined,
    help: 'The address people and tools reach the tracker at, e.g. https://tracker.example.org; links the server hands out (feeds, the reconciliation service\'s view and preview URLs) start with it, never the request\'s Host. Unset: http://localhost:PORT.',
    parse: (raw: string) => httpUrl('TRACKER_PUBLIC_URL')(raw).replace(/\/+$/, ''),
  },
  tileUrl: {
    env: 'TRACKER_TILE_URL',
    default: undefined,
    help: 'Optional online tile layer drawn under the web map, a Web Mercator URL template such as https://tile.example.org/{z}/{x}/{y}.png ({s} is replaced by "a"); without it the map uses only the bundled outlines and works offline.',
    parse: httpUrl('TRACKER_TILE_URL'),
  },
  tileAttribution: {
    env: 'TRACKER_TILE_ATTRIBUTION',
    default: undefined,
    help: 'Credit line the tile provider requires, shown under the map when TRACKER_TILE_URL is set.',
    parse: (raw: string) => raw.slice(0, 300),
  },
  // Limits on the work one request may cause (docs/security.md lists each and its test).
  maxUnzippedBytes: {
    env: 'TRACKER_MAX_UNZIPPED_BYTES',
    default: String(50 * 1024 * 1024),
    help: 'Largest uncompressed size of all the files of an imported zip together, in bytes; counted while inflating, reading stops with 413 at the cap.',
    parse: integer('TRACKER_MAX_UNZIPPED_BYTES', 1024, 4 * 1024 * 1024 * 1024),
  },
  maxZipEntryBytes: {
    env: 'TRACKER_MAX_ZIP_ENTRY_BYTES',
    default: String(25 * 1024 * 1024),
    help: 'Largest uncompressed size of one file of an imported zip, in bytes; larger files stop the import with 413.',
    parse: integer('TRACKER_MAX_ZIP_ENTRY_BYTES', 1024, 4 * 1024 * 1024 * 1024),
  },
  maxZipEntries: {
    env: 'TRACKER_MAX_ZIP_ENTRIES',
    default: '100',
    help: 'Most files (folders included) an imported zip may list; more gets 413 before anything is inflated.',
    parse: integer('TRACKER_MAX_ZIP_ENTRIES', 1, 65_535),
  },
  previewsPerMinute: {
    env: 'TRACKER_PREVIEWS_PER_MINUTE',
    default: '20',
    help: 'Anonymous import previews (POST /api/import) one client address may run a minute; more get 429 with Retry-After. Signed-in editors are not limited.',
    parse: integer('TRACKER_PREVIEWS_PER_MINUTE', 1, 1_000_000),
  },
  cacheMaxBytes: {
    env: 'TRACKER_CACHE_MAX_BYTES',
    default: String(64 * 1024 * 1024),
    help: 'Most bytes of response bodies the read cache keeps in memory; the least recently used are dropped first.',
    parse: integer('TRACKER_CACHE_MAX_BYTES', 0, 16 * 1024 * 1024 * 1024),
  },
  headersTimeoutMs: {
    env: 'TRACKER_HEADERS_TIMEOUT_MS',
    default: '10000',
    help: "How long a client may take to send a request's headers, in milliseconds; slower connections are closed.",
    parse: integer('TRACKER_HEADERS_TIMEOUT_MS', 100, 600_000),
  },
  requestTimeoutMs: {
    env: 'TRACKER_REQUEST_TIMEOUT_MS',
    default: '60000',
    help: 'How long a client may take to send a whole request (headers and body), in milliseconds; slower requests get 408 and are closed.',
    parse: integer('TRACKER_REQUEST_TIMEOUT_MS', 100, 3_600_000),
  },
  maxConnections: {
    env: 'TRACKER_MAX_CONNECTIONS',
    default: '1000',
    help: 'Most open client connections the server holds at once; further connections are closed on arrival.',
    parse: integer('TRACKER_MAX_CONNECTIONS', 1, 1_000_000),
  },
  trustedProxy: {
    env: 'TRACKER_TRUSTED_PROXY',
    default: undefined,
    help: 'Addresses of reverse proxies you trust, comma-separated IPs or CIDR blocks (e.g. 127.0.0.1,10.0.0.0/8). Only a request arriving from one of them has its client address read from X-Forwarded-For (the rightmost address that is not a trusted proxy); without it the socket address is used and X-Forwarded-For is ignored. Sign-in limits count per client address.',
    parse: addressList('TRACKER_TRUSTED_PROXY'),
  },
  tokenDays: {
    env: 'TRACKER_TOKEN_DAYS',
    default: '90',
    help: 'Days a new API token works unless its creator chooses otherwise (0 = never expires).',
    parse: integer('TRACKER_TOKEN_DAYS', 0, 3650),
  },
  feeds: {
    env: 'TRACKER_FEEDS',
    default: undefined,
    help: 'RSS, Atom or JSON Feed URLs (separated by commas or spaces) the server polls for new reports; each new item goes into the review queue once. Unset: no polling.',
    parse: urlList('TRACKER_FEEDS'),
  },
  feedIntervalMs: {
    env: 'TRACKER_FEED_INTERVAL',
    default: '15m',
    help: 'How often the server (and `tracker intake --watch`) polls each feed: 90s, 15m, 2h, 1d; a feed that fails is retried after 1 min, then ever less often (doubling, up to 6 h).',
    parse: duration('TRACKER_FEED_INTERVAL', 10_000, 7 * 86_400_000),
  },
} satisfies Record<string, Setting<unknown>>

export type SettingName = keyof typeof settings
