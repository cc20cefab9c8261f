/**
 * The work the token worker does for huge inputs, as plain functions: the worker runs them, and the
 * page runs the same ones when no worker can be had.
 */
import {
  decodeToken,
  extractToken,
  formatJson,
  lintToken,
  loadCommonSecrets,
  onDemandLintRules,
  type DecodedToken,
  type Finding,
  type JsonObject,
  type KeyInput,
  type TokenExtraction,
} from '../core'

/** The lint context of the page (see the session's `LintKeyContext`), with only cloneable members. */
export interface WorkerLintContext {
  readonly keys: KeyInput | null
  readonly secretText: string | undefined
  /** Whether the common-secret list applies (an HMAC secret is being checked): it is loaded where the lint runs. */
  readonly commonSecrets: boolean
  readonly now: number
  readonly allowedAlgorithms: readonly string[]
  readonly envelopeHeader: JsonObject | undefined
}

/** A decoded huge input: the extraction (when asked for), the decoded token and its payload as shown. */
export interface WorkerDecoded {
  /** What the extractor found in the text, or null when the text was taken as it is. */
  readonly extraction: TokenExtraction | null
  readonly decoded: DecodedToken
  /** The payload's display text (pretty JSON, digits kept) when it is JSON; null otherwise. */
  readonly payloadJson: string | null
}

/** Extracts a token from `text` (when `extract`), decodes it, and formats its JSON payload for display. */
export function decodeInput(text: string, extract: boolean, decode: (token: string) => DecodedToken = decodeToken): WorkerDecoded {
  const extraction = extract ? extractToken(text) : null
  const decoded = decode(extraction === null || extraction.stripped.length === 0 ? text : extraction.token)
  const payload = decoded.payload
  const payloadJson = payload !== null && payload.kind === 'json' && payload.text !== null ? formatJson(payload.text, { alreadyValid: true }) : null
  return { extraction, decoded, payloadJson }
}

let commonSecrets: Promise<ReadonlySet<string>> | null = null

/**
 * Lints a decoded token as the page does: built-in rules, the on-demand rules it needs, and the
 * common-secret list when an HMAC secret is checked. Rules or lists that cannot load (offline before
 * caching) are left out and the others run.
 */
export async function lintDecoded(decoded: DecodedToken, context: WorkerLintContext): Promise<readonly Finding[]> {
  if (decoded.token.trim() === '') return []
  const wanted = onDemandLintRules(decoded, { opened: context.envelopeHeader !== undefined })
  const extraRules = wanted === undefined ? undefined : await wanted.load().catch(() => undefined)
  const common = context.commonSecrets ? await (commonSecrets ??= loadCommonSecrets()).catch(() => undefined) : undefined
  return lintToken(decoded, {
    keys: context.keys,
    secretText: context.secretText,
    commonSecrets: common,
    now: context.now,
    allowedAlgorithms: context.allowedAlgorithms,
    ...(extraRules === undefined ? {} : { extraRules }),
    ...(context.envelopeHeader === undefined ? {} : { envelopeHeader: context.envelopeHeader }),
  })
}
