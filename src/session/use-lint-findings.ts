import { useMemo } from 'react'
import {
  lintToken,
  listFindings,
  loadCommonSecrets,
  jweEnvelopeHeader,
  onDemandLintRules,
  type DecodedToken,
  type Finding,
  type JsonObject,
  type KeyInput,
  type LintRule,
  type ListedFinding,
  type SecretEncoding,
} from '../core'
import { createMemo } from '../hooks/create-memo'
import { useLatest } from '../hooks/use-latest'
import { useAppStore } from '../store/app-store'
import { HUGE_INPUT, lintHuge } from '../workers/token-client'
import { useShownToken } from './shown-token'
import { useVerifierToken } from './use-verifier-payload'
import { useNow } from './use-now'
import { useParsedKey, type ParsedKeyState } from './use-parsed-key'

/** What the lint gets besides the token: the parsed verification key and, for HMAC, the typed secret. */
export interface LintKeyContext {
  readonly keys: KeyInput | null
  readonly secretText: string | undefined
}

/**
 * The lint context of the verification key box. The typed text is passed as the secret only when it
 * was read as a UTF-8 HMAC secret: with another encoding the text is an encoding of the secret, and
 * comparing it with lists of common secrets would be wrong (the lint then looks at the bytes).
 */
export function lintKeyContext(keyText: string, encoding: SecretEncoding, parsed: ParsedKeyState): LintKeyContext {
  if (parsed.status !== 'ok') return { keys: null, secretText: undefined }
  const secretText = parsed.input.format === 'secret' && encoding === 'utf8' ? keyText : undefined
  return { keys: parsed.input, secretText }
}

/**
 * Lints once per (token, key, secret text, common list, now, allowed algorithms): the findings panel and the Diagnostics
 * list ask for the same findings in the same render. The context object is rebuilt on every render,
 * so the memo compares the fields it carries.
 */
export const lintCached = createMemo(
  (token: DecodedToken, context: LintKeyContext, common: ReadonlySet<string> | undefined, now: number, allowed: string, extraRules: readonly LintRule[] | undefined, envelopeHeader?: JsonObject): readonly Finding[] =>
    token.token.trim() === ''
      ? []
      : lintToken(token, {
          keys: context.keys, secretText: context.secretText, commonSecrets: common, now, allowedAlgorithms: algorithmList(allowed),
          ...(extraRules === undefined ? {} : { extraRules }),
          ...(envelopeHeader === undefined ? {} : { envelopeHeader }),
        }),
  { max: 2, key: (token, context, common, now, allowed, extraRules, envelopeHeader) => [token, context.keys, context.secretText, common, now, allowed, extraRules, envelopeHeader] },
)

/** The readable header of an encrypted envelope: a compact JWE's protected header; {} when it has none to read. */

/** The policy's "Allowed algorithms" text as names: commas and spaces separate them, as in the policy panel. */
function algorithmList(text: string): string[] {
  return text.replaceAll(',', ' ').split(' ').map((name) => name.trim()).filter((name) => name !== '')
}

// The list is the same for every caller and holds no user data: load it once per page.
let commonSecrets: Promise<ReadonlySet<string>> | null = null

/**
 * The common-secret list, loaded only once an HMAC secret is being checked: it is large, and most
 * tokens never need it. Until it arrives, the well-known default JWT secrets are still recognised.
 */
function useCommonSecrets(needed: boolean): ReadonlySet<string> | undefined {
  const latest = useLatest(needed ? ['common secrets'] : null, () => (commonSecrets ??= loadCommonSecrets()))
  return latest.status === 'done' ? latest.value : undefined
}

/**
 * The lint rules a token needs beyond the built-in ones (JWE header rules, algorithm support),
 * loaded once they apply. Until they arrive, or if they cannot load, the other rules run.
 */
function useOnDemandLintRules(token: DecodedToken, opened: boolean): readonly LintRule[] | undefined {
  const wanted = onDemandLintRules(token, { opened })
  const latest = useLatest(wanted === undefined ? null : ['lint rules', wanted.key], () => (wanted as NonNullable<typeof wanted>).load())
  return latest.status === 'done' ? latest.value : undefined
}

/** Time-based rules (a future `iat`) need "now", but not to the second. */
const CLOCK_INTERVAL_MS = 10_000

/**
 * Security findings (core `lintToken`) for the current token, the verification key and "now" (the
 * policy's time override or the clock), most severe first. Empty for an empty token.
 */
export function useSecurityFindings(): readonly Finding[] {
  // For an SD-JWT, the rules judge the claims a verifier ends up with (disclosures applied).
  const decoded = useVerifierToken()
  const keyText = useAppStore((s) => s.verificationKey)
  const encoding = useAppStore((s) => s.secretEncoding)
  const parsed = useParsedKey(keyText, encoding)
  const now = useNow(CLOCK_INTERVAL_MS)
  const context = lintKeyContext(keyText, encoding, parsed)
  // A huge token's lint loads the list in the worker instead.
  const common = useCommonSecrets(context.keys?.format === 'secret' && decoded.token.length <= HUGE_INPUT)
  // The verifier's allowlist tells the lint which algorithms the user's own verifier accepts.
  const allowed = useAppStore((s) => s.allowedAlgorithms)
  // An inner token opened from its encrypted envelope is judged as a nested JWT.
  const envelopeToken = useAppStore((s) => s.envelope?.token)
  const envelopeHeader = useMemo(() => (envelopeToken === undefined ? undefined : jweEnvelopeHeader(envelopeToken)), [envelopeToken])
  const extraRules = useOnDemandLintRules(decoded, envelopeHeader !== undefined)
  const inWorker = useWorkerFindings(decoded, context, now, allowed, envelopeHeader)
  return inWorker ?? lintCached(decoded, context, common, now, allowed, extraRules, envelopeHeader)
}

const NO_FINDINGS: readonly Finding[] = []

/**
 * The findings of a huge token, linted in the token worker (which loads the on-demand rules and the
 * common-secret list itself); undefined for any other token, which is linted on the page. An SD-JWT
 * stays on the page: its claims are the processed ones, which only the page has. Until the worker
 * answers, the findings of the same token (an earlier key or clock) stay, and a new token has none.
 */
function useWorkerFindings(decoded: DecodedToken, context: LintKeyContext, now: number, allowed: string, envelopeHeader: JsonObject | undefined): readonly Finding[] | undefined {
  const huge = decoded.token.length > HUGE_INPUT && decoded.sdJwt === undefined
  const key = huge ? ['lint', decoded.token, context.keys, context.secretText, now, allowed, envelopeHeader] : null
  const latest = useLatest(key, () =>
    lintHuge(decoded.token, {
      keys: context.keys,
      secretText: context.secretText,
      commonSecrets: context.keys?.format === 'secret',
      now,
      allowedAlgorithms: algorithmList(allowed),
      envelopeHeader,
    }),
  )
  if (latest.status === 'idle') return undefined
  if (latest.status === 'done') return latest.value
  return latest.previous !== null && latest.previous.key[1] === decoded.token ? latest.previous.value : NO_FINDINGS
}

/**
 * The one findings list of the current token: decode problems and security findings on one scale,
 * most severe first, none said twice (core `listFindings`).
 */
export function useListedFindings(): readonly ListedFinding[] {
  const decoded = useShownToken()
  const findings = useSecurityFindings()
  return listedCached(decoded, findings)
}

export const listedCached = createMemo((token: DecodedToken, findings: readonly Finding[]) => listFindings(token, findings), {
  max: 2,
  key: (token, findings) => [token, findings],
})
