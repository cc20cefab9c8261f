import { verifyToken, type KeyInput, type Result, type SecretEncoding, type Verification } from '../core'
import { createMemo } from '../hooks/create-memo'
import { settledValue, tracked } from '../hooks/settled'
import { useLatest } from '../hooks/use-latest'
import { useAppStore } from '../store/app-store'
import { decodeCached } from './use-decoded-token'
import { useShownToken } from './shown-token'
import { parseKeyCached, stateOf, type ParsedKeyState } from './use-parsed-key'

/**
 * The signature verdict shown to the user. `text` always begins with exactly one of
 * `Signature verified`, `Invalid signature` or `Signature not checked`, then the reason.
 */
export type VerificationView =
  | { readonly status: 'verified'; readonly text: string; readonly verification: Verification }
  | { readonly status: 'invalid'; readonly text: string; readonly verification: Verification }
  | { readonly status: 'not-checked'; readonly text: string }
  | { readonly status: 'pending'; readonly text: string }

/**
 * Verifies each (token text, key) pair once, however many views show the verdict. Keyed by the
 * token's text, not the decoded object: the decode memo may hand out a fresh but equal object for
 * the same text. Without a key the core still says why a token cannot be checked at all.
 */
export const verifyCached = createMemo(
  (token: string, key: KeyInput | null): Promise<Result<Verification>> => tracked(verifyToken(decodeCached(token), key)),
  { max: 4 },
)

/** Names the key that verified: its kid when it has one, and always its thumbprint. */
function describeKeyRef(v: Verification): string {
  if (v.key === null) return ''
  const name = v.key.kid !== undefined ? `key kid '${v.key.kid}'` : 'the key'
  const set = v.tried > 1 ? `; ${v.tried} keys of the set tried` : ''
  return ` with ${name} (thumbprint ${v.key.thumbprint}${set})`
}

/**
 * Turns a core verification into the status text. The core's reasons come first (an encrypted,
 * unsigned or malformed token cannot be checked with any key); only when the core asks for a key
 * does the state of the key box explain why there is none.
 */
export function verificationView(result: Result<Verification>, key: ParsedKeyState): VerificationView {
  if (!result.ok && result.error.code === 'NO_KEY') {
    switch (key.status) {
      case 'empty':
        return { status: 'not-checked', text: 'Signature not checked: add a verification key' }
      case 'error':
        return { status: 'not-checked', text: `Signature not checked: ${key.error.message}` }
      case 'pending':
        return { status: 'pending', text: 'Signature not checked: reading the key…' }
      case 'ok':
        break
    }
  }
  if (!result.ok) return { status: 'not-checked', text: `Signature not checked: ${result.error.message}` }
  const v = result.value
  if (v.valid) return { status: 'verified', text: `Signature verified${describeKeyRef(v)}`, verification: v }
  const reason = v.reason ?? 'the signature does not match the header, payload and key.'
  return { status: 'invalid', text: `Invalid signature: ${reason}`, verification: v }
}

const EMPTY_KEY: ParsedKeyState = { status: 'empty' }

/**
 * The verdict for a token text and a key text: the key parsed, then the token verified with it, both
 * through the shared memos (so every view, and a later render, finds the same work).
 */
export async function verdictFor(token: string, keyText: string, encoding: SecretEncoding): Promise<VerificationView> {
  const parsed = keyText.trim() === '' ? EMPTY_KEY : stateOf(await parseKeyCached(keyText, encoding))
  return verificationView(await verifyCached(token, parsed.status === 'ok' ? parsed.input : null), parsed)
}

/**
 * The verdict when the key's parse and the verification have both finished already (started
 * earlier: by {@link prefetchVerdicts}, before the prerender or the hydration, or by another view),
 * else undefined. Lets a render show the verdict together with the token instead of a render later.
 */
function settledVerdict(token: string, keyText: string, encoding: SecretEncoding): VerificationView | 'reading-key' | undefined {
  let parsed = EMPTY_KEY
  if (keyText.trim() !== '') {
    const known = settledValue(parseKeyCached(keyText, encoding))
    if (known === undefined) return 'reading-key'
    parsed = stateOf(known.value)
  }
  const verified = settledValue(verifyCached(token, parsed.status === 'ok' ? parsed.input : null))
  return verified && verificationView(verified.value, parsed)
}

/** Tokens up to this length are verified as soon as they are in the store, ahead of their render. */
const PREFETCH_LIMIT = 32 * 1024

/**
 * Starts parsing the key and verifying the token as soon as the store's token, key text or secret
 * encoding changes (in the input event itself), so the render that shows the new token can show its
 * verdict too rather than "verifying…" and one more render. Huge tokens are left to their own path.
 * Returns the unsubscribe function.
 */
export function prefetchVerdicts(): () => void {
  return useAppStore.subscribe((s, prev) => {
    if (s.token === prev.token && s.verificationKey === prev.verificationKey && s.secretEncoding === prev.secretEncoding) return
    if (s.token.trim() === '' || s.token.length > PREFETCH_LIMIT) return
    void verdictFor(s.token, s.verificationKey, s.secretEncoding)
  })
}

/**
 * Verifies the store's token with the store's verification key (core `verifyToken`), rerunning when
 * the token, key text or secret encoding changes. Late results of earlier runs are ignored.
 */
export function useVerification(): VerificationView {
  const token = useShownToken().token
  const keyText = useAppStore((s) => s.verificationKey)
  const encoding = useAppStore((s) => s.secretEncoding)
  const blank = token.trim() === ''
  const latest = useLatest(blank ? null : [token, keyText, encoding], () => verdictFor(token, keyText, encoding))

  if (blank) return { status: 'not-checked', text: 'Signature not checked: paste a token' }
  if (latest.status === 'done') return latest.value
  // A verdict that has already been reached (ahead of this render, before the prerender or the hydration) is shown at once.
  const known = settledVerdict(token, keyText, encoding)
  if (known === 'reading-key') return { status: 'pending', text: 'Signature not checked: reading the key…' }
  return known ?? { status: 'pending', text: 'Signature not checked: verifying…' }
}
