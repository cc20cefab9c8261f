/**
 * Verifying an SD-JWT presentation: the issuer's signature (through the token room's own verifier)
 * and the key binding of RFC 9901 §7.3, on top of the key-free processing of §7.1.
 */
import { hasMember, isJsonObject } from '../json-object'
import { parsedKeyFromJwk } from '../keys'
import { err, ok, type Result } from '../result'
import { decodeToken } from '../token/decode'
import { verifyToken } from '../token/verify'
import type { JsonValue, KeyInput, ParsedKey, Verification } from '../types'
import { decodeJsonPart, processParts, sdDigest, SD_HASHES } from './process'
import { splitSdJwt } from './split'
import type { SdJwtCheck, SdJwtCheckId, SdJwtErrorCode, SdJwtParts, SdJwtVerification, SdJwtVerifyInput } from './types'

/** Default largest accepted age of a KB-JWT's `iat`, in seconds. */
export const DEFAULT_KB_MAX_IAT_AGE = 300
/** Default allowed clock skew into the future for a KB-JWT's `iat`, in seconds. */
export const DEFAULT_KB_CLOCK_SKEW = 60

const KB = 'RFC 9901 §7.3 step 5'

/** A sentence without its final full stop, to go on inside another. */
function withoutStop(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text
}

function row(id: SdJwtCheckId, verdict: SdJwtCheck['verdict'], title: string, detail: string, reference: string): SdJwtCheck {
  return { id, verdict, title, detail, reference }
}

/**
 * The SD-JWT a KB-JWT's `sd_hash` is taken over (RFC 9901 §4.3.1): the issuer-signed JWT and the
 * disclosures, each followed by `~`, exactly as presented; for the JSON serialization, that compact
 * form rebuilt from its members (§8.1).
 */
export function sdHashInput(parts: SdJwtParts): string {
  return `${parts.issuerJwt.text}~${parts.disclosures.map((d) => `${d.text}~`).join('')}`
}

async function issuerRow(parts: SdJwtParts, keys: KeyInput | null): Promise<{ check: SdJwtCheck; verification: Verification | null }> {
  const title = "The issuer's signature is valid"
  const reference = 'RFC 9901 §7.1 step 2'
  if (keys === null) return { check: row('issuer-signature', 'skip', title, "No issuer key given: paste the issuer's public key into the verification key to check the signature.", reference), verification: null }
  const verified = await verifyToken(decodeToken(parts.issuerJwt.text), keys)
  if (!verified.ok) {
    const verdict = verified.error.code === 'NO_KEY' ? 'skip' : 'fail'
    return { check: row('issuer-signature', verdict, title, verified.error.message, reference), verification: null }
  }
  const v = verified.value
  return {
    check: v.valid
      ? row('issuer-signature', 'pass', title, `The issuer-signed JWT verifies (${v.alg}) with the key given.`, reference)
      : row('issuer-signature', 'fail', title, `The issuer-signed JWT does not verify (${v.alg})${v.reason === undefined ? '' : `: ${withoutStop(v.reason)}`}. The SD-JWT must be rejected.`, reference),
    verification: v,
  }
}

/** The holder's key from `cnf` (RFC 9901 §4.1.2, RFC 7800 §3), or why none can be used. */
async function holderKeyOf(cnf: JsonValue | undefined, given: ParsedKey | null | undefined): Promise<{ key: ParsedKey; how: string } | { problem: string; skip?: boolean }> {
  if (!isJsonObject(cnf)) return { problem: 'The issuer-signed payload has no "cnf" object, so no holder key is known to check the KB-JWT against.' }
  if (hasMember(cnf, 'jwk')) {
    const parsed = await parsedKeyFromJwk(cnf['jwk'])
    if (!parsed.ok) return { problem: `The "cnf.jwk" is not a usable key: ${parsed.error.message}` }
    if (parsed.value.kind === 'secret') return { problem: 'The "cnf.jwk" is a secret ("oct") key in plain view of every verifier: anyone could sign a KB-JWT with it, so it binds nothing.' }
    return { key: parsed.value, how: 'the key in "cnf.jwk"' }
  }
  const jkt = cnf['jkt']
  const kid = cnf['kid']
  if (typeof jkt !== 'string' && typeof kid !== 'string') return { problem: '"cnf" has no "jwk", "jkt" or "kid", so no holder key is known to check the KB-JWT against.' }
  if (given === null || given === undefined) {
    return { problem: `"cnf" names the holder key by ${typeof jkt === 'string' ? `thumbprint ("jkt": "${jkt}")` : `key id ("kid": "${String(kid)}")`}: paste the holder's public key to check the KB-JWT.`, skip: true }
  }
  if (typeof jkt === 'string') {
    return given.thumbprint === jkt
      ? { key: given, how: 'the pasted holder key, whose RFC 7638 thumbprint matches "cnf.jkt"' }
      : { problem: `The pasted holder key's RFC 7638 thumbprint is ${given.thumbprint}, but "cnf.jkt" is ${jkt}: it is not the key the credential is bound to.` }
  }
  return given.kid === kid
    ? { key: given, how: 'the pasted holder key, whose "kid" matches "cnf.kid"' }
    : { problem: `The pasted holder key's "kid" is ${given.kid === undefined ? 'absent' : `"${given.kid}"`}, but "cnf.kid" is "${String(kid)}": it is not the key the credential is bound to.` }
}

