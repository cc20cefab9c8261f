import { SDJwtInstance } from '@sd-jwt/core'
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs'
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { parseKey } from '../keys'
import type { KeyInput, ParsedKey } from '../types'
import { issueSdJwt } from './issue'
import { presentSdJwt } from './present'
import { processSdJwt } from './process'
import type { SdJwtIssueInput } from './types'
import { verifySdJwt } from './verify'

const { keys } = vectors
const publicOf = ({ d: _d, ...rest }: { d: string; [k: string]: string }) => rest

async function keyInput(jwk: object): Promise<KeyInput> {
  const parsed = await parseKey(JSON.stringify(jwk), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}
async function key(jwk: object): Promise<ParsedKey> {
  return (await keyInput(jwk)).keys[0] as ParsedKey
}

const CLAIMS = {
  iss: 'https://issuer.example.com', iat: 1683000000, exp: 1883000000, vct: 'https://credentials.example.com/identity_credential',
  given_name: 'John', family_name: 'Doe', email: 'johndoe@example.com', birthdate: '1940-01-01',
  address: { street_address: '123 Main St', locality: 'Anytown', country: 'US' },
  nationalities: ['US', 'DE'],
  status: { status_list: { idx: 3, uri: 'https://issuer.example.com/status/1' } },
}
const NOW = 1737118540

async function issueInput(over: Partial<SdJwtIssueInput> = {}): Promise<SdJwtIssueInput> {
  return {
    payloadJson: JSON.stringify(CLAIMS),
    disclosable: ['/given_name', '/family_name', '/email', '/birthdate', '/address', '/address/street_address', '/nationalities/1'],
    decoys: 2,
    headerJson: JSON.stringify({ alg: 'ES256', typ: 'dc+sd-jwt' }),
    issuerKey: await key(keys.issuer),
    holderPublicJwk: publicOf(keys.holder),
    ...over,
  }
}

async function issued(over: Partial<SdJwtIssueInput> = {}) {
  const result = await issueSdJwt(await issueInput(over))
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const theirs = async () => new SDJwtInstance({
  hasher: digest, saltGenerator: generateSalt, signAlg: ES256.alg, kbSignAlg: ES256.alg,
  verifier: async (data: string, sig: string) => (await ES256.getVerifier(publicOf(keys.issuer)))(data, sig),
  kbVerifier: async (data: string, sig: string, payload: { cnf?: { jwk?: object } }) => (await ES256.getVerifier(payload.cnf?.jwk ?? {}))(data, sig),
  signer: await ES256.getSigner(keys.issuer),
  kbSigner: await ES256.getSigner(keys.holder),
})

describe('issueSdJwt', () => {
  it('issues an SD-JWT whose processing gives back the full payload, with cnf and _sd_alg', async () => {
    const sd = await issued()
    expect(sd.sdJwt.endsWith('~')).toBe(true)
    expect(sd.disclosures).toHaveLength(7)
    const p = await processSdJwt(sd.sdJwt)
    if (!p.ok) throw new Error(p.error.message)
    expect(p.value.processedPayload).toEqual({ ...CLAIMS, cnf: { jwk: publicOf(keys.holder) } })
    expect(p.value.issuerPayload['_sd_alg']).toBe('sha-256')
    expect((p.value.issuerPayload['_sd'] as string[]).length).toBe(5 + 2)
    expect(p.value.checks.every((c) => c.verdict === 'pass')).toBe(true)
    // Recursive: the street address digest sits inside the address disclosure.
    const street = sd.disclosures.find((d) => d.content.kind === 'property' && d.content.name === 'street_address')
    expect([street?.referencedAt, street?.placedAt]).toEqual(['/address', '/address/street_address'])
    expect(sd.disclosures.find((d) => d.content.kind === 'element')?.placedAt).toBe('/nationalities/1')
    for (const d of sd.disclosures) {
      expect(sd.sdJwt.slice(d.start, d.start + d.encoded.length)).toBe(d.encoded)
      expect(d.digest).toBe(createHash('sha256').update(d.encoded).digest('base64url'))
    }
  })

  it('draws salts of 128 bits from the random source, each one new', async () => {
    const sd = await issued()
    const salts = sd.disclosures.map((d) => d.content.salt)
    expect(new Set(salts).size).toBe(salts.length)
    for (const s of salts) expect(Buffer.from(s, 'base64url')).toHaveLength(16)
    const longer = await issued({ saltBytes: 32 })
    expect(Buffer.from(longer.disclosures[0]?.content.salt ?? '', 'base64url')).toHaveLength(32)
  })

  it('hashes under sha-512 when asked', async () => {
    const sd = await issued({ sdAlg: 'sha-512' })
    expect(sd.disclosures[0]?.digest).toBe(createHash('sha512').update(sd.disclosures[0]?.encoded ?? '').digest('base64url'))
  })

  it.each([
    ['a payload that is not an object', { payloadJson: '[1]' }, 'INVALID_INPUT', 'The payload is not a JSON object: write the claims as {"name": value, …}.'],
    ['alg none', { headerJson: '{"alg":"none"}' }, 'INVALID_INPUT', 'An SD-JWT must be signed (RFC 9901 §9.1): "alg": "none" would let anyone change its claims. Choose a signing algorithm.'],
    ['a missing claim', { disclosable: ['/nope'] }, 'INVALID_INPUT', 'The pointer /nope names no claim of the payload.'],
    ['a non-pointer', { disclosable: ['given_name'] }, 'INVALID_INPUT', '"given_name" is not a JSON pointer to a claim: write e.g. /given_name, /address/street_address or /nationalities/0.'],
    ['short salts', { saltBytes: 8 }, 'INVALID_INPUT', 'Salts of 8 bytes are refused: use 16 to 64 bytes (at least 128 bits, RFC 9901 §9.3).'],
    ['a private holder key', { holderPublicJwk: keys.holder }, 'INVALID_INPUT', 'The holder key has private members ("d"): only its public key goes into "cnf", or every verifier could sign as the holder.'],
    ['a payload with _sd', { payloadJson: '{"_sd":[]}' }, 'INVALID_INPUT', 'The payload already has "_sd": that name is reserved for the SD-JWT\'s own digests. Remove it.'],
  ])('refuses %s', async (_name, over, code, message) => {
    expect(await issueSdJwt(await issueInput(over as Partial<SdJwtIssueInput>))).toEqual({ ok: false, error: { code, message } })
  })
})

describe('presentSdJwt', () => {
  it('keeps two of the disclosures and binds them with a KB-JWT that verifies here', async () => {
    const sd = await issued()
    const given = sd.disclosures.findIndex((d) => d.content.kind === 'property' && d.content.name === 'given_name')
    const birth = sd.disclosures.findIndex((d) => d.content.kind === 'property' && d.content.name === 'birthdate')
    const presented = await presentSdJwt({ sdJwt: sd.sdJwt, include: [given, birth], holderKey: await key(keys.holder), aud: 'https://verifier.example.org', nonce: 'n-0S6_WzA2Mj', iat: NOW })
    if (!presented.ok) throw new Error(presented.error.message)
    const v = await verifySdJwt(presented.value, { issuerKeys: await keyInput(publicOf(keys.issuer)), keyBinding: { aud: 'https://verifier.example.org', nonce: 'n-0S6_WzA2Mj', now: NOW } })
    if (!v.ok) throw new Error(v.error.message)
    expect(v.value.checks.filter((c) => c.verdict !== 'pass')).toEqual([])
    expect(v.value.accepted).toBe(true)
    expect(v.value.processed.processedPayload['given_name']).toBe('John')
    expect(v.value.processed.processedPayload['family_name']).toBeUndefined()
    const kbHeader = JSON.parse(Buffer.from(presented.value.split('~').pop()?.split('.')[0] ?? '', 'base64url').toString())
    expect(kbHeader).toEqual({ alg: 'ES256', typ: 'kb+jwt' })
  })

  it('refuses a nested disclosure without its parent', async () => {
    const sd = await issued()
    const street = sd.disclosures.findIndex((d) => d.content.kind === 'property' && d.content.name === 'street_address')
    const address = sd.disclosures.findIndex((d) => d.content.kind === 'property' && d.content.name === 'address')
    expect(await presentSdJwt({ sdJwt: sd.sdJwt, include: [street] })).toEqual({
      ok: false,
      error: { code: 'PARENT_NOT_INCLUDED', message: `Disclosure ${street + 1} (street_address) sits inside disclosure ${address + 1} (address): present disclosure ${address + 1} (address) too, or the verifier cannot place it (RFC 9901 §7.2 step 2).` },
    })
    const both = await presentSdJwt({ sdJwt: sd.sdJwt, include: [address, street] })
    expect(both.ok && both.value.split('~').length).toBe(4)
  })

  it.each([
    ['an index out of range', { include: [99] }, 'INVALID_INPUT', 'There is no disclosure 100: the SD-JWT has 7.'],
    ['a KB-JWT without nonce', { include: [0], aud: 'x' }, 'INVALID_INPUT', 'A Key Binding JWT needs the verifier\'s "aud" and the "nonce" it sent (RFC 9901 §4.3): enter both.'],
  ])('refuses %s', async (_name, over, code, message) => {
    const sd = await issued()
    expect(await presentSdJwt({ sdJwt: sd.sdJwt, holderKey: await key(keys.holder), ...over })).toEqual({ ok: false, error: { code, message } })
  })

  it('refuses to sign a KB-JWT with a public key', async () => {
    const sd = await issued()
    const r = await presentSdJwt({ sdJwt: sd.sdJwt, include: [0], holderKey: await key(publicOf(keys.holder)), aud: 'a', nonce: 'n' })
    expect(r.ok ? '' : r.error.message).toBe('A Key Binding JWT is signed with the holder\'s private key, but the key given is a public key. Paste the private key whose public key is in "cnf".')
  })
})

describe('cross-implementation with @sd-jwt/core 0.19', () => {
  it('an SD-JWT+KB issued and presented here verifies there', async () => {
    const sd = await issued()
    const presented = await presentSdJwt({ sdJwt: sd.sdJwt, include: [0, 1, 4, 5], holderKey: await key(keys.holder), aud: 'https://verifier.example.org', nonce: 'abc', iat: Math.floor(Date.now() / 1000) })
    if (!presented.ok) throw new Error(presented.error.message)
    const result = await (await theirs()).verify(presented.value, { requireKeyBindings: true, keyBindingNonce: 'abc' })
    expect(result.kb?.payload.aud).toBe('https://verifier.example.org')
    expect((result.payload as Record<string, unknown>)['given_name']).toBe('John')
    expect((result.payload as { address: unknown }).address).toEqual({ street_address: '123 Main St', locality: 'Anytown', country: 'US' })
  })

  it('an SD-JWT+KB issued and presented there verifies here', async () => {
    const them = await theirs()
    const payload = { ...CLAIMS, cnf: { jwk: publicOf(keys.holder) } }
    const credential = await them.issue(payload, { _sd: ['given_name', 'family_name', 'address'], address: { _sd: ['street_address'] }, nationalities: { _sd: [1] } } as never, { header: { typ: 'dc+sd-jwt' } })
    const iat = Math.floor(Date.now() / 1000)
    const presented = await them.present(credential, { given_name: true, address: { street_address: true }, nationalities: { 1: true } } as never, { kb: { payload: { aud: 'https://verifier.example.org', nonce: 'xyz', iat } } })
    const v = await verifySdJwt(presented, { issuerKeys: await keyInput(publicOf(keys.issuer)), keyBinding: { aud: 'https://verifier.example.org', nonce: 'xyz', now: iat } })
    if (!v.ok) throw new Error(v.error.message)
    expect(v.value.checks.filter((c) => c.verdict !== 'pass')).toEqual([])
    expect(v.value.accepted).toBe(true)
    expect(v.value.processed.processedPayload['given_name']).toBe('John')
    expect(v.value.processed.processedPayload['address']).toEqual({ street_address: '123 Main St', locality: 'Anytown', country: 'US' })
    expect(v.value.processed.processedPayload['nationalities']).toEqual(['US', 'DE'])
    expect(v.value.processed.processedPayload['family_name']).toBeUndefined()
  })
})

describe('issuing under other JWS algorithms', () => {
  const pair = ({ privateKey, publicKey }: { privateKey: KeyObject; publicKey: KeyObject }) => ({ priv: privateKey.export({ format: 'jwk' }), pub: publicKey.export({ format: 'jwk' }) })
  it.each([
    ['ES384', () => pair(generateKeyPairSync('ec', { namedCurve: 'P-384' }))],
    ['EdDSA', () => pair(generateKeyPairSync('ed25519'))],
    ['PS256', () => pair(generateKeyPairSync('rsa', { modulusLength: 2048 }))],
    ['HS256', () => {
      const k = { kty: 'oct', k: randomBytes(32).toString('base64url') }
      return { priv: k, pub: k }
    }],
  ])('%s: issued here, the issuer signature verifies with the public key', async (alg, make) => {
    const { priv, pub } = make()
    const sd = await issued({ headerJson: JSON.stringify({ alg, typ: 'example+sd-jwt' }), issuerKey: await key(priv) })
    const v = await verifySdJwt(sd.sdJwt, { issuerKeys: await keyInput(pub), keyBinding: { now: NOW } })
    if (!v.ok) throw new Error(v.error.message)
    expect(v.value.issuerSignature).toMatchObject({ valid: true, alg })
    expect(v.value.accepted).toBe(true)
  })
})

describe('alg none is refused on both JWTs', () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  it('an unsigned issuer JWT fails the issuer signature row', async () => {
    const text = `${b64({ alg: 'none' })}.${b64({ iss: 'x' })}.~`
    const v = await verifySdJwt(text, { issuerKeys: await keyInput(publicOf(keys.issuer)), keyBinding: { now: NOW } })
    expect(v.ok && v.value.checks[0]).toEqual({ id: 'issuer-signature', verdict: 'fail', title: "The issuer's signature is valid", detail: "the token is unsecured (alg 'none') and has no signature", reference: 'RFC 9901 §7.1 step 2' })
    expect(v.ok && v.value.accepted).toBe(false)
  })

  it('an unsigned KB-JWT fails the KB signature row', async () => {
    const sd = await issued()
    const bare = sd.sdJwt
    const kb = `${b64({ alg: 'none', typ: 'kb+jwt' })}.${b64({ iat: NOW, aud: 'a', nonce: 'n', sd_hash: createHash('sha256').update(bare).digest('base64url') })}.`
    const v = await verifySdJwt(bare + kb, { issuerKeys: await keyInput(publicOf(keys.issuer)), keyBinding: { aud: 'a', nonce: 'n', now: NOW } })
    if (!v.ok) throw new Error(v.error.message)
    expect(v.value.checks.find((c) => c.id === 'kb-signature')?.verdict).toBe('fail')
    expect(v.value.checks.find((c) => c.id === 'kb-sd-hash')?.verdict).toBe('pass')
    expect(v.value.accepted).toBe(false)
  })
})
