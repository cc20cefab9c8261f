/**
 * Every lint rule on tokens whose members hold about a megabyte of the worst text for that rule
 * (near-matches of its patterns, long runs, deep nesting). The test timeout is a hang guard, not a
 * benchmark: the quadratic patterns these rules once had took minutes on such input.
 */
import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys/parse'
import { decodeToken } from '../token/decode'
import type { DecodedToken, KeyInput } from '../types'
import { algNoneRule, eddsaDeprecatedRule, es256kHighSRule, keyAlgMismatchRule } from './alg-rules'
import { algSupportRule } from './alg-support-rules'
import { canonicalBase64urlRule, duplicateMemberRule, oversizedTokenRule } from './encoding-rules'
import { critRule, keySourceRule, kidInjectionRule } from './header-rules'
import { lintRules, lintToken, resolveLintContext } from './index'
import { weakRsaKeyRule } from './key-rules'
import { sensitiveDataRule } from './payload-rules'
import { jweHeaderRule } from './jwe-rules'
import { nestedTokenRule } from './nested-rules'
import { personalDataRule } from './personal-data-rules'
import { profileRule } from './profile-rules'
import { hmacSecretRule } from './secret-rules'
import { ecdsaZeroRule } from './signature-rules'
import { iatFutureRule, lifetimeRule, missingExpRule, nbfAfterExpRule } from './time-rules'
import type { LintContext, LintRule } from './types'

const NOW = 1704067200 // 2024-01-01T00:00:00Z
const MB = 1_000_000
// Generous, for a loaded machine: the quadratic versions of these rules took minutes on these inputs.
const HANG_GUARD = 30_000

const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url')
/** `text` repeated to about a megabyte. */
const mega = (text: string, size = MB): string => text.repeat(Math.ceil(size / text.length))
/** A compact JWS from header and payload JSON text and a signature segment as written. */
const token = (header: string, payload = '{}', signature = 'c2ln'): DecodedToken => decodeToken(`${b64u(header)}.${b64u(payload)}.${signature}`)
const junk = `"x":"${mega(' ')}"`

const rsaKey = async (): Promise<KeyInput> => {
  const result = await parseKey(readFileSync(new URL('../../../test/fixtures/keys/rsa-2048-spki.pem', import.meta.url), 'utf8'), { encoding: 'utf8' })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
const rsa1024n = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }).n as string

type Case = readonly [name: string, rule: LintRule, make: () => DecodedToken | Promise<DecodedToken>, context: LintContext | (() => Promise<LintContext>), expected: readonly (readonly [id: string, title: string])[]]

const none: readonly never[] = []

