/**
 * JWE decryption (RFC 7516) with every step shown: reading the token, choosing the key, obtaining
 * the CEK, the IV, the AAD, the tag check, decryption and inflation. jose does the decryption; a
 * WebCrypto diagnostic of key management (see key-management.ts) tells a wrong key from a tampered
 * token, which jose on purpose does not.
 */
import { flattenedDecrypt, type FlattenedJWE, type JWK as JoseJwk } from 'jose'
import type { JsonObject } from '../json-object'
import { decodeSecret } from '../keys/secret'
import { jweSharedKeyFindings } from '../lint/jwe-rules'
import type { Finding } from '../lint/types'
import { err, ok, type Result } from '../result'
import type { SecretEncoding } from '../types'
import { CONTENT_ENCRYPTION, KEY_MANAGEMENT, REFUSED_ALGORITHMS, lookup, nameList, type ContentEncryptionSpec, type KeyManagementSpec } from './algorithms'
import { readDecryptionKeys, type DecryptionKey, type DecryptionKeyErrorCode } from './decryption-key'
import { ENCODING_NAME, fitKey, obtainCek, type CekOutcome, type FittingKey, type KeyMaterial } from './key-management'
import { compactTokenIn, ctyIsJwt } from './nested'
import { parseJwe, type JweRecipient, type ParsedJwe, type ParseJweErrorCode } from './parse-jwe'
import {
  DEFAULT_MAX_PBES2_COUNT,
  DEFAULT_MAX_PLAINTEXT_BYTES,
  type JweDecryptInput,
  type JweDecryption,
  type JweStep,
  type JweStepId,
  type JweStepValue,
} from './types'

/** Error codes of {@link decryptJwe}: input that cannot be read or is refused before any decryption. */
export type JweDecryptErrorCode =
  | ParseJweErrorCode
  | DecryptionKeyErrorCode
  | 'JWE_OPTION_INVALID'
  | 'JWE_HEADER_DUPLICATE'
  | 'JWE_ALG_MISSING'
  | 'JWE_ALG_REFUSED'
  | 'JWE_ALG_UNSUPPORTED'
  | 'JWE_ENC_MISSING'
  | 'JWE_ENC_UNSUPPORTED'
  | 'JWE_ZIP_UNSUPPORTED'
  | 'JWE_CRIT_UNSUPPORTED'
  | 'JWE_PBES2_COUNT_INVALID'
  | 'JWE_PBES2_COUNT_TOO_HIGH'
  | 'JWE_INTERNAL'

const TITLES: Readonly<Record<JweStepId, string>> = {
  parse: 'Read the JWE',
  key: 'Choose the decryption key',
  cek: 'Obtain the content encryption key (CEK)',
  iv: 'Initialization vector (IV)',
  aad: 'Additional authenticated data (AAD)',
  tag: 'Check the authentication tag',
  decrypt: 'Decrypt the ciphertext',
  inflate: 'Inflate the plaintext (zip: DEF)',
}

/** Values longer than this are cut for display (a ciphertext may be megabytes). */
const MAX_SHOWN = 4096

/** Key attempts per decryption (recipients × keys); beyond it the rest are not tried. */
const MAX_ATTEMPTS = 64

/** A recipient whose header passed the checks. */
interface CheckedRecipient {
  readonly index: number
  readonly recipient: JweRecipient
  readonly header: JsonObject
  readonly alg: string
  readonly enc: string
  readonly spec: KeyManagementSpec
  readonly content: ContentEncryptionSpec
}

interface Attempt {
  readonly checked: CheckedRecipient
  readonly key: DecryptionKey
  readonly fit: FittingKey
}

/** The outcome of content decryption for one attempt. */
interface ContentOutcome {
  readonly steps: readonly JweStep[]
  readonly plaintext?: Uint8Array
  /** The failure is the tag check (a wrong unverified CEK looks the same). */
  readonly tagFailed: boolean
}

