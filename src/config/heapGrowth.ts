/**
 * @module How far V8 lets the heap of a long-running server grow past what the last full garbage
 * collection kept: a factor of 2 (V8's own choice for devices with little memory) instead of up to
 * 4 on a machine with several gigabytes. At 100× the data the server keeps about 250 MB live, and
 * a full load or a spell of edits made the heap reach 650 MB before a collection (peak resident
 * memory 1,095 MB; 830 MB with this, no slower: bench/memory.bench.ts). Set at run time (V8 reads
 * it at every collection); a --heap-growing-percent given to node itself is left as it is.
 */
import v8 from 'node:v8'

export const heapGrowingPercent = 100

export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if ([...execArgv, nodeOptions].some((a) => /--heap[-_]growing[-_]percent/.test(a))) return false
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
  return true
}
