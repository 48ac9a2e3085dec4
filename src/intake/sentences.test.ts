/** Sentence splitting keeps dates whole (fixtures in our own words). */
import { describe, expect, it } from 'vitest'
import { splitSentences } from './sentences.ts'

describe('splitSentences', () => {
  it('does not end a German sentence at the day of a date', () => {
    const s = splitSentences('Am 20. Dezember wurden die Betriebe des Kreises eingeweiht. Danach gab es ein Konzert.')
    expect(s.map((x) => x.text)).toEqual(['Am 20. Dezember wurden die Betriebe des Kreises eingeweiht.', 'Danach gab es ein Konzert.'])
  })

  it('still ends a sentence after a number that closes it', () => {
    expect(splitSentences('Es waren 20. Dann kamen mehr.').length).toBe(2)
  })
})
