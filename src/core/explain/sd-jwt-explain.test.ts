// The SD-JWT walkthrough: on RFC 9901's example (its published digests and sd_hash) and on SD-JWTs
// made here with node:crypto (array elements, recursive disclosures, sha-512, a tampered disclosure).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import rfc9901 from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { decodeToken } from '../token'
import { MAX_EXPLAINED_DISCLOSURES, sdJwtSteps } from './sd-jwt-steps'

const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url')
const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
function jws(payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', typ: 'example+sd-jwt' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${b64u(sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }))}`
}
const disclosure = (...parts: unknown[]) => b64u(JSON.stringify([b64u(randomBytes(16)), ...parts]))
const digest = (encoded: string, hash = 'sha256') => createHash(hash).update(encoded, 'ascii').digest('base64url')

async function steps(text: string) {
  const result = await sdJwtSteps(decodeToken(text))
  if (result === undefined) throw new Error('not an SD-JWT')
  return result
}
const value = (step: { values: readonly { label: string; value: string }[] } | undefined, label: string) => step?.values.find((v) => v.label === label)?.value

describe('the SD-JWT walkthrough', () => {
  it('RFC 9901 §5.1: each disclosure byte by byte, with the published digests, in the top-level "_sd"', async () => {
    const all = await steps(rfc9901.example.issuance)
    expect(all.map((s) => s.id)).toEqual(['sd-jwt-parts', ...Array.from({ length: MAX_EXPLAINED_DISCLOSURES }, () => ['sd-jwt-disclosure', 'sd-jwt-digest']).flat(), 'sd-jwt-more'])
    expect(all[0]?.values).toEqual([
      { label: 'Issuer-signed JWT', value: `${rfc9901.example.issuance.indexOf('~')} characters` },
      { label: 'Disclosures', value: '10' },
      { label: 'Key Binding JWT', value: 'none' },
      { label: 'Digest algorithm (_sd_alg)', value: 'sha-256' },
    ])
    const first = rfc9901.example.disclosures[0]!
    expect(value(all[1], 'JSON text')).toBe(JSON.stringify(first.contents).replace(/","/g, '", "'))
    expect(value(all[1], 'base64url (as written)')).toBe(first.disclosure)
    expect(all[1]?.explanation).toMatch(/^It is the JSON array \[salt, claim name, claim value\] \(RFC 9901 §4\.2\.1\): the salt "2GLC42sKQveCfGfryNRN9w", the claim name "given_name" and its value\./)
    for (let i = 0; i < MAX_EXPLAINED_DISCLOSURES; i++) {
      const d = rfc9901.example.disclosures[i]!
      const step = all[2 + 2 * i]
      expect(value(step, 'Digest (base64url)')).toBe(d.digest)
      expect(value(step, 'Referenced in')).toBe('the "_sd" array of the top-level object in the issuer-signed payload')
    }
    expect(value(all[2], 'SHA-256 (hex)')).toBe(Buffer.from(first.digest, 'base64url').toString('hex'))
    expect(all[2]?.explanation).toBe(
      `The digest is SHA-256 over the ASCII bytes of the base64url text exactly as written (${first.disclosure.length} bytes: one per character), not over the decoded JSON (RFC 9901 §4.2.3). ` +
        'The 32 bytes of the hash are then base64url-encoded into 43 characters. The digest is in the "_sd" array of the top-level object in the issuer-signed payload: that is where the disclosed claim "given_name" plugs in, and the issuer\'s signature over the payload covers it.',
    )
    expect(all.at(-1)?.values).toEqual(
      rfc9901.example.disclosures.slice(MAX_EXPLAINED_DISCLOSURES).map((d, i) => ({ label: `Disclosure ${MAX_EXPLAINED_DISCLOSURES + i + 1}`, value: d.claim === null ? 'an array element' : `claim "${d.claim}"` })),
    )
    expect(all.at(-1)?.title).toBe('5 more disclosures')
  })

  it('RFC 9901 §5.2: the presentation\'s sd_hash is recomputed and matches the published one', async () => {
    const all = await steps(rfc9901.example.presentation)
    const kb = all.at(-1)
    expect(kb?.id).toBe('sd-jwt-sd-hash')
    expect(value(kb, 'SHA-256 of it (base64url)')).toBe(rfc9901.example.presentationSdHash)
    expect(value(kb, 'sd_hash in the KB-JWT')).toBe(rfc9901.example.presentationSdHash)
    expect(kb?.verdict).toBe('pass')
  })

  it('a presentation whose disclosures were changed after key binding: sd_hash differs', async () => {
    const presentation = rfc9901.example.presentation
    const kbStart = presentation.lastIndexOf('~') + 1
    const firstTilde = presentation.indexOf('~')
    const secondTilde = presentation.indexOf('~', firstTilde + 1)
    // Drop the first presented disclosure, keep the KB-JWT.
    const altered = presentation.slice(0, firstTilde) + presentation.slice(secondTilde, kbStart) + presentation.slice(kbStart)
    const kb = (await steps(altered)).at(-1)
    expect(kb?.verdict).toBe('fail')
    expect(kb?.explanation).toMatch(/It differs from the KB-JWT's "sd_hash": the disclosures presented are not the ones the holder signed for/)
  })

  it('array elements and a recursive disclosure are found where they plug in', async () => {
    const de = disclosure('DE')
    const street = disclosure('street_address', 'Heidestraße 17')
    const address = disclosure('address', { _sd: [digest(street)], locality: 'Köln' })
    const text = `${jws({ _sd: [digest(address)], nationalities: ['FR', { '...': digest(de) }] })}~${de}~${address}~${street}~`
    const all = await steps(text)
    const digests = all.filter((s) => s.id === 'sd-jwt-digest')
    expect(digests.map((s) => value(s, 'Referenced in'))).toEqual([
      'element 1 of the array at "/nationalities" in the issuer-signed payload, written {"...": digest}',
      'the "_sd" array of the top-level object in the issuer-signed payload',
      'the "_sd" array of the top-level object in the value of disclosure 2 (claim "address")',
    ])
    expect(digests.map((s) => value(s, 'Digest (base64url)'))).toEqual([digest(de), digest(address), digest(street)])
    expect(all[1]?.explanation).toMatch(/^It is the JSON array \[salt, value\] of an array element \(RFC 9901 §4\.2\.2\)/)
    // Non-ASCII values: UTF-8 bytes, more bytes than characters.
    const streetStep = all.filter((s) => s.id === 'sd-jwt-disclosure')[2]
    const json = Buffer.from(street, 'base64url').toString('utf8')
    expect(value(streetStep, 'Byte count')).toBe(String(Buffer.byteLength(json)))
    expect(streetStep?.groups?.[0]).toMatchObject({ index: 0, chars: street.slice(0, 4) })
  })

  it('sha-512 digests', async () => {
    const d = disclosure('given_name', 'Erika')
    const all = await steps(`${jws({ _sd: [digest(d, 'sha512')], _sd_alg: 'sha-512' })}~${d}~`)
    expect(all[2]?.title).toBe('Disclosure 1: its SHA-512 digest')
    expect(value(all[2], 'Digest (base64url)')).toBe(digest(d, 'sha512'))
    expect(value(all[2], 'Referenced in')).toBe('the "_sd" array of the top-level object in the issuer-signed payload')
  })

  it('a tampered disclosure is referenced nowhere, and an unknown hash is not computed', async () => {
    const d = disclosure('given_name', 'Erika')
    const other = disclosure('given_name', 'Mallory')
    const tampered = await steps(`${jws({ _sd: [digest(d)] })}~${other}~`)
    expect(value(tampered[2], 'Referenced in')).toBe('nowhere')
    expect(tampered[2]?.explanation).toMatch(/No digest in the signed payload or in the other disclosed values is this one: the issuer did not sign this disclosure \(or it was changed\), so a verifier must reject the SD-JWT \(RFC 9901 §7\.1\)\.$/)
    const unknown = await steps(`${jws({ _sd: [digest(d)], _sd_alg: 'blake2b-256' })}~${d}~`)
    expect(unknown[2]?.explanation).toBe('The digest would be "blake2b-256" over the ASCII bytes of the disclosure\'s base64url text, but that hash is not one this walkthrough computes (sha-256, sha-384, sha-512), so the digest is not shown.')
  })

  it('a disclosure that is not a JSON array says so', async () => {
    const all = await steps(`${jws({ _sd: [] })}~${b64u('{"a":1}')}~`)
    expect(all[1]?.explanation).toMatch(/^It decodes to text that is not a JSON array of two or three elements/)
  })

  it('a plain JWS has no SD-JWT steps', async () => {
    expect(await sdJwtSteps(decodeToken(jws({ sub: 'x' })))).toBeUndefined()
  })

  it('a thousand disclosures give a bounded walkthrough', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => disclosure(`c${i}`, 'x'.repeat(200)))
    const all = await steps(`${jws({ _sd: many.map((d) => digest(d)) })}~${many.map((d) => `${d}~`).join('')}`)
    expect(all).toHaveLength(1 + 2 * MAX_EXPLAINED_DISCLOSURES + 1)
    expect(all.at(-1)?.values).toHaveLength(20)
    expect(JSON.stringify(all).length).toBeLessThan(60_000)
  })
})

describe('the whole walkthrough of an SD-JWT', () => {
  it('explains the issuer-signed JWT first, then its disclosures and the KB-JWT', async () => {
    const { explainToken } = await import('./explain-token')
    const result = await explainToken(decodeToken(rfc9901.example.presentation), null)
    if (!result.ok) throw new Error(result.error.message)
    const ids = result.value.map((s) => s.id)
    expect(ids.slice(0, 3)).toEqual(['header-json', 'header-bytes', 'header-base64url'])
    expect(ids.indexOf('recompute')).toBeLessThan(ids.indexOf('sd-jwt-parts'))
    expect(ids).toContain('sd-jwt-disclosure')
    expect(ids.at(-1)).toBe('sd-jwt-sd-hash')
  })

  it('a plain JWS gets no SD-JWT steps', async () => {
    const { explainToken } = await import('./explain-token')
    const result = await explainToken(decodeToken(jws({ sub: 'x' })), null)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.some((s) => s.id.startsWith('sd-jwt'))).toBe(false)
  })
})
