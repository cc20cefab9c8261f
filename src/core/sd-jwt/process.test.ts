import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { base64urlEncode } from '../token/base64url-codec'
import { MAX_DEPTH } from './limits'
import { processSdJwt } from './process'
import type { ProcessedSdJwt, SdJwtCheck } from './types'

const { example, nested, json } = vectors

/** An unsigned issuer JWT around a payload: processing needs no signature. */
function jwt(payload: unknown, header: unknown = { alg: 'ES256' }): string {
  return `${base64urlEncode(JSON.stringify(header))}.${base64urlEncode(JSON.stringify(payload))}.c2ln`
}
function disclosure(content: unknown): string {
  return base64urlEncode(JSON.stringify(content))
}

async function processed(text: string): Promise<ProcessedSdJwt> {
  const result = await processSdJwt(text)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

function verdicts(p: ProcessedSdJwt): Record<string, SdJwtCheck['verdict']> {
  return Object.fromEntries(p.checks.map((c) => [c.id, c.verdict]))
}

function check(p: ProcessedSdJwt, id: SdJwtCheck['id']): SdJwtCheck | undefined {
  return p.checks.find((c) => c.id === id)
}

const ALL_PASS = { 'sd-alg': 'pass', 'disclosure-format': 'pass', 'digests-unique': 'pass', 'disclosures-referenced': 'pass', 'reserved-names': 'pass', 'no-overwrite': 'pass' }

describe('processSdJwt reproduces RFC 9901', () => {
  it('§5.1: every disclosure of the issuance has the published digest, and all are placed', async () => {
    const p = await processed(example.issuance)
    expect(p.sdAlg).toBe('sha-256')
    expect(p.disclosures.map((d) => d.digest)).toEqual(example.disclosures.map((d) => d.digest))
    expect(p.disclosures.map((d) => d.content)).toEqual(example.disclosures.map((d) => d.contents.length === 3
      ? { kind: 'property', salt: d.contents[0], name: d.contents[1], value: d.contents[2] }
      : { kind: 'element', salt: d.contents[0], value: d.contents[1] }))
    expect(p.disclosures.map((d) => d.placedAt)).toEqual(['/given_name', '/family_name', '/email', '/phone_number', '/phone_number_verified', '/address', '/birthdate', '/updated_at', '/nationalities/0', '/nationalities/1'])
    expect(p.disclosures.map((d) => d.referencedAt)).toEqual(['', '', '', '', '', '', '', '', '/nationalities', '/nationalities'])
    expect(p.undisclosed).toEqual([])
    expect(verdicts(p)).toEqual(ALL_PASS)
  })

  it('§5.2: the presentation gives exactly the published processed payload, with the rest undisclosed', async () => {
    const p = await processed(example.presentation)
    expect(p.processedPayload).toEqual(example.processedPresentationPayload)
    // Plain members are walked first, then the object's own "_sd" digests.
    expect(p.undisclosed).toEqual([
      { digest: '7Cf6JkPudry3lcbwHgeZ8khAv1U1OSlerP0VkBJrWZ0', at: '/nationalities', kind: 'element' },
      { digest: 'CrQe7S5kqBAHt-nMYXgc6bdt2SH5aTY1sU_M-PgkjPI', at: '', kind: 'property' },
      { digest: 'JzYjH4svliH0R3PyEMfeZu6Jt69u5qehZo7F7EPYlSE', at: '', kind: 'property' },
      { digest: 'PorFbpKuVu6xymJagvkFsFXAbRoc2JGlAUA2BA4o7cI', at: '', kind: 'property' },
      { digest: 'XQ_3kPKt1XyX7KANkqVR6yZ2Va5NrPIvPYbyMvRKBMM', at: '', kind: 'property' },
      { digest: 'gbOsI4Edq2x2Kw-w5wPEzakob9hV1cRD0ATN3oQL9JM', at: '', kind: 'property' },
    ])
    expect(p.claims.filter((c) => c.visibility === 'disclosed').map((c) => c.pointer)).toEqual([
      '/nationalities/0', '/family_name', '/address', '/address/street_address', '/address/locality', '/address/region', '/address/country', '/given_name',
    ])
    expect(p.claims.find((c) => c.pointer === '/iss')).toEqual({ pointer: '/iss', visibility: 'always-visible', disclosure: null })
    expect(verdicts(p)).toEqual(ALL_PASS)
  })

  it.each([
    ['§6.1 flat', nested.flat.payload, nested.flat.disclosures.map((d) => d.disclosure)],
    ['§6.2 structured', nested.structured.payload, nested.structured.disclosures.map((d) => d.disclosure)],
    ['§6.3 recursive', nested.recursive.payload, [nested.recursive.addressDisclosure.disclosure, ...nested.structured.disclosures.map((d) => d.disclosure)]],
  ])('%s: digests match and the processed payload is the §6 claims set', async (_name, payload, list) => {
    const p = await processed(`${jwt(payload)}~${list.join('~')}~`)
    expect(p.processedPayload).toEqual(nested.processedPayload)
    expect(verdicts(p)).toEqual(ALL_PASS)
    const published = [...nested.flat.disclosures, ...nested.structured.disclosures, nested.recursive.addressDisclosure]
    for (const d of p.disclosures) expect(d.digest).toBe(published.find((x) => x.disclosure === d.encoded)?.digest)
  })

  it('§6.3: a recursive disclosure plugs into the disclosed address object', async () => {
    const p = await processed(`${jwt(nested.recursive.payload)}~${nested.recursive.addressDisclosure.disclosure}~${nested.structured.disclosures[0]?.disclosure}~`)
    expect(p.disclosures.map((d) => [d.referencedAt, d.placedAt])).toEqual([['', '/address'], ['/address', '/address/street_address']])
    expect(p.processedPayload['address']).toEqual({ street_address: 'Schulstr. 12' })
    expect(p.undisclosed.map((u) => u.at)).toEqual(['/address', '/address', '/address'])
  })

  it('§8.2: the flattened JSON serialization processes like the compact form', async () => {
    const p = await processed(JSON.stringify(json.flattened))
    expect(p.parts.form).toBe('json')
    expect(p.processedPayload).toEqual(json.processedFlattenedPayload)
    expect(verdicts(p)).toEqual(ALL_PASS)
  })
})

const SALT = 'c2FsdHNhbHRzYWx0c2FsdA'
const given = disclosure([SALT, 'given_name', 'Ada'])

async function withDigest(content: unknown, hash: 'SHA-256' | 'SHA-384' = 'SHA-256'): Promise<[string, string]> {
  const d = disclosure(content)
  return [d, base64urlEncode(new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(d))))]
}

