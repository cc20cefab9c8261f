import { algorithmSpec, parsedKeyFromJwk, parseKey } from '../keys'
import { equalBytes, hmac, utf8, verifyToken, type HmacHash } from '../token'
import type { KeyInput } from '../types'
import { SERVER_ALGORITHMS, checkExpiry, checkServerSignature, describeTime, readToken, reject, type ReadToken } from './correct-verify'
import type { MistakeId, PracticeConfig, PracticeEnv, PracticeResult } from './types'
import { KEY_FOLDER, joinPath, readFile, runKeyQuery, runShell } from './virtual-server'

/** How the signature check went: passed (through a mistake or not), or the rejection. */
type SignatureOutcome = { readonly ok: true; readonly how: string; readonly exploited?: MistakeId } | { readonly ok: false; readonly result: PracticeResult }

const pass = (how: string, exploited?: MistakeId): SignatureOutcome => ({ ok: true, how, ...(exploited !== undefined ? { exploited } : {}) })
const fail = (reason: string): SignatureOutcome => ({ ok: false, result: reject(reason) })

/**
 * A deliberately vulnerable verifier: it makes exactly the mistakes switched on in `config` and is
 * otherwise careful (with every toggle off it behaves like `correctVerify`). The verdict says which
 * mistake, if any, let the token in. Key URLs are looked up in `env.hosted`, never fetched; files,
 * shell and SQL are virtual. Never throws.
 */
