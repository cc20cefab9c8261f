import { useEffect, useState } from 'react'
import { verifyToken, type DecodedToken, type KeyInput, type Result, type Verification } from '../core'
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

// Several views show the verdict; verify each (token text, key) pair once. Keyed by the token's text,
// not the decoded object: the decode cache may hand out a fresh but equal object for the same text.
let lastVerify: { token: string; key: KeyInput; result: Promise<Result<Verification>> } | null = null

/** Forgets the last verification (token and key): "Forget everything" calls this. */
export function clearVerificationCache(): void {
  lastVerify = null
}

function verifyCached(token: string, key: KeyInput): Promise<Result<Verification>> {
  if (lastVerify !== null && lastVerify.token === token && lastVerify.key === key) return lastVerify.result
  const result = verifyToken(decodeCached(token), key)
  lastVerify = { token, key, result }
  return result
}

/** Names the key that verified: its kid when it has one, and always its thumbprint. */
function describeKeyRef(v: Verification): string {
  if (v.key === null) return ''
  const name = v.key.kid !== undefined ? `key kid '${v.key.kid}'` : 'the key'
  const set = v.tried > 1 ? `; ${v.tried} keys of the set tried` : ''
  return ` with ${name} (thumbprint ${v.key.thumbprint}${set})`
}

/** Turns a core verification into the status text. */
export function verificationView(result: Result<Verification>): VerificationView {
  if (!result.ok) return { status: 'not-checked', text: `Signature not checked: ${result.error.message}` }
  const v = result.value
  if (v.valid) return { status: 'verified', text: `Signature verified${describeKeyRef(v)}`, verification: v }
  const reason = v.reason ?? 'the signature does not match the header, payload and key.'
  return { status: 'invalid', text: `Invalid signature: ${reason}`, verification: v }
}

/** Why nothing can be verified yet, before the core is asked. */
function precheck(decoded: DecodedToken, key: ParsedKeyState): VerificationView | null {
  if (decoded.token.trim() === '') return { status: 'not-checked', text: 'Signature not checked: paste a token' }
  if (decoded.kind === 'jwe') return { status: 'not-checked', text: 'Signature not checked: this is an encrypted token (JWE); it has no signature to verify' }
  if (decoded.kind !== 'jws') return { status: 'not-checked', text: 'Signature not checked: the text is not a signed token (three dot-separated parts)' }
  if (decoded.alg === 'none') return { status: 'not-checked', text: "Signature not checked: the token is unsecured (alg 'none') and has no signature" }
  switch (key.status) {
    case 'empty':
      return { status: 'not-checked', text: 'Signature not checked: add a verification key' }
    case 'error':
      return { status: 'not-checked', text: `Signature not checked: ${key.error.message}` }
    case 'pending':
      return { status: 'pending', text: 'Signature not checked: reading the key…' }
    case 'ok':
      return null
  }
}

interface Settled {
  readonly token: string
  readonly key: KeyInput
  readonly view: VerificationView
}

/**
 * Verifies the store's token with the store's verification key (core `verifyToken`), rerunning when
 * the token, key text or secret encoding changes. Late results of earlier runs are ignored.
 */
export function useVerification(): VerificationView {
  const decoded = useDecodedToken()
  const keyText = useAppStore((s) => s.verificationKey)
  const encoding = useAppStore((s) => s.secretEncoding)
  const parsed = useParsedKey(keyText, encoding)
  const [settled, setSettled] = useState<Settled | null>(null)

  const early = precheck(decoded, parsed)
  const token = decoded.token
  const key = early === null && parsed.status === 'ok' ? parsed.input : null

  useEffect(() => {
    if (key === null) return
    let current = true
    void verifyCached(token, key).then((result) => {
      if (current) setSettled({ token, key, view: verificationView(result) })
    })
    return () => {
      current = false
    }
  }, [token, key])

  if (early !== null) return early
  if (settled === null || settled.token !== token || settled.key !== key) {
    return { status: 'pending', text: 'Signature not checked: verifying…' }
  }
  return settled.view
}
