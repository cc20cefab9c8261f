/**
 * Key material for the differential test, and the forms in which a user may paste it. Every form
 * carries two views of the same key: the text the core parses, and the key jose is given, built
 * independently with node:crypto or as the JWK/JWKS object itself (so jose applies its own `use`,
 * `alg` and `key_ops` rules). Signing is done with node:crypto, never with the core's signer.
 */
import { constants, createHmac, createPrivateKey, createPublicKey, sign as nodeSign, X509Certificate, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createLocalJWKSet } from 'jose'
import type { SecretEncoding } from '../../src/core'
import { bigFromBytes, emsaPkcs1, emsaPss, rabinSignature, smallOrderForgery, ED25519_SMALL_ORDER, type HashName } from './forge'
import type { Prng } from './prng'

export type Alg =
  | 'HS256' | 'HS384' | 'HS512'
  | 'RS256' | 'RS384' | 'RS512'
  | 'PS256' | 'PS384' | 'PS512'
  | 'ES256' | 'ES384' | 'ES512'
  | 'EdDSA' | 'Ed25519'

/** Every algorithm the core verifies. */
export const ALGS: readonly Alg[] = [
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519',
]

type Jwk = Record<string, unknown>

/** What jose's compactVerify is given: a KeyObject, secret bytes, a JWK object or a key resolver. */
export type JoseKey = KeyObject | Uint8Array | Jwk | ReturnType<typeof createLocalJWKSet> | ((header: { alg?: unknown }) => Promise<CryptoKey | Uint8Array>)

const HMAC_HASH: Readonly<Record<string, string>> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' }

/**
 * An HMAC secret for jose: imported once per hash with WebCrypto (jose would import raw bytes again
 * on every call), and the raw bytes for any other `alg`, which jose then judges itself.
 */
function hmacKeys(secret: Uint8Array): (header: { alg?: unknown }) => Promise<CryptoKey | Uint8Array> {
  const bytes = new Uint8Array(secret)
  const imported = new Map<string, Promise<CryptoKey>>()
  return async (header) => {
    const hash = typeof header.alg === 'string' && Object.hasOwn(HMAC_HASH, header.alg) ? HMAC_HASH[header.alg] : undefined
    if (hash === undefined) return bytes
    let key = imported.get(hash)
    if (key === undefined) {
      key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash }, false, ['verify'])
      imported.set(hash, key)
    }
    return key
  }
}

/**
 * - `legit`: a key that fits its tokens; both verifiers should accept unmutated tokens.
 * - `confusion`: public/private key material pasted as an HMAC secret (algorithm confusion).
 * - `degenerate`: an RSA key with e = 1 or an even e, or an Ed25519 small-order point, with a
 *   signature forged without any private key.
 * - `small-modulus`: a genuine RSA key under 2048 bits.
 * - `jwk-member`: a JWK whose `key_ops`, `use` or `alg` member was changed.
 */
export type FormKind = 'legit' | 'confusion' | 'degenerate' | 'small-modulus' | 'jwk-member'

export interface KeyForm {
  /** Stable name, e.g. `rsa-2048/spki-pem`; also the memo key of the signatures made with it. */
  readonly id: string
  readonly kind: FormKind
  /** The text pasted into the verification key, and its secret encoding. */
  readonly text: string
  readonly encoding: SecretEncoding
  readonly jose: JoseKey
  /** The `kid` that selects the key in a JWKS form. */
  readonly kid?: string
  /** Names the key that signs; forms of the same key share it, and with it their signatures. */
  readonly signer: string
  /** Signature bytes over `input` made with the primitive of `alg`, or undefined when none can be made. */
  readonly sign: (alg: Alg, input: Uint8Array) => Uint8Array | undefined
}

type MaterialType = 'hmac' | 'rsa' | 'ec' | 'ed25519'

interface Material {
  readonly id: string
  readonly type: MaterialType
  readonly algs: readonly Alg[]
  readonly secret?: Uint8Array
  /** The secret as the user types it (UTF-8 secrets only). */
  readonly secretText?: string
  readonly privateKey?: KeyObject
  readonly publicKey?: KeyObject
  readonly publicJwk?: Jwk
  readonly privateJwk?: Jwk
  readonly spkiPem?: string
  readonly spkiDer?: Uint8Array
  readonly pkcs8Pem?: string
  readonly pkcs1Pem?: string
  readonly certPem?: string
  readonly sec1Pem?: string
}

