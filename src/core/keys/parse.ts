import { exportJWK, importPKCS8, importSPKI, importX509 } from 'jose'
import { err, ok, type Result } from '../result'
import type { KeyFormat, KeyInput, ParsedKey, SecretEncoding } from '../types'
import { OID, certificateSpki, pkcs8Algorithm, rsaPublicParts, sec1CurveOid, spkiAlgorithm, spkiKeyBytes, wrapPkcs1Private, wrapPkcs1Public, wrapSec1, type AlgorithmId } from './der'
import { LABEL_OF, NAME_OF, detectDerKind, type DerKind } from './der-kind'
import { parsedKeyFromJwk, parsedSecret, type JwkErrorCode } from './jwk-key'
import { loadCurves, loadMlDsa } from './on-demand'
import { looksLikePem, readPem, type PemErrorCode } from './pem'
import { openSshKeyType, readOpenSshPublicKey, type OpenSshErrorCode } from './openssh'
import { decodeSecret, decodeStandardBase64, type SecretErrorCode } from './secret'
import { ed25519KeyProblem, rsaExponentProblem, rsaModulusProblem } from './weak-keys'

/** Options of {@link parseKey}. */
export interface ParseKeyOptions {
  /** How a text that is neither PEM nor JSON turns into HMAC secret bytes. */
  readonly encoding: SecretEncoding
}

/** Error codes of {@link parseKey}. */
export type ParseKeyErrorCode =
  | SecretErrorCode
  | PemErrorCode
  | JwkErrorCode
  | 'PEM_WRONG_LABEL'
  | 'PEM_INVALID'
  | 'PEM_EC_NO_CURVE'
  | 'KEY_UNSUPPORTED'
  | 'JSON_INVALID'
  | 'JWKS_INVALID'
  | 'JWKS_NO_USABLE_KEYS'
  | 'KEY_INVALID'
  | 'KEY_NOT_A_SECRET'
  | 'KEY_IS_URL'
  | OpenSshErrorCode

/** The note added whenever a private key is given where a public key would do. */
export const DERIVED_PUBLIC_NOTE = 'Private key given: its public key was derived for verification.'

/** The note added for a certificate. */
export const CERTIFICATE_NOTE = "Certificate given: its public key is used. The certificate's dates, issuer and chain are not checked."

const PEM_FORMAT: Readonly<Record<DerKind, KeyFormat>> = {
  spki: 'pem-spki',
  pkcs8: 'pem-pkcs8',
  'pkcs1-public': 'pem-pkcs1-public',
  'pkcs1-private': 'pem-pkcs1-private',
  sec1: 'pem-sec1',
  certificate: 'pem-certificate',
}

const KIND_OF_LABEL: Readonly<Record<string, DerKind>> = Object.fromEntries(
  Object.entries(LABEL_OF).map(([kind, label]) => [label, kind as DerKind]),
)

/**
 * Recognises whatever key text the user pasted and returns every usable key in it.
 *
 * - PEM (`-----BEGIN …`): SPKI `PUBLIC KEY`, PKCS#8 `PRIVATE KEY`, PKCS#1 `RSA PUBLIC KEY` /
 *   `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY` (a leading `EC PARAMETERS` block is skipped) and X.509
 *   `CERTIFICATE` (its public key). Encrypted keys, unknown labels, mismatched or missing armor
 *   lines and labels that do not match the body are errors that say how to fix the text.
 * - JSON: a JWK (public or private, including `oct`) or a JWKS `{"keys":[…]}`. Unusable JWKS
 *   members are skipped with a note naming them; a JWKS with no usable key is an error.
 * - Key material without armour is recognised by its content, never used as an HMAC secret: a
 *   base64, base64url or hex text (one line or several, whatever `options.encoding` says) whose
 *   bytes are a DER SPKI, PKCS#1, PKCS#8, SEC1 key or an X.509 certificate is read as that key, with
 *   a note (Keycloak's realm keys, `x5c` values and config files show keys this way). Using a public
 *   key's text as an HMAC secret is the algorithm-confusion attack, so such text is never a secret.
 * - Anything else is an HMAC secret in `options.encoding`. A UTF-8 secret is used exactly as typed,
 *   surrounding whitespace included (a note says so).
 * - Degenerate public keys (RSA e < 3 or even, Ed25519 small-order points) are refused: with them
 *   signatures can be forged without the private key.
 *
 * Private keys carry their derived public key, with a note. Never throws, whatever the text.
 */