function expectRow(id: 'kb-aud' | 'kb-nonce', name: 'aud' | 'nonce', payload: { readonly [name: string]: JsonValue }, expected: string | undefined): SdJwtCheck {
  const title = name === 'aud' ? 'The KB-JWT is for this verifier ("aud")' : 'The KB-JWT answers this request ("nonce")'
  const reference = `${KB}.6`
  const value = payload[name]
  if (!hasMember(payload, name)) return row(id, 'fail', title, `The KB-JWT has no "${name}", which it must carry (RFC 9901 §4.3).`, reference)
  if (expected === undefined) {
    return row(id, 'warn', title, `"${name}" is ${JSON.stringify(value)}, but no expected ${name} was given, so it was not checked: enter the expected ${name === 'aud' ? 'audience (your verifier identifier)' : 'nonce you sent'} to guard against replay.`, reference)
  }
  const matches = name === 'aud' && Array.isArray(value) ? value.includes(expected) : value === expected
  return matches
    ? row(id, 'pass', title, `"${name}" is "${expected}", as expected.`, reference)
    : row(id, 'fail', title, `"${name}" is ${JSON.stringify(value)}, but "${expected}" was expected: the presentation was made for another ${name === 'aud' ? 'verifier' : 'request'} (a replay?).`, reference)
}

function iatRow(payload: { readonly [name: string]: JsonValue }, now: number, maxAge: number, skew: number): SdJwtCheck {
  const title = 'The KB-JWT is fresh ("iat")'
  const reference = `${KB}.5`
  const iat = payload['iat']
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return row('kb-iat', 'fail', title, hasMember(payload, 'iat') ? '"iat" is not a number of seconds since the epoch.' : 'The KB-JWT has no "iat", which it must carry (RFC 9901 §4.3).', reference)
  const age = now - iat
  if (age > maxAge) return row('kb-iat', 'fail', title, `The KB-JWT was made ${age} s before now, more than the ${maxAge} s accepted: a stale presentation may be a replay. Ask the holder for a new one.`, reference)
  if (-age > skew) return row('kb-iat', 'fail', title, `The KB-JWT's "iat" is ${-age} s in the future, more than the ${skew} s of clock skew allowed.`, reference)
  return row('kb-iat', 'pass', title, age >= 0 ? `Made ${age} s before now (at most ${maxAge} s accepted).` : `Made ${-age} s in the future, within the ${skew} s of clock skew allowed.`, reference)
}

