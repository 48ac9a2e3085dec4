import { describe, expect, it } from 'vitest'
import { ApiError } from '../api.ts'
import { errorsByField, fieldOf, messageText } from './fieldErrors.ts'

describe('API error details → form fields', () => {
  it('names the field of body, json, query and header paths', () => {
    expect(fieldOf('body.source')).toBe('source')
    expect(fieldOf('json.kinds.0')).toBe('kinds')
    expect(fieldOf('query.x')).toBe('x')
    expect(fieldOf('header.if-match')).toBe('if-match')
    expect(fieldOf('comment')).toBe('comment')
    expect(fieldOf(undefined)).toBeNull()
    expect(fieldOf('')).toBeNull()
  })

  it('keeps the first message of each field', () => {
    const error = new ApiError(400, 'invalid_input', 'json.id: bad', [
      { path: 'json.id', message: 'expected lower-case letters' },
      { path: 'json.url', message: 'Invalid URL' },
      { path: 'json.id', message: 'second message' },
      { message: 'no path' },
    ])
    expect([...errorsByField(error)]).toEqual([
      ['id', 'expected lower-case letters'],
      ['url', 'Invalid URL'],
    ])
    expect(errorsByField(null).size).toBe(0)
  })

  it('drops the request part from a message that names a field', () => {
    expect(messageText('json.url: Invalid URL')).toBe('url: Invalid URL')
    expect(messageText('body.comment: required')).toBe('comment: required')
    expect(messageText('comment: say why')).toBe('comment: say why')
    expect(messageText('json is not valid')).toBe('json is not valid')
  })
})