export async function parseKey(text: string, options: ParseKeyOptions): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  try {
    return await parseUnguarded(String(text), options)
  } catch (cause) {
    // Defensive: every known failure is handled above; this keeps the never-throws promise.
    return err('KEY_INVALID', `The key could not be read: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function parseUnguarded(text: string, options: ParseKeyOptions): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  const trimmed = text.trim()
  if (trimmed.length === 0) {
    return err('KEY_EMPTY', 'The key is empty. Paste an HMAC secret, a PEM key or certificate, a JWK or a JWKS.')
  }
  if (looksLikePem(trimmed)) return parsePem(trimmed)
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed)
  if (openSshKeyType(trimmed) !== undefined) return parseOpenSsh(trimmed)
  if (isUrl(trimmed)) {
    return err('KEY_IS_URL', `This is a URL (${trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed}), not a key. Press Fetch keys to see exactly which URLs would be requested (nothing is fetched until you allow it), or open it yourself — for an issuer, add /.well-known/openid-configuration and open its "jwks_uri" — and paste the JSON key set (JWKS) it shows here.`)
  }
  return parseSecretText(text, trimmed, options.encoding)
}

/** A single-line http(s) URL: pasted where a key belongs, it is a JWKS or issuer address. */
function isUrl(text: string): boolean {
  if (!text.startsWith('https://') && !text.startsWith('http://')) return false
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 0x20) return false
  return true
}

async function parseOpenSsh(text: string): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  const jwk = readOpenSshPublicKey(text)
  if (!jwk.ok) return jwk
  const key = await parsedKeyFromJwk(jwk.value)
  if (!key.ok) return key
  return ok({ format: 'openssh-public', keys: [key.value], notes: ['OpenSSH public key line: the public key it carries is used (its comment is ignored).'] })
}

async function parseSecretText(text: string, trimmed: string, encoding: SecretEncoding): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  const armorless = bareKeyDer(trimmed)
  if (armorless !== undefined) return parseArmorless(armorless.kind, armorless.der, armorless.encoding)
  const bytes = decodeSecret(text, encoding)
  if (!bytes.ok) return bytes
  const notes: string[] = []
  if (encoding === 'utf8' && trimmed !== text) {
    notes.push('The secret starts or ends with whitespace (spaces or line breaks); it is part of the secret as typed.')
  }
  return ok({ format: 'secret', keys: [await parsedSecret(bytes.value)], notes })
}

/** Keys are at most a few KB; longer text is not tried as key material (keeps the check cheap). */
const MAX_BARE_KEY_TEXT = 64 * 1024

const BASE64_TEXT = /^[A-Za-z0-9+/]+={0,2}$/
const BASE64URL_TEXT = /^[A-Za-z0-9_-]+$/
const HEX_TEXT = /^(?:0x)?[0-9a-fA-F]+$/

/**
 * The key structure held by text without PEM armour — base64 (a PEM body, an `x5c` value),
 * base64url or hex (colons as openssl prints them allowed) — judged by the decoded DER alone.
 */
function bareKeyDer(text: string): { kind: DerKind; der: Uint8Array; encoding: string } | undefined {
  if (text.length > MAX_BARE_KEY_TEXT) return undefined
  const compact = text.replace(/\s+/g, '')
  if (compact.length < 40) return undefined
  const tries: [string, () => Uint8Array | undefined][] = [
    ['base64', () => (BASE64_TEXT.test(compact) ? decodeStandardBase64(compact) : undefined)],
    ['base64url', () => (BASE64URL_TEXT.test(compact) ? bytesOf(decodeSecret(compact, 'base64url')) : undefined)],
    ['hex', () => {
      const hex = compact.replace(/:/g, '')
      return HEX_TEXT.test(hex) ? bytesOf(decodeSecret(hex, 'hex')) : undefined
    }],
  ]
  for (const [encoding, decode] of tries) {
    const der = decode()
    const kind = der === undefined ? undefined : detectDerKind(der)
    if (der !== undefined && kind !== undefined) return { kind, der, encoding }
  }
  return undefined
}

function bytesOf(result: Result<Uint8Array, SecretErrorCode>): Uint8Array | undefined {
  return result.ok ? result.value : undefined
}

async function parseArmorless(kind: DerKind, der: Uint8Array, encoding: string): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  const key = await importDer(kind, der)
  if (!key.ok) {
    return err(
      'KEY_NOT_A_SECRET',
      `The text is ${encoding} of a ${NAME_OF[kind]} (recognised by its content), so it is not used as an HMAC secret, but the key could not be read: ${key.error.message}`,
    )
  }
  const notes = [
    `Recognised as a ${NAME_OF[kind]} written as ${encoding} without PEM armour (no BEGIN/END lines); it is used as that key, never as an HMAC secret.`,
  ]
  if (kind === 'certificate') notes.push(CERTIFICATE_NOTE)
  if (key.value.kind === 'private') notes.push(DERIVED_PUBLIC_NOTE)
  return ok({ format: PEM_FORMAT[kind], keys: [key.value], notes })
}

async function parsePem(text: string): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  const pem = readPem(text)
  if (!pem.ok) return pem
  const { block, count } = pem.value
  const labelled = KIND_OF_LABEL[block.label] as DerKind
  const actual = detectDerKind(block.der)
  if (actual === undefined) {
    return err('PEM_INVALID', `The body of the "${block.label}" PEM block is not a valid ${NAME_OF[labelled]}. Copy the key again, complete and unchanged.`)
  }
  if (actual !== labelled) {
    return err(
      'PEM_WRONG_LABEL',
      `The PEM block is labelled "${block.label}" but holds a ${NAME_OF[actual]}. Change its lines to "-----BEGIN ${LABEL_OF[actual]}-----" and "-----END ${LABEL_OF[actual]}-----".`,
    )
  }
  const notes: string[] = []
  if (count > 1) notes.push(`The text holds ${count} PEM blocks; only the first ("${block.label}") was used.`)
  const key = await importDer(actual, block.der)
  if (!key.ok) return key
  if (actual === 'certificate') notes.push(CERTIFICATE_NOTE)
  if (key.value.kind === 'private') notes.push(DERIVED_PUBLIC_NOTE)
  return ok({ format: PEM_FORMAT[actual], keys: [key.value], notes })
}

async function importDer(kind: DerKind, der: Uint8Array): Promise<Result<ParsedKey, ParseKeyErrorCode>> {
  let spki: Uint8Array | undefined
  let pkcs8: Uint8Array | undefined
  switch (kind) {
    case 'spki':
      spki = der
      break
    case 'pkcs1-public':
      spki = wrapPkcs1Public(der)
      break
    case 'certificate':
      spki = certificateSpki(der)
      break
    case 'pkcs8':
      pkcs8 = der
      break
    case 'pkcs1-private':
      pkcs8 = wrapPkcs1Private(der)
      break
    case 'sec1': {
      const curve = sec1CurveOid(der)
      if (curve === undefined) {
        return err('PEM_EC_NO_CURVE', 'The EC PRIVATE KEY does not name its curve (no parameters field). Convert it to PKCS#8, e.g. `openssl pkcs8 -topk8 -nocrypt -in key.pem -out plain.pem`, and paste plain.pem.')
      }
      pkcs8 = wrapSec1(der, curve)
      break
    }
  }
  const algorithm = spki !== undefined ? spkiAlgorithm(spki) : pkcs8 !== undefined ? pkcs8Algorithm(pkcs8) : undefined
  if (algorithm === undefined) {
    return err('PEM_INVALID', `The ${NAME_OF[kind]} has no readable key algorithm. Copy the key again, complete and unchanged.`)
  }
  const mlDsa = ML_DSA_OF_OID[algorithm.oid]
  if (mlDsa !== undefined) {
    // WebCrypto (and so jose) cannot read ML-DSA keys in today's browsers: the ML-DSA module does.
    const jwk = (await loadMlDsa()).akpJwkFromDer(mlDsa, spki !== undefined ? 'spki' : 'pkcs8', (spki ?? pkcs8) as Uint8Array)
    return jwk.ok ? parsedKeyFromJwk(jwk.value) : jwk
  }
  const curve = curveWithoutWebCrypto(algorithm)
  if (curve !== undefined) {
    // jose imports through WebCrypto, which lacks these curves: the curve module reads the DER.
    const jwk = (await loadCurves()).jwkFromDer(curve, spki !== undefined ? 'spki' : 'pkcs8', (spki ?? pkcs8) as Uint8Array)
    return jwk.ok ? parsedKeyFromJwk(jwk.value) : jwk
  }
  const alg = joseAlgorithm(algorithm)
  if (!alg.ok) return alg
  const weak = spki !== undefined ? spkiWeakness(algorithm, spki) : undefined
  if (weak !== undefined) return err('KEY_WEAK', `The ${NAME_OF[kind]} cannot be trusted: ${weak}. Use the issuer's real key.`)
  try {
    const options = { extractable: true }
    const cryptoKey =
      kind === 'certificate'
        ? await importX509(toPem(der, 'CERTIFICATE'), alg.value, options)
        : spki !== undefined
          ? await importSPKI(toPem(spki, 'PUBLIC KEY'), alg.value, options)
          : await importPKCS8(toPem(pkcs8 as Uint8Array, 'PRIVATE KEY'), alg.value, options)
    const parsed = await parsedKeyFromJwk(await exportJWK(cryptoKey))
    if (!parsed.ok) return parsed
    return parsed
  } catch (cause) {
    return err('PEM_INVALID', `The ${NAME_OF[kind]} could not be read: ${cause instanceof Error ? cause.message : String(cause)}. Copy the key again, complete and unchanged.`)
  }
}

/** Why a public key is degenerate (checked before WebCrypto, which accepts some of these). */
function spkiWeakness(algorithm: AlgorithmId, spki: Uint8Array): string | undefined {
  const key = spkiKeyBytes(spki)
  if (key === undefined) return undefined
  if (algorithm.oid === OID.rsaEncryption) {
    const rsa = rsaPublicParts(key)
    return rsa === undefined ? undefined : (rsaExponentProblem(rsa.e) ?? rsaModulusProblem(rsa.n))
  }
  return algorithm.oid === OID.ed25519 ? ed25519KeyProblem(key) : undefined
}

/** The ML-DSA parameter sets by their OIDs (RFC 9881 §2). */
const ML_DSA_OF_OID: Readonly<Record<string, 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'>> = {
  [OID.mlDsa44]: 'ML-DSA-44',
  [OID.mlDsa65]: 'ML-DSA-65',
  [OID.mlDsa87]: 'ML-DSA-87',
}