const FIXTURES = new URL('../fixtures/keys/', import.meta.url)
const OWN = new URL('./keys/', import.meta.url)
const read = (dir: URL, file: string) => readFileSync(new URL(file, dir), 'utf8')

const RSA_ALGS: readonly Alg[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']

export const HASH_OF: Readonly<Record<Alg, HashName | null>> = {
  HS256: 'sha256', HS384: 'sha384', HS512: 'sha512',
  RS256: 'sha256', RS384: 'sha384', RS512: 'sha512',
  PS256: 'sha256', PS384: 'sha384', PS512: 'sha512',
  ES256: 'sha256', ES384: 'sha384', ES512: 'sha512',
  EdDSA: null, Ed25519: null,
}

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const wrap = (text: string, width: number, eol = '\n') => (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol)
const bodyOf = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')

function asymmetric(id: string, type: MaterialType, algs: readonly Alg[], privatePem: string, extra: Partial<Material> = {}): Material {
  const privateKey = createPrivateKey(privatePem)
  const publicKey = createPublicKey(privateKey)
  return {
    id,
    type,
    algs,
    privateKey,
    publicKey,
    publicJwk: publicKey.export({ format: 'jwk' }) as Jwk,
    privateJwk: privateKey.export({ format: 'jwk' }) as Jwk,
    spkiPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    spkiDer: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ...(type === 'rsa' ? { pkcs1Pem: publicKey.export({ type: 'pkcs1', format: 'pem' }) as string } : {}),
    ...extra,
  }
}

function secretMaterial(id: string, secret: Uint8Array, secretText?: string): Material {
  return { id, type: 'hmac', algs: ['HS256', 'HS384', 'HS512'], secret, ...(secretText !== undefined ? { secretText } : {}) }
}

function nodeSignature(material: Material, alg: Alg, input: Uint8Array): Uint8Array {
  const hash = HASH_OF[alg]
  if (alg.startsWith('HS')) return new Uint8Array(createHmac(hash as string, material.secret as Uint8Array).update(input).digest())
  const key = material.privateKey as KeyObject
  if (alg.startsWith('RS')) return new Uint8Array(nodeSign(hash, input, key))
  if (alg.startsWith('PS')) return new Uint8Array(nodeSign(hash, input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }))
  if (alg.startsWith('ES')) return new Uint8Array(nodeSign(hash, input, { key, dsaEncoding: 'ieee-p1363' }))
  return new Uint8Array(nodeSign(null, input, key))
}

/** Whether `material` can make a signature with the primitive of `alg`. */
function canSign(material: Material, alg: Alg): boolean {
  return material.algs.includes(alg)
}

/** All key material, built once per test file from the fixtures and a seeded generator. */
export class KeyWorld {
  readonly materials: ReadonlyMap<string, Material>
  private readonly forms = new Map<string, KeyForm>()
  private readonly signatures = new Map<string, Uint8Array | undefined>()

  constructor(prng: Prng) {
    const list: Material[] = [
      secretMaterial('hmac-text', new TextEncoder().encode('correct horse battery staple, 2024!'), 'correct horse battery staple, 2024!'),
      secretMaterial('hmac-unicode', new TextEncoder().encode('sécret-ключ-🔑 with spaces '), 'sécret-ключ-🔑 with spaces '),
      secretMaterial('hmac-short', new TextEncoder().encode('secret'), 'secret'),
      secretMaterial('hmac-32', prng.bytes(32)),
      secretMaterial('hmac-64', prng.bytes(64)),
      asymmetric('rsa-2048', 'rsa', RSA_ALGS, read(FIXTURES, 'rsa-2048-pkcs8.pem'), { certPem: read(FIXTURES, 'rsa-2048-cert.pem') }),
      asymmetric('rsa-3072', 'rsa', RSA_ALGS, read(OWN, 'rsa-3072-pkcs8.pem')),
      asymmetric('rsa-1024', 'rsa', RSA_ALGS.filter((a) => a !== 'PS512'), read(OWN, 'rsa-1024-pkcs8.pem')),
      asymmetric('rsa-512', 'rsa', ['RS256'], read(OWN, 'rsa-512-pkcs8.pem')),
      asymmetric('ec-p256', 'ec', ['ES256'], read(FIXTURES, 'ec-p256-pkcs8.pem'), { certPem: read(FIXTURES, 'ec-p256-cert.pem'), sec1Pem: read(FIXTURES, 'ec-p256-sec1.pem') }),
      asymmetric('ec-p384', 'ec', ['ES384'], read(FIXTURES, 'ec-p384-pkcs8.pem'), { certPem: read(FIXTURES, 'ec-p384-cert.pem'), sec1Pem: read(FIXTURES, 'ec-p384-sec1.pem') }),
      asymmetric('ec-p521', 'ec', ['ES512'], read(FIXTURES, 'ec-p521-pkcs8.pem'), { certPem: read(FIXTURES, 'ec-p521-cert.pem'), sec1Pem: read(FIXTURES, 'ec-p521-sec1.pem') }),
      asymmetric('ed25519', 'ed25519', ['EdDSA', 'Ed25519'], read(FIXTURES, 'ed25519-pkcs8.pem'), { certPem: read(FIXTURES, 'ed25519-cert.pem') }),
    ]
    this.materials = new Map(list.map((m) => [m.id, m]))
  }

