import { verifyToken, type KeyInput, type Result, type Verification } from '../core'
import { createMemo } from '../hooks/create-memo'
import { settledValue, tracked } from '../hooks/settled'
import { useLatest } from '../hooks/use-latest'
import { useAppStore } from '../store/app-store'
import { decodeCached, useDecodedToken } from './use-decoded-token'
import { useParsedKey, type ParsedKeyState } from './use-parsed-key'

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

/**
 * Verifies the store's token with the store's verification key (core `verifyToken`), rerunning when
 * the token, key text or secret encoding changes. Late results of earlier runs are ignored.
 */
export function useVerification(): VerificationView {
  const decoded = useDecodedToken()
  const parsed = useParsedKey(useAppStore((s) => s.verificationKey), useAppStore((s) => s.secretEncoding))
  const token = decoded.token
  const blank = token.trim() === ''
  const key = parsed.status === 'ok' ? parsed.input : null
  // A verdict that has already been reached (before the prerender or the hydration) is shown at once.
  const latest = useLatest(blank ? null : [token, key], () => verifyCached(token, key), () => settledValue(verifyCached(token, key)))

  if (blank) return { status: 'not-checked', text: 'Signature not checked: paste a token' }
  if (latest.status !== 'done') return { status: 'pending', text: 'Signature not checked: verifying…' }
  return verificationView(latest.value, parsed)
}
