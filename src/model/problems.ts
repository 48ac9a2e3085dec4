/**
 * @module A bounded list of the problems found in an input: the first hundred are kept with
 * where and what, the rest only counted, so a file of a million bad rows costs a counter rather
 * than a million messages (and a response of hundreds of megabytes).
 */
import { InvalidInputError, type ErrorDetail } from './errors.ts'

/** How many problems an error lists; the rest are counted in a closing line. */
export const maxProblemsListed = 100

export class ProblemList {
  private readonly kept: ErrorDetail[] = []
  private count = 0

  constructor(private readonly cap = maxProblemsListed) {}

  add(problem: ErrorDetail): void {
    this.count++
    if (this.kept.length < this.cap) this.kept.push(problem)
  }

  /** Problems found so far, the ones not kept included. */
  get total(): number {
    return this.count
  }

  /** The kept problems, in the order `compare` gives (found order by default). */
  listed(compare?: (a: ErrorDetail, b: ErrorDetail) => number): ErrorDetail[] {
    return compare ? [...this.kept].sort(compare) : [...this.kept]
  }

  /** An InvalidInputError naming the first problem, listing the kept ones and counting the rest. */
  error(compare?: (a: ErrorDetail, b: ErrorDetail) => number): InvalidInputError {
    return new InvalidInputError(...describeProblems(this.listed(compare), this.count))
  }
}

/** Message and details for `listed` problems out of `total`. */
export function describeProblems(listed: ErrorDetail[], total = listed.length): [string, ErrorDetail[]] {
  const first = listed[0]
  const head = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'the input is not valid'
  const rest = total - listed.length
  const details = rest > 0 ? [...listed, { message: `… and ${rest} more problem(s) not listed (${total} in all)` }] : listed
  return [rest > 0 ? `${head} (${total} problems in all; the first ${listed.length} are listed)` : head, details]
}