async function keyBindingRows(parts: SdJwtParts, cnf: JsonValue | undefined, sdAlg: string, input: SdJwtVerifyInput): Promise<{ rows: SdJwtCheck[]; bound: boolean }> {
  const kb = parts.kbJwt
  const title = 'A Key Binding JWT is present'
  if (kb === null) {
    return {
      rows: [cnf === undefined
        ? row('kb-present', 'skip', title, 'No KB-JWT, and the issuer-signed payload has no "cnf": this SD-JWT cannot be bound to a holder.', 'RFC 9901 §7.3 step 2')
        : row('kb-present', 'warn', title, 'The credential names a holder key ("cnf") but the presentation has no KB-JWT: whoever holds the text can present it. Reject it if your policy requires key binding.', 'RFC 9901 §7.3 step 2')],
      bound: false,
    }
  }
  const rows: SdJwtCheck[] = [row('kb-present', 'pass', title, 'The presentation ends with a KB-JWT.', 'RFC 9901 §7.3 step 3')]
  const [h, p] = kb.text.split('.')
  const header = decodeJsonPart(h ?? '')
  const payload = decodeJsonPart(p ?? '')
  if ('problem' in header || !isJsonObject(header.value) || 'problem' in payload || !isJsonObject(payload.value)) {
    const what = 'problem' in header || !isJsonObject(header.value) ? 'header' : 'payload'
    rows.push(row('kb-typ', 'fail', 'The KB-JWT is typed "kb+jwt"', `The KB-JWT's ${what} is not a base64url JSON object, so it cannot be checked.`, `${KB}.4`))
    return { rows, bound: false }
  }
  const typ = header.value['typ']
  rows.push(typ === 'kb+jwt'
    ? row('kb-typ', 'pass', 'The KB-JWT is typed "kb+jwt"', 'The KB-JWT header\'s "typ" is "kb+jwt".', `${KB}.4`)
    : row('kb-typ', 'fail', 'The KB-JWT is typed "kb+jwt"', `The KB-JWT header's "typ" is ${typ === undefined ? 'missing' : JSON.stringify(typ)}, not "kb+jwt": another kind of JWT cannot stand in for key binding.`, `${KB}.4`))

  const holder = await holderKeyOf(cnf, input.holderKey)
  let signed = false
  const sigTitle = "The KB-JWT is signed by the holder's key"
  if ('problem' in holder) {
    rows.push(row('kb-signature', holder.skip === true ? 'skip' : 'fail', sigTitle, holder.problem, `${KB}.1, §4.1.2`))
  } else {
    const verified = await verifyToken(decodeToken(kb.text), { format: 'jwk', keys: [holder.key], notes: [] })
    signed = verified.ok && verified.value.valid
    rows.push(signed
      ? row('kb-signature', 'pass', sigTitle, `The KB-JWT verifies (${verified.ok ? verified.value.alg : ''}) with ${holder.how}.`, `${KB}.3`)
      : row('kb-signature', 'fail', sigTitle, verified.ok
        ? `The KB-JWT does not verify with ${holder.how}${verified.value.reason === undefined ? '' : `: ${withoutStop(verified.value.reason)}`}. It was not made by the credential's holder.`
        : `The KB-JWT's signature could not be checked with ${holder.how}: ${verified.error.message}`, `${KB}.3`))
  }

  const hashTitle = 'The KB-JWT covers this presentation ("sd_hash")'
  const hash = SD_HASHES[sdAlg]
  const sdHash = payload.value['sd_hash']
  let hashed = false
  if (hash === undefined) {
    rows.push(row('kb-sd-hash', 'skip', hashTitle, `Not checked: "sd_hash" is taken under "_sd_alg" (${sdAlg}), which is not computed here.`, `${KB}.7, §4.3.1`))
  } else if (typeof sdHash !== 'string') {
    rows.push(row('kb-sd-hash', 'fail', hashTitle, 'The KB-JWT has no "sd_hash" string, so it does not say which presentation it binds.', `${KB}.7, §4.3.1`))
  } else {
    const actual = await sdDigest(sdHashInput(parts), hash)
    hashed = actual === sdHash
    rows.push(hashed
      ? row('kb-sd-hash', 'pass', hashTitle, `"sd_hash" is the ${sdAlg} digest of the issuer-signed JWT and the disclosures as presented.`, `${KB}.7, §4.3.1`)
      : row('kb-sd-hash', 'fail', hashTitle, `"sd_hash" is ${sdHash}, but the presentation up to its last '~' hashes to ${actual}: disclosures were added, removed or reordered after the holder signed.`, `${KB}.7, §4.3.1`))
  }
  const kbPayload = payload.value
  rows.push(expectRow('kb-aud', 'aud', kbPayload, input.keyBinding.aud))
  rows.push(expectRow('kb-nonce', 'nonce', kbPayload, input.keyBinding.nonce))
  rows.push(iatRow(kbPayload, input.keyBinding.now, input.keyBinding.maxIatAge ?? DEFAULT_KB_MAX_IAT_AGE, input.keyBinding.clockSkew ?? DEFAULT_KB_CLOCK_SKEW))
  return { rows, bound: signed && hashed }
}

/**
 * Verifies an SD-JWT or SD-JWT+KB (RFC 9901 §7.1, §7.3): the key-free processing of `processSdJwt`,
 * the issuer's signature with `verifyToken` on the issuer-signed JWT (any JWS algorithm the token
 * room supports; `none` fails), then key binding: the KB-JWT's `typ` is `kb+jwt`, it is signed by the
 * key in `cnf.jwk` (or the pasted holder key matched by `cnf.jkt`, an RFC 7638 thumbprint, or by
 * `cnf.kid`), its `sd_hash` is the digest of the presentation up to and including the last `~`, and
 * its `aud`, `nonce` and `iat` are what the verifier expects. A missing KB-JWT is a `warn` row when
 * `cnf` exists. `accepted` only when no row fails, the issuer signature passed and, when a KB-JWT is
 * present, its signature and `sd_hash` passed. Never throws.
 */
export async function verifySdJwt(text: string, input: SdJwtVerifyInput): Promise<Result<SdJwtVerification, SdJwtErrorCode>> {
  try {
    const split = splitSdJwt(text)
    if (!split.ok) return split
    const processed = await processParts(split.value)
    if (!processed.ok) return processed
    const p = processed.value
    const issuer = await issuerRow(p.parts, input.issuerKeys)
    const cnf = hasMember(p.processedPayload, 'cnf') ? p.processedPayload['cnf'] : undefined
    const kb = await keyBindingRows(p.parts, cnf, p.sdAlg, input)
    const vc = p.checks.filter((c) => c.id.startsWith('vc-'))
    const core = p.checks.filter((c) => !c.id.startsWith('vc-'))
    const checks = [issuer.check, ...core, ...kb.rows, ...vc]
    const accepted = !checks.some((c) => c.verdict === 'fail')
      && issuer.check.verdict === 'pass'
      && (p.parts.kbJwt === null || kb.bound)
    return ok({ processed: p, issuerSignature: issuer.verification, checks, accepted })
  } catch (cause) {
    return err('INTERNAL_ERROR', `The SD-JWT could not be verified because of an internal error (${cause instanceof Error ? cause.message : String(cause)}). Please report it with the token.`)
  }
}
