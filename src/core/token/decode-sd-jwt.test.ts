import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { parseKey } from '../keys'
import { decodeToken } from './decode'
import { verifyToken } from './verify'

const { example, json, keys } = vectors

async function issuerKey() {
  const { d: _d, ...publicJwk } = keys.issuer
  const parsed = await parseKey(JSON.stringify(publicJwk), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

describe('decodeToken on an SD-JWT (RFC 9901)', () => {
  it('decodes the §5.2 presentation as its issuer-signed JWT, offsets unchanged, with an info line', () => {
    const decoded = decodeToken(example.presentation)
    expect(decoded.kind).toBe('jws')
    expect(decoded.token).toBe(example.presentation)
    expect(decoded.alg).toBe('ES256')
    const [h, p, s] = example.issuerJwt.split('.') as [string, string, string]
    expect(decoded.header?.encoded).toBe(h)
    expect(decoded.payload?.encoded).toBe(p)
    expect(decoded.signature?.encoded).toBe(s)
    expect(decoded.signature?.start).toBe(h.length + p.length + 2)
    expect(decoded.sdJwt?.form).toBe('sd-jwt+kb')
    expect(decoded.diagnostics).toEqual([{
      severity: 'info', segment: 'token', offset: example.issuerJwt.length, length: example.presentation.length - example.issuerJwt.length, code: 'SD_JWT',
      message: "SD-JWT with 4 disclosures and a Key Binding JWT (RFC 9901 §4): the issuer-signed JWT before the first '~' is decoded here; the disclosures are matched to their digests under SD-JWT.",
    }])
  })

  it('says "1 disclosure" and leaves out the KB-JWT when there is none', () => {
    const decoded = decodeToken(`${example.issuerJwt}~${example.disclosures[0]?.disclosure}~`)
    expect(decoded.diagnostics.map((d) => d.message)).toEqual(["SD-JWT with 1 disclosure (RFC 9901 §4): the issuer-signed JWT before the first '~' is decoded here; the disclosures are matched to their digests under SD-JWT."])
  })

  it('lets verifyToken check the issuer signature of the §5.1 issuance and the §5.2 presentation with the Appendix A.5 key', async () => {
    const key = await issuerKey()
    for (const text of [example.issuance, example.presentation]) {
      const verified = await verifyToken(decodeToken(text), key)
      expect(verified.ok && verified.value.valid).toBe(true)
    }
  })

  it('reports a tampered issuer payload as not valid', async () => {
    const [h, p, s] = example.issuerJwt.split('.') as [string, string, string]
    const tampered = `${h}.${p.slice(0, -2)}fQ.${s}~`
    const verified = await verifyToken(decodeToken(tampered), await issuerKey())
    expect(verified.ok && verified.value.valid).toBe(false)
  })

  it('marks the JSON serialization (§8.2) as an SD-JWT and keeps the JWS JSON diagnostics', () => {
    const decoded = decodeToken(JSON.stringify(json.flattenedWithKeyBinding))
    expect(decoded.sdJwt?.form).toBe('json')
    expect(decoded.diagnostics[0]?.message).toBe('SD-JWT in JSON serialization with 2 disclosures and a Key Binding JWT (RFC 9901 §8): the issuer-signed JWT is "protected"."payload"."signature"; the disclosures are matched to their digests under SD-JWT.')
    expect(decoded.kind).toBe('unknown')
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(['SD_JWT', 'JSON_SERIALIZATION'])
  })

  it('decodes a text that only looks like an SD-JWT but does not split (no final tilde) as before', () => {
    const decoded = decodeToken(`${example.issuerJwt}~abc`)
    expect(decoded.sdJwt).toBeUndefined()
    expect(decoded.diagnostics.some((d) => d.code === 'SD_JWT')).toBe(false)
  })
})
