import { describe, expect, it } from 'vitest'
import { ApiError } from '../api.ts'
import { checkFields, checkValue, errorsByField, fieldOf, humanMessage, messageText } from './fieldErrors.ts'

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
      ['url', 'Enter the full address, starting with https://'],
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

describe('messages in words a person uses', () => {
  it("words the API's technical messages for the fields the form knows", () => {
    expect(humanMessage('date', '"" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD')).toBe('Enter the date of the event, e.g. 2025-06-14 or 2025-06')
    expect(humanMessage('date', '"June" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD')).toBe('Enter a date that exists, as 2025, 2025-06 or 2025-06-14')
    expect(humanMessage('published', 'month 13 does not exist')).toBe('Enter the publication date as 2025, 2025-06 or 2025-06-14')
    expect(humanMessage('source', 'required for a new fact')).toBe('Choose the source that reports this')
    expect(humanMessage('comment', 'required: why this change')).toBe('Say in a few words why you make this change')
    // A message about the data itself stays as the API says it.
    expect(humanMessage('date', 'the event is dated after its source was published (2025-02)')).toBe('the event is dated after its source was published (2025-02)')
  })

  it('checks every field before sending: all problems at once, in the order of the form', () => {
    expect(checkValue('', { required: true })).toBe('missing')
    expect(checkValue('', { date: true })).toBeNull()
    expect(checkValue('2025-13', { date: true })).toBe('date')
    expect(checkValue('2025-06', { date: true, required: true })).toBeNull()
    expect(checkValue('ok', { required: true, minLength: 3 })).toBe('missing')
    expect(checkValue('not a url', { url: true })).toBe('url')
    expect(checkValue('https://kcna.kp/en/article/1', { url: true })).toBeNull()
    expect(checkValue([], { required: true })).toBe('missing')
    expect(checkValue(null, { required: true })).toBe('missing')
    const problems = checkFields([
      { name: 'type', value: 'completion', rule: { required: true } },
      { name: 'date', value: '', rule: { required: true, date: true } },
      { name: 'source', value: null, rule: { required: true } },
      { name: 'notes', value: '', rule: {} },
      { name: 'place', value: '', rule: { required: true }, label: 'Place' },
      { name: 'comment', value: '', rule: { required: true, minLength: 3 } },
    ])
    expect(problems).toEqual([
      { path: 'date', message: 'Enter the date of the event, e.g. 2025-06-14 or 2025-06' },
      { path: 'source', message: 'Choose the source that reports this' },
      { path: 'place', message: 'Fill in “Place”' },
      { path: 'comment', message: 'Say in a few words why you make this change' },
    ])
  })
})