/**
 * Decrypts a JWE with the key text the user typed. Never throws. Input that cannot be read, an
 * algorithm that is refused (`RSA1_5`) and a PBES2 count above the bound are errors; everything
 * else is a {@link JweDecryption} whose steps say what passed and which step failed, and why.
 */
export async function decryptJwe(input: JweDecryptInput): Promise<Result<JweDecryption, JweDecryptErrorCode>> {
  try {
    return await decryptUnguarded(input)
  } catch (cause) {
    // Defensive: every known failure is handled; this keeps the never-throws promise.
    return err('JWE_INTERNAL', `The JWE could not be decrypted: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function decryptUnguarded(input: JweDecryptInput): Promise<Result<JweDecryption, JweDecryptErrorCode>> {
  const maxPbes2Count = input.maxPbes2Count ?? DEFAULT_MAX_PBES2_COUNT
  const maxPlaintextBytes = input.maxPlaintextBytes ?? DEFAULT_MAX_PLAINTEXT_BYTES
  if (!(Number.isSafeInteger(maxPbes2Count) && maxPbes2Count > 0)) {
    return err('JWE_OPTION_INVALID', `The PBES2 iteration bound must be a positive whole number; it is ${String(maxPbes2Count)}.`)
  }
  if (!(Number.isSafeInteger(maxPlaintextBytes) && maxPlaintextBytes > 0)) {
    return err('JWE_OPTION_INVALID', `The plaintext size limit must be a positive whole number of bytes; it is ${String(maxPlaintextBytes)}.`)
  }
  const parsed = parseJwe(String(input.text))
  if (!parsed.ok) return parsed
  const jwe = parsed.value
  const checked: CheckedRecipient[] = []
  const skipped: string[] = []
  let firstRefusal: { code: JweDecryptErrorCode; message: string } | undefined
  for (let i = 0; i < jwe.recipients.length; i++) {
    const result = checkRecipient(jwe, i, maxPbes2Count)
    if (result.ok) {
      checked.push(result.value)
      continue
    }
    if (jwe.recipients.length === 1 || result.error.code === 'JWE_HEADER_DUPLICATE' || result.error.code === 'JWE_CRIT_UNSUPPORTED' || result.error.code === 'JWE_ZIP_UNSUPPORTED') {
      return err(result.error.code, result.error.message)
    }
    firstRefusal ??= result.error
    skipped.push(`Recipient ${i + 1} was skipped: ${result.error.message}`)
  }
  if (checked.length === 0) {
    const refusal = firstRefusal as { code: JweDecryptErrorCode; message: string }
    return err(refusal.code, `No recipient of this JWE can be decrypted here. ${skipped.join(' ')}`)
  }
  const base = {
    serialization: jwe.serialization,
    protectedHeader: jwe.protectedHeader,
  }
  const parseStep = stepOf('parse', 'pass', parseExplanation(jwe), parseValues(jwe))
  const keys = await readDecryptionKeys(String(input.keyText))
  if (!keys.ok) return keys
  const encoding: SecretEncoding = input.encoding
  const candidates: { checked: CheckedRecipient; key: DecryptionKey; fit: ReturnType<typeof fitKey> }[] = []
  for (const entry of checked) {
    for (const key of keys.value) {
      candidates.push({ checked: entry, key, fit: fitKey(entry.alg, entry.spec, entry.enc, entry.content, entry.header, key, encoding) })
    }
  }
  // The recipient whose kid matches a key's kid is tried first (RFC 7516 §7.2.1 leaves the choice to the recipient).
  candidates.sort((a, b) => Number(kidMatches(b.checked, b.key)) - Number(kidMatches(a.checked, a.key)))
  const attempts: Attempt[] = []
  for (const c of candidates) if (c.fit.ok) attempts.push({ checked: c.checked, key: c.key, fit: c.fit.value })
  if (attempts.length === 0) {
    const shown = candidates[0] as (typeof candidates)[number]
    const reasons = candidates.length === 1
      ? (shown.fit as { reason: string }).reason
      : `No key fits any recipient. ${candidates.map((c) => `Recipient ${c.checked.index + 1} ("${c.checked.alg}") with ${c.key.description}: ${(c.fit as { reason: string }).reason}`).join(' ')}`
    return ok({
      ...base,
      header: shown.checked.header,
      alg: shown.checked.alg,
      enc: shown.checked.enc,
      recipient: { index: shown.checked.index, count: jwe.recipients.length },
      steps: [parseStep, stepOf('key', 'fail', [reasons, ...skipped].join(' '), keyValues(shown.checked, shown.key))],
      key: keyInfo(shown.key),
      ...findingsOf(shown.checked, shown.key, encoding),
    })
  }
  type Failure = { attempt: Attempt; steps: JweStep[] }
  let firstFailure: Failure | undefined
  let decisive: Failure | undefined
  const tried: string[] = []
  // PBKDF2 is the one costly step: all PBES2 attempts together stay within one bound's worth of iterations.
  let pbes2Spent = 0
  let pbes2Stopped = false
  for (const attempt of attempts.slice(0, MAX_ATTEMPTS)) {
    const { checked: entry } = attempt
    if (entry.spec.mode === 'password') {
      const p2c = entry.header.p2c as number
      if (pbes2Spent > 0 && pbes2Spent + p2c > maxPbes2Count) {
        pbes2Stopped = true
        continue
      }
      pbes2Spent += p2c
    }
    tried.push(`recipient ${entry.index + 1} ("${entry.alg}") with ${attempt.key.description}`)
    const cek = await obtainCek(entry.alg, entry.spec, entry.enc, entry.content, entry.header, entry.recipient.encryptedKey.bytes, attempt.fit.material)
    const keyStep = stepOf('key', 'pass', keyExplanation(attempt, jwe, skipped), keyValues(entry, attempt.key))
    if (!cek.ok) {
      const steps = [parseStep, keyStep, stepOf('cek', 'fail', `${cek.explanation}${kidHint(entry, attempt.key, keys.value)}`, cek.values)]
      firstFailure ??= { attempt, steps }
      continue
    }
    const content = await decryptContent(jwe, entry, attempt.fit.material, cek, maxPbes2Count, maxPlaintextBytes)
    const steps = [parseStep, keyStep, stepOf('cek', cek.explanation.startsWith('Skipped') ? 'skip' : 'pass', cek.explanation, cek.values), ...content.steps]
    if (content.plaintext !== undefined) {
      return ok(success(base, jwe, attempt, steps, content.plaintext, encoding))
    }
    const failure = { attempt, steps }
    if (cek.verified || !content.tagFailed) {
      decisive = failure
      break
    }
    firstFailure ??= failure
  }
  const report = (decisive ?? firstFailure) as Failure
  const steps = tried.length > 1 || pbes2Stopped ? withTriedNote(report.steps, tried, pbes2Stopped) : report.steps
  return ok(outcome(base, jwe, report.attempt, steps, encoding))
}

/** What every outcome says of the recipient that was decrypted, or tried last: its header, algorithms, place and key. */
function outcome(base: Pick<JweDecryption, 'serialization' | 'protectedHeader'>, jwe: ParsedJwe, attempt: Attempt, steps: readonly JweStep[], encoding: SecretEncoding): JweDecryption {
  const { checked: entry } = attempt
  const found = findingsOf(entry, attempt.key, encoding)
  // The key step says it too, so the warning shows where the key is judged, not only in a list.
  const warned = found.findings === undefined ? steps : steps.map((s) => (s.id === 'key' && s.verdict === 'pass' ? { ...s, explanation: `${s.explanation} Warning: ${found.findings?.map((f) => f.title).join('; ') ?? ''}.` } : s))
  return {
    ...base,
    header: entry.header,
    alg: entry.alg,
    enc: entry.enc,
    recipient: { index: entry.index, count: jwe.recipients.length },
    steps: warned,
    key: keyInfo(attempt.key),
    ...found,
  }
}

/** Findings about a shared key given for dir or AES key wrap (too short, or typed text), as a spreadable member. */
function findingsOf(entry: CheckedRecipient, key: DecryptionKey, encoding: SecretEncoding): { findings?: readonly Finding[] } {
  const mode = entry.spec.mode
  if (mode !== 'direct' && mode !== 'key-wrapping' && mode !== 'gcm-key-wrapping') return {}
  let bytes: Uint8Array
  let source: string
  if (key.kind === 'oct' && key.bytes !== undefined) {
    bytes = key.bytes
    source = 'the JWK\'s "k"'
  } else if (key.kind === 'text' && key.text !== undefined) {
    const decoded = decodeSecret(key.text, encoding)
    if (!decoded.ok) return {}
    bytes = decoded.value
    source = `the secret read as ${ENCODING_NAME[encoding]}`
  } else return {}
  const findings = jweSharedKeyFindings({ alg: entry.alg, enc: entry.enc, bytes, source })
  return findings.length === 0 ? {} : { findings }
}

function checkRecipient(jwe: ParsedJwe, index: number, maxPbes2Count: number): Result<CheckedRecipient, JweDecryptErrorCode> {
  const recipient = jwe.recipients[index] as JweRecipient
  const sources: [string, JsonObject | undefined][] = [['protected header', jwe.protectedHeader], ['shared unprotected header ("unprotected")', jwe.unprotected], ['per-recipient header ("header")', recipient.header]]
  const header: Record<string, JsonObject[string]> = {}
  const seen = new Map<string, string>()
  for (const [where, object] of sources) {
    if (object === undefined) continue
    for (const name of Object.keys(object)) {
      const earlier = seen.get(name)
      if (earlier !== undefined) {
        return err('JWE_HEADER_DUPLICATE', `The header member "${name}" appears both in the ${earlier} and in the ${where}; RFC 7516 §7.2.1 requires them to be disjoint, so the token is invalid.`)
      }
      seen.set(name, where)
      header[name] = object[name] as JsonObject[string]
    }
  }
  const alg = header.alg
  if (typeof alg !== 'string' || alg.length === 0) {
    return err('JWE_ALG_MISSING', 'The JOSE header has no "alg" (key management algorithm), so there is no way to obtain the content key. The token is incomplete.')
  }
  const refused = lookup(REFUSED_ALGORITHMS, alg)
  if (refused !== undefined) return err('JWE_ALG_REFUSED', refused)
  const spec = lookup(KEY_MANAGEMENT, alg)
  if (spec === undefined) {
    return err('JWE_ALG_UNSUPPORTED', `The key management algorithm "${alg}" is not a registered JWE algorithm this tool decrypts. Supported: ${nameList(Object.keys(KEY_MANAGEMENT))}.`)
  }
  const enc = header.enc
  if (typeof enc !== 'string' || enc.length === 0) {
    return err('JWE_ENC_MISSING', 'The JOSE header has no "enc" (content encryption algorithm). The token is incomplete.')
  }
  const content = lookup(CONTENT_ENCRYPTION, enc)
  if (content === undefined) {
    return err('JWE_ENC_UNSUPPORTED', `The content encryption algorithm "${enc}" is not a registered JWE "enc". Supported: ${nameList(Object.keys(CONTENT_ENCRYPTION))}.`)
  }
  if (header.zip !== undefined) {
    if (header.zip !== 'DEF') return err('JWE_ZIP_UNSUPPORTED', `The header's "zip" is ${JSON.stringify(header.zip)}; the only registered compression is "DEF" (raw DEFLATE).`)
    if (jwe.protectedHeader.zip === undefined) return err('JWE_ZIP_UNSUPPORTED', 'The header member "zip" must be in the protected header (RFC 7516 §4.1.3); here it is unprotected, so the token is invalid.')
  }
  if (header.crit !== undefined) {
    const names = Array.isArray(header.crit) ? header.crit.map((c) => JSON.stringify(c)).join(', ') : JSON.stringify(header.crit)
    return err('JWE_CRIT_UNSUPPORTED', `The header marks ${names} as critical ("crit"); this tool understands no JWE extension parameters, and a recipient must refuse a token with critical parameters it does not understand (RFC 7516 §4.1.13).`)
  }
  if (spec.mode === 'password') {
    const p2c = header.p2c
    if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1) {
      return err('JWE_PBES2_COUNT_INVALID', `PBES2 needs the iteration count "p2c" as a positive whole number in the header; it is ${p2c === undefined ? 'missing' : JSON.stringify(p2c)}, so the token is broken.`)
    }
    if (p2c > maxPbes2Count) {
      return err(
        'JWE_PBES2_COUNT_TOO_HIGH',
        `The PBES2 iteration count "p2c" is ${p2c.toLocaleString('en-US')}, above the ${maxPbes2Count.toLocaleString('en-US')} this tool runs without asking: every iteration costs CPU time, and a huge count is a known way to hang a decrypter, so nothing was derived. If you trust this token, raise the PBES2 iteration bound to at least ${p2c.toLocaleString('en-US')} and decrypt again.`,
      )
    }
  }
  return ok({ index, recipient, header, alg, enc, spec, content })
}

