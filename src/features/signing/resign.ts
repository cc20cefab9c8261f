import {
  compactJson,
  isJsonObject,
  parseJsonText,
  signJwsJson,
  signToken,
  type CoreError,
  type JsonObject,
  type JwsAlgorithm,
  type JwsJsonSigner,
  type ParsedKey,
  type SecretEncoding,
} from '../../core'
import { parseKeyCached } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'
import { signingSource } from './signing-source'

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
let lastSigned: string | null = null

// "Forget everything" starts a new generation of inputs: drop the last signed token with them.
useAppStore.subscribe((state, previous) => {
  if (state.inputsGeneration !== previous.inputsGeneration) lastSigned = null
})

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
  const source = signingSource(startToken)
  if (source === null) {
    return { kind: 'failed', message: 'The token has no readable header and payload to sign. Paste a token or load an example first.' }
  }
  const serialization = request.serialization ?? 'compact'
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

  if (serialization === 'compact') {
    const signed = await signToken({ header: source.header, payload: source.payload, alg: request.alg, key, syncHeader: true })
    if (run !== latest || useAppStore.getState().token !== startToken) return { kind: 'superseded' }
    if (!signed.ok) return failed(signed.error)
    return store(signed.value.token, { kind: 'signed', algs: [request.alg], serialization, warnings: signed.value.warnings })
  }

  const parsedHeader = parseJsonText(source.header)
  if (parsedHeader.errors.length > 0 || !isJsonObject(parsedHeader.value)) {
    return { kind: 'failed', message: 'The header is not a JSON object, so it cannot be the protected header. Fix the header before signing.' }
  }
  const first = parsedHeader.value
  const crit = first['crit']
  const unencoded = first['b64'] === false && Array.isArray(crit) && crit.includes('b64')
  const signers: JwsJsonSigner[] = [
    { protectedHeader: withAlg(first, request.alg, key), key },
    ...extras.map((extra, i) => ({ protectedHeader: withAlg({}, extra.alg, keys[i + 1] ?? null), key: keys[i + 1] ?? null })),
  ]
  // JSON is signed compacted, as the compact signer does: member order and number text are kept.
  const compacted = compactJson(source.payload)
  const payload = compacted.ok && !unencoded ? compacted.value : source.payload
  const signed = await signJwsJson({ payload, signers, syntax: serialization, unencodedPayload: unencoded })
  if (run !== latest || useAppStore.getState().token !== startToken) return { kind: 'superseded' }
  if (!signed.ok) return failed(signed.error)
  // Pretty-printed, so each signature reads on its own lines in the editor.
  const text = JSON.stringify(JSON.parse(signed.value.text), null, 2)
  const algs = [request.alg, ...extras.map((e) => e.alg)]
  return store(text, { kind: 'signed', algs, serialization, warnings: signed.value.warnings })
}

function store(token: string, outcome: SignOutcome): SignOutcome {
  useAppStore.getState().setToken(token)
  lastSigned = token
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

/** The header with `alg` set (first member when new) and `kid` taken from the key when it has one. */
function withAlg(header: JsonObject, alg: JwsAlgorithm, key: ParsedKey | null): JsonObject {
  const rest = Object.fromEntries(Object.entries(header).filter(([name]) => name !== 'alg'))
  const kid = alg !== 'none' ? key?.kid : undefined
  return { alg, ...rest, ...(kid === undefined ? {} : { kid }) }
}

/** Whether `token` is the one this module produced last (not pasted or loaded from elsewhere). */
export function isOwnSignature(token: string): boolean {
  return token === lastSigned
}
