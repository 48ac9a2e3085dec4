/** @module Shared pieces of route definitions: the error shape and JSON response helpers for the OpenAPI document. */
import { z } from 'zod'

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. invalid_input, not_found.'),
      message: z.string().describe('One line a person can act on.'),
      details: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' })

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export const errorResponses = {
  400: json(ErrorSchema, 'Invalid input; `details` names each offending field.'),
  503: json(ErrorSchema, 'The database is unavailable.'),
} as const

export const notFound = { 404: json(ErrorSchema, 'No such record.') } as const

/** A list response: `{ items, total }`. */
export function listOf<T extends z.ZodType>(item: T, id: string, extra: z.ZodRawShape = {}) {
  return z.object({ items: z.array(item), total: z.number().int().describe('Matching items before limit/offset.'), ...extra }).meta({ id })
}