const cases: readonly Case[] = [
  ['alg "nOnE" beside a megabyte of spaces', algNoneRule, () => token(`{"alg":"nOnE",${junk}}`), {}, [['alg-none', 'Unsigned token: alg is "nOnE", a case variant of "none"']]],
  ['alg of a megabyte of "none"', algNoneRule, () => token(`{"alg":"${mega('none')}"}`), {}, none],

  ['HS256 with an RSA key beside a megabyte of spaces', keyAlgMismatchRule, () => token(`{"alg":"HS256",${junk}}`), async () => ({ keys: await rsaKey() }), [['key-alg-confusion', 'HS256 token checked with an asymmetric key: algorithm confusion']]],
  ['alg "HS256" followed by a megabyte of 6', keyAlgMismatchRule, () => token(`{"alg":"HS256${mega('6')}"}`), async () => ({ keys: await rsaKey() }), none],

  ['a megabyte secret of "="', hmacSecretRule, () => token('{"alg":"HS256"}'), { secretText: mega('=') }, none],
  ['a common secret beside a megabyte of spaces', hmacSecretRule, () => token(`{"alg":"HS256",${junk}}`), { secretText: 'secret' }, [['hmac-secret-common', 'HMAC secret is a well-known value'], ['hmac-secret-short', 'HMAC secret shorter than 256 bits']]],

  ['ES256 with a megabyte signature of zeros', ecdsaZeroRule, () => token('{"alg":"ES256"}', '{}', mega('A')), {}, none],
  ['ES256K with a megabyte signature of "_"', es256kHighSRule, () => token('{"alg":"ES256K"}', '{}', mega('_')), {}, none],
  ['ES256K with a high-S signature beside a megabyte of spaces', es256kHighSRule, () => token(`{"alg":"ES256K",${junk}}`, '{}', b64u(new Uint8Array(64).fill(0x80))), {}, [['es256k-high-s', 'ES256K signature with a high S (not low-S normalised)']]],
  ['alg "EdDSA" beside a megabyte of spaces', eddsaDeprecatedRule, () => token(`{"alg":"EdDSA",${junk}}`), {}, [['alg-eddsa-deprecated', 'alg "EdDSA" is deprecated (RFC 9864)']]],
  ['alg of a megabyte of "EdDSA"', eddsaDeprecatedRule, () => token(`{"alg":"${mega('EdDSA')}"}`), {}, none],

  ['ES256 with a zero signature beside a megabyte of spaces', ecdsaZeroRule, () => token(`{"alg":"ES256",${junk}}`, '{}', b64u(new Uint8Array(64))), {}, [['ecdsa-zero-signature', 'ECDSA signature with zero r or s (psychic signature)']]],

  ['jku of a megabyte of "../"', keySourceRule, () => token(`{"alg":"RS256","jku":"https://${mega('../')}"}`), {}, [['header-jku', 'Key URL chosen by the token (jku)']]],
  ['x5u, jwk and x5c of a megabyte each', keySourceRule, () => token(`{"alg":"RS256","x5u":"${mega('%2e')}","jwk":{"kty":"RSA","n":"${mega('A')}","e":"AQAB"},"x5c":[${mega('"MIIB",')}"MIIB"]}`), {}, [
    ['header-x5u', 'Key URL chosen by the token (x5u)'], ['header-jwk', 'Key embedded in the token (jwk)'], ['header-x5c', 'Certificate chain embedded in the token (x5c)'],
  ]],
  ['typ of a megabyte of "dpop+jwt" with a jwk', keySourceRule, () => token(`{"alg":"ES256","typ":"${mega('dpop+jwt')}","jwk":{}}`), {}, [['header-jwk', 'Key embedded in the token (jwk)']]],

  ['kid of a megabyte of "union "', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('union ')}"}`), {}, none],
  ['kid of a megabyte of "union " then "select"', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('union ')}select"}`), {}, [['kid-injection', 'kid looks like an injection attempt']]],
  ['kid "UNION", a megabyte of spaces, "SeLeCt"', kidInjectionRule, () => token(`{"alg":"HS256","kid":"UNION${mega(' ')}SeLeCt"}`), {}, [['kid-injection', 'kid looks like an injection attempt']]],
  ['kid of a megabyte of "union_select_"', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('union_select_')}"}`), {}, none],
  ['kid of a megabyte of "../"', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('../')}"}`), {}, [['kid-injection', 'kid looks like an injection attempt']]],
  ['kid of a megabyte of ".."', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('..')}"}`), {}, none],
  ['kid of a megabyte of "%2e"', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('%2e')}"}`), {}, [['kid-injection', 'kid looks like an injection attempt']]],
  ['kid of a megabyte of "$("', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('$(')}"}`), {}, [['kid-injection', 'kid looks like an injection attempt']]],
  ['kid of a megabyte of "=" and " "', kidInjectionRule, () => token(`{"alg":"HS256","kid":"${mega('= ')}"}`), {}, none],
  ['kid opening a quote that never closes', kidInjectionRule, () => token(`{"alg":"HS256","kid":"'${mega('a')}"}`), {}, [['kid-injection', 'kid looks like an injection attempt']]],

  ['an embedded jwk whose n is a megabyte of zero bits', weakRsaKeyRule, () => token(`{"alg":"RS256","jwk":{"kty":"RSA","n":"${mega('A')}","e":"AQAB"}}`), {}, none],
  ['an embedded jwk whose n is a megabyte of "!"', weakRsaKeyRule, () => token(`{"alg":"RS256","jwk":{"kty":"RSA","n":"${mega('!')}","e":"AQAB"}}`), {}, none],
  ['a 1024-bit embedded jwk beside a megabyte of spaces', weakRsaKeyRule, () => token(`{"alg":"RS256",${junk},"jwk":{"kty":"RSA","n":"${rsa1024n}","e":"AQAB"}}`), {}, [['weak-rsa-key', 'RSA key under 2048 bits (1024 bits)']]],

  ['a megabyte of digits', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"x":"${mega('4')}"}`), {}, none],
  ['a megabyte of "4 " then a card number', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"x":"${mega('4 ')}x 4111 1111 1111 1111"}`), {}, [['sensitive-card', 'Card number in the payload']]],
  ['a megabyte of "4-" and "1234567890123-"', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"x":"${mega('4-')}","y":"${mega('1234567890123-')}"}`), {}, none],
  ['a megabyte of "-----BEGIN A " then a private key', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"x":"${mega('-----BEGIN A ')}-----BEGIN RSA PRIVATE KEY-----"}`), {}, [['sensitive-private-key', 'Private key in the payload']]],
  ['a megabyte of "AKIA" then an access key', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"x":"${mega('AKIA')} AKIAIOSFODNN7EXAMPLE"}`), {}, [['sensitive-aws-key', 'AWS key in the payload']]],
  ['a megabyte of "123-45-" then an SSN', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"x":"${mega('123-45-')} 123-45-6789"}`), {}, [['sensitive-national-id', 'National ID number in the payload']]],
  ['a megabyte of text that is not JSON, ending in a card number', sensitiveDataRule, () => token('{"alg":"HS256"}', `${mega('card? ')}4111111111111111`), {}, [['sensitive-card', 'Card number in the payload']]],
  ['a 10,000-digit integer and a 19-digit card number', sensitiveDataRule, () => token('{"alg":"HS256"}', `{"big":${mega('9', 10_000)},"pan":4111111111111111110}`), {}, [['sensitive-card', 'Card number in the payload']]],

  ['a megabyte of repeated header members', duplicateMemberRule, () => token(`{"alg":"HS256",${mega('"a":1,')}"b":1}`), {}, [['duplicate-member', 'Duplicate member name in the header']]],
  ['a megabyte of repeated members 999 levels deep', duplicateMemberRule, () => token('{"alg":"HS256"}', `${'{"a":'.repeat(999)}{${mega('"b":1,')}"c":1}${'}'.repeat(999)}`), {}, none],

  ['crit listing 60,000 absent names', critRule, () => token(`{"alg":"HS256","crit":${JSON.stringify(Array.from({ length: 60_000 }, (_, i) => `x${i}`))}}`), {}, [['crit-invalid', 'Malformed crit header'], ['crit-unknown', 'Critical extension not understood']]],
  ['crit naming a present member whose name is a megabyte long', critRule, () => token(`{"alg":"HS256","${mega('x')}":1,"crit":["${mega('x')}"]}`), {}, [['crit-unknown', 'Critical extension not understood']]],
  ['crit ["b64"] with b64 false beside a megabyte of spaces', critRule, () => token(`{"alg":"HS256","b64":false,"crit":["b64"],${junk}}`), {}, none],

  ['an ECDH-ES epk with megabyte coordinates', jweHeaderRule, () => decodeToken(`${b64u(`{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"EC","crv":"P-256","x":"${mega('A')}","y":"${mega('_')}"}}`)}.AAAA.AAAAAAAAAAAAAAAA.e30.AAAAAAAAAAAAAAAAAAAAAA`), {}, [['jwe-epk-invalid', 'ECDH-ES ephemeral key is malformed']]],
  ['a PBES2 p2c of a megabyte of digits', jweHeaderRule, () => decodeToken(`${b64u(`{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":${mega('9')}}`)}.AAAA.AAAAAAAAAAAAAAAA.e30.AAAAAAAAAAAAAAAAAAAAAA`), {}, [['jwe-pbes2-high-count', 'PBES2 count p2c is 999999999999999999999...: a receiver spends that many iterations before it can refuse the token']]],

  ['an opened inner token with a megabyte iss beside an envelope that replicates another', nestedTokenRule, () => token('{"alg":"ES256"}', `{"iss":"${mega('i')}"}`), { envelopeHeader: { alg: 'dir', iss: 'x' } }, [['nested-claims-disagree', "The encrypted envelope's header and the inner token disagree"]]],

  ['typ of a megabyte of "at+jwt"', profileRule, () => token(`{"alg":"RS256","typ":"${mega('at+jwt')}"}`), {}, none],
  ['an at+jwt of a megabyte of spaces and no claims', profileRule, () => token(`{"alg":"RS256","typ":"at+jwt",${junk}}`, `{${junk}}`), {}, [['profile-missing-claim', 'JWT access token without iss, exp, aud, sub, client_id, iat and jti']]],
  ['a DPoP proof whose jwk holds a megabyte private key', profileRule, () => token(`{"alg":"ES256","typ":"dpop+jwt","jwk":{"kty":"EC","d":"${mega('A')}"}}`, `{"jti":"1","htm":"GET","htu":"https://a.example","iat":${NOW},"ath":"${mega('_')}"}`), {}, [
    ['dpop-jwk-private', 'DPoP proof publishes its private key (jwk)'], ['dpop-ath-invalid', 'DPoP proof with a malformed ath'],
  ]],
  ['a logout token with a megabyte nonce and 60,000 events', profileRule, () => token('{"alg":"RS256","typ":"logout+jwt"}', `{"nonce":"${mega('n')}","events":{${Array.from({ length: 60_000 }, (_, i) => `"e${i}":{}`).join(',')}}}`), {}, [
    ['profile-missing-claim', 'Logout token without iss, aud, iat, jti and sub or sid'], ['profile-forbidden-claim', 'Logout token with a nonce claim'], ['profile-exp-missing', 'Logout token without exp'],
    ['logout-event-missing', 'Logout token without the back-channel logout event'],
  ]],

  ['alg of a megabyte of "ES256K"', algSupportRule, () => token(`{"alg":"${mega('ES256K')}"}`), {}, none],
  ['ES256K typed dc+sd-jwt beside a megabyte of spaces', algSupportRule, () => token(`{"alg":"ES256K","typ":"dc+sd-jwt",${junk}}`), {}, [['alg-profile-support', 'An SD-JWT verifiable credential signed with ES256K, where HAIP guarantees only ES256']]],
  ['ML-DSA-87 with a megabyte url and nonce', algSupportRule, () => token(`{"alg":"ML-DSA-87","url":"${mega('/')}","nonce":"${mega('n')}","kid":"k"}`), {}, [['alg-profile-support', 'An ACME request signed with ML-DSA-87, where RFC 8555 guarantees only ES256']]],
  ['Ed448 with a megabyte allowlist that lacks it', algSupportRule, () => token('{"alg":"Ed448"}'), { allowedAlgorithms: Array.from({ length: 100_000 }, (_, i) => `A${i}`) }, [['alg-limited-support', 'Ed448: many verifiers cannot check this algorithm']]],

  ['a megabyte payload without exp', missingExpRule, () => token('{"alg":"HS256"}', `{${junk}}`), {}, [['missing-exp', 'Token never expires (no exp claim)']]],
  ['exp as a megabyte string of digits', missingExpRule, () => token('{"alg":"HS256"}', `{"exp":"${mega('9')}"}`), {}, [['exp-not-numeric', 'exp is not a number']]],
  ['exp as a megabyte of digits', missingExpRule, () => token('{"alg":"HS256"}', `{"exp":${mega('9')}}`), {}, none],

  ['a 10,000-digit exp', lifetimeRule, () => token('{"alg":"HS256"}', `{"iat":0,"exp":${mega('9', 10_000)}}`), {}, [['long-lifetime', 'Long-lived token (an unimaginably long time)']]],
  ['a two-day lifetime beside a megabyte of spaces', lifetimeRule, () => token('{"alg":"HS256"}', `{${junk},"iat":${NOW},"exp":${NOW + 2 * 86_400}}`), {}, [['long-lifetime', 'Long-lived token (2 days)']]],
  ['iat an hour ahead beside a megabyte of spaces', iatFutureRule, () => token('{"alg":"HS256"}', `{${junk},"iat":${NOW + 3600}}`), {}, [['iat-in-future', 'Issued in the future (iat)']]],
  ['iat as a megabyte of digits', iatFutureRule, () => token('{"alg":"HS256"}', `{"iat":${mega('9')}}`), {}, none],
  ['nbf equal to exp beside a megabyte of spaces', nbfAfterExpRule, () => token('{"alg":"HS256"}', `{${junk},"nbf":${NOW},"exp":${NOW}}`), {}, [['nbf-after-exp', 'Never valid: nbf is not before exp']]],

  ['a signature of a megabyte of "="', canonicalBase64urlRule, () => token('{"alg":"HS256"}', '{}', mega('=')), {}, [['non-canonical-base64url', 'Non-canonical base64url']]],
  ['a signature of a megabyte of "+/"', canonicalBase64urlRule, () => token('{"alg":"HS256"}', '{}', mega('+/')), {}, [['non-canonical-base64url', 'Non-canonical base64url']]],
  ['a megabyte of "a."', canonicalBase64urlRule, () => decodeToken(mega('a.')), {}, none],

  ['a megabyte of "a@" under sub', personalDataRule, () => token('{"alg":"HS256"}', `{"sub":"${mega('a@')}"}`), {}, none],
  ['a megabyte of "a@b." then a space', personalDataRule, () => token('{"alg":"HS256"}', `{"sub":"x@${mega('b.')} "}`), {}, none],
  ['an e-mail address of a megabyte', personalDataRule, () => token('{"alg":"HS256"}', `{"login":"a@${mega('b.')}c"}`), {}, [['personal-data', 'Personal data in the payload']]],
  ['60,000 members of "x" and a name beside a megabyte of spaces', personalDataRule, () => token('{"alg":"HS256"}', `{${junk},${Array.from({ length: 60_000 }, (_, i) => `"m${i}":"x"`).join(',')},"given_name":"Ann"}`), {}, [['personal-data', 'Personal data in the payload']]],

  ['a megabyte token', oversizedTokenRule, () => token(`{"alg":"HS256",${junk}}`), {}, [['oversized-token', 'Token larger than 8 KB']]],
]

describe('every lint rule on a megabyte of hostile text', () => {
  it('has cases for every rule', () => {
    const covered = new Set(cases.map(([, rule]) => rule))
    expect([...lintRules, jweHeaderRule, algSupportRule, profileRule, nestedTokenRule].filter((rule) => !covered.has(rule))).toEqual([])
  })

  it.each(cases)('%s', async (_name, rule, make, context, expected) => {
    const decoded = await make()
    const resolved = resolveLintContext({ now: NOW, ...(typeof context === 'function' ? await context() : context) })
    expect(rule(decoded, resolved).map((f) => [f.id, f.title])).toEqual(expected)
  }, HANG_GUARD)
})

describe('what the findings say about hostile text', () => {
  const run = (rule: LintRule, decoded: DecodedToken) => rule(decoded, resolveLintContext({ now: NOW }))

  it('quotes a megabyte kid short and names the SQL', () => {
    const [finding] = run(kidInjectionRule, token(`{"alg":"HS256","kid":"${mega('union ')}select"}`))
    expect(finding?.explanation).toBe(
      'The kid "union union union union union union union union union uni..." contains SQL characters. Verifiers that build file paths, ' +
      'SQL queries or shell commands from kid can be made to load a key the attacker knows (for example /dev/null or a row they control).',
    )
  }, HANG_GUARD)

  it('says when the payload had more values than it examines', () => {
    const members = Array.from({ length: 60_000 }, (_, i) => `"p${i}":{"pass":"x"}`).join(',')
    const [finding] = run(sensitiveDataRule, token('{"alg":"HS256"}', `{${members}}`))
    // 20,000 values: the payload, then p0, p0.pass, p1, p1.pass, … up to p9999 (whose pass is not reached).
    expect(finding?.explanation).toBe(
      'The payload seems to hold a password or secret (at p0.pass, p1.pass, p2.pass and 9996 more). A signed token is only base64url-encoded, ' +
      'not encrypted: anyone who sees it (browser storage, logs, proxies, this page) can read it. ' +
      'Only the first 20,000 values of the payload were examined; there may be more.',
    )
  }, HANG_GUARD)

  it('shortens a path 1000 levels deep', () => {
    const [finding] = run(sensitiveDataRule, token('{"alg":"HS256"}', `${'['.repeat(999)}"4111111111111111",${mega('"4111 1111 1111 1110",')}1${']'.repeat(999)}`))
    expect(finding?.explanation).toBe(
      `The payload seems to hold a payment card number (at ${'[0]'.repeat(19)}...). A signed token is only base64url-encoded, ` +
      'not encrypted: anyone who sees it (browser storage, logs, proxies, this page) can read it. ' +
      'Only the first 20,000 values of the payload were examined; there may be more.',
    )
  }, HANG_GUARD)

  it('lists 60,000 crit names in a few words', () => {
    const [invalid] = run(critRule, token(`{"alg":"HS256","crit":${JSON.stringify(Array.from({ length: 60_000 }, (_, i) => `x${i}`))}}`))
    expect(invalid?.explanation).toBe('crit lists "x0", "x1", "x2", "x3", "x4" and 59995 more, which are not in the header. Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.')
  }, HANG_GUARD)

  it('lints the whole kid token of the report, which froze the tab for minutes', () => {
    const decoded = token(`{"alg":"HS256","kid":"${mega('union ')}"}`, `{"exp":${NOW + 600}}`)
    expect(lintToken(decoded, { now: NOW }).map((f) => f.id)).toEqual(['oversized-token'])
  }, HANG_GUARD)
})
