import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { parseKey } from '../keys'
import type { KeyInput } from '../types'
import type { SdJwtVerification } from './types'
import { verifySdJwt } from './verify'

// The final RFC 9901 text re-signed the §5.1 Issuer-signed JWT and the §5.2 KB-JWT; salts,
// Disclosures and digests stayed. These checks hold both token sets to the same keys and digests.
const { example, finalText, keys } = vectors
const publicOf = ({ d: _d, ...rest }: { d: string; [k: string]: string }) => rest
const b64 = (s: string) => Buffer.from(s, 'base64url')
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url')
const segments = (jwt: string): [string, string, string] => {
  const [h = '', p = '', s = ''] = jwt.split('.')
  return [h, p, s]
}
const json = (segment: string): unknown => JSON.parse(b64(segment).toString('utf8'))

/** ES256 checked with node:crypto, independent of the code under test. */
function es256Valid(jwt: string, jwk: { d: string; [k: string]: string }): boolean {
  const [h, p, s] = segments(jwt)
  const key = createPublicKey({ key: publicOf(jwk), format: 'jwk' })
  return verifySignature('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, b64(s))
}

async function issuerKey(): Promise<KeyInput> {
  const parsed = await parseKey(JSON.stringify(publicOf(keys.issuer)), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

async function verified(text: string, kb: { aud: string; nonce: string; iat: number }): Promise<SdJwtVerification> {
  const result = await verifySdJwt(text, { issuerKeys: await issuerKey(), keyBinding: { aud: kb.aud, nonce: kb.nonce, now: kb.iat + 10 } })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const kbOf = (presentation: string) => presentation.slice(presentation.lastIndexOf('~') + 1)
const sdJwtOf = (presentation: string) => presentation.slice(0, presentation.lastIndexOf('~') + 1)

describe('RFC 9901 final-text tokens against the editor\'s copy', () => {
  it('§5.1: same header and payload, a different signature, both valid with the Appendix A.5 issuer key', () => {
    const [h1, p1, s1] = segments(example.issuerJwt)
    const [h2, p2, s2] = segments(finalText.issuerJwt)
    expect([h2, p2]).toEqual([h1, p1])
    expect(s2).not.toBe(s1)
    expect(es256Valid(example.issuerJwt, keys.issuer)).toBe(true)
    expect(es256Valid(finalText.issuerJwt, keys.issuer)).toBe(true)
    expect(es256Valid(finalText.issuerJwt, keys.holder)).toBe(false)
  })

  it('§5.1: the issuance carries the ten Disclosures in order, each hashing to its listed digest', () => {
    const parts = finalText.issuance.split('~')
    expect(parts[0]).toBe(finalText.issuerJwt)
    expect(parts.at(-1)).toBe('')
    expect(parts.slice(1, -1)).toEqual(example.disclosures.map((d) => d.disclosure))
    expect(parts.slice(1, -1).map(sha256)).toEqual(example.disclosures.map((d) => d.digest))
  })

  it('§5.2: the KB-JWT is signed by the holder key over the listed sd_hash, with the listed claims', () => {
    const kb = kbOf(finalText.presentation)
    const [h, p] = segments(kb)
    expect(json(h)).toEqual({ alg: 'ES256', typ: 'kb+jwt' })
    expect(json(p)).toEqual({ ...finalText.keyBinding, sd_hash: finalText.presentationSdHash })
    expect(sha256(sdJwtOf(finalText.presentation))).toBe(finalText.presentationSdHash)
    expect(finalText.presentationSdHash).not.toBe(example.presentationSdHash)
    expect(es256Valid(kb, keys.holder)).toBe(true)
  })

  it('§5.2: presents the same four Disclosures as the editor\'s copy, after the final Issuer-signed JWT', () => {
    const final = sdJwtOf(finalText.presentation).split('~')
    const draft = sdJwtOf(example.presentation).split('~')
    expect(final[0]).toBe(finalText.issuerJwt)
    expect(final.slice(1)).toEqual(draft.slice(1))
  })

  it('§5.2: verifySdJwt accepts the final SD-JWT+KB, every row passing, with the §5.2 processed payload', async () => {
    const v = await verified(finalText.presentation, finalText.keyBinding)
    expect(v.checks.filter((c) => c.verdict !== 'pass')).toEqual([])
    expect(v.checks).toHaveLength(14)
    expect(v.accepted).toBe(true)
    expect(v.issuerSignature?.valid).toBe(true)
    expect(v.processed.processedPayload).toEqual(example.processedPresentationPayload)
  })

  it('§5.1: verifySdJwt accepts the final issuance by its signature', async () => {
    const v = await verified(finalText.issuance, finalText.keyBinding)
    expect(v.checks.find((c) => c.id === 'issuer-signature')?.verdict).toBe('pass')
    expect(v.checks.find((c) => c.id === 'kb-present')?.verdict).toBe('warn')
    expect(v.accepted).toBe(true)
  })

  it('rejects the editor\'s-copy KB-JWT on the final SD-JWT: its sd_hash covers the other signature', async () => {
    const mixed = sdJwtOf(finalText.presentation) + kbOf(example.presentation)
    const v = await verified(mixed, example.keyBinding)
    expect(v.checks.find((c) => c.id === 'kb-sd-hash')?.verdict).toBe('fail')
    expect(v.checks.find((c) => c.id === 'kb-signature')?.verdict).toBe('pass')
    expect(v.accepted).toBe(false)
  })
})
