import { describe, expect, it } from 'vitest'
import { normalizeUrl, reportIdOf, textHash } from './reportKey.ts'

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://KCNA.example/en/article/1.html#top', 'https://kcna.example/en/article/1.html'],
    ['https://news.example/a/b/?utm_source=x&id=3', 'https://news.example/a/b/?id=3'],
    ['https://news.example/a/b/', 'https://news.example/a/b'],
    ['https://news.example/?b=2&a=1', 'https://news.example/?a=1&b=2'],
    ['ftp://x.example/file', null],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(normalizeUrl(raw)).toBe(expected))
})

describe('textHash', () => {
  it('ignores white space and Unicode composition, not words', () => {
    expect(textHash('Pyongyang,  January 21\n(KCNA) -- A ceremony')).toBe(textHash('Pyongyang, January 21 (KCNA) -- A ceremony '))
    expect(textHash('Sŏngch\u2019ŏn')).toBe(textHash('So\u0306ngch\u2019o\u0306n'))
    expect(textHash('A ceremony was held')).not.toBe(textHash('A ceremony was not held'))
    expect(reportIdOf(textHash('x'))).toMatch(/^r-[0-9a-f]{16}$/)
  })
})
