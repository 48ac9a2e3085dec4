/** @module A small leveled logger writing one line per message to stderr. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (order[l] >= order[level]) write(`${new Date().toISOString()} ${l.padEnd(5)} ${message}`)
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
