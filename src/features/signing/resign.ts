import { signToken, type CoreError, type JwsAlgorithm, type ParsedKey, type SecretEncoding } from '../../core'
import { decodeCached } from '../../session/use-decoded-token'
import { parseKeyCached } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'

/** What came of a signing attempt, for the message under the key. */
export type SignOutcome =
  | { readonly kind: 'signed'; readonly alg: JwsAlgorithm; readonly warnings: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string }
  /** A newer attempt or an edit of the token made this one obsolete; nothing was changed. */
  | { readonly kind: 'superseded' }

export interface ResignRequest {
  readonly alg: JwsAlgorithm
  readonly keyText: string
  readonly encoding: SecretEncoding
  /** Put the key's RFC 7638 thumbprint into the header as `kid`. */
  readonly thumbprintAsKid?: boolean
}

/** Header used when there is no token yet to re-sign. */
const DEFAULT_HEADER = '{"alg":"HS256","typ":"JWT"}'
const DEFAULT_PAYLOAD = '{}'

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
  const decoded = decodeCached(startToken)
  const header = startToken.trim() === '' ? DEFAULT_HEADER : decoded.header?.text
  const payload = startToken.trim() === '' ? DEFAULT_PAYLOAD : decoded.payload?.text
  if (header === null || header === undefined || payload === null || payload === undefined) {
    return { kind: 'failed', message: 'The token has no readable header and payload to sign. Paste a token or load an example first.' }
  }

  let key: ParsedKey | null = null
  if (request.alg !== 'none') {
    if (request.keyText.trim() === '') {
      return { kind: 'failed', message: `Add a signing key for ${request.alg}, or press Generate key.` }
    }
    const parsed = await parseKeyCached(request.keyText, request.encoding)
    if (run !== latest) return { kind: 'superseded' }
    if (!parsed.ok) return failed(parsed.error, 'Signing key: ')
    const first = parsed.value.keys[0]
    if (first === undefined) return { kind: 'failed', message: 'Signing key: the text holds no usable key.' }
    key = request.thumbprintAsKid ? { ...first, kid: first.thumbprint } : first
  }

  const signed = await signToken({ header, payload, alg: request.alg, key, syncHeader: true })
  if (run !== latest || useAppStore.getState().token !== startToken) return { kind: 'superseded' }
  if (!signed.ok) return failed(signed.error)
  useAppStore.getState().setToken(signed.value.token)
  lastSigned = signed.value.token
  return { kind: 'signed', alg: request.alg, warnings: signed.value.warnings }
}

/** Whether `token` is the one this module produced last (not pasted or loaded from elsewhere). */
export function isOwnSignature(token: string): boolean {
  return token === lastSigned
}