function kidMatches(entry: CheckedRecipient, key: DecryptionKey): boolean {
  return typeof entry.header.kid === 'string' && entry.header.kid === key.kid
}

function kidHint(entry: CheckedRecipient, key: DecryptionKey, keys: readonly DecryptionKey[]): string {
  const wanted = entry.header.kid
  if (typeof wanted !== 'string') return ''
  if (key.kid !== undefined && key.kid !== wanted) {
    const holder = keys.some((k) => k.kid === wanted) ? '' : ' No key given has that kid.'
    return ` The header names kid "${wanted}" but this key's kid is "${key.kid}": most likely the wrong key.${holder}`
  }
  if (key.kid === undefined && !keys.some((k) => k.kid === wanted)) return ` The header names kid "${wanted}"; make sure the key is that one.`
  return ''
}

function stepOf(id: JweStepId, verdict: JweStep['verdict'], explanation: string, values: readonly JweStepValue[]): JweStep {
  return { id, title: TITLES[id], verdict, explanation, values }
}

function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length - MAX_SHOWN} more characters)` : text
}

function hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes.subarray(0, MAX_SHOWN / 2)) out += b.toString(16).padStart(2, '0')
  return bytes.length > MAX_SHOWN / 2 ? `${out}… (${bytes.length - MAX_SHOWN / 2} more bytes)` : out
}

function parseExplanation(jwe: ParsedJwe): string {
  const form = jwe.serialization === 'compact'
    ? 'Compact serialization: five base64url parts — protected header, encrypted key, IV, ciphertext, tag.'
    : jwe.serialization === 'flattened'
      ? 'Flattened JSON serialization (RFC 7516 §7.2.2): one recipient, with optional unprotected headers and "aad".'
      : `General JSON serialization (RFC 7516 §7.2.1) with ${jwe.recipients.length} recipient${jwe.recipients.length === 1 ? '' : 's'}: each has its own header and encrypted key; the ciphertext is shared.`
  return `${form} Only the protected header is integrity-protected (it is part of the AAD); unprotected headers are not.${jwe.whitespaceRemoved ? ' Whitespace inside the token (line breaks from copying) was removed.' : ''}`
}

function parseValues(jwe: ParsedJwe): JweStepValue[] {
  const values: JweStepValue[] = [{ label: 'Serialization', value: jwe.serialization }]
  values.push({ label: 'Protected header', value: shown(JSON.stringify(jwe.protectedHeader, null, 2)), mono: true })
  if (jwe.unprotected !== undefined) values.push({ label: 'Shared unprotected header', value: shown(JSON.stringify(jwe.unprotected, null, 2)), mono: true })
  if (jwe.serialization !== 'compact') values.push({ label: 'Recipients', value: String(jwe.recipients.length) })
  values.push({ label: 'Ciphertext size', value: `${jwe.ciphertext.bytes.length} bytes` })
  return values
}

function keyValues(entry: CheckedRecipient, key: DecryptionKey): JweStepValue[] {
  const values: JweStepValue[] = [
    { label: 'Key management', value: entry.alg },
    { label: 'Content encryption', value: entry.enc },
    { label: 'Key', value: key.description },
  ]
  if (entry.recipient.header !== undefined) values.push({ label: `Recipient ${entry.index + 1} header`, value: shown(JSON.stringify(entry.recipient.header, null, 2)), mono: true })
  if (typeof entry.header.kid === 'string') values.push({ label: 'Header kid', value: entry.header.kid, mono: true })
  if (key.kid !== undefined) values.push({ label: 'Key kid', value: key.kid, mono: true })
  if (key.thumbprint !== undefined) values.push({ label: 'Key thumbprint (RFC 7638)', value: key.thumbprint, mono: true })
  return values
}

function keyExplanation(attempt: Attempt, jwe: ParsedJwe, skipped: readonly string[]): string {
  const { checked: entry, key, fit } = attempt
  const who = jwe.recipients.length > 1 ? `Recipient ${entry.index + 1} of ${jwe.recipients.length} ("${entry.alg}"): ` : `"${entry.alg}": `
  const wanted = entry.header.kid
  let kid = ''
  if (typeof wanted === 'string') {
    if (key.kid === wanted) kid = ` Its kid matches the header's ("${wanted}").`
    else if (key.kid === undefined) kid = ` The header names kid "${wanted}"; the key has no kid, so it was chosen because its type fits.`
    else kid = ` Its kid ("${key.kid}") differs from the header's ("${wanted}"), but its type fits, so it is tried.`
  }
  return `${who}${key.description} — ${fit.why}${kid}${skipped.length > 0 ? ` ${skipped.join(' ')}` : ''}`
}

