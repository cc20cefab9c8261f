/**
 * The core's verification vectors and cross-implementation cases, run inside a browser page on that
 * engine's own WebCrypto. Built into a test page of its own (never into the app), opened by
 * scripts/run-engines.mjs in each engine; every case is reported by id and a mismatch fails the run.
 */
import {
  decodeToken,
  generateKey,
  generateSigningKey,
  loadJwe,
  loadSdJwt,
  parseJwsJson,
  parseKey,
  SIGNING_ALGORITHMS,
  signToken,
  verifyJwsJson,
  verifyToken,
  type KeyInput,
  type SecretEncoding,
  type SigningAlgorithm,
} from '../../src/core'
import jwsVectors from '../fixtures/vectors/jws-valid.json'
import thumbprintVectors from '../fixtures/vectors/jwk-thumbprints.json'
import jwsJson from '../fixtures/vectors/rfc7515-json-serialization.json'
import mlDsa44 from '../fixtures/vectors/rfc9964-ml-dsa-44.json'
import rfc7516 from '../fixtures/vectors/jwe/rfc7516.json'
import rfc7520 from '../fixtures/vectors/jwe/rfc7520.json'
import sdJwt from '../fixtures/vectors/sd-jwt/rfc9901.json'
import manifest from '../fixtures/keys/manifest.json'

/** A token another implementation (node:crypto, liboqs, jose in Node) made, for the page to check. */
export interface CrossCase {
  readonly id: string
  /** `jws`: a compact JWS to verify; `jwe`: a JWE to decrypt to `expected`. */
  readonly kind: 'jws' | 'jwe'
  readonly token: string
  readonly keyText: string
  readonly encoding: SecretEncoding
  /** The JWE plaintext, or the JWS's algorithm. */
  readonly expected: string
}

/** A token this engine signed with a key it generated, for Node to verify independently. */
export interface PageSigned {
  readonly alg: SigningAlgorithm
  readonly token: string
  readonly publicJwk: Record<string, unknown>
}

/** One reported case: `pass` false carries what differed. */
export interface CaseResult {
  readonly id: string
  readonly pass: boolean
  readonly detail?: string
}

/** Everything the page reports back. */
export interface InPageReport {
  readonly userAgent: string
  readonly cases: CaseResult[]
  readonly signed: PageSigned[]
}

const pems = import.meta.glob<string>(['../fixtures/keys/*.pem', '../fixtures/keys/ml-dsa/*.pem'], { query: '?raw', import: 'default', eager: true })
const pemFile = (name: string): string => {
  const text = pems[`../fixtures/keys/${name}`]
  if (text === undefined) throw new Error(`no fixture ${name}`)
  return text
}

/** JSON with object members sorted: JWK member order carries no meaning. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v) ?? 'undefined'

const message = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))

async function keyOf(text: string, encoding: SecretEncoding = 'utf8'): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding })
  if (!parsed.ok) throw new Error(`key did not parse: ${parsed.error.code} ${parsed.error.message}`)
  return parsed.value
}

/** `valid: true` for the token, or the reason it is not. */
async function verdict(token: string, key: KeyInput): Promise<string> {
  const result = await verifyToken(decodeToken(token), key)
  if (!result.ok) return `${result.error.code}: ${result.error.message}`
  return result.value.valid ? 'valid' : `invalid (${result.value.alg})`
}

/** The token with one signature bit changed (the first byte's top bit: never a padding bit). */
function tampered(token: string): string {
  const dot = token.lastIndexOf('.')
  const sig = token.slice(dot + 1)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const first = alphabet[alphabet.indexOf(sig[0] as string) ^ 32] as string
  return `${token.slice(0, dot + 1)}${first}${sig.slice(1)}`
}

