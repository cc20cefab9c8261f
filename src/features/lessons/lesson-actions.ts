import { generateSigningKey, loadSdJwt, type JsonValue, type JwsAlgorithm, type ParsedKey, type SdJwtModule } from '../../core'
import { decodeCached } from '../../session/use-decoded-token'
import { useAppStore } from '../../store/app-store'
import { disclosureNames, SD_JWT_LESSON_AUDIENCE, SD_JWT_LESSON_CLAIMS, SD_JWT_LESSON_DISCLOSABLE, SD_JWT_LESSON_NONCE, SD_JWT_LESSON_REVEALED, withDisclosureValue } from './sd-jwt-lesson'
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

/**
 * The holder's private key of the SD-JWT lesson, in memory only (a module variable: never in the
 * store, so never stored or linked). A new lesson credential replaces it.
 */
let sdJwtLessonHolder: ParsedKey | null = null

// "Forget everything" drops it with the other in-memory inputs.
useAppStore.subscribe((state, previous) => {
  if (state.inputsGeneration !== previous.inputsGeneration) sdJwtLessonHolder = null
})

const SD_JWT_UNLOADED: ActionOutcome = { ok: false, message: 'The SD-JWT code could not be loaded (offline before the app was stored for offline use?). Connect to the network and try again.' }

async function sdJwtModule(): Promise<SdJwtModule | null> {
  try {
    return await loadSdJwt()
  } catch {
    return null
  }
}

/**
 * The issuer's side: ES256 keys for the issuer and the holder are generated here, the lesson
 * credential is issued with four selectively disclosable claims and the holder's key in cnf.jwk,
 * and the issuer's public key goes into the Verification key.
 */
export async function issueSdJwtLesson(): Promise<ActionOutcome> {
  const [issuer, holder, sd] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256'), sdJwtModule()])
  if (!issuer.ok) return { ok: false, message: issuer.error.message }
  if (!holder.ok) return { ok: false, message: holder.error.message }
  if (sd === null) return SD_JWT_UNLOADED
  const issued = await sd.issueSdJwt({
    payloadJson: SD_JWT_LESSON_CLAIMS,
    disclosable: SD_JWT_LESSON_DISCLOSABLE,
    headerJson: JSON.stringify({ alg: 'ES256', typ: 'example+sd-jwt' }),
    issuerKey: issuer.value.key,
    holderPublicJwk: holder.value.publicJwk as { readonly [name: string]: JsonValue },
  })
  if (!issued.ok) return { ok: false, message: issued.error.message }
  sdJwtLessonHolder = holder.value.key
  useAppStore.getState().setPolicy({ nowOverride: '', clockSkewSeconds: 0 })
  useAppStore.getState().loadSession({ token: issued.value.sdJwt, verificationKey: issuer.value.publicText, secretEncoding: 'utf8' })
  return done
}

/** The holder's side: reveal only the lesson's chosen claims, with a key binding JWT for the lesson verifier. */
export async function presentSdJwtLesson(): Promise<ActionOutcome> {
  const { token, setToken } = useAppStore.getState()
  const names = disclosureNames(token)
  if (sdJwtLessonHolder === null || names.length === 0) return { ok: false, message: 'There is no lesson SD-JWT to present: do the first step again.' }
  const sd = await sdJwtModule()
  if (sd === null) return SD_JWT_UNLOADED
  const include = names.flatMap((name, i) => (name !== null && (SD_JWT_LESSON_REVEALED as readonly string[]).includes(name) ? [i] : []))
  const presented = await sd.presentSdJwt({
    sdJwt: token,
    include,
    holderKey: sdJwtLessonHolder,
    aud: SD_JWT_LESSON_AUDIENCE,
    nonce: SD_JWT_LESSON_NONCE,
    iat: Math.floor(Date.now() / 1000),
  })
  if (!presented.ok) return { ok: false, message: presented.error.message }
  setToken(presented.value)
  return done
}

/** A holder who edits a disclosed claim: the birthdate disclosure gets a later date, its salt and name stay. */
export async function tamperSdJwtLesson(): Promise<ActionOutcome> {
  const { token, setToken } = useAppStore.getState()
  const tampered = withDisclosureValue(token, disclosureNames(token).indexOf('birthdate'), '2000-01-01')
  if (tampered === null) return { ok: false, message: 'There is no birthdate disclosure to edit: do the first steps again.' }
  setToken(tampered)
  return done
}