describe('processSdJwt rejections', () => {
  it.each([
    ['a tampered disclosure', async () => {
      const [, digest] = await withDigest([SALT, 'given_name', 'Ada'])
      return `${jwt({ _sd: [digest] })}~${disclosure([SALT, 'given_name', 'Eve'])}~`
    }, 'disclosures-referenced', 'Disclosure 1: no digest in the issuer-signed payload or another disclosure matches it, so it was changed or belongs to another SD-JWT. The SD-JWT must be rejected.'],
    ['an unreferenced disclosure', async () => `${jwt({ _sd: [] })}~${given}~`, 'disclosures-referenced', 'Disclosure 1: no digest in the issuer-signed payload or another disclosure matches it, so it was changed or belongs to another SD-JWT. The SD-JWT must be rejected.'],
    ['the same disclosure twice', async () => {
      const [d, digest] = await withDigest([SALT, 'given_name', 'Ada'])
      return `${jwt({ _sd: [digest] })}~${d}~${d}~`
    }, 'disclosures-referenced', 'Disclosure 2 repeats disclosure 1: the same disclosure was sent twice. The SD-JWT must be rejected.'],
    ['a duplicate digest', async () => {
      const [d, digest] = await withDigest([SALT, 'given_name', 'Ada'])
      return `${jwt({ _sd: [digest], nested: { _sd: [digest] } })}~${d}~`
    }, 'digests-unique', 'The digest DIGEST appears more than once, so the SD-JWT must be rejected: one disclosure could be placed twice.'],
    ['a claim named _sd', async () => {
      const [d, digest] = await withDigest([SALT, '_sd', ['x']])
      return `${jwt({ _sd: [digest] })}~${d}~`
    }, 'reserved-names', 'Disclosure 1 names its claim "_sd": those names are reserved for digests, so the SD-JWT must be rejected.'],
    ['a claim named ...', async () => {
      const [d, digest] = await withDigest([SALT, '...', 'x'])
      return `${jwt({ _sd: [digest] })}~${d}~`
    }, 'reserved-names', 'Disclosure 1 names its claim "...": those names are reserved for digests, so the SD-JWT must be rejected.'],
    ['an overwrite', async () => {
      const [d, digest] = await withDigest([SALT, 'iss', 'https://evil.example'])
      return `${jwt({ iss: 'https://issuer.example', _sd: [digest] })}~${d}~`
    }, 'no-overwrite', 'Disclosure 1 discloses "iss", which the payload already has: a disclosure may not replace a claim, so the SD-JWT must be rejected.'],
    ['an element disclosure in _sd', async () => {
      const [d, digest] = await withDigest([SALT, 'DE'])
      return `${jwt({ _sd: [digest] })}~${d}~`
    }, 'disclosure-format', 'Disclosure 1 is an array element ([salt, value]) but its digest is in the "_sd" of the payload, which takes [salt, name, value]. A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.'],
    ['a non-array disclosure', async () => `${jwt({})}~${disclosure({ salt: SALT })}~`, 'disclosure-format', 'Disclosure 1 is not a JSON array. A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.'],
    ['a non-JSON disclosure', async () => `${jwt({})}~${base64urlEncode('not json')}~`, 'disclosure-format', 'Disclosure 1 is not JSON once decoded. A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.'],
    ['a non-base64url disclosure', async () => `${jwt({})}~a*b~`, 'disclosure-format', 'Disclosure 1 is not base64url. A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.'],
    ['a numeric salt', async () => `${jwt({})}~${disclosure([1, 'a', 'b'])}~`, 'disclosure-format', 'Disclosure 1 has a salt that is not a string. A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.'],
    ['four elements', async () => `${jwt({})}~${disclosure([SALT, 'a', 'b', 'c'])}~`, 'disclosure-format', 'Disclosure 1 is an array of 4 elements, not 2 ([salt, value]) or 3 ([salt, name, value]). A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.'],
    ['a nested _sd_alg', async () => `${jwt({ address: { _sd_alg: 'sha-256' } })}~`, 'sd-alg', 'No "_sd_alg": the digests are SHA-256, the default. "_sd_alg" also appears at /address, but it belongs at the top level of the payload only.'],
    ['an unknown _sd_alg', async () => `${jwt({ _sd_alg: 'md5' })}~`, 'sd-alg', '"_sd_alg" is "md5", which is not in the IANA Named Information Hash Algorithm registry. MD2, MD4, MD5 and SHA-1 must not be used (RFC 9901 §9.4). Use "sha-256". No digest can be checked.'],
    ['a truncated _sd_alg', async () => `${jwt({ _sd_alg: 'sha-256-32' })}~`, 'sd-alg', '"_sd_alg" is "sha-256-32", from the IANA Named Information Hash Algorithm registry, but it is not computed here (sha-256, sha-384 and sha-512 are). It is a truncated SHA-256, unfit for SD-JWT (RFC 9901 §9.4). No digest can be checked.'],
    ['an uppercase _sd_alg', async () => `${jwt({ _sd_alg: 'SHA-256' })}~`, 'sd-alg', '"_sd_alg" is "SHA-256", but hash names are lowercase in the IANA registry: "sha-256". No digest can be checked.'],
  ])('%s', async (_name, build, id, detail) => {
    const text = await build()
    const p = await processed(text)
    const found = check(p, id as SdJwtCheck['id'])
    expect(found?.verdict).toBe('fail')
    const digest = p.undisclosed[0]?.digest ?? [...p.disclosures].map((d) => d.digest)[0] ?? ''
    expect(found?.detail).toBe(detail.replace('DIGEST', digest))
  })

  it('hashes under sha-384 when _sd_alg says so', async () => {
    const [d, digest] = await withDigest([SALT, 'given_name', 'Ada'], 'SHA-384')
    const p = await processed(`${jwt({ _sd: [digest], _sd_alg: 'sha-384' })}~${d}~`)
    expect(p.processedPayload).toEqual({ given_name: 'Ada' })
    expect(verdicts(p)).toEqual(ALL_PASS)
  })

  it('keeps a claim named __proto__ as a claim', async () => {
    const [d, digest] = await withDigest([SALT, '__proto__', { polluted: true }])
    const p = await processed(`${jwt({ _sd: [digest] })}~${d}~`)
    expect(Object.keys(p.processedPayload)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('refuses nesting deeper than MAX_DEPTH with a clear error', async () => {
    let deep: unknown = 1
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = { a: deep }
    expect(await processSdJwt(`${jwt(deep)}~`)).toEqual({ ok: false, error: { code: 'TOO_DEEP', message: `The SD-JWT nests objects and arrays (its payload and disclosed values together) deeper than ${MAX_DEPTH} levels; no credential needs that many, so it is not processed.` } })
  })

  it('refuses a payload that is not JSON', async () => {
    expect(await processSdJwt(`${base64urlEncode('{"alg":"ES256"}')}.${base64urlEncode('nope')}.c2ln~`)).toEqual({ ok: false, error: { code: 'ISSUER_JWT_UNREADABLE', message: "The issuer-signed JWT's payload is not JSON once decoded: an SD-JWT's payload is a JSON object of claims and digests." } })
  })

  it('processes 10,000 disclosures in linear time', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => disclosure([SALT, `c${i}`, i]))
    const digests = await Promise.all(many.map(async (d) => base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(d))))))
    const started = performance.now()
    const p = await processed(`${jwt({ _sd: digests })}~${many.join('~')}~`)
    expect(Object.keys(p.processedPayload)).toHaveLength(10_000)
    expect(verdicts(p)).toEqual(ALL_PASS)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('SD-JWT VC rows', () => {
  const vc = { vct: 'https://credentials.example.com/identity_credential', iss: 'https://issuer.example', cnf: { jwk: { kty: 'EC' } }, status: { status_list: { idx: 412, uri: 'https://issuer.example/status/1' } } }

  it('passes a dc+sd-jwt with vct, iss, cnf and a status list, and shows the status reference', async () => {
    const p = await processed(`${jwt(vc, { alg: 'ES256', typ: 'dc+sd-jwt' })}~`)
    expect(p.checks.filter((c) => c.id.startsWith('vc-')).map((c) => [c.id, c.verdict])).toEqual([
      ['vc-typ', 'pass'], ['vc-vct', 'pass'], ['vc-iss', 'pass'], ['vc-cnf', 'pass'], ['vc-status', 'pass'], ['vc-never-disclosable', 'pass'],
    ])
    expect(check(p, 'vc-status')?.detail).toBe('Status list https://issuer.example/status/1, index 412: fetch that Status List Token to check whether the credential was revoked or suspended.')
  })

  it('warns on the older vc+sd-jwt and fails a selectively disclosable exp and a missing vct', async () => {
    const [d, digest] = await withDigest([SALT, 'exp', 1883000000])
    const p = await processed(`${jwt({ iss: 'x', _sd: [digest] }, { alg: 'ES256', typ: 'vc+sd-jwt' })}~${d}~`)
    expect(check(p, 'vc-typ')).toEqual({ id: 'vc-typ', verdict: 'warn', title: 'The type is an SD-JWT VC', detail: 'The header\'s "typ" is "vc+sd-jwt", the older name: current SD-JWT VC issuers use "dc+sd-jwt", and verifiers may accept both while issuers move over.', reference: 'draft-ietf-oauth-sd-jwt-vc §3.2.1' })
    expect(check(p, 'vc-vct')?.verdict).toBe('fail')
    expect(check(p, 'vc-cnf')?.verdict).toBe('warn')
    expect(check(p, 'vc-never-disclosable')?.detail).toBe('"exp" came from a disclosure, but an SD-JWT VC keeps them in the issuer-signed payload, so no holder can leave them out.')
  })

  it('adds no VC rows to a plain SD-JWT', async () => {
    const p = await processed(example.issuance)
    expect(p.checks.some((c) => c.id.startsWith('vc-'))).toBe(false)
  })
})
