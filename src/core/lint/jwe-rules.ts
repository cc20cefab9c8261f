/**
 * JWE header rules: what the protected header of an encrypted token says about its safety before
 * anything is decrypted — RSA1_5 (a padding oracle), PBES2 counts too low to slow guessing or high
 * enough to stall a receiver, compression (an oracle on the plaintext), `dir` (one key for every
 * token) and ECDH-ES ephemeral keys on the wrong curve or off their curve (invalid-curve attacks).
 */
import { CONTENT_ENCRYPTION, KEY_MANAGEMENT, lookup } from '../jwe/algorithms'
import { DEFAULT_MAX_PBES2_COUNT } from '../jwe/types'
import type { JsonValue } from '../types'
import type { Finding, LintRule } from './types'
import { asObject, headerObject, lastMember, member, memberLocation, quote, showJson, type JsonObject } from './token-parts'

/** RFC 7518 §4.8.1.2: "A minimum iteration count of 1000 is RECOMMENDED." */
export const MIN_PBES2_COUNT = 1000

/** Counts above this stall a receiver for seconds per token: the decrypter's default bound, so lint and decryption agree. */
export const HIGH_PBES2_COUNT = DEFAULT_MAX_PBES2_COUNT

/** `RSA1_5` key encryption. */
export const rsa15Rule: LintRule = (token) => {
  if (token.kind !== 'jwe' || member(headerObject(token), 'alg') !== 'RSA1_5') return []
  return [{
    id: 'jwe-rsa1_5',
    severity: 'high',
    title: 'RSA1_5 key encryption (a padding oracle)',
    explanation:
      'The content key is encrypted with RSAES-PKCS1-v1_5. A receiver whose answers, errors or timing differ when the padding is wrong lets an attacker ' +
      'decrypt the key with a series of crafted tokens (Bleichenbacher\'s attack), and constant-time handling is hard to get right. Maintained libraries, jose among them, no longer offer it.',
    fix: 'Encrypt with RSA-OAEP-256 (same RSA key) or ECDH-ES+A256KW, and have receivers refuse RSA1_5.',
    reference: 'RFC 8725 §3.2; RFC 7518 §4.2',
    ...memberLocation(token, 'header', 'alg'),
  }]
}

/** PBES2 `p2c` that is not a count, below the recommended minimum, or high enough to stall a receiver. */
export const pbes2CountRule: LintRule = (token) => {
  const header = headerObject(token)
  const alg = member(header, 'alg')
  if (token.kind !== 'jwe' || typeof alg !== 'string' || !alg.startsWith('PBES2-')) return []
  const p2c = member(header, 'p2c')
  if (p2c === undefined) return []
  const location = memberLocation(token, 'header', 'p2c')
  // Digits beyond the safe range arrive as a bigint: compare it as one, never as an imprecise number.
  const whole = typeof p2c === 'bigint' ? p2c : typeof p2c === 'number' && Number.isSafeInteger(p2c) ? BigInt(p2c) : undefined
  // Beyond the digits the decoder turns into a bigint, a literal integer arrives as Infinity.
  const huge = typeof p2c === 'number' && (p2c === Infinity || (Number.isInteger(p2c) && p2c > Number.MAX_SAFE_INTEGER))
  if ((whole === undefined && !huge) || (whole !== undefined && whole < BigInt(1))) {
    return [{
      id: 'jwe-pbes2-count-invalid',
      severity: 'medium',
      title: 'PBES2 count (p2c) is not a positive whole number',
      explanation: `The header sets p2c to ${showJson(p2c)}. PBKDF2 needs a positive iteration count; a receiver that passes this on unchecked may fail in unexpected ways or, reading it loosely, derive with almost no work.`,
      fix: `Issue tokens with a whole p2c of at least ${MIN_PBES2_COUNT}, and have receivers refuse anything else before deriving.`,
      reference: 'RFC 7518 §4.8.1.2',
      ...location,
    }]
  }
  const count = whole === undefined || whole > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(whole)
  const literal = lastMember(token.header, 'p2c')?.valueText ?? showJson(p2c)
  const shown = Number.isFinite(count) ? count.toLocaleString('en-US') : literal.length > 24 ? `${literal.slice(0, 21)}...` : literal
  if (count < MIN_PBES2_COUNT) {
    return [{
      id: 'jwe-pbes2-weak-count',
      severity: 'medium',
      title: `Weak PBES2 count: p2c is ${count}, below ${MIN_PBES2_COUNT}`,
      explanation:
        `The password-derived key is computed with only ${count} PBKDF2 iteration${count === 1 ? '' : 's'}. Anyone holding this token can test passwords offline ` +
        `against it${count === 1 ? ' at the speed of one HMAC each' : ', and each guess costs almost nothing'}; RFC 7518 recommends at least ${MIN_PBES2_COUNT}.`,
      fix: `Use p2c of at least ${MIN_PBES2_COUNT} (jose writes 2048) and a long random password; have receivers refuse counts below ${MIN_PBES2_COUNT}.`,
      reference: 'RFC 7518 §4.8.1.2',
      ...location,
    }]
  }
  if (count > HIGH_PBES2_COUNT) {
    return [{
      id: 'jwe-pbes2-high-count',
      severity: 'medium',
      title: `PBES2 count p2c is ${shown}: a receiver spends that many iterations before it can refuse the token`,
      explanation:
        `p2c is chosen by whoever makes the token, and a receiver must run PBKDF2 ${shown} times before it learns whether the token is genuine. ` +
        'Without an upper bound one such token can hold a server\'s CPU for seconds or more: a denial of service (CVE-2022-36083 in jose, and the same flaw in other libraries).',
      fix: 'Have receivers refuse p2c above a bound before deriving (jose: maxPBES2Count, 10,000 by default), and issue tokens with a count they accept.',
      reference: 'RFC 7518 §4.8.1.2; RFC 8725 §3.4; CVE-2022-36083',
      ...location,
    }]
  }
  return []
}

