import { describe, expect, it } from 'vitest'
import { parseMaxAge, proofIat } from './dpop-inputs'
import { RFC9449_EXAMPLE } from './rfc-example'

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')

describe('proofIat', () => {
  it('reads the RFC 9449 §4.1 example: "iat":1562262616', () => {
    expect(proofIat(RFC9449_EXAMPLE.proof)).toBe(1562262616)
    expect(proofIat(`  ${RFC9449_EXAMPLE.proof}\n`)).toBe(1562262616)
  })

  it.each([
    ['empty', ''],
    ['not a JWT', 'hello'],
    ['iat is a string', `${b64({ alg: 'ES256' })}.${b64({ iat: '1562262616' })}.sig`],
    ['no iat', `${b64({ alg: 'ES256' })}.${b64({ jti: 'x' })}.sig`],
    ['payload is an array', `${b64({ alg: 'ES256' })}.${b64([1])}.sig`],
  ])('%s → undefined', (_name, proof) => {
    expect(proofIat(proof)).toBeUndefined()
  })
})

describe('parseMaxAge', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['300', 300],
    ['30.9', 30],
    ['0', 0],
    ['-1', undefined],
    ['abc', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseMaxAge(text)).toBe(expected)
  })
})