/** The curve of a secp256k1 or Ed448 key (OIDs 1.3.132.0.10 and 1.3.101.113), which WebCrypto cannot import. */
function curveWithoutWebCrypto(algorithm: AlgorithmId): 'secp256k1' | 'Ed448' | undefined {
  if (algorithm.oid === OID.ed448) return 'Ed448'
  return algorithm.oid === OID.ecPublicKey && algorithm.parameterOid === OID.secp256k1 ? 'secp256k1' : undefined
}

/** A jose algorithm that fits the key type, used only to pick the WebCrypto import parameters. */
function joseAlgorithm(algorithm: AlgorithmId): Result<string, ParseKeyErrorCode> {
  switch (algorithm.oid) {
    case OID.rsaEncryption:
      return ok('PS256')
    case OID.ed25519:
      return ok('EdDSA')
    case OID.ecPublicKey:
      switch (algorithm.parameterOid) {
        case OID.p256:
          return ok('ES256')
        case OID.p384:
          return ok('ES384')
        case OID.p521:
          return ok('ES512')
        default:
          return err('KEY_UNSUPPORTED', `The EC key's curve (OID ${algorithm.parameterOid ?? 'missing'}) is not supported. Use a P-256, P-384, P-521 or secp256k1 key.`)
      }
    case OID.rsassaPss:
      return err('KEY_UNSUPPORTED', 'The key is an RSASSA-PSS-only RSA key (OID 1.2.840.113549.1.1.10), which WebCrypto cannot import. Use a plain RSA key (OID rsaEncryption); it works for RS* and PS* alike.')
    case OID.x25519:
    case OID.x448:
      return err('KEY_UNSUPPORTED', 'The key is an X25519/X448 key, which is for key agreement (ECDH), not signatures. Use an Ed25519 key for EdDSA.')
    case OID.dsa:
      return err('KEY_UNSUPPORTED', 'The key is a DSA key; JWS has no DSA algorithm. Use an RSA, EC or Ed25519 key.')
    default:
      return err('KEY_UNSUPPORTED', `The key's algorithm (OID ${algorithm.oid}) is not supported. Use an RSA, EC (P-256, P-384, P-521, secp256k1), Ed25519, Ed448 or ML-DSA key.`)
  }
}

