import { readJwsJsonObject, signToken, type CoreError, type JwsAlgorithm, type ParsedKey, type SecretEncoding } from '../../core'
import { parseKeyCached } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'
import { compactSigningSource } from './compact-source'
import { rememberOwnSignature } from './own-signature'
import type { SigningSource } from './json-source'

/** What came of a signing attempt, for the message under the key. */
export type SignOutcome =
  | {
    readonly kind: 'signed'
    /** The algorithms of the signatures made, in order (one for the compact and flattened forms). */
    readonly algs: readonly JwsAlgorithm[]
    readonly serialization: Serialization
    readonly warnings: readonly string[]
  }
  | { readonly kind: 'failed'; readonly message: string }
  /** A newer attempt or an edit of the token made this one obsolete; nothing was changed. */
  | { readonly kind: 'superseded' }

/** The form of the signed token: compact (`header.payload.signature`) or JWS JSON (RFC 7515 §7.2). */
export type Serialization = 'compact' | 'flattened' | 'general'

/** A further signature of the general JSON syntax: its own algorithm and key. */
export interface ExtraSigner {
  readonly alg: JwsAlgorithm
  readonly keyText: string
  readonly encoding: SecretEncoding
}

export interface ResignRequest {
  readonly alg: JwsAlgorithm
  readonly keyText: string
  readonly encoding: SecretEncoding
  /** Put the key's RFC 7638 thumbprint into the header as `kid`. */
  readonly thumbprintAsKid?: boolean
  /** Compact unless said otherwise. */
  readonly serialization?: Serialization
  /** Signatures 2, 3, … (general syntax only). */
  readonly extraSigners?: readonly ExtraSigner[]
}

let latest = 0

function failed(error: CoreError, prefix = ''): SignOutcome {
  return { kind: 'failed', message: `${prefix}${error.message}` }
}

/**
 * Signs the header and payload of the token now in the store with the given algorithm and key
 * (core `signToken`, header `alg` synced) and stores the result. Only the newest request may write,
 * and only when the token was not changed meanwhile, so a slow RSA signature never overwrites a
 * newer edit.
 */
export async function resign(request: ResignRequest): Promise<SignOutcome> {
  const run = ++latest
  const startToken = useAppStore.getState().token
  const serialization = request.serialization ?? 'compact'
  // The JSON serialization's code loads when it is first needed: to sign into it, or to read what to
  // sign from a token that is in it.
  const json = serialization !== 'compact' || readJwsJsonObject(startToken).ok ? await loadJsonSigning() : undefined
  if (json === null) {
    return run !== latest ? { kind: 'superseded' } : { kind: 'failed', message: JSON_SIGNING_UNAVAILABLE }
  }
  const fromJson = json === undefined ? undefined : json.jsonSigningSource(startToken)
  const source: SigningSource | null = fromJson !== undefined ? fromJson : compactSigningSource(startToken)
  if (source === null) {
    return { kind: 'failed', message: 'The token has no readable header and payload to sign. Paste a token or load an example first.' }
  }
  const extras = serialization === 'general' ? request.extraSigners ?? [] : []

  const keys: (ParsedKey | null)[] = []
  for (const [i, signer] of [{ alg: request.alg, keyText: request.keyText, encoding: request.encoding }, ...extras].entries()) {
    const lead = i === 0 ? 'Signing key' : `Signature ${i + 1}`
    const key = await signingKeyOf(signer, lead, i === 0 ? 'Generate key' : `Generate key for signature ${i + 1}`)
    if (run !== latest) return { kind: 'superseded' }
    if (!key.ok) return { kind: 'failed', message: key.message }
    keys.push(i === 0 && request.thumbprintAsKid && key.key !== null ? { ...key.key, kid: key.key.thumbprint } : key.key)
  }
  const [key = null] = keys

  if (serialization === 'compact' || json === undefined) {
    const signed = await signToken({ header: source.header, payload: source.payload, alg: request.alg, key, syncHeader: true })
    if (run !== latest || useAppStore.getState().token !== startToken) return { kind: 'superseded' }
    if (!signed.ok) return failed(signed.error)
    return store(signed.value.token, { kind: 'signed', algs: [request.alg], serialization: 'compact', warnings: signed.value.warnings })
  }

  const signers = [{ alg: request.alg, key }, ...extras.map((extra, i) => ({ alg: extra.alg, key: keys[i + 1] ?? null }))] as const
  const signed = await json.signJsonSerialization(source.header, source.payload, signers, serialization)
  if (run !== latest || useAppStore.getState().token !== startToken) return { kind: 'superseded' }
  if (!signed.ok) return { kind: 'failed', message: signed.message }
  const algs = [request.alg, ...extras.map((e) => e.alg)]
  return store(signed.text, { kind: 'signed', algs, serialization, warnings: signed.warnings })
}

type JsonSigning = typeof import('./resign-json')

const JSON_SIGNING_UNAVAILABLE =
  'The code of the JSON serialization did not arrive (offline before the app was stored for offline use?). The token is unchanged. Connect to the network and press Sign again.'

let jsonSigning: Promise<JsonSigning> | undefined

/** The JSON serialization's signing module, or null when it could not be fetched (tried again next time). */
async function loadJsonSigning(): Promise<JsonSigning | null> {
  const loading = (jsonSigning ??= import('./resign-json'))
  try {
    return await loading
  } catch {
    if (jsonSigning === loading) jsonSigning = undefined
    return null
  }
}

function store(token: string, outcome: SignOutcome): SignOutcome {
  useAppStore.getState().setToken(token)
  rememberOwnSignature(token)
  return outcome
}

type KeyResult = { readonly ok: true; readonly key: ParsedKey | null } | { readonly ok: false; readonly message: string }

async function signingKeyOf(signer: ExtraSigner, lead: string, generate: string): Promise<KeyResult> {
  if (signer.alg === 'none') return { ok: true, key: null }
  if (signer.keyText.trim() === '') {
    const who = lead === 'Signing key' ? '' : `${lead}: `
    return { ok: false, message: `${who}Add a signing key for ${signer.alg}, or press ${generate}.` }
  }
  const parsed = await parseKeyCached(signer.keyText, signer.encoding)
  if (!parsed.ok) return { ok: false, message: `${lead}: ${parsed.error.message}` }
  const first = parsed.value.keys[0]
  if (first === undefined) return { ok: false, message: `${lead}: the text holds no usable key.` }
  return { ok: true, key: first }
}