function keyInfo(key: DecryptionKey): NonNullable<JweDecryption['key']> {
  return { ...(key.kid === undefined ? {} : { kid: key.kid }), ...(key.thumbprint === undefined ? {} : { thumbprint: key.thumbprint }), description: key.description }
}

function withTriedNote(steps: readonly JweStep[], tried: readonly string[], pbes2Stopped: boolean): JweStep[] {
  const failing = steps.findIndex((s) => s.verdict === 'fail')
  const note = tried.length > 1 ? ` ${pbes2Stopped ? 'These' : 'Every'} fitting key${pbes2Stopped ? 's were' : ' was'} tried (${tried.length}): ${tried.join('; ')}.` : ''
  const stopped = pbes2Stopped ? ' Further PBES2 attempts were not made: together they would exceed the PBES2 iteration bound; raise it to try them.' : ''
  return steps.map((s, i) => (i === failing ? { ...s, explanation: `${s.explanation}${note}${stopped}` } : s))
}

function aadText(jwe: ParsedJwe): string {
  return jwe.aad === undefined ? jwe.protectedText : `${jwe.protectedText}.${jwe.aad.text}`
}

async function decryptContent(
  jwe: ParsedJwe,
  entry: CheckedRecipient,
  material: KeyMaterial,
  cek: Extract<CekOutcome, { ok: true }>,
  maxPbes2Count: number,
  maxPlaintextBytes: number,
): Promise<ContentOutcome> {
  const { content, enc } = entry
  const zip = entry.header.zip === 'DEF'
  const steps: JweStep[] = []
  const ivValues = [{ label: `IV (${jwe.iv.bytes.length} bytes, hex)`, value: hex(jwe.iv.bytes), mono: true }]
  const rest = (from: JweStepId[]): JweStep[] => from.filter((id) => id !== 'inflate' || zip).map((id) => stepOf(id, 'skip', 'Not reached: an earlier step failed.', []))
  if (jwe.iv.bytes.length !== content.ivBytes) {
    steps.push(stepOf('iv', 'fail', `"${enc}" uses a ${content.ivBytes * 8}-bit (${content.ivBytes}-byte) IV; this one is ${jwe.iv.bytes.length} bytes, so the IV part was cut, padded or replaced. Copy the token again unchanged.`, ivValues))
    return { steps: [...steps, ...rest(['aad', 'tag', 'decrypt', 'inflate'])], tagFailed: false }
  }
  steps.push(stepOf('iv', 'pass', `A fresh ${content.ivBytes * 8}-bit IV${content.kind === 'gcm' ? ' (nonce)' : ''}, as "${enc}" requires. It is not secret; it must only never repeat under the same CEK.`, ivValues))
  const aad = aadText(jwe)
  const aadValues: JweStepValue[] = [{ label: 'AAD (ASCII)', value: shown(aad), mono: true }]
  steps.push(
    stepOf(
      'aad',
      'pass',
      `The AAD is the protected header exactly as written (the ASCII of its base64url)${jwe.aad === undefined ? '' : ', then "." and the JSON member "aad"'}: it is not encrypted but authenticated, so changing any of its characters makes the tag check fail.${jwe.protectedText.length === 0 ? ' This JWE has no protected header, so its headers are not authenticated at all.' : ''}`,
      aadValues,
    ),
  )
  const tagValues = [{ label: `Authentication tag (${jwe.tag.bytes.length} bytes, hex)`, value: hex(jwe.tag.bytes), mono: true }]
  if (jwe.tag.bytes.length !== content.tagBytes) {
    steps.push(stepOf('tag', 'fail', `"${enc}" has a ${content.tagBytes * 8}-bit (${content.tagBytes}-byte) tag; this one is ${jwe.tag.bytes.length} bytes, so the tag part was cut or replaced. Copy the token again unchanged.`, tagValues))
    return { steps: [...steps, ...rest(['decrypt', 'inflate'])], tagFailed: true }
  }
  const flattened: FlattenedJWE = {
    ciphertext: jwe.ciphertext.text,
    ...(jwe.iv.text.length > 0 ? { iv: jwe.iv.text } : {}),
    ...(jwe.tag.text.length > 0 ? { tag: jwe.tag.text } : {}),
    ...(jwe.protectedText.length > 0 ? { protected: jwe.protectedText } : {}),
    ...(jwe.unprotected === undefined ? {} : { unprotected: jwe.unprotected as FlattenedJWE['unprotected'] }),
    ...(entry.recipient.header === undefined ? {} : { header: entry.recipient.header as FlattenedJWE['header'] }),
    ...(entry.recipient.encryptedKey.text.length > 0 ? { encrypted_key: entry.recipient.encryptedKey.text } : {}),
    ...(jwe.aad === undefined ? {} : { aad: jwe.aad.text }),
  }
  const key = 'jwk' in material ? ({ ...material.jwk } as JoseJwk) : material.bytes
  let plaintext: Uint8Array
  try {
    const result = await flattenedDecrypt(flattened, key, {
      keyManagementAlgorithms: [entry.alg],
      contentEncryptionAlgorithms: [enc],
      maxPBES2Count: maxPbes2Count,
      maxDecompressedLength: maxPlaintextBytes,
    })
    plaintext = result.plaintext
  } catch (cause) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : ''
    const message = cause instanceof Error ? cause.message : String(cause)
    if (code === 'ERR_JWE_DECRYPTION_FAILED') {
      const why = cek.verified
        ? 'The CEK passed its own integrity check, so the key is right: the ciphertext, the IV, the tag, the protected header or the "aad" member was changed after encryption (tampering, or a copy error). Copy the token again unchanged; if it still fails, it was altered.'
        : `"${entry.alg}" has no check of the key before this one, so either the key is wrong (${entry.alg === 'dir' ? 'another shared key, or the right one in another secret encoding' : 'not the recipient\'s private key'}) or the ciphertext, IV, tag or protected header was changed. Check the key first (its kid, its encoding), then the token.`
      steps.push(stepOf('tag', 'fail', `The authentication tag does not match (${content.kind === 'gcm' ? 'AES-GCM tag check' : 'HMAC over AAD, IV, ciphertext and AAD length'}). ${why}`, tagValues))
      return { steps: [...steps, ...rest(['decrypt', 'inflate'])], tagFailed: true }
    }
    if (zip && (message.includes('Decompressed plaintext exceeded') || message.includes('decompress'))) {
      steps.push(stepOf('tag', 'pass', 'The authentication tag matched: the token is as the sender wrote it.', tagValues))
      steps.push(stepOf('decrypt', 'pass', `Decrypted with ${content.description}.`, [{ label: 'Compressed plaintext size', value: `about ${jwe.ciphertext.bytes.length} bytes` }]))
      const limited = message.includes('exceeded')
      steps.push(
        stepOf(
          'inflate',
          'fail',
          limited
            ? `Inflation was stopped at the limit of ${maxPlaintextBytes.toLocaleString('en-US')} bytes: the compressed plaintext expands to more than that — possibly a decompression bomb (a small token that inflates to gigabytes). If you trust the token, raise the plaintext size limit and decrypt again.`
            : 'The decrypted content is not valid raw DEFLATE (RFC 1951), though "zip":"DEF" says it is: the sender compressed it wrongly (e.g. with a zlib or gzip header).',
          [{ label: 'Plaintext size limit', value: `${maxPlaintextBytes.toLocaleString('en-US')} bytes` }],
        ),
      )
      return { steps, tagFailed: false }
    }
    const aes192 = /192/.test(entry.alg) || /192/.test(enc)
    steps.push(stepOf('tag', 'skip', 'Not reached: decryption could not run.', tagValues))
    steps.push(stepOf('decrypt', 'fail', `Decryption could not run: ${message}.${aes192 ? ' 192-bit AES is missing from some browsers\' WebCrypto (Chromium refuses 192-bit AES keys); Firefox, Safari and Node have it.' : ''}`, []))
    return { steps: [...steps, ...rest(['inflate'])], tagFailed: false }
  }
  steps.push(stepOf('tag', 'pass', `The ${content.tagBytes * 8}-bit authentication tag matched: the ciphertext, IV, protected header${jwe.aad === undefined ? '' : ' and "aad"'} are exactly as the sender wrote them, and the CEK is right.`, tagValues))
  steps.push(stepOf('decrypt', 'pass', `Decrypted with ${content.description}.`, [{ label: 'Plaintext size', value: `${plaintext.length} bytes${zip ? ' (after inflation)' : ''}` }]))
  if (zip) {
    steps.push(stepOf('inflate', 'pass', `"zip":"DEF": the decrypted bytes were raw DEFLATE and inflated to ${plaintext.length} bytes, within the limit of ${maxPlaintextBytes.toLocaleString('en-US')}. Compression before encryption can leak secrets through the ciphertext's length when attackers control part of the plaintext.`, [{ label: 'Plaintext size limit', value: `${maxPlaintextBytes.toLocaleString('en-US')} bytes` }]))
  }
  return { steps, plaintext, tagFailed: false }
}