/** `zip` present: compression before encryption. */
export const zipRule: LintRule = (token) => {
  const zip = member(headerObject(token), 'zip')
  if (token.kind !== 'jwe' || zip === undefined) return []
  return [{
    id: 'jwe-zip',
    severity: 'medium',
    title: `Compressed before encryption (zip: ${typeof zip === 'string' ? quote(zip) : showJson(zip)})`,
    explanation:
      'The plaintext is compressed before it is encrypted, so the ciphertext length depends on how repetitive the plaintext is. When data an attacker chooses sits next to a secret in it, ' +
      'the length of tokens reveals the secret piece by piece (a compression oracle, as in CRIME and BREACH). A receiver that inflates without a limit can also be sent a small token that expands to gigabytes.',
    fix: 'Do not compress tokens whose content mixes attacker-influenced values with secrets; receivers should bound the inflated size and accept zip only from trusted senders.',
    reference: 'RFC 8725 §3.6; RFC 7516 §4.1.3',
    ...memberLocation(token, 'header', 'zip'),
  }]
}

/** `dir`: the shared key is the content key of every token. */
export const dirRule: LintRule = (token) => {
  if (token.kind !== 'jwe' || member(headerObject(token), 'alg') !== 'dir') return []
  return [{
    id: 'jwe-dir',
    severity: 'info',
    title: 'Direct encryption (dir): one shared key for every token',
    explanation:
      'With dir the shared key is itself the content encryption key, so every token is encrypted with the same key and there is no per-token key. ' +
      'Everyone who can decrypt can also make tokens the others accept, one leaked copy exposes every token ever sent, and with AES-GCM the random 96-bit IVs of many tokens under one key must never repeat.',
    fix: 'Prefer a key management algorithm that gives each token its own key (A256KW, ECDH-ES+A256KW, RSA-OAEP-256); if dir stays, use a random key of exactly the size enc needs and rotate it.',
    reference: 'RFC 7518 §4.5; RFC 7516 §5.1',
    ...memberLocation(token, 'header', 'alg'),
  }]
}