  private material(id: string): Material {
    const m = this.materials.get(id)
    if (m === undefined) throw new Error(`no key material ${id}`)
    return m
  }

  /** Memoized signing: the case generator reuses a small set of signing inputs on purpose. */
  signature(form: KeyForm, alg: Alg, input: Uint8Array): Uint8Array | undefined {
    const memo = `${form.signer}|${alg}|${Buffer.from(input).toString('latin1')}`
    if (!this.signatures.has(memo)) this.signatures.set(memo, form.sign(alg, input))
    return this.signatures.get(memo)
  }

  private form(id: string, build: () => Omit<KeyForm, 'id'>): KeyForm {
    let form = this.forms.get(id)
    if (form === undefined) {
      form = { id, ...build() }
      this.forms.set(id, form)
    }
    return form
  }

  /** A legitimate pasted form of a key that signs `alg`. */
  legitForm(prng: Prng, alg: Alg): KeyForm {
    if (alg.startsWith('HS')) {
      const m = this.material(prng.pick(['hmac-text', 'hmac-unicode', 'hmac-short', 'hmac-32', 'hmac-64']))
      const typed = m.secretText !== undefined
      const label = prng.pick(typed ? ['utf8', 'utf8', 'jwk-oct'] : ['base64url', 'base64', 'base64-wrapped', 'hex', 'hex-0x', 'jwk-oct'])
      return this.secretForm(m, label)
    }
    // RSA-3072 signs slowly; a quarter of the RSA cases is enough to cover a second modulus size.
    const ids = alg.startsWith('ES') ? [{ ES256: 'ec-p256', ES384: 'ec-p384', ES512: 'ec-p521' }[alg as 'ES256']] : alg.startsWith('Ed') ? ['ed25519'] : ['rsa-2048', 'rsa-2048', 'rsa-2048', 'rsa-3072']
    const m = this.material(prng.pick(ids))
    const labels = ['spki-pem', 'spki-pem', 'spki-pem-crlf', 'pkcs8-pem', 'jwk', 'jwk', 'jwk-private', 'jwk-alg-use', 'jwks', 'jwks', 'bare-spki-line', 'bare-spki-wrapped']
    if (m.pkcs1Pem !== undefined) labels.push('pkcs1-pem')
    if (m.certPem !== undefined) labels.push('cert-pem')
    if (m.sec1Pem !== undefined) labels.push('sec1-pem')
    return this.asymmetricForm(m, prng.pick(labels), alg, prng.int(4))
  }

