/**
 * @module A small leveled logger writing one structured line per message to stderr, logfmt style:
 * `time=… level=warn msg="failed sign-in for \"x\"" from=127.0.0.1`. Every value is quoted when
 * it needs to be and escaped (quotes, backslashes, control characters such as newlines and ANSI
 * escapes as \n, \u001b…), so nothing a client sends — a user name, a path — can start a line of
 * its own, forge another entry or recolour a terminal.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

// C0 and C1 controls, DEL, the line and paragraph separators, and bidirectional overrides.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** One logfmt value: bare when it is a plain word, else quoted with escapes. */
export function logValue(value: string | number | boolean | null | undefined): string {
  const s = value === undefined || value === null ? '' : String(value)
  if (/^[A-Za-z0-9_.:/@+\-,()[\]]+$/.test(s)) return s
  const escaped = s.replace(/[\\"]/g, (c) => `\\${c}`).replace(unsafe, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
  return `"${escaped}"`
}

const keyOf = (k: string) => k.replace(/[^A-Za-z0-9_]/g, '_') || '_'

export function formatLogLine(level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields = {}, time = new Date()): string {
  const parts = [`time=${time.toISOString()}`, `level=${level}`, `msg=${logValue(message)}`]
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) parts.push(`${keyOf(k)}=${logValue(v)}`)
  return parts.join(' ')
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (order[l] >= order[level]) write(formatLogLine(l, message, fields))
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
