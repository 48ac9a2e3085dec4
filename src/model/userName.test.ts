import { describe, expect, it } from 'vitest'
import { userNameKey, userNameProblem, userNameSkeleton } from './userName.ts'

describe('user names', () => {
  it('folds case and compatibility forms into one key', () => {
    expect(userNameKey('Admin1')).toBe('admin1')
    expect(userNameKey('ａｄｍｉｎ１')).toBe('admin1')
    expect(userNameKey('ＡＤＭＩＮ１')).toBe('admin1')
  })

  it('gives look-alike names the same skeleton', () => {
    const base = userNameSkeleton('admin1')
    for (const lookalike of ['Admin1', 'аdmin1' /* Cyrillic а */, 'ａｄｍｉｎ１', 'αdmin1' /* Greek α */, 'admin|', 'admln1', 'adrnin1', 'ADMIN1', 'аdmіn1' /* Cyrillic а, і */]) {
      expect(userNameSkeleton(lookalike), lookalike).toBe(base)
    }
    expect(userNameSkeleton('pаypаl')).toBe(userNameSkeleton('paypal'))
    expect(userNameSkeleton('ѕсоре')).toBe(userNameSkeleton('scope'))
  })

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['admin1', 'admin2'],
      ['alice', 'bob'],
      ['김철수', '김철호'],
      ['editor', 'editors'],
    ] as const) expect(userNameSkeleton(a), `${a} vs ${b}`).not.toBe(userNameSkeleton(b))
  })

  it('refuses names that mix Latin with Cyrillic or Greek letters, and odd characters', () => {
    expect(userNameProblem('аdmin1')).toMatch(/mixes Latin and Cyrillic/)
    expect(userNameProblem('αdmin')).toMatch(/mixes Latin and Greek/)
    expect(userNameProblem('admin\u200b')).toMatch(/letters, digits/)
    expect(userNameProblem('a b')).toMatch(/letters, digits/)
    expect(userNameProblem('иван')).toBeNull()
    expect(userNameProblem('김철수')).toBeNull()
    expect(userNameProblem('alice.smith@example')).toBeNull()
  })
})