export async function verifyPractice(token: string, config: PracticeConfig, env: PracticeEnv): Promise<PracticeResult> {
  try {
    return await run(token, config, env)
  } catch (cause) {
    return reject(`The verifier failed unexpectedly: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function run(token: string, config: PracticeConfig, env: PracticeEnv): Promise<PracticeResult> {
  const read = readToken(token)
  if (!('decoded' in read)) return read
  const signature = config.skipSignature ? await skipped(read, env) : await checkSignature(read, config, env)
  if (!signature.ok) return signature.result
  let exploited = signature.exploited
  const exp = read.payload['exp']
  let ending = ' and the token has not expired.'
  const expiry = checkExpiry(read.payload, env, !config.ignoreExp)
  if (expiry !== undefined) {
    if (!config.ignoreExp || (typeof exp !== 'number' && typeof exp !== 'bigint')) return expiry
    exploited ??= 'ignoreExp'
    ending = `. The token expired at ${describeTime(Number(exp))}, but this verifier does not check "exp".`
  } else if (exp === undefined) {
    ending = '. The token has no "exp", and this verifier does not require one.'
  }
  return { accepted: true, reason: `Accepted: ${signature.how}${ending}`, claims: read.payload, ...(exploited !== undefined ? { exploited } : {}) }
}

async function skipped(read: ReadToken, env: PracticeEnv): Promise<SignatureOutcome> {
  const proper = await checkServerSignature(read, env)
  return proper === undefined
    ? pass(`the ${String(read.header['alg'])} signature is valid under the server's key`)
    : pass('the signature was never checked: this verifier only decodes the token', 'skipSignature')
}

async function checkSignature(read: ReadToken, config: PracticeConfig, env: PracticeEnv): Promise<SignatureOutcome> {
  const { header, decoded } = read
  const alg = header['alg']
  if (typeof alg !== 'string') return fail('The header has no "alg" string.')
  const sig = decoded.signature?.bytes
  if (sig === null || sig === undefined) return fail('The signature part is not base64url.')

  if (config.acceptNone && alg.toLowerCase() === 'none') {
    return pass(`the header says "alg": ${JSON.stringify(alg)}, so no signature was required`, 'acceptNone')
  }

  if (config.trustHeaderJwk && header['jwk'] !== undefined) {
    const key = await parsedKeyFromJwk(header['jwk'])
    if (!key.ok) return fail(`The header's "jwk" is not a usable key: ${key.error.message}`)
    return withKeys(read, alg, { format: 'jwk', keys: [key.value], notes: [] }, 'the key in the header\'s "jwk"', 'trustHeaderJwk')
  }

  const url = typeof header['jku'] === 'string' ? header['jku'] : typeof header['x5u'] === 'string' ? header['x5u'] : undefined
  if (config.trustJku && url !== undefined) {
    const member = typeof header['jku'] === 'string' ? 'jku' : 'x5u'
    const document = Object.prototype.hasOwnProperty.call(env.hosted, url) ? env.hosted[url] : undefined
    if (document === undefined) return fail(`The "${member}" URL ${url} could not be fetched: nothing is hosted there. Host a document at that URL first.`)
    const keys = await parseKey(document, { encoding: 'utf8' })
    if (!keys.ok) return fail(`The document at ${url} is not a usable key: ${keys.error.message}`)
    if (keys.value.keys.every((k) => k.kty === 'oct')) return fail(`The document at ${url} holds no public key.`)
    return withKeys(read, alg, keys.value, `the key fetched from the "${member}" URL ${url}`, 'trustJku')
  }

  const allowed = config.algFromHeader ? algorithmSpec(alg) !== undefined : SERVER_ALGORITHMS.includes(alg)
  if (!allowed) {
    return fail(`The algorithm ${JSON.stringify(alg)} is not accepted: this server accepts only HS256, RS256 and ES256, each with its own key.`)
  }
  const spec = algorithmSpec(alg)
  if (spec?.family === 'HS') return checkHmac(read, alg, spec.hash as HmacHash, sig, config, env)

  if (config.psychicSignature && alg === 'ES256' && sig.length === 64 && sig.every((b) => b === 0)) {
    return pass('the ES256 signature r = 0, s = 0 passed this verifier\'s broken ECDSA check', 'psychicSignature')
  }
  const proper = await checkServerSignature(read, env)
  if (proper === undefined) return pass(`the ${alg} signature is valid under the server's key`)
  if (!config.algFromHeader || SERVER_ALGORITHMS.includes(alg)) return { ok: false, result: proper }
  const key = spec?.kty === 'EC' ? env.ecPublicKey : env.rsaPublicKey
  return withKeys(read, alg, { format: 'pem-spki', keys: [key], notes: [] }, "the server's key", undefined)
}

async function withKeys(read: ReadToken, alg: string, keys: KeyInput, source: string, exploited: MistakeId | undefined): Promise<SignatureOutcome> {
  const verified = await verifyToken(read.decoded, keys)
  if (!verified.ok) return fail(verified.error.message)
  if (!verified.value.valid) return fail(`Invalid ${alg} signature under ${source}: ${verified.value.reason ?? 'it does not match.'}`)
  return pass(`the ${alg} signature is valid under ${source}`, exploited)
}

async function checkHmac(read: ReadToken, alg: string, hash: HmacHash, sig: Uint8Array, config: PracticeConfig, env: PracticeEnv): Promise<SignatureOutcome> {
  const kid = read.header['kid']
  let key: Uint8Array
  let source: string
  let exploited: MistakeId | undefined
  if (typeof kid === 'string' && config.kidAsPath) {
    const path = joinPath(KEY_FOLDER, kid)
    const content = readFile(env.files, path)
    if (content === undefined) return fail(`The key file ${path} (from "kid") does not exist.`)
    key = utf8(content)
    source = content === '' ? `the empty file ${path} (from "kid")` : `the content of ${path} (from "kid")`
    exploited = kid.includes('..') || content === '' ? 'kidAsPath' : undefined
  } else if (typeof kid === 'string' && config.kidAsSql) {
    const outcome = runKeyQuery(kid, env.keyTable)
    if (!outcome.ok) return fail(`The key lookup failed: SQL ${outcome.message}.`)
    const row = outcome.rows[0]
    if (row === undefined) return fail(`No key has the "kid" ${JSON.stringify(kid)}.`)
    key = utf8(row)
    source = 'the key the SQL query returned for "kid"'
    exploited = env.keyTable.some((r) => r.kid === kid) ? undefined : 'kidAsSql'
  } else if (typeof kid === 'string' && config.kidAsCommand) {
    const output = runShell(`cat ${KEY_FOLDER}/${kid}`, env.files)
    if (output.stdout === '') return fail(`The key command printed nothing${output.stderr === '' ? '' : `: ${output.stderr.trim()}`}.`)
    key = utf8(output.stdout)
    source = 'the output of the key command built from "kid"'
    exploited = /[;&|\n`$]/.test(kid) ? 'kidAsCommand' : undefined
  } else if (config.algFromHeader) {
    key = utf8(env.rsaPublicPem)
    source = "the server's RSA public key PEM used as the HMAC secret"
    exploited = 'algFromHeader'
  } else if (config.emptyHmacSecret) {
    key = new Uint8Array(0)
    source = "the server's empty HMAC secret"
    exploited = 'emptyHmacSecret'
  } else if (config.weakHmacSecret) {
    key = utf8(env.weakSecret)
    source = "the server's HMAC secret (a common word)"
    exploited = 'weakHmacSecret'
  } else {
    const proper = await checkServerSignature(read, env)
    return proper === undefined ? pass(`the ${alg} signature is valid under the server's key`) : { ok: false, result: proper }
  }
  const input = `${read.decoded.header?.encoded ?? ''}.${read.decoded.payload?.encoded ?? ''}`
  const expected = await hmac(hash, key, utf8(input))
  if (!equalBytes(expected, sig)) return fail(`Invalid ${alg} signature under ${source}.`)
  return pass(`the ${alg} signature is valid under ${source}`, exploited)
}
