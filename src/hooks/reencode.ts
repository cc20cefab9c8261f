import { useCallback } from 'react'
import { base64url } from 'jose'
import {
  algorithmSpec,
  compactJson,
  parseKey,
  signToken,
  type DecodedToken,
  type JwsAlgorithm,
  type SecretEncoding,
} from '../core'
import { useAppStore } from '../store/app-store'

/** What to re-encode: the current token and the editors' texts (undefined when a pane is untouched). */
export interface ReencodeInput {
  readonly decoded: DecodedToken
  readonly headerText: string | undefined
  readonly payloadText: string | undefined
  /** False when the payload is plain text (not JSON): it is then encoded as typed. */
  readonly payloadIsJson: boolean
  readonly signingKey: string
  readonly signingEncoding: SecretEncoding
  readonly algorithm: JwsAlgorithm
}

/** A re-encoded token, or the problems that stopped it. */
export type ReencodeOutcome =
  | {
      readonly ok: true
      readonly token: string
      /** True when the old signature was kept (no usable signing key). */
      readonly stale: boolean
      /** Why signing was not possible although a key was given, or warnings of a successful signing. */
      readonly notes: readonly string[]
    }
  | { readonly ok: false; readonly pane: 'header' | 'payload'; readonly message: string }

function isSigningAlgorithm(alg: string | undefined): alg is JwsAlgorithm {
  return alg !== undefined && (alg === 'none' || algorithmSpec(alg) !== undefined)
}

/**
 * Builds the token for edited header/payload texts. Edited JSON is compacted (member order and number
 * text kept); untouched parts keep their encoded text. With a signing key the token is signed with the
 * header's `alg` (or the chosen algorithm when the header has none usable); without one, the old
 * signature is kept and the result is marked stale. Invalid JSON stops re-encoding.
 */
export async function reencodeToken(input: ReencodeInput): Promise<ReencodeOutcome> {
  const { decoded } = input
  let header: string | undefined
  let payload: string | undefined
  if (input.headerText !== undefined) {
    const compact = compactJson(input.headerText)
    if (!compact.ok) return { ok: false, pane: 'header', message: compact.error.message.replace('The JSON', 'The header JSON') }
    header = compact.value
  }
  if (input.payloadText !== undefined) {
    if (input.payloadIsJson) {
      const compact = compactJson(input.payloadText)
      if (!compact.ok) return { ok: false, pane: 'payload', message: compact.error.message.replace('The JSON', 'The payload JSON') }
      payload = compact.value
    } else {
      payload = input.payloadText
    }
  }

  const notes: string[] = []
  if (input.signingKey.trim() !== '') {
    const headerSource = header ?? decoded.header?.text ?? '{}'
    const payloadSource = payload ?? decoded.payload?.text
    const headerAlg = decoded.alg
    let alg: JwsAlgorithm = input.algorithm
    if (input.headerText === undefined && isSigningAlgorithm(headerAlg)) alg = headerAlg
    else if (input.headerText !== undefined) {
      const typed = /"alg"\s*:\s*"([^"]*)"/.exec(header ?? '')?.[1]
      if (isSigningAlgorithm(typed)) alg = typed
    }
    if (payloadSource !== undefined && payloadSource !== null) {
      const parsed = await parseKey(input.signingKey, { encoding: input.signingEncoding })
      if (!parsed.ok) notes.push(`Not re-signed: ${parsed.error.message}`)
      else {
        const key = parsed.value.keys.find((k) => k.kind !== 'public') ?? null
        if (key === null && alg !== 'none') notes.push('Not re-signed: the signing key is a public key; signing needs the private key or the secret.')
        else {
          const signed = await signToken({ header: headerSource, payload: payloadSource, alg, key, syncHeader: true })
          if (signed.ok) return { ok: true, token: signed.value.token, stale: false, notes: signed.value.warnings }
          notes.push(`Not re-signed: ${signed.error.message}`)
        }
      }
    }
  }

  const headerSegment = header !== undefined ? base64url.encode(header) : (decoded.header?.encoded ?? '')
  const payloadSegment = payload !== undefined ? base64url.encode(payload) : (decoded.payload?.encoded ?? '')
  const signature = decoded.signature?.encoded ?? ''
  return { ok: true, token: `${headerSegment}.${payloadSegment}.${signature}`, stale: true, notes }
}

/** Which editor panes already show the content of a token this code produced. */
export interface OwnEdit {
  readonly header: boolean
  readonly payload: boolean
}

// Recent tokens produced from the editors. The decoded token reaches the panes deferred, so it can
// lag behind several keystrokes: every one of them must be recognised as the user's own echo.
const ownEdits = new Map<string, OwnEdit>()
const MAX_OWN_EDITS = 50
let sequence = 0

/** Forgets the tokens recently produced from the editors: "Forget everything" calls this. */
export function clearOwnEdits(): void {
  ownEdits.clear()
}

function rememberOwnEdit(token: string, edit: OwnEdit): void {
  ownEdits.delete(token)
  ownEdits.set(token, edit)
  while (ownEdits.size > MAX_OWN_EDITS) {
    const oldest = ownEdits.keys().next().value
    if (oldest === undefined) break
    ownEdits.delete(oldest)
  }
}

/** Problems to show per pane after an edit (`signing` for notes about re-signing). */
export type EditProblems = Partial<Record<'header' | 'payload' | 'signing', string>>

/**
 * The editors' link to the store: `reencode` stores the re-encoded token (ignoring results overtaken
 * by a later keystroke) and `ownEditOf` tells whether a token came from the editors, and for which
 * panes, so those editors are not overwritten with their own echo.
 */
export function useReencode(): {
  reencode: (args: Pick<ReencodeInput, 'decoded' | 'headerText' | 'payloadText' | 'payloadIsJson'>) => Promise<EditProblems>
  ownEditOf: (token: string) => OwnEdit | undefined
} {
  const reencode = useCallback(async (args: Pick<ReencodeInput, 'decoded' | 'headerText' | 'payloadText' | 'payloadIsJson'>) => {
    const mine = ++sequence
    const { signingKey, signingEncoding, algorithm } = useAppStore.getState()
    const outcome = await reencodeToken({ ...args, signingKey, signingEncoding, algorithm })
    if (mine !== sequence) return {}
    if (!outcome.ok) return { [outcome.pane]: outcome.message }
    rememberOwnEdit(outcome.token, { header: args.headerText !== undefined, payload: args.payloadText !== undefined })
    useAppStore.getState().setEditedToken(outcome.token, outcome.stale)
    return outcome.notes.length > 0 ? { signing: outcome.notes.join(' ') } : {}
  }, [])
  const ownEditOf = useCallback((token: string) => ownEdits.get(token), [])
  return { reencode, ownEditOf }
}