/** The prime field and `b` of the NIST curves (all have a = -3): enough to test that a point is on its curve. */
const NIST_CURVES: Readonly<Record<string, { readonly bytes: number; readonly p: bigint; readonly b: bigint }>> = {
  'P-256': {
    bytes: 32,
    p: BigInt('0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff'),
    b: BigInt('0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b'),
  },
  'P-384': {
    bytes: 48,
    p: BigInt('0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff'),
    b: BigInt('0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef'),
  },
  'P-521': {
    bytes: 66,
    p: (BigInt(1) << BigInt(521)) - BigInt(1),
    b: BigInt('0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00'),
  },
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv']

/** Coordinates are at most 66 bytes (P-521): longer text is never decoded, only measured. */
const MAX_COORDINATE_CHARS = 128

/**
 * The bytes of a base64url member — or, past {@link MAX_COORDINATE_CHARS}, just their count (as
 * zeros) — or undefined when it is not canonical unpadded base64url.
 */
function base64urlBytes(value: JsonValue | undefined): Uint8Array | undefined {
  if (typeof value !== 'string' || value.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(value)) return undefined
  if (value.length > MAX_COORDINATE_CHARS) return new Uint8Array(Math.floor((value.length * 3) / 4))
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = BigInt(0)
  for (const byte of bytes) n = (n << BigInt(8)) | BigInt(byte)
  return n
}

/** Why an `epk` is malformed, or undefined when it is a well-formed public key on a supported curve. */
function epkProblem(epk: JsonObject): { kind: 'curve' | 'invalid'; text: string } | undefined {
  const kty = member(epk, 'kty')
  const crv = member(epk, 'crv')
  const leaked = PRIVATE_MEMBERS.filter((name) => member(epk, name) !== undefined)
  if (kty === 'EC') {
    const curve = typeof crv === 'string' ? NIST_CURVES[crv] : undefined
    if (curve === undefined) return { kind: 'curve', text: `an EC key on ${typeof crv === 'string' ? quote(crv) : 'no named curve'}` }
    if (leaked.length > 0) return { kind: 'invalid', text: `carries private member${leaked.length === 1 ? '' : 's'} ${leaked.join(', ')}` }
    const x = base64urlBytes(member(epk, 'x'))
    const y = base64urlBytes(member(epk, 'y'))
    if (x === undefined || y === undefined) return { kind: 'invalid', text: 'has no base64url x and y coordinates' }
    if (x.length !== curve.bytes || y.length !== curve.bytes) {
      return { kind: 'invalid', text: `has coordinates of ${x.length} and ${y.length} bytes, where ${String(crv)} needs exactly ${curve.bytes} each` }
    }
    const { p, b } = curve
    const X = toBigInt(x)
    const Y = toBigInt(y)
    if (X >= p || Y >= p) return { kind: 'invalid', text: `has a coordinate outside the field of ${String(crv)}` }
    const left = (Y * Y) % p
    const right = (((X * X) % p) * X - BigInt(3) * X + b) % p
    if (left !== (right + p) % p) return { kind: 'invalid', text: `is a point that is not on ${String(crv)}` }
    return undefined
  }
  if (kty === 'OKP') {
    if (crv !== 'X25519') return { kind: 'curve', text: `an OKP key on ${typeof crv === 'string' ? quote(crv) : 'no named curve'}` }
    if (leaked.length > 0) return { kind: 'invalid', text: `carries private member${leaked.length === 1 ? '' : 's'} ${leaked.join(', ')}` }
    const x = base64urlBytes(member(epk, 'x'))
    if (x === undefined || x.length !== 32) return { kind: 'invalid', text: `has ${x === undefined ? 'no base64url x' : `an x of ${x.length} bytes`}, where an X25519 public key is exactly 32 bytes` }
    return undefined
  }
  return { kind: 'curve', text: `a key of type ${typeof kty === 'string' ? quote(kty) : showJson(kty ?? null)}` }
}

/** ECDH-ES with an ephemeral key on a curve other than P-256/384/521/X25519, or a malformed one. */
export const ecdhEpkRule: LintRule = (token) => {
  const header = headerObject(token)
  const alg = member(header, 'alg')
  if (token.kind !== 'jwe' || typeof alg !== 'string' || !alg.startsWith('ECDH-ES')) return []
  const raw = member(header, 'epk')
  const location = memberLocation(token, 'header', raw === undefined ? 'alg' : 'epk')
  const epk = asObject(raw)
  const problem = epk === undefined
    ? { kind: 'invalid' as const, text: raw === undefined ? 'is missing' : `is ${showJson(raw)}, not a JWK object` }
    : epkProblem(epk)
  if (problem === undefined) return []
  const finding: Finding = problem.kind === 'curve'
    ? {
        id: 'jwe-epk-curve',
        severity: 'high',
        title: 'ECDH-ES ephemeral key on an unsupported curve',
        explanation:
          `The ephemeral public key (epk) is ${problem.text}. ECDH-ES in JOSE is defined for P-256, P-384, P-521 and X25519; a receiver that computes the agreement on whatever curve ` +
          'the token names, or mixes the token\'s curve with its own key\'s, can leak its private key to a series of crafted tokens (invalid-curve attack).',
        fix: 'Receivers must check that epk is on the curve of their own key (P-256, P-384, P-521 or X25519) before key agreement; issue tokens with an epk on that curve.',
        reference: 'RFC 8725 §3.4; RFC 7518 §4.6.1.1',
        ...location,
      }
    : {
        id: 'jwe-epk-invalid',
        severity: 'high',
        title: 'ECDH-ES ephemeral key is malformed',
        explanation:
          `The ephemeral public key (epk) ${problem.text}. Points that are not valid public keys are how invalid-curve attacks extract a receiver's private key: ` +
          'each crafted token that the receiver processes reveals a little of it.',
        fix: 'Receivers must validate epk (curve, coordinate sizes, point on the curve, no private members) and refuse the token otherwise; issue tokens with a well-formed epk.',
        reference: 'RFC 8725 §3.4; RFC 7518 §4.6.1.1 and §6.2.1',
        ...location,
      }
  return [finding]
}

/** Every JWE header rule, in the order their findings are listed. */
export const jweRules: readonly LintRule[] = [rsa15Rule, ecdhEpkRule, pbes2CountRule, zipRule, dirRule]

/** All JWE header findings (one rule family for the lint list). */
export const jweHeaderRule: LintRule = (token, context) => (token.kind === 'jwe' ? jweRules.flatMap((rule) => rule(token, context)) : [])

/** What the decryption path knows about a shared key it was given: the token's algorithms and the key's bytes. */
export interface JweSharedKeyFacts {
  /** The recipient's key management algorithm (`dir`, `A128KW`, `A256GCMKW`…). */
  readonly alg: string
  readonly enc: string
  /** The key's bytes: the typed secret in its chosen encoding, or an `oct` JWK's `k`. */
  readonly bytes: Uint8Array
  /** How the key was given, for messages: e.g. `the secret read as UTF-8`. */
  readonly source: string
}

/** Printable ASCII only: what a typed password or passphrase is, and 16 or more random bytes almost never are. */
function isPrintableText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes.every((b) => b >= 0x20 && b <= 0x7e)
}