/** Runs every case; never throws (a throwing case is a failed case). */
export async function runInPageVectors(cross: readonly CrossCase[]): Promise<InPageReport> {
  const cases: CaseResult[] = []
  const signed: PageSigned[] = []
  const check = async (id: string, body: () => Promise<string | true>): Promise<void> => {
    try {
      const outcome = await body()
      cases.push(outcome === true ? { id, pass: true } : { id, pass: false, detail: outcome })
    } catch (e) {
      cases.push({ id, pass: false, detail: `threw ${message(e)}` })
    }
  }
  const expectEqual = (actual: unknown, expected: unknown): string | true =>
    canonical(actual) === canonical(expected) ? true : `got ${canonical(actual).slice(0, 300)}, expected ${canonical(expected).slice(0, 300)}`

  // Published JWS vectors (RFC 7515, RFC 7520, RFC 8037, …) with every key form each vector carries.
  for (const v of jwsVectors as unknown as { id: string; token: string; key: object; private_key?: object; public_key_pem?: string; private_key_pem?: string; secret_utf8?: string }[]) {
    const forms: [string, string | undefined][] = [
      ['JWK', JSON.stringify(v.key)],
      ['private JWK', v.private_key && JSON.stringify(v.private_key)],
      ['public PEM', v.public_key_pem],
      ['private PEM', v.private_key_pem],
      ['UTF-8 secret', v.secret_utf8],
    ]
    for (const [form, text] of forms) {
      if (text === undefined) continue
      await check(`jws ${v.id} verifies with its ${form}`, async () => expectEqual(await verdict(v.token, await keyOf(text)), 'valid'))
    }
    await check(`jws ${v.id} with one signature bit changed is invalid`, async () => {
      const outcome = await verdict(tampered(v.token), await keyOf(JSON.stringify(v.key)))
      return outcome.startsWith('invalid') || outcome.startsWith('SIGNATURE_') ? true : `got ${outcome}`
    })
  }

  // openssl-written key files: every format reads to the right public JWK and thumbprint.
  for (const set of manifest as unknown as { name: string; files: Record<string, string>; publicJwk: object; thumbprint: string }[]) {
    for (const [flavour, file] of Object.entries(set.files)) {
      await check(`key ${set.name} ${flavour} reads with its thumbprint and public JWK`, async () => {
        const key = (await keyOf(pemFile(file))).keys[0]
        return expectEqual({ thumbprint: key?.thumbprint, jwk: key?.publicJwk }, { thumbprint: set.thumbprint, jwk: set.publicJwk })
      })
    }
  }
  for (const form of ['seed', 'both'] as const) {
    await check(`key ML-DSA-44 RFC 9881 ${form} PEM derives the RFC 9881 public key`, async () => {
      const publicKey = (await keyOf(pemFile('ml-dsa/rfc9881-ml-dsa-44-public.pem'))).keys[0]
      const key = (await keyOf(pemFile(`ml-dsa/rfc9881-ml-dsa-44-${form}.pem`))).keys[0]
      return expectEqual({ pub: key?.publicJwk?.pub, thumbprint: key?.thumbprint }, { pub: publicKey?.publicJwk?.pub, thumbprint: publicKey?.thumbprint })
    })
  }

  for (const v of thumbprintVectors as unknown as { id: string; jwk: object; hash: string; expected: string }[]) {
    if (v.hash !== 'SHA-256') continue
    await check(`thumbprint ${v.id}`, async () => expectEqual((await keyOf(JSON.stringify(v.jwk))).keys[0]?.thumbprint, v.expected))
  }

  await check('jws RFC 7515 A.6 general JSON: both signatures (RS256, ES256) verify by kid', async () => {
    const parsed = parseJwsJson(JSON.stringify(jwsJson.general))
    if (!parsed.ok) return parsed.error.message
    const results = await verifyJwsJson(parsed.value, await keyOf(JSON.stringify(jwsJson.jwks)))
    return expectEqual(results.map((r) => (r.ok ? r.value.valid : r.error.code)), [true, true])
  })
  await check('jws RFC 7515 A.7 flattened JSON verifies', async () => {
    const parsed = parseJwsJson(JSON.stringify(jwsJson.flattened))
    if (!parsed.ok) return parsed.error.message
    const results = await verifyJwsJson(parsed.value, await keyOf(JSON.stringify(jwsJson.jwks)))
    return expectEqual(results.map((r) => (r.ok ? r.value.valid : r.error.code)), [true])
  })
  await check('jws RFC 9964 ML-DSA-44 example verifies with its JWK', async () => {
    const { priv: _priv, ...pub } = mlDsa44.jwk
    return expectEqual(await verdict(mlDsa44.compact, await keyOf(JSON.stringify(pub))), 'valid')
  })

  // JWE: RFC 7516 Appendix A and the RFC 7520 §5 cookbook.
  const jwe = await loadJwe()
  const decrypts = async (text: string, keyText: string, encoding: SecretEncoding, plaintext: string): Promise<string | true> => {
    const result = await jwe.decryptJwe({ text, keyText, encoding })
    if (!result.ok) return `${result.error.code}: ${result.error.message}`
    const failed = result.value.steps.find((s) => s.verdict === 'fail')
    if (failed) return `step ${failed.id} failed: ${failed.explanation}`
    return expectEqual(result.value.plaintextText, plaintext)
  }
  await check('jwe RFC 7516 A.1 RSA-OAEP A256GCM', () => decrypts(rfc7516['A.1'].compact, JSON.stringify(rfc7516['A.1'].key), 'utf8', rfc7516['A.1'].plaintext))
  await check('jwe RFC 7516 A.3 A128KW A128CBC-HS256', () => decrypts(rfc7516['A.3'].compact, JSON.stringify(rfc7516['A.3'].key), 'utf8', rfc7516['A.3'].plaintext))
  await check('jwe RFC 7516 A.2 RSA1_5 is refused with the reason', async () => {
    const result = await jwe.decryptJwe({ text: rfc7516['A.2'].compact, keyText: JSON.stringify(rfc7516['A.1'].key), encoding: 'utf8' })
    return expectEqual(result.ok ? 'decrypted' : result.error.code, 'JWE_ALG_REFUSED')
  })
  type CookbookKey = keyof typeof rfc7520.keys
  const cookbook: [string, string, CookbookKey][] = [
    ['5.2', rfc7520['5.2'].compact, 'samwise'],
    ['5.4', rfc7520['5.4'].compact, 'peregrin'],
    ['5.5', rfc7520['5.5'].compact, 'meriadoc'],
    ['5.6', rfc7520['5.6'].compact, 'a128gcm'],
    ['5.7', rfc7520['5.7'].compact, 'a256gcmkw'],
    ['5.8', rfc7520['5.8'].compact, 'a128kw'],
    ['5.9', rfc7520['5.9'].compact, 'a128kw'],
    ['5.10', JSON.stringify(rfc7520['5.10'].json), 'a128kw'],
    ['5.11', JSON.stringify(rfc7520['5.11'].json), 'a128kw'],
    ['5.12', JSON.stringify(rfc7520['5.12'].json_flat), 'a128kw'],
  ]
  for (const [section, text, name] of cookbook) {
    await check(`jwe RFC 7520 §${section}`, () => decrypts(text, JSON.stringify(rfc7520.keys[name]), 'utf8', rfc7520.plaintext))
  }
  await check('jwe RFC 7520 §5.3 PBES2-HS512+A256KW with the password', () => decrypts(rfc7520['5.3'].compact, rfc7520['5.3'].password, 'utf8', rfc7520['5.3'].plaintext))
  await check('jwe RFC 7520 §5.13 several recipients, the A256GCMKW one', () => decrypts(JSON.stringify(rfc7520['5.13'].json), JSON.stringify(rfc7520.keys.a256gcmkw), 'utf8', rfc7520.plaintext))
  await check('jwe RFC 7520 §6 nested JWT', () => decrypts(rfc7520['6'].compact, JSON.stringify(rfc7520.keys.samwise), 'utf8', rfc7520['6'].inner))

  // JWE round trips in this engine: every key management algorithm, every content encryption.
  for (const alg of jwe.KEY_MANAGEMENT_ALGORITHMS) {
    const encs = alg === 'dir' ? jwe.CONTENT_ENCRYPTION_ALGORITHMS : alg === 'A128KW' ? jwe.CONTENT_ENCRYPTION_ALGORITHMS : ['A256GCM' as const]
    for (const enc of encs) {
      await check(`jwe ${alg} ${enc} encrypts and decrypts`, async () => {
        let keyText = 'correct horse battery staple'
        let decryptText = keyText
        let encoding: SecretEncoding = 'utf8'
        if (!alg.startsWith('PBES2')) {
          const key = await jwe.generateEncryptionKey(alg, { enc })
          if (!key.ok) return `${key.error.code}: ${key.error.message}`
          keyText = key.value.publicText ?? key.value.privateText
          decryptText = key.value.privateText
          encoding = key.value.publicText === undefined ? 'base64url' : 'utf8'
        }
        const plaintext = `plaintext for ${alg} ${enc} ✓`
        const encrypted = await jwe.encryptJwe({ plaintext, alg, enc, keyText, encoding, serialization: 'compact', p2c: 1000 })
        if (!encrypted.ok) return `${encrypted.error.code}: ${encrypted.error.message}`
        return decrypts(encrypted.value.token, decryptText, encoding, plaintext)
      })
    }
  }
  for (const crv of ['P-384', 'P-521', 'X25519'] as const) {
    await check(`jwe ECDH-ES+A128KW on ${crv} encrypts and decrypts`, async () => {
      const key = await jwe.generateEncryptionKey('ECDH-ES+A128KW', { crv })
      if (!key.ok) return `${key.error.code}: ${key.error.message}`
      const encrypted = await jwe.encryptJwe({ plaintext: crv, alg: 'ECDH-ES+A128KW', enc: 'A128GCM', keyText: key.value.publicText ?? '', encoding: 'utf8', serialization: 'flattened' })
      if (!encrypted.ok) return `${encrypted.error.code}: ${encrypted.error.message}`
      return decrypts(encrypted.value.token, key.value.privateText, 'utf8', crv)
    })
  }

  // SD-JWT: RFC 9901 §5 issuance and presentation with key binding.
  const sd = await loadSdJwt()
  const { d: _d, ...issuerPublic } = sdJwt.keys.issuer
  await check('sd-jwt RFC 9901 §5.2 SD-JWT+KB is accepted, every row passing, with the §5.2 processed payload', async () => {
    const kb = sdJwt.finalText.keyBinding
    const result = await sd.verifySdJwt(sdJwt.finalText.presentation, { issuerKeys: await keyOf(JSON.stringify(issuerPublic)), keyBinding: { aud: kb.aud, nonce: kb.nonce, now: kb.iat + 10 } })
    if (!result.ok) return result.error.message
    const failing = result.value.checks.filter((c) => c.verdict !== 'pass').map((c) => c.id)
    return expectEqual({ accepted: result.value.accepted, failing, payload: result.value.processed.processedPayload }, { accepted: true, failing: [], payload: sdJwt.example.processedPresentationPayload })
  })
  await check('sd-jwt RFC 9901 §5.1 issuance: the issuer signature passes', async () => {
    const kb = sdJwt.finalText.keyBinding
    const result = await sd.verifySdJwt(sdJwt.finalText.issuance, { issuerKeys: await keyOf(JSON.stringify(issuerPublic)), keyBinding: { aud: kb.aud, nonce: kb.nonce, now: kb.iat + 10 } })
    if (!result.ok) return result.error.message
    return expectEqual(result.value.checks.find((c) => c.id === 'issuer-signature')?.verdict, 'pass')
  })

  // Generate → sign → verify for every algorithm, in this engine; Node verifies the tokens afterwards.
  for (const alg of SIGNING_ALGORITHMS) {
    await check(`sign ${alg}: a generated key signs, its public key verifies, a changed signature does not`, async () => {
      const generated = await generateSigningKey(alg)
      if (!generated.ok) return `${generated.error.code}: ${generated.error.message}`
      const s = await signToken({ header: JSON.stringify({ alg, typ: 'JWT' }), payload: JSON.stringify({ sub: `engine ${alg}`, iat: 1700000000 }), alg, key: generated.value.key })
      if (!s.ok) return `${s.error.code}: ${s.error.message}`
      const publicKey = await keyOf(generated.value.publicText, generated.value.encoding)
      const good = await verdict(s.value.token, publicKey)
      const bad = await verdict(tampered(s.value.token), publicKey)
      const fromJwk = await verdict(s.value.token, await keyOf(JSON.stringify(generated.value.publicJwk)))
      signed.push({ alg, token: s.value.token, publicJwk: generated.value.publicJwk as Record<string, unknown> })
      return expectEqual({ good, fromJwk, bad: bad.startsWith('invalid') || bad.startsWith('SIGNATURE_') }, { good: 'valid', fromJwk: 'valid', bad: true })
    })
  }

  // WebKitGTK refuses about one Ed25519 generateKey in a hundred; the core draws a fresh key then.
  await check('sign Ed25519: 100 keys generated in a row', async () => {
    for (let i = 0; i < 100; i++) {
      const generated = await generateKey('Ed25519')
      if (!generated.ok) return `key ${String(i + 1)}: ${generated.error.code}: ${generated.error.message}`
    }
    return true
  })

  // Tokens made by other implementations.
  for (const c of cross) {
    await check(`cross ${c.id}`, async () => {
      if (c.kind === 'jwe') return decrypts(c.token, c.keyText, c.encoding, c.expected)
      const key = await keyOf(c.keyText, c.encoding)
      const result = await verifyToken(decodeToken(c.token), key)
      if (!result.ok) return `${result.error.code}: ${result.error.message}`
      const bad = await verdict(tampered(c.token), key)
      return expectEqual({ valid: result.value.valid, alg: result.value.alg, tampered: bad.startsWith('invalid') || bad.startsWith('SIGNATURE_') }, { valid: true, alg: c.expected, tampered: true })
    })
  }

  return { userAgent: navigator.userAgent, cases, signed }
}