/** PEM text of DER bytes, 64 base64 characters a line. */
export function toPem(der: Uint8Array, label: string): string {
  let binary = ''
  for (let i = 0; i < der.length; i++) binary += String.fromCharCode(der[i] as number)
  const lines = btoa(binary).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

async function parseJson(text: string): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return err('JSON_INVALID', `The key looks like JSON but is not valid JSON (${detail}). Fix the JSON of the JWK or JWKS.`)
  }
  if (Array.isArray(value)) {
    return err('JWK_NOT_OBJECT', 'The key is a JSON array. A JWKS is an object with a "keys" array: wrap it as {"keys": […]}.')
  }
  if (typeof value === 'object' && value !== null && 'keys' in value) return parseJwks((value as { keys: unknown }).keys)
  const key = await parsedKeyFromJwk(value)
  if (!key.ok) return key
  return ok({ format: 'jwk', keys: [key.value], notes: key.value.kind === 'private' ? [DERIVED_PUBLIC_NOTE] : [] })
}

async function parseJwks(keys: unknown): Promise<Result<KeyInput, ParseKeyErrorCode>> {
  if (!Array.isArray(keys)) {
    return err('JWKS_INVALID', 'The JWKS member "keys" must be an array of JWKs, e.g. {"keys": [{"kty":"RSA",…}]}.')
  }
  if (keys.length === 0) {
    return err('JWKS_NO_USABLE_KEYS', 'The JWKS has no keys ("keys" is empty). Paste a JWKS with at least one signing key.')
  }
  const usable: ParsedKey[] = []
  const skipped: string[] = []
  for (let i = 0; i < keys.length; i++) {
    const entry: unknown = keys[i]
    const kid = typeof entry === 'object' && entry !== null && typeof (entry as { kid?: unknown }).kid === 'string' ? (entry as { kid: string }).kid : undefined
    const name = `key ${i + 1}${kid !== undefined ? ` (kid "${kid}")` : ''}`
    const parsed = await parsedKeyFromJwk(entry)
    if (!parsed.ok) {
      skipped.push(`Skipped ${name}: ${parsed.error.message}`)
    } else if (parsed.value.use !== undefined && parsed.value.use !== 'sig') {
      skipped.push(`Skipped ${name}: it is marked "use": "${parsed.value.use}", not for signatures.`)
    } else {
      usable.push(parsed.value)
    }
  }
  if (usable.length === 0) {
    return err('JWKS_NO_USABLE_KEYS', `None of the ${keys.length} keys in the JWKS can verify signatures. ${capped(skipped).join(' ')}`)
  }
  const notes = capped(skipped)
  if (usable.some((k) => k.kind === 'private')) notes.push(DERIVED_PUBLIC_NOTE)
  return ok({ format: 'jwks', keys: usable, notes })
}

/** At most ten skip notes, so a huge pasted JWKS cannot flood the UI. */
function capped(notes: readonly string[]): string[] {
  const limit = 10
  return notes.length <= limit ? [...notes] : [...notes.slice(0, limit), `… and ${notes.length - limit} more keys were skipped.`]
}
