import { describe, expect, it } from 'vitest'
import { safeNext } from './safeNext.ts'

const origin = 'http://localhost:8020'

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/projects/20x10.2024.south-pyongan.songchon', origin)).toBe('/projects/20x10.2024.south-pyongan.songchon')
    expect(safeNext('/explorer?year=2025&province=kangwon#list', origin)).toBe('/explorer?year=2025&province=kangwon#list')
    expect(safeNext('http://localhost:8020/map', origin)).toBe('/map')
  })

  it('sends everything that would leave the site to the overview', () => {
    for (const bad of [
      '/\\127.0.0.2:1/pwn', // what /signin?next=/%5C127.0.0.2:1/pwn decodes to
      '/%5C127.0.0.2:1/pwn'.replace('%5C', '\\'),
      '//evil.example/x',
      '/\t/evil.example/x',
      '/\n/evil.example',
      '\\\\evil.example',
      ' //evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://localhost:8021/',
      'http://localhost:8020@evil.example/',
    ]) {
      const got = safeNext(bad, origin)
      expect(new URL(got, origin).origin, JSON.stringify(bad)).toBe(origin)
      expect(got, JSON.stringify(bad)).toBe('/')
    }
  })

  it('does not loop back to the sign-in page', () => {
    expect(safeNext('/signin?next=/signin', origin)).toBe('/')
    expect(safeNext(null, origin)).toBe('/')
    expect(safeNext('', origin)).toBe('/')
  })
})