  private secretForm(m: Material, label: string): KeyForm {
    const secret = m.secret as Uint8Array
    return this.form(`${m.id}/${label}`, () => {
      const sign = (alg: Alg, input: Uint8Array) => (alg.startsWith('HS') ? nodeSignature(m, alg, input) : undefined)
      const bytes = hmacKeys(secret)
      switch (label) {
        case 'utf8':
          return { kind: 'legit', signer: m.id, text: m.secretText as string, encoding: 'utf8', jose: bytes, sign }
        case 'base64url':
          return { kind: 'legit', signer: m.id, text: b64u(secret), encoding: 'base64url', jose: bytes, sign }
        case 'base64':
          return { kind: 'legit', signer: m.id, text: b64(secret), encoding: 'base64', jose: bytes, sign }
        case 'base64-wrapped':
          return { kind: 'legit', signer: m.id, text: `${wrap(b64(secret), 20)}\n`, encoding: 'base64', jose: bytes, sign }
        case 'hex':
          return { kind: 'legit', signer: m.id, text: Buffer.from(secret).toString('hex'), encoding: 'hex', jose: bytes, sign }
        case 'hex-0x':
          return { kind: 'legit', signer: m.id, text: `0x${Buffer.from(secret).toString('hex').toUpperCase()}`, encoding: 'hex', jose: bytes, sign }
        default: {
          const jwk = { kty: 'oct', k: b64u(secret) }
          return { kind: 'legit', signer: m.id, text: JSON.stringify(jwk), encoding: 'utf8', jose: { ...jwk }, sign }
        }
      }
    })
  }

  private asymmetricForm(m: Material, label: string, alg: Alg, arrangement: number): KeyForm {
    const id = label === 'jwks' ? `${m.id}/jwks/${arrangement}` : label === 'jwk-alg-use' ? `${m.id}/jwk-alg-use/${alg}` : `${m.id}/${label}`
    return this.form(id, () => {
      const sign = (a: Alg, input: Uint8Array) => (canSign(m, a) ? nodeSignature(m, a, input) : undefined)
      const kind: FormKind = m.id === 'rsa-1024' || m.id === 'rsa-512' ? 'small-modulus' : 'legit'
      const der = () => createPublicKey({ key: Buffer.from(m.spkiDer as Uint8Array), format: 'der', type: 'spki' })
      switch (label) {
        case 'spki-pem':
          return { kind, signer: m.id, text: m.spkiPem as string, encoding: 'utf8', jose: createPublicKey(m.spkiPem as string), sign }
        case 'spki-pem-crlf':
          return { kind, signer: m.id, text: (m.spkiPem as string).replace(/\n/g, '\r\n'), encoding: 'utf8', jose: createPublicKey(m.spkiPem as string), sign }
        case 'pkcs1-pem':
          return { kind, signer: m.id, text: m.pkcs1Pem as string, encoding: 'utf8', jose: createPublicKey(m.pkcs1Pem as string), sign }
        case 'cert-pem':
          return { kind, signer: m.id, text: m.certPem as string, encoding: 'utf8', jose: new X509Certificate(m.certPem as string).publicKey, sign }
        case 'pkcs8-pem':
          return { kind, signer: m.id, text: m.pkcs8Pem as string, encoding: 'utf8', jose: createPublicKey(createPrivateKey(m.pkcs8Pem as string)), sign }
        case 'sec1-pem':
          return { kind, signer: m.id, text: m.sec1Pem as string, encoding: 'utf8', jose: createPublicKey(createPrivateKey(m.sec1Pem as string)), sign }
        case 'jwk':
          return { kind, signer: m.id, text: JSON.stringify(m.publicJwk), encoding: 'utf8', jose: { ...m.publicJwk }, sign }
        case 'jwk-private': {
          const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = m.privateJwk as Jwk
          return { kind, signer: m.id, text: JSON.stringify(m.privateJwk), encoding: 'utf8', jose: pub, sign }
        }
        case 'jwk-alg-use': {
          const jwk = { ...m.publicJwk, kid: `${m.id}-key`, alg, use: 'sig', key_ops: ['verify'] }
          return { kind, signer: m.id, text: JSON.stringify(jwk, null, 2), encoding: 'utf8', jose: { ...jwk, key_ops: ['verify'] }, sign }
        }
        case 'jwks': {
          const kid = `${m.id}-key`
          const decoys = this.decoys(m.id, arrangement)
          const keys = [...decoys.slice(0, arrangement % 2), { ...m.publicJwk, kid }, ...decoys.slice(arrangement % 2)]
          const jwks = { keys }
          return { kind, signer: m.id, text: JSON.stringify(jwks), encoding: 'utf8', jose: createLocalJWKSet(structuredClone(jwks)), kid, sign }
        }
        case 'bare-spki-line':
          return { kind, signer: m.id, text: bodyOf(m.spkiPem as string), encoding: 'utf8', jose: der(), sign }
        default:
          return { kind, signer: m.id, text: `${wrap(bodyOf(m.spkiPem as string), 64)}\n`, encoding: 'utf8', jose: der(), sign }
      }
    })
  }

