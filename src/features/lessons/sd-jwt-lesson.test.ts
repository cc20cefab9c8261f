import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { disclosureNames, SD_JWT_LESSON_CLAIMS, SD_JWT_LESSON_DISCLOSABLE, SD_JWT_LESSON_REVEALED, withDisclosureValue } from './sd-jwt-lesson'

const b64u = (text: string) => Buffer.from(text).toString('base64url')
const given = b64u('["2GLC42sKQveCfGfryNRN9w","given_name","Ada"]')
const email = b64u('["eluV5Og3gSNII8EYnsxA_A","email","ada@example.com"]')
const sdJwt = `aGVhZA.cGF5bG9hZA.c2ln~${given}~${email}~`

describe('SD-JWT lesson', () => {
  it('discloses and reveals claims that the lesson payload has', () => {
    const claims = JSON.parse(SD_JWT_LESSON_CLAIMS) as Record<string, unknown>
    for (const pointer of SD_JWT_LESSON_DISCLOSABLE) expect(claims).toHaveProperty(pointer.slice(1))
    for (const name of SD_JWT_LESSON_REVEALED) expect(SD_JWT_LESSON_DISCLOSABLE).toContain(`/${name}`)
    expect(claims).toHaveProperty('iss')
  })

  it('changes one disclosure’s value and keeps its salt, its name and the rest of the text', () => {
    const tampered = withDisclosureValue(sdJwt, 1, 'mallory@example.com')
    const forged = b64u('["eluV5Og3gSNII8EYnsxA_A","email","mallory@example.com"]')
    expect(tampered).toBe(`aGVhZA.cGF5bG9hZA.c2ln~${given}~${forged}~`)
    // So its digest no longer matches the one the issuer signed.
    const digest = (d: string) => createHash('sha256').update(d).digest('base64url')
    expect(digest(forged)).not.toBe(digest(email))
  })

  it('keeps a key binding JWT at the end untouched', () => {
    expect(withDisclosureValue(`${sdJwt}a.b.c`, 0, 'Eve')).toBe(`aGVhZA.cGF5bG9hZA.c2ln~${b64u('["2GLC42sKQveCfGfryNRN9w","given_name","Eve"]')}~${email}~a.b.c`)
  })

  it.each([
    ['an index past the disclosures', sdJwt, 2],
    ['a negative index', sdJwt, -1],
    ['a text without disclosures', 'aGVhZA.cGF5bG9hZA.c2ln~', 0],
    ['an array element disclosure', `x.y.z~${b64u('["salt","DE"]')}~`, 0],
    ['a disclosure that is not base64url', 'x.y.z~***~', 0],
    ['a disclosure that is not JSON', `x.y.z~${b64u('not json')}~`, 0],
  ])('gives null for %s', (_name, text, index) => {
    expect(withDisclosureValue(text, index, 'v')).toBe(null)
  })

  it('names each disclosure, null where it is not a claim', () => {
    expect(disclosureNames(`x.y.z~${given}~${b64u('["s","DE"]')}~***~${email}~kb.jwt.sig`)).toEqual(['given_name', null, null, 'email'])
    expect(disclosureNames('x.y.z')).toEqual([])
  })
})