function success(base: Pick<JweDecryption, 'serialization' | 'protectedHeader'>, jwe: ParsedJwe, attempt: Attempt, steps: JweStep[], plaintext: Uint8Array, encoding: SecretEncoding): JweDecryption {
  const { checked: entry } = attempt
  let text: string | undefined
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plaintext)
  } catch {
    text = undefined
  }
  const inner = text === undefined ? undefined : compactTokenIn(text)
  const decryptIndex = steps.findIndex((s) => s.id === 'decrypt')
  const nested = inner !== undefined
    ? ` The plaintext is a ${inner.split('.').length === 3 ? 'signed token (JWS)' : 'further encrypted token (JWE)'}${ctyIsJwt(entry.header) ? ', as "cty":"JWT" says' : ''}: a nested JWT — verify the inner token's signature before trusting its claims.`
    : ctyIsJwt(entry.header)
      ? ' The header says "cty":"JWT", but the plaintext is not a compact JWS or JWE.'
      : ''
  if (nested.length > 0 && decryptIndex >= 0) {
    const step = steps[decryptIndex] as JweStep
    steps[decryptIndex] = { ...step, explanation: step.explanation + nested }
  }
  return {
    ...outcome(base, jwe, attempt, steps, encoding),
    plaintext,
    ...(text === undefined ? {} : { plaintextText: text }),
    ...(inner === undefined ? {} : { innerToken: inner }),
  }
}
