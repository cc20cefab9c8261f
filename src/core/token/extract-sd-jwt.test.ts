import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { extractToken } from './extract'

const { example, json } = vectors
const SD = example.presentation

describe('extractToken keeps an SD-JWT whole', () => {
  it.each([
    ['bare', SD, []],
    ['with surrounding spaces', `  ${SD}\n`, ['Removed surrounding spaces and line breaks.']],
    ['in quotes', `"${SD}"`, ['Removed the surrounding quotes.']],
    ['after a Bearer prefix', `Authorization: Bearer ${SD}`, ["Removed the 'Authorization: Bearer' prefix."]],
    ['wrapped over lines', SD.replace(/(.{64})/g, '$1\n'), ['Removed line breaks and spaces inside the token.']],
    ['in a sentence', `the wallet sent ${SD} at noon`, ['Picked the SD-JWT out of the surrounding text.']],
    ['with a trailing comma', `${SD},`, ["Removed a trailing ','."]],
  ])('%s', (_name, text, stripped) => {
    const extracted = extractToken(text)
    expect(extracted.token).toBe(SD)
    expect(extracted.stripped).toEqual(stripped)
    expect(extracted.candidates).toBeUndefined()
  })

  it.each([
    ['a vp_token form body', `vp_token=${SD}&state=af0ifjsldkj`, ['Took the "vp_token" parameter from the parameters.']],
    ['a credential response', JSON.stringify({ credential: SD, c_nonce: 'tZignsnFbp' }), ['Took the value of the JSON member "credential".']],
  ])('takes it out of %s', (_name, text, stripped) => {
    const extracted = extractToken(text)
    expect(extracted.token).toBe(SD)
    expect(extracted.stripped).toEqual(stripped)
  })

  it('keeps an issuance without key binding, ending in "~"', () => {
    expect(extractToken(` ${example.issuance} `).token).toBe(example.issuance)
  })

  it('keeps the JSON serialization as it is', () => {
    const text = JSON.stringify(json.flattenedWithKeyBinding, null, 2)
    expect(extractToken(text).token).toBe(text)
  })
})