  /** Other public keys that share a JWKS with the target; arrangement 2 and 3 add a second RSA key. */
  private decoys(targetId: string, arrangement: number): Jwk[] {
    const ids = ['ec-p256', 'ed25519', 'ec-p384']
    if (arrangement >= 2) ids.push(targetId === 'rsa-2048' ? 'rsa-3072' : 'rsa-2048')
    return ids.filter((id) => id !== targetId).map((id) => ({ ...this.material(id).publicJwk, kid: `${id}-key` }))
  }

  /** Key material pasted as an HMAC secret: jose gets the raw bytes, the core must see a key. */
  confusionForm(prng: Prng): KeyForm {
    const m = this.material(prng.pick(['rsa-2048', 'rsa-3072', 'ec-p256', 'ec-p384', 'ec-p521', 'ed25519']))
    const labels = ['spki-pem', 'pkcs8-pem', 'bare-spki-line', 'bare-spki-wrapped', 'bare-spki-crlf', 'der-base64', 'der-base64-wrapped', 'der-base64url', 'der-hex', 'jwk']
    if (m.pkcs1Pem !== undefined) labels.push('pkcs1-pem', 'bare-pkcs1')
    if (m.certPem !== undefined) labels.push('cert-pem', 'bare-cert')
    const label = prng.pick(labels)
    return this.form(`${m.id}/as-hmac-secret/${label}`, () => {
      const der = m.spkiDer as Uint8Array
      const [text, encoding, bytes]: [string, SecretEncoding, Uint8Array | undefined] = (() => {
        switch (label) {
          case 'spki-pem': return [m.spkiPem as string, 'utf8', undefined]
          case 'pkcs8-pem': return [m.pkcs8Pem as string, 'utf8', undefined]
          case 'pkcs1-pem': return [m.pkcs1Pem as string, 'utf8', undefined]
          case 'cert-pem': return [m.certPem as string, 'utf8', undefined]
          case 'bare-spki-line': return [bodyOf(m.spkiPem as string), 'utf8', undefined]
          case 'bare-spki-wrapped': return [`${wrap(bodyOf(m.spkiPem as string), 64)}\n`, 'utf8', undefined]
          case 'bare-spki-crlf': return [wrap(bodyOf(m.spkiPem as string), 76, '\r\n'), 'utf8', undefined]
          case 'bare-pkcs1': return [bodyOf(m.pkcs1Pem as string), 'utf8', undefined]
          case 'bare-cert': return [bodyOf(m.certPem as string), 'utf8', undefined]
          case 'der-base64': return [b64(der), 'base64', der]
          case 'der-base64-wrapped': return [wrap(b64(der), 64), 'base64', der]
          case 'der-base64url': return [b64u(der), 'base64url', der]
          case 'der-hex': return [Buffer.from(der).toString('hex'), 'hex', der]
          default: return [JSON.stringify(m.publicJwk), 'utf8', undefined]
        }
      })()
      const secret = bytes ?? new TextEncoder().encode(text)
      const asSecret: Material = { id: `${m.id}-as-secret`, type: 'hmac', algs: ['HS256', 'HS384', 'HS512'], secret }
      const sign = (alg: Alg, input: Uint8Array) => (alg.startsWith('HS') ? nodeSignature(asSecret, alg, input) : undefined)
      return { kind: 'confusion', signer: `${m.id}/as-hmac-secret/${label}`, text, encoding, jose: hmacKeys(secret), sign }
    })
  }

  /** A genuine RSA key under 2048 bits (512 bits hold only the RS256 padding, 1024 bits all but PS512's). */
  smallModulusForm(prng: Prng, alg: Alg): KeyForm {
    const m = this.material(alg === 'RS256' ? prng.pick(['rsa-512', 'rsa-1024']) : 'rsa-1024')
    return this.asymmetricForm(m, prng.pick(['spki-pem', 'jwk', 'pkcs1-pem']), alg, 0)
  }

