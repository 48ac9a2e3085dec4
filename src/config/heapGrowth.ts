/**
 * @module How far V8 lets the heap of a long-running server grow past what the last full garbage
 * collection kept: a factor of 1.75 (V8 picks 1.3–2 on devices with little memory) instead of up
 * to 4 on a machine with several gigabytes. At 100× the data the server keeps 250–300 MB live, and
 * a full load or the first edits (the integrity check's full pass) let the heap reach 650 MB of
 * mostly garbage before a collection: peak resident memory 1,150 MB with V8's default, 810–840 MB
 * with this, reads no slower (bench/memory.bench.ts; a factor of 2 gave 830–1,000 MB). Set at run
 * time (V8 reads it at every collection); a --heap-growing-percent given to node is left as it is.
 */
import v8 from 'node:v8'

export const heapGrowingPercent = 75

export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if ([...execArgv, nodeOptions].some((a) => /--heap[-_]growing[-_]percent/.test(a))) return false
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
  return true
}
