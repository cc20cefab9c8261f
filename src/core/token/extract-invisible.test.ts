import { describe, expect, it } from 'vitest'
import { extractToken } from './extract'

const T = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'
const at = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i)

describe('extractToken: invisible characters', () => {
  it.each([
    ['a zero-width space', at(T, 50, '\u200b'), ['Removed the invisible character U+200B at position 51.']],
    ['a zero-width non-joiner', at(T, 10, '\u200c'), ['Removed the invisible character U+200C at position 11.']],
    ['a zero-width joiner', at(T, 0, '\u200d'), ['Removed the invisible character U+200D at position 1.']],
    ['a word joiner', at(T, 37, '\u2060'), ['Removed the invisible character U+2060 at position 38.']],
    ['a byte order mark in front', '\ufeff' + T, ['Removed the invisible character U+FEFF at position 1.']],
    ['a soft hyphen', at(T, 90, '\u00ad'), ['Removed the invisible character U+00AD at position 91.']],
    ['a right-to-left override', at(T, 5, '\u202e'), ['Removed the invisible character U+202E at position 6.']],
    ['a tag character (outside the BMP)', at(T, 4, '\u{E0041}'), ['Removed the invisible character U+E0041 at position 5.']],
    ['two of a kind', at(at(T, 50, '\u200b'), 20, '\u200b'), ['Removed the invisible character U+200B at positions 21 and 52.']],
    ['two kinds', at(at(T, 50, '\u200b'), 20, '\u00ad'), ['Removed the invisible character U+00AD at position 21.', 'Removed the invisible character U+200B at position 52.']],
    [
      'seven of a kind',
      '\u200b'.repeat(7) + T,
      ['Removed the invisible character U+200B at positions 1, 2, 3, 4, 5 and 2 more.'],
    ],
    ['inside a Bearer header', `Bearer ${at(T, 3, '\u200b')}`, ['Removed the invisible character U+200B at position 11.', "Removed the 'Bearer' prefix."]],
  ])('%s is removed and named', (_name, input, stripped) => {
    expect(extractToken(input)).toEqual({ token: T, stripped })
  })
})

describe('extractToken: non-ASCII characters', () => {
  const cyr = at(T, 50, '\u0435').slice(0, 50) + '\u0435' + T.slice(51)
  it.each([
    [
      'a Cyrillic look-alike in place of a letter',
      cyr,
      cyr,
      ["The token holds a non-ASCII character: U+0435 'е' at position 51. A token is ASCII only, so it is probably a look-alike letter from a font, a chat app or a translation: retype it."],
    ],
    [
      'a Cyrillic letter at the very start',
      '\u0435' + T.slice(1),
      '\u0435' + T.slice(1),
      ["The token holds a non-ASCII character: U+0435 'е' at position 1. A token is ASCII only, so it is probably a look-alike letter from a font, a chat app or a translation: retype it."],
    ],
    [
      'a Cyrillic letter inside a token inside a sentence (the start is kept)',
      `token: ${cyr} thanks`,
      cyr,
      [
        'Picked the token out of the surrounding text.',
        "The token holds a non-ASCII character: U+0435 'е' at position 51. A token is ASCII only, so it is probably a look-alike letter from a font, a chat app or a translation: retype it.",
      ],
    ],
    [
      'a Greek letter in the header and a Cyrillic one in the signature',
      'ey\u0399' + T.slice(3, 100) + '\u0430' + T.slice(101),
      'ey\u0399' + T.slice(3, 100) + '\u0430' + T.slice(101),
      ["The token holds non-ASCII characters: U+0399 'Ι' at position 3, U+0430 'а' at position 101. A token is ASCII only, so they are probably look-alike letters from a font, a chat app or a translation: retype them."],
    ],
  ])('%s is kept and named', (_name, input, token, stripped) => {
    expect(extractToken(input)).toEqual({ token, stripped })
  })

  it.each([
    ['curly quotes around a token', `\u201c${T}\u201d`],
    ['a non-ASCII sentence around a token', `вот токен ${T} спасибо`],
  ])('%s do not stick to the token', (_name, input) => {
    expect(extractToken(input).token).toBe(T)
  })

  it('says nothing about non-ASCII prose that holds no token', () => {
    expect(extractToken('привет мир').stripped).toEqual([])
  })
})