  /** A degenerate key that fits `alg` (RSA or Ed25519), with forged signatures. */
  degenerateForm(prng: Prng, alg: Alg): KeyForm | undefined {
    if (alg.startsWith('Ed')) {
      const hex = prng.pick(ED25519_SMALL_ORDER)
      const x = new Uint8Array(Buffer.from(hex, 'hex'))
      const jwk = { kty: 'OKP', crv: 'Ed25519', x: b64u(x) }
      const asPem = prng.chance(0.3)
      return this.form(`ed25519-small-order/${hex}/${asPem ? 'spki-pem' : 'jwk'}`, () => {
        const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(x)])
        const text = asPem ? `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n` : JSON.stringify(jwk)
        return { kind: 'degenerate', signer: `ed25519-small-order/${hex}`, text, encoding: 'utf8', jose: { ...jwk }, sign: (a, input) => (a.startsWith('Ed') ? smallOrderForgery(x, input) : undefined) }
      })
    }
    if (!alg.startsWith('RS') && !alg.startsWith('PS')) return undefined
    const m = this.material('rsa-2048')
    const exponent = prng.pick(['e1', 'e1', 'e2'])
    const asPem = prng.chance(0.3)
    return this.form(`rsa-2048-${exponent}/${asPem ? 'spki-pem' : 'jwk'}`, () => {
      const jwk = { kty: 'RSA', n: (m.publicJwk as Jwk).n, e: exponent === 'e1' ? 'AQ' : 'Ag' }
      const text = asPem ? (createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string) : JSON.stringify(jwk)
      const modBits = 2048
      const priv = m.privateJwk as Jwk
      const p = bigFromBytes(Buffer.from(priv.p as string, 'base64url'))
      const q = bigFromBytes(Buffer.from(priv.q as string, 'base64url'))
      const sign = (a: Alg, input: Uint8Array): Uint8Array | undefined => {
        const hash = HASH_OF[a]
        if (hash === null || !(a.startsWith('RS') || a.startsWith('PS'))) return undefined
        if (exponent === 'e1') return a.startsWith('RS') ? emsaPkcs1(input, hash, modBits / 8) : emsaPss(input, hash, modBits)
        if (a.startsWith('RS')) return rabinSignature(emsaPkcs1(input, hash, modBits / 8), p, q)
        for (let attempt = 0; attempt < 64; attempt++) {
          const sig = rabinSignature(emsaPss(input, hash, modBits), p, q)
          if (sig !== undefined) return sig
        }
        return undefined
      }
      return { kind: 'degenerate', signer: `rsa-2048-${exponent}`, text, encoding: 'utf8', jose: { ...jwk }, sign }
    })
  }

  /** A legitimate JWK whose `key_ops`, `use` or `alg` was changed; jose gets the changed JWK too. */
  jwkMemberForm(prng: Prng, alg: Alg): KeyForm {
    const base = this.legitForm(prng, alg)
    const m = [...this.materials.values()].find((x) => base.id.startsWith(`${x.id}/`)) as Material
    const jwk: Jwk = m.type === 'hmac' ? { kty: 'oct', k: b64u(m.secret as Uint8Array) } : { ...m.publicJwk }
    const which = prng.pick(['key_ops', 'key_ops', 'use', 'alg', 'alg'])
    let variant: string
    if (which === 'key_ops') {
      const choices: unknown[] = [['sign'], ['encrypt'], [], ['verify'], ['sign', 'verify'], ['verify', 'verify'], 'verify', ['deriveKey']]
      const ops = prng.pick(choices)
      jwk.key_ops = ops
      variant = `key_ops=${JSON.stringify(ops)}`
    } else if (which === 'use') {
      const use = prng.pick(['enc', 'sig', 'SIG', 'signature'])
      jwk.use = use
      variant = `use=${use}`
    } else {
      const same = ALGS.filter((a) => a.slice(0, 2) === alg.slice(0, 2) || (a.startsWith('PS') && alg.startsWith('RS')) || (a.startsWith('RS') && alg.startsWith('PS')))
      const other = prng.pick([...same, alg.toLowerCase(), alg === 'EdDSA' ? 'Ed25519' : alg === 'Ed25519' ? 'EdDSA' : alg])
      jwk.alg = other
      variant = `alg=${other}`
    }
    return this.form(`${m.id}/jwk-member/${variant}`, () => ({
      kind: 'jwk-member',
      signer: m.id,
      text: JSON.stringify(jwk),
      encoding: 'utf8',
      jose: structuredClone(jwk),
      sign: (a, input) => (canSign(m, a) ? nodeSignature(m, a, input) : undefined),
    }))
  }
}
