import type { JwsAlgorithm } from '../../core'
import { decodeCached } from '../../session/use-decoded-token'
import { useAppStore } from '../../store/app-store'
import { EXPIRY_CLAIMS, EXPIRY_TIMES, LESSON_CLAIMS, LESSON_SECRET, lessonRsaKey, signLessonToken, withAlgNone, withPayload } from './lesson-tokens'

/** What a "Do it" button reports: nothing when it worked, else a message for the lesson. */
export type ActionOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string }

const done: ActionOutcome = { ok: true }

/** A signed lesson token into the Encoded token box with its keys, the real clock and no skew. */
async function load(payload: string, alg: JwsAlgorithm, signingKey: string, verificationKey: string): Promise<ActionOutcome> {
  const signed = await signLessonToken(payload, alg, signingKey)
  if (!signed.ok) return { ok: false, message: signed.error.message }
  useAppStore.getState().loadSession({ token: signed.value, verificationKey, secretEncoding: 'utf8', signingKey, signingEncoding: 'utf8', algorithm: alg })
  return done
}

/** The HS256 lesson token, its shared secret in both key boxes, the real clock. */
export async function loadHs256Lesson(): Promise<ActionOutcome> {
  useAppStore.getState().setPolicy({ nowOverride: '', clockSkewSeconds: 0 })
  return load(LESSON_CLAIMS, 'HS256', LESSON_SECRET, LESSON_SECRET)
}

/** Highlights the `name` claim, as hovering its Claims row would. */
export async function pointAtName(): Promise<ActionOutcome> {
  const payload = decodeCached(useAppStore.getState().token).payload
  const index = payload?.members.findIndex((m) => m.name === 'name') ?? -1
  if (index < 0) return { ok: false, message: 'The token has no "name" claim: do the first step again.' }
  useAppStore.getState().highlightMember('payload', index)
  return done
}

/** Opens the Explain walkthrough. */
export async function openExplain(): Promise<ActionOutcome> {
  useAppStore.getState().setExplainOpen(true)
  return done
}

/** Changes `"admin":false` to `"admin":true` in the payload and keeps the old signature. */
export async function tamperAdmin(): Promise<ActionOutcome> {
  const { token, setToken } = useAppStore.getState()
  const text = decodeCached(token).payload?.text ?? null
  if (text === null || !text.includes('"admin":false')) {
    return { ok: false, message: 'The payload has no "admin":false to change: do the first step again.' }
  }
  setToken(withPayload(token, text.replace('"admin":false', '"admin":true')))
  return done
}

/** Re-signs the current payload with `keyText` (HS256), keeping the verification key as it is. */
async function resignWith(keyText: string): Promise<ActionOutcome> {
  const { token } = useAppStore.getState()
  const text = decodeCached(token).payload?.text ?? null
  if (text === null) return { ok: false, message: 'The token has no payload to sign: do the first step again.' }
  const signed = await signLessonToken(text, 'HS256', keyText)
  if (!signed.ok) return { ok: false, message: signed.error.message }
  useAppStore.getState().setToken(signed.value)
  return done
}

/** An attacker's attempt: re-sign the tampered payload with a guessed secret. */
export const resignWithGuess = () => resignWith('a-guess-at-the-secret-that-is-long-enough')

/** The issuer re-signs with the real secret. */
export const resignWithSecret = () => resignWith(LESSON_SECRET)

/** The expiry lesson token, with the clock fixed half-way through its hour and no skew. */
export async function loadExpiryLesson(): Promise<ActionOutcome> {
  useAppStore.getState().setPolicy({ nowOverride: EXPIRY_TIMES.during, clockSkewSeconds: 0 })
  return load(EXPIRY_CLAIMS, 'HS256', LESSON_SECRET, LESSON_SECRET)
}

/** Moves the clock to 30 seconds after `exp`. */
export async function jumpPastExpiry(): Promise<ActionOutcome> {
  useAppStore.getState().setPolicy({ nowOverride: EXPIRY_TIMES.justAfter })
  return done
}

/** Allows 60 seconds of clock skew. */
export async function allowSkew(): Promise<ActionOutcome> {
  useAppStore.getState().setPolicy({ clockSkewSeconds: 60 })
  return done
}

/** Back to the real clock and no skew. */
export async function realTime(): Promise<ActionOutcome> {
  useAppStore.getState().setPolicy({ nowOverride: '', clockSkewSeconds: 0 })
  return done
}

/** The lesson claims signed with RS256: private key to sign, public key to verify. */
export async function switchToRs256(): Promise<ActionOutcome> {
  const pair = await lessonRsaKey()
  if (!pair.ok) return { ok: false, message: pair.error.message }
  return load(LESSON_CLAIMS, 'RS256', pair.value.privateText, pair.value.publicText)
}

/** Puts the HMAC secret into the Verification key box of the RS256 token. */
export async function verifyRsWithSecret(): Promise<ActionOutcome> {
  useAppStore.getState().setVerificationKey(LESSON_SECRET, 'utf8')
  return done
}

/** Puts the RSA public key back into the Verification key box. */
export async function restorePublicKey(): Promise<ActionOutcome> {
  const pair = await lessonRsaKey()
  if (!pair.ok) return { ok: false, message: pair.error.message }
  useAppStore.getState().setVerificationKey(pair.value.publicText, 'utf8')
  return done
}

/** Rewrites the current token as alg "none" with no signature. */
export async function setAlgNone(): Promise<ActionOutcome> {
  const { token, loadSession } = useAppStore.getState()
  if (decodeCached(token).kind !== 'jws') return { ok: false, message: 'There is no signed token to change: do the first step again.' }
  loadSession({ token: withAlgNone(token), algorithm: 'none' })
  return done
}
