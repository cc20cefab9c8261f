/**
 * The extractor on about a megabyte of hostile text around (or instead of) a token: the wrappers it
 * strips, repeated, and the near-matches of its patterns. The test timeout is a hang guard.
 */
import { describe, expect, it } from 'vitest'
import { extractToken } from './extract'

const MB = 1_000_000
// Generous, for a loaded machine: a quadratic step on these inputs would take minutes.
const HANG_GUARD = 30_000
const T = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'
/** A token whose payload is a megabyte of base64url. */
const BIG = `eyJhbGciOiJIUzI1NiJ9.${'e'.repeat(MB)}.c2ln`
const mega = (text: string): string => text.repeat(Math.ceil(MB / text.length))

describe('extractToken on a megabyte of hostile text', () => {
  it.each<[string, () => string, string | (() => string), readonly string[]]>([
    ['a token after a megabyte of spaces', () => `${' '.repeat(MB)}Bearer ${T}`, T, ['Removed surrounding spaces and line breaks.', "Removed the 'Bearer' prefix."]],
    ['only spaces and line breaks', () => mega(' \r\n\t'), '', []],
    ['a megabyte of double quotes', () => '"'.repeat(MB), () => '"'.repeat(MB - 24), ['Removed the surrounding quotes.']],
    ['a megabyte of "a."', () => mega('a.'), () => mega('a.'), []],
    ['a megabyte of dots', () => '.'.repeat(MB), () => '.'.repeat(MB), []],
    ['a megabyte of words, then a token', () => `${mega('lorem ')}${T} ipsum`, T, ['Picked the token out of the surrounding text.']],
    ['a megabyte of JWT-like words without dots, then a token', () => `${mega('eyJhbGci ')}${T}`, T, ['Picked the token out of the surrounding text.']],
    ['a megabyte of "Authorization: Bearer "', () => mega('Authorization: Bearer '), () => mega('Authorization: Bearer ').slice(12 * 'Authorization: Bearer '.length).trim(), ['Removed surrounding spaces and line breaks.', "Removed the 'Authorization: Bearer' prefix."]],
    ['a Cookie header of a megabyte of cookies, then the token', () => `Cookie: ${mega('a=b; ')}session=${T}`, T, ['Took the value of the cookie "session" from the Cookie header.']],
    ['a Cookie header of a megabyte of ";"', () => `Cookie: ${';'.repeat(MB)}jwt=${T}`, T, ['Took the value of the cookie "jwt" from the Cookie header.']],
    ['a URL with a megabyte of query parameters and the token in the fragment', () => `https://app.example/cb?${mega('a=b&')}x=1#id_token=${T}`, T, ['Took the "id_token" parameter from the URL fragment.']],
    ['a token parameter of a megabyte of "%"', () => `token=${'%'.repeat(MB)}`, () => '%'.repeat(MB), ['Took the "token" parameter from the parameters.']],
    ['a JSON body with a megabyte member beside the token', () => `{"x":"${'a'.repeat(MB)}","access_token":"${T}"}`, T, ['Took the value of the JSON member "access_token".']],
    ['a megabyte of braces', () => '{'.repeat(MB / 2) + '}'.repeat(MB / 2), () => '{'.repeat(MB / 2) + '}'.repeat(MB / 2), []],
    ['a megabyte token wrapped at every character', () => BIG.split('').join('\n'), BIG, ['Removed line breaks and spaces inside the token.']],
    ['a megabyte token in quotes with a trailing comma', () => `"${BIG}",`, BIG, ["Removed a trailing ','.", 'Removed the surrounding quotes.']],
  ])('%s', (_name, input, expected, stripped) => {
    const token = typeof expected === 'function' ? expected() : expected
    const result = extractToken(input())
    // Compare lengths first: a failing megabyte comparison would print two megabytes.
    expect(result.token.length).toBe(token.length)
    expect(result).toEqual({ token, stripped })
  }, HANG_GUARD)
})