/**
 * Findings about a shared key given for `dir`, AES key wrap (`A*KW`) or AES-GCM key wrap (`A*GCMKW`):
 * shorter than the algorithm needs (high: decryption refuses it, and an issuer that pads or derives
 * it weakly has less strength than the algorithm promises), or printable text — a password used as
 * a raw AES key, with far fewer unpredictable bits than its length suggests. Empty for other
 * algorithms and for keys that look random. Never throws.
 */
export function jweSharedKeyFindings(facts: JweSharedKeyFacts): Finding[] {
  const spec = lookup(KEY_MANAGEMENT, facts.alg)
  const content = lookup(CONTENT_ENCRYPTION, facts.enc)
  if (spec === undefined || content === undefined) return []
  if (spec.mode !== 'direct' && spec.mode !== 'key-wrapping' && spec.mode !== 'gcm-key-wrapping') return []
  const direct = spec.mode === 'direct'
  const want = direct ? content.cekBytes : (spec.wrapBits ?? 0) / 8
  const role = direct ? `the content encryption key of "${facts.enc}"` : `the key-wrapping key of "${facts.alg}"`
  const findings: Finding[] = []
  const got = facts.bytes.length
  if (got < want) {
    findings.push({
      id: 'jwe-key-short',
      severity: 'high',
      title: `Shared key too short for ${direct ? `dir with ${facts.enc}` : facts.alg}: ${got} bytes, ${want} needed`,
      explanation:
        `With "${facts.alg}" the shared key is ${role}, which is exactly ${want} bytes (${want * 8} bits); ${facts.source} gives ${got} byte${got === 1 ? '' : 's'} (${got * 8} bits). ` +
        'Decryption refuses it, and a sender that made it fit by padding, repeating or truncating it protects the token with fewer bits than the algorithm promises.',
      fix: `Use a random key of exactly ${want} bytes (for example a generated "oct" JWK), the same on both sides; if the key is right, check the secret encoding it was written in.`,
      reference: direct ? 'RFC 7518 §4.5 and §5' : 'RFC 7518 §4.4 and §4.7',
    })
  }
  if (isPrintableText(facts.bytes)) {
    findings.push({
      id: 'jwe-key-text',
      severity: 'medium',
      title: `A typed text is used as ${direct ? 'the dir key' : `the ${facts.alg} key`}`,
      explanation:
        `The ${got}-byte key is all printable characters (${facts.source}): a password or passphrase in the place of ${role}, which should be random bytes. ` +
        `Text has far fewer unpredictable bits than its ${got * 8}-bit length suggests, and "${facts.alg}" adds no key derivation, so anyone holding a token can test guesses offline at the speed of AES${direct ? ', and one guessed key opens every token' : ''}.`,
      fix: `Generate a random ${want}-byte key (crypto.getRandomValues, or a generated "oct" JWK) and share it as base64url or hex; to encrypt with a password, use PBES2-HS512+A256KW, which slows guessing.`,
      reference: direct ? 'RFC 7518 §4.5; RFC 8725 §3.5' : 'RFC 7518 §4.4; RFC 8725 §3.5',
    })
  }
  return findings
}
